// Placeholders and backdrops (see artwork.hpp).
#include "ui/artwork.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/assets.hpp"

namespace kiosk::ui {

bool drawAssetImage(const UiContext& ctx, std::string_view path, ImVec2 min, ImVec2 max, Fit fit) {
    if (!ctx.assets || !ctx.images) return false;
    const core::ManifestEntry* entry = ctx.assets->find(path);
    if (!entry) return false;
    const float w = max.x - min.x, h = max.y - min.y;
    if (w <= 1 || h <= 1) return false;
    const ImageHandle handle =
        ctx.images->request(ctx.assets->pathOf(*entry), entry->sha256, static_cast<int>(w), static_cast<int>(h));
    if (handle.state != ImageHandle::State::Ready || handle.width <= 0 || handle.height <= 0) return false;
    const float scale = fit == Fit::Contain ? std::min(w / handle.width, h / handle.height)
                                            : std::max(w / handle.width, h / handle.height);
    const ImVec2 size(handle.width * scale, handle.height * scale);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (fit == Fit::Cover) {
        const float cu = (size.x - w) / size.x * 0.5f, cv = (size.y - h) / size.y * 0.5f;
        dl->AddImage(handle.texture, min, max, ImVec2(cu, cv), ImVec2(1 - cu, 1 - cv));
    } else {
        const ImVec2 p0(min.x + (w - size.x) * 0.5f, min.y + (h - size.y) * 0.5f);
        dl->AddImage(handle.texture, p0, ImVec2(p0.x + size.x, p0.y + size.y));
    }
    return true;
}

void drawPlaceholderArt(const UiContext& ctx, ImVec2 min, ImVec2 max, Pictogram pictogram, std::string_view kind) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = max.x - min.x, h = max.y - min.y;
    if (w <= 1 || h <= 1) return;
    if (!drawAssetImage(ctx, "placeholders/" + std::string(kind) + ".png", min, max, Fit::Cover)) {
        // Built-in: the primary colour, pale diagonal bands, then the pictogram on top.
        const Theme& t = *ctx.theme;
        dl->AddRectFilled(min, max, t.primary.imu32());
        dl->PushClipRect(min, max, true);
        const float band = std::max(8.0f, std::min(w, h) * 0.12f);
        for (float x = min.x - h; x < max.x; x += band * 2) {
            const ImVec2 quad[4] = {ImVec2(x, max.y), ImVec2(x + band, max.y), ImVec2(x + band + h, min.y),
                                    ImVec2(x + h, min.y)};
            dl->AddConvexPolyFilled(quad, 4, t.onPrimary.imu32(28));
        }
        dl->PopClipRect();
    }
    const float s = std::min(w, h) * 0.42f;
    const ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    dl->AddCircleFilled(c, s * 0.75f, ctx.theme->onPrimary.imu32(235));
    drawPictogram(dl, pictogram, c, s * 0.8f, ctx.theme->primary.imu32());
}

void drawBackdrop(const UiContext& ctx, ImVec2 min, ImVec2 max) {
    const bool portrait = max.y - min.y > max.x - min.x;
    if (drawAssetImage(ctx, portrait ? "backgrounds/attract-portrait.png" : "backgrounds/attract-landscape.png", min,
                       max, Fit::Cover)) {
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = std::max(max.x - min.x, max.y - min.y);
    dl->PushClipRect(min, max, true);
    dl->AddCircleFilled(ImVec2(max.x, min.y), r * 0.32f, ctx.theme->accent.imu32(22), 64);
    dl->AddCircleFilled(ImVec2(min.x, max.y), r * 0.26f, ctx.theme->primary.imu32(18), 64);
    dl->PopClipRect();
}

}  // namespace kiosk::ui
