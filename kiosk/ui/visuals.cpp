// Images, QR codes and pictograms (see visuals.hpp).
#include "ui/visuals.hpp"

#include <algorithm>
#include <cmath>

#include "core/qr.hpp"
#include "ui/contrast.hpp"
#include "ui/frame_state.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"

namespace kiosk::ui {

std::string imagePath(const core::Content& c, const std::string& src) { return c.root + "/" + src; }

ImageHandle::State drawImage(const UiContext& ctx, const core::Image& image, ImVec2 min, ImVec2 max, Fit fit) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = max.x - min.x, h = max.y - min.y;
    if (auto& rec = frameState().records; rec.texts) rec.pictures.push_back({min, max});
    ImageHandle handle;
    handle.state = ImageHandle::State::Failed;
    if (ctx.images && w > 1 && h > 1) {
        const core::ManifestEntry* entry = ctx.content->manifest.find(image.src);
        handle = ctx.images->request(imagePath(*ctx.content, image.src), entry ? entry->sha256 : std::string(),
                                     static_cast<int>(w), static_cast<int>(h));
    }
    if (handle.state == ImageHandle::State::Ready && handle.width > 0 && handle.height > 0) {
        const float scale = fit == Fit::Contain ? std::min(w / handle.width, h / handle.height)
                                                : std::max(w / handle.width, h / handle.height);
        const ImVec2 size(handle.width * scale, handle.height * scale);
        ImVec2 uv0(0, 0), uv1(1, 1);
        ImVec2 p0(min.x + (w - size.x) * 0.5f, min.y + (h - size.y) * 0.5f);
        ImVec2 p1(p0.x + size.x, p0.y + size.y);
        if (fit == Fit::Cover) {  // crop the overflow through the UVs
            const float cu = (size.x - w) / size.x * 0.5f, cv = (size.y - h) / size.y * 0.5f;
            uv0 = ImVec2(cu, cv);
            uv1 = ImVec2(1 - cu, 1 - cv);
            p0 = min;
            p1 = max;
        }
        dl->AddImage(handle.texture, p0, p1, uv0, uv1);
        return handle.state;
    }
    dl->AddRectFilled(min, max, ctx.theme->surface.imu32());
    dl->AddRect(min, max, ctx.theme->border.imu32(), 0, 0, 1.0f);
    BackgroundScope placeholder(ctx.theme->surface);
    const Str status = handle.state == ImageHandle::State::Loading ? Str::ImageLoading : Str::ImageUnavailable;
    const float pad = ctx.fonts->small->FontSize * 0.5f;
    float y = min.y + pad;
    const int lines = std::max(1, static_cast<int>((h - 2 * pad) / ctx.fonts->small->FontSize) - 1);
    // A placeholder is transient: what does not fit is cut without being reported.
    y += drawText(dl, ctx.fonts->small, ImVec2(min.x + pad, y), w - 2 * pad, 1, ctx.theme->textMuted.imu32(),
                  tr(status, ctx.lang), Align::Left, false);
    if (lines > 1) {
        drawText(dl, ctx.fonts->small, ImVec2(min.x + pad, y), w - 2 * pad, lines - 1, ctx.theme->text.imu32(),
                 image.alt.str(ctx.lang), Align::Left, false);
    }
    return handle.state;
}

float qrSide(const UiContext& ctx, const std::string& url, float minMm) {
    auto qr = core::encodeQr(url);
    if (!qr) return 0;
    const int modules = qr.value().size + 8;  // 4-module quiet zone on each side
    const float module = std::ceil(ctx.metrics->px(minMm) / static_cast<float>(qr.value().size));
    return module * static_cast<float>(modules);
}

float drawQr(const UiContext& ctx, const std::string& url, ImVec2 topLeft, float minMm) {
    auto qr = core::encodeQr(url);
    if (!qr) return 0;
    const core::QrMatrix& m = qr.value();
    const int modules = m.size + 8;
    // Whole pixels per module keep the code sharp for phone cameras.
    const float module = std::ceil(ctx.metrics->px(minMm) / static_cast<float>(m.size));
    const float side = module * static_cast<float>(modules);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(topLeft, ImVec2(topLeft.x + side, topLeft.y + side), IM_COL32_WHITE);
    const ImVec2 origin(std::round(topLeft.x) + 4 * module, std::round(topLeft.y) + 4 * module);
    for (int y = 0; y < m.size; ++y) {
        for (int x = 0; x < m.size; ++x) {
            if (!m.dark(x, y)) continue;
            const ImVec2 p(origin.x + static_cast<float>(x) * module, origin.y + static_cast<float>(y) * module);
            dl->AddRectFilled(p, ImVec2(p.x + module, p.y + module), IM_COL32_BLACK);
        }
    }
    return side;
}

void drawPictogram(ImDrawList* dl, Pictogram p, ImVec2 c, float size, ImU32 color) {
    const float s = size * 0.5f, t = std::max(2.0f, size * 0.07f);
    switch (p) {
        case Pictogram::Calendar: {
            const ImVec2 a(c.x - s * 0.8f, c.y - s * 0.6f), b(c.x + s * 0.8f, c.y + s * 0.8f);
            dl->AddRect(a, b, color, s * 0.1f, 0, t);
            dl->AddRectFilled(a, ImVec2(b.x, a.y + s * 0.35f), color, s * 0.1f);
            dl->AddLine(ImVec2(c.x - s * 0.4f, a.y - s * 0.25f), ImVec2(c.x - s * 0.4f, a.y + s * 0.1f), color, t);
            dl->AddLine(ImVec2(c.x + s * 0.4f, a.y - s * 0.25f), ImVec2(c.x + s * 0.4f, a.y + s * 0.1f), color, t);
            for (int i = 0; i < 3; ++i) {
                for (int j = 0; j < 2; ++j) {
                    const ImVec2 d(c.x - s * 0.45f + static_cast<float>(i) * s * 0.45f,
                                   c.y + s * 0.05f + static_cast<float>(j) * s * 0.38f);
                    dl->AddRectFilled(ImVec2(d.x - s * 0.1f, d.y - s * 0.1f), ImVec2(d.x + s * 0.1f, d.y + s * 0.1f),
                                      color);
                }
            }
            break;
        }
        case Pictogram::Map: {
            const ImVec2 pts[] = {{c.x - s * 0.9f, c.y - s * 0.6f}, {c.x - s * 0.3f, c.y - s * 0.8f},
                                  {c.x + s * 0.3f, c.y - s * 0.6f}, {c.x + s * 0.9f, c.y - s * 0.8f},
                                  {c.x + s * 0.9f, c.y + s * 0.6f}, {c.x + s * 0.3f, c.y + s * 0.8f},
                                  {c.x - s * 0.3f, c.y + s * 0.6f}, {c.x - s * 0.9f, c.y + s * 0.8f}};
            dl->AddPolyline(pts, 8, color, ImDrawFlags_Closed, t);
            dl->AddLine(pts[1], pts[6], color, t);
            dl->AddLine(pts[2], pts[5], color, t);
            break;
        }
        case Pictogram::Pin: {
            dl->AddCircleFilled(ImVec2(c.x, c.y - s * 0.3f), s * 0.55f, color, 24);
            dl->AddTriangleFilled(ImVec2(c.x - s * 0.47f, c.y - s * 0.05f), ImVec2(c.x + s * 0.47f, c.y - s * 0.05f),
                                  ImVec2(c.x, c.y + s * 0.9f), color);
            dl->AddCircleFilled(ImVec2(c.x, c.y - s * 0.3f), s * 0.22f, IM_COL32_WHITE, 16);
            break;
        }
        case Pictogram::Showroom: {
            dl->AddRect(ImVec2(c.x - s * 0.9f, c.y - s * 0.7f), ImVec2(c.x + s * 0.9f, c.y + s * 0.4f), color,
                        s * 0.08f, 0, t);
            dl->AddLine(ImVec2(c.x, c.y + s * 0.4f), ImVec2(c.x, c.y + s * 0.75f), color, t);
            dl->AddLine(ImVec2(c.x - s * 0.5f, c.y + s * 0.8f), ImVec2(c.x + s * 0.5f, c.y + s * 0.8f), color, t);
            dl->AddTriangleFilled(ImVec2(c.x - s * 0.2f, c.y - s * 0.35f), ImVec2(c.x - s * 0.2f, c.y + s * 0.1f),
                                  ImVec2(c.x + s * 0.3f, c.y - s * 0.12f), color);
            break;
        }
        case Pictogram::Info: {
            dl->AddCircle(c, s * 0.85f, color, 32, t);
            dl->AddCircleFilled(ImVec2(c.x, c.y - s * 0.4f), s * 0.12f, color, 12);
            dl->AddRectFilled(ImVec2(c.x - s * 0.1f, c.y - s * 0.15f), ImVec2(c.x + s * 0.1f, c.y + s * 0.5f), color);
            break;
        }
        case Pictogram::Clock: {
            dl->AddCircle(c, s * 0.85f, color, 32, t);
            dl->AddLine(c, ImVec2(c.x, c.y - s * 0.55f), color, t);
            dl->AddLine(c, ImVec2(c.x + s * 0.4f, c.y), color, t);
            break;
        }
        case Pictogram::Person: {
            dl->AddCircleFilled(ImVec2(c.x, c.y - s * 0.45f), s * 0.3f, color, 20);
            dl->PathArcTo(ImVec2(c.x, c.y + s * 0.6f), s * 0.6f, 3.14159f, 2 * 3.14159f, 16);
            dl->PathFillConvex(color);
            break;
        }
        case Pictogram::Access: {
            dl->AddCircle(c, s * 0.9f, color, 32, t);
            break;
        }
    }
}

}  // namespace kiosk::ui
