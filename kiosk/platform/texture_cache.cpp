// SDL textures for decoded images, with a least-recently-used memory budget (see
// texture_cache.hpp). Only this file's main-thread code touches SDL; workers only decode.
#include "platform/texture_cache.hpp"

#include <SDL.h>

#include <algorithm>
#include <utility>

#include "core/log.hpp"

namespace kiosk::platform {

TextureCache::TextureCache(SDL_Renderer* renderer, TextureCacheOptions options)
    : renderer_(renderer), options_(std::move(options)) {
    SDL_RendererInfo info;
    if (renderer_ && SDL_GetRendererInfo(renderer_, &info) == 0) {
        maxTextureWidth_ = info.max_texture_width;
        maxTextureHeight_ = info.max_texture_height;
    }
    decoder_ = std::make_unique<core::ImageDecoder>(options_.decoder);
}

TextureCache::~TextureCache() {
    decoder_.reset();  // no result can arrive while textures are destroyed
    for (auto& [key, entry] : entries_) destroyTexture(entry);
}

int TextureCache::roundUp(int size) const {
    if (size <= 0) return 0;
    const int step = std::max(options_.sizeStep, 1);
    return (size + step - 1) / step * step;
}

ui::ImageHandle TextureCache::request(const std::string& path, const std::string& sha256, int maxWidth, int maxHeight) {
    int w = roundUp(maxWidth), h = roundUp(maxHeight);
    if (maxTextureWidth_ > 0) w = w > 0 ? std::min(w, maxTextureWidth_) : maxTextureWidth_;
    if (maxTextureHeight_ > 0) h = h > 0 ? std::min(h, maxTextureHeight_) : maxTextureHeight_;
    // The same picture in another content version has another path but the same hash:
    // keyed by the hash, it keeps its texture across syncs instead of a second copy.
    std::string key = sha256.empty() ? path : sha256;
    key += '\x1f';
    key += std::to_string(w) + 'x' + std::to_string(h);

    requestedSincePump_ = true;
    ui::ImageHandle handle;
    auto [it, inserted] = entries_.try_emplace(std::move(key));
    Entry& entry = it->second;
    entry.lastUsed = frame_;
    if (inserted) {
        entry.ticket = nextTicket_++;
        loadingKeys_.emplace(entry.ticket, it->first);
        decoder_->enqueue(core::DecodeRequest{path, sha256, w, h, entry.ticket});
        return handle;  // Loading
    }
    handle.state = entry.state;
    if (entry.state == ui::ImageHandle::State::Ready) {
        lru_.splice(lru_.end(), lru_, entry.lru);
        handle.texture = static_cast<ImTextureID>(entry.texture);
        handle.width = static_cast<float>(entry.width);
        handle.height = static_cast<float>(entry.height);
    }
    return handle;
}

void TextureCache::cancelPending() {
    for (std::uint64_t ticket : decoder_->cancelPending()) {
        auto k = loadingKeys_.find(ticket);
        if (k == loadingKeys_.end()) continue;
        entries_.erase(k->second);
        loadingKeys_.erase(k);
    }
}

bool TextureCache::pump() {
    if (requestedSincePump_) {  // a frame was drawn since the last pump: its images are on screen
        protectedFrame_ = frame_;
        ++frame_;
        requestedSincePump_ = false;
    }
    bool changed = false;
    for (core::Decoded& decoded : decoder_->takeFinished()) {
        auto k = loadingKeys_.find(decoded.ticket);
        if (k == loadingKeys_.end()) continue;  // cleared meanwhile
        auto it = entries_.find(k->second);
        loadingKeys_.erase(k);
        if (it == entries_.end()) continue;
        Entry& entry = it->second;
        if (decoded.ok && upload(entry, decoded)) {
            entry.state = ui::ImageHandle::State::Ready;
            entry.lru = lru_.insert(lru_.end(), it->first);
        } else {
            entry.state = ui::ImageHandle::State::Failed;
            ++stats_.failures;
            core::log::warning("image not shown: " + decoded.error);
        }
        changed = true;
    }
    evictOverBudget();
    return changed;
}

bool TextureCache::upload(Entry& entry, core::Decoded& decoded) {
    SDL_Texture* texture =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, decoded.width, decoded.height);
    if (!texture) {
        decoded.error = decoded.path + ": cannot create a " + std::to_string(decoded.width) + " x " +
                        std::to_string(decoded.height) + " texture (" + SDL_GetError() + ")";
        return false;
    }
    if (SDL_UpdateTexture(texture, nullptr, decoded.pixels.data(), decoded.width * 4) != 0) {
        decoded.error = decoded.path + ": cannot upload the texture (" + SDL_GetError() + ")";
        SDL_DestroyTexture(texture);
        return false;
    }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);  // straight alpha, as stb_image gives it
    entry.texture = texture;
    entry.width = decoded.width;
    entry.height = decoded.height;
    entry.bytes = static_cast<std::size_t>(decoded.width) * static_cast<std::size_t>(decoded.height) * 4;
    stats_.bytesUsed += entry.bytes;
    ++stats_.textures;
    ++stats_.uploads;
    return true;
}

void TextureCache::evictOverBudget() {
    for (auto key = lru_.begin(); key != lru_.end() && stats_.bytesUsed > options_.budgetBytes;) {
        auto it = entries_.find(*key);
        if (it->second.lastUsed >= protectedFrame_) {
            ++key;  // on screen in the last drawn frame
            continue;
        }
        key = lru_.erase(key);
        destroyTexture(it->second);
        entries_.erase(it);  // the next request() decodes it again
        ++stats_.evictions;
    }
}

void TextureCache::destroyTexture(Entry& entry) {
    if (!entry.texture) return;
    SDL_DestroyTexture(entry.texture);
    entry.texture = nullptr;
    stats_.bytesUsed -= entry.bytes;
    --stats_.textures;
    entry.bytes = 0;
}

void TextureCache::clear() {
    decoder_->cancelPending();  // decodes in progress are ignored when they arrive
    for (auto& [key, entry] : entries_) destroyTexture(entry);
    entries_.clear();
    loadingKeys_.clear();
    lru_.clear();
}

TextureCache::Stats TextureCache::stats() const {
    Stats s = stats_;
    s.loading = loadingKeys_.size();
    return s;
}

void TextureCache::setBudgetBytes(std::size_t bytes) { options_.budgetBytes = bytes; }

}  // namespace kiosk::platform
