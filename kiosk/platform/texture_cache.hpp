// The kiosk's ImageSource: decodes on core::ImageDecoder workers, uploads to SDL_Renderer
// textures on the main thread, and keeps texture memory under a budget (least recently used go first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/image_decoder.hpp"
#include "ui/image_source.hpp"

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk::platform {

struct TextureCacheOptions {
    std::size_t budgetBytes = 96u << 20;  // texture memory (4 bytes a pixel): 96 MiB
    int sizeStep = 64;                    // requested sizes are rounded up to a multiple of this (pixels), so
                                          // small layout changes share one texture
    core::ImageDecoderOptions decoder;    // workers (1), file size, dimension and megapixel limits, and
                                          // onFinished to wake an idle main loop when a decode is done
};

class TextureCache final : public ui::ImageSource {
public:
    struct Stats {
        std::size_t bytesUsed = 0;  // texture memory held now
        std::size_t textures = 0;   // textures held now
        std::size_t uploads = 0;    // textures created since construction
        std::size_t evictions = 0;  // textures destroyed to respect the budget
        std::size_t failures = 0;   // images that ended Failed (each logged once)
        std::size_t loading = 0;    // requests queued or being decoded
    };

    // `renderer` is not owned and must outlive the cache. Main thread. Starts the decoder
    // workers (throws std::system_error only if a thread cannot start).
    explicit TextureCache(SDL_Renderer* renderer, TextureCacheOptions options = {});
    // Main thread: stops the workers (waiting for decodes in progress), then destroys every texture.
    ~TextureCache() override;
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    // ui::ImageSource. Never blocks on disk or decoding; main thread only. The key is the
    // content hash (the path when there is none) and the size rounded up to `sizeStep`, so a Ready handle's
    // width/height may be up to sizeStep-1 pixels above the request: draw it at the size you need. Sizes are also
    // capped at the renderer's maximum texture size. A Ready texture stays valid until the next pump().
    ui::ImageHandle request(const std::string& path, const std::string& sha256, int maxWidth, int maxHeight) override;
    // Drops queued decodes; their images are requested again on their next request().
    void cancelPending() override;

    // Main thread, once a frame before the UI draws: uploads finished decodes, records
    // failures (one core::log::warning line each, naming the file and the cause) and evicts
    // least recently used textures above the budget. Textures requested in the last drawn
    // frame are never evicted, so the budget is exceeded rather than making what is on
    // screen flicker. Returns true when an image became Ready or Failed (redraw).
    bool pump();

    // Destroys every texture and forgets failures (e.g. new content arrived). Main thread.
    void clear();

    Stats stats() const;
    std::size_t budgetBytes() const { return options_.budgetBytes; }
    void setBudgetBytes(std::size_t bytes);  // applied at the next pump()

private:
    struct Entry {
        ui::ImageHandle::State state = ui::ImageHandle::State::Loading;
        SDL_Texture* texture = nullptr;
        int width = 0, height = 0;
        std::size_t bytes = 0;
        std::uint64_t ticket = 0;              // of the decode in flight, while Loading
        std::uint64_t lastUsed = 0;            // frame number of the last request()
        std::list<std::string>::iterator lru;  // position in lru_ when it holds a texture
    };

    bool upload(Entry& entry, core::Decoded& decoded);
    void evictOverBudget();
    void destroyTexture(Entry& entry);
    int roundUp(int size) const;

    SDL_Renderer* renderer_;
    TextureCacheOptions options_;
    int maxTextureWidth_ = 0, maxTextureHeight_ = 0;  // 0: the renderer states no limit
    std::unordered_map<std::string, Entry> entries_;
    std::unordered_map<std::uint64_t, std::string> loadingKeys_;  // ticket -> key
    std::list<std::string> lru_;                                  // keys with a texture, least recent first
    std::uint64_t nextTicket_ = 1;
    std::uint64_t frame_ = 1;           // stamped by request()
    std::uint64_t protectedFrame_ = 0;  // the last frame that drew images
    bool requestedSincePump_ = false;
    Stats stats_;
    std::unique_ptr<core::ImageDecoder> decoder_;  // last member: its workers stop first
};

}  // namespace kiosk::platform
