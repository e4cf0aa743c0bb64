// A showroom demo: its picture gallery (swipe, or previous / next buttons), what it is,
// who shows it, where its stand is ("show on map") and a QR code of its link.
#include <algorithm>
#include <cmath>
#include <string>

#include "ui/artwork.hpp"
#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/visuals.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

class DemoScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Demo; }
    std::string title(const UiContext& ctx) const override { return showroomLabel(*ctx.content, ctx.lang); }

    void enter(const UiContext& ctx, const Route& route) override {
        id_ = route.id;
        if (id_.empty() && !ctx.content->demos.empty()) id_ = ctx.content->demos.front().id;
        image_ = 0;
        dragX_ = 0;
        panel_.reset();
    }

    std::size_t currentImage() const { return image_; }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const core::Demo* d = nullptr;
        for (const auto& demo : ctx.content->demos) {
            if (demo.id == id_) d = &demo;
        }
        if (!d) return;
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const bool side = !ctx.oneColumn();
        const float galleryW = side ? (m.width() - 3 * margin) * 0.55f : m.width() - 2 * margin;
        const float top = ctx.areaMin.y + margin * 0.5f;
        if (side) {
            drawGallery(ctx, *d, ImVec2(margin, top), galleryW, ctx.areaMax.y - top - margin);
            const float x = margin * 2 + galleryW;
            const float w = panel_.begin(ctx, nav, "##demo", ImVec2(x, top),
                                         ImVec2(m.width() - margin, ctx.areaMax.y - margin * 0.3f));
            drawText(ctx, nav, *d, w);
            panel_.end(ctx);
        } else {
            const float galleryH = std::min(galleryW * 0.75f, (ctx.areaMax.y - top) * 0.45f);
            drawGallery(ctx, *d, ImVec2(margin, top), galleryW, galleryH);
            const float w = panel_.begin(ctx, nav, "##demo", ImVec2(margin, top + galleryH + margin * 0.5f),
                                         ImVec2(m.width() - margin, ctx.areaMax.y - margin * 0.3f));
            drawText(ctx, nav, *d, w);
            panel_.end(ctx);
        }
    }

private:
    void drawGallery(const UiContext& ctx, const core::Demo& d, ImVec2 pos, float w, float h) {
        const float buttonH = controlHeight(ctx);
        const bool many = d.gallery.size() > 1;
        const float imageH = h - (many ? buttonH + ctx.metrics->px(3) : 0);
        const ImVec2 max(pos.x + w, pos.y + imageH);
        if (d.gallery.empty()) {  // no picture: a designed placeholder, not an empty box
            drawPlaceholderArt(ctx, pos, ImVec2(pos.x + w, pos.y + h), Pictogram::Showroom, "demo");
            return;
        }
        image_ = std::min(image_, d.gallery.size() - 1);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(pos, max, true);
        const ImVec2 shift(std::round(dragX_), 0);
        drawImage(ctx, d.gallery[image_], ImVec2(pos.x + shift.x, pos.y), ImVec2(max.x + shift.x, max.y), Fit::Contain);
        dl->PopClipRect();
        // Swipe: the picture follows the finger; past a fifth of the width it changes.
        ImGui::SetCursorScreenPos(pos);
        gestureArea("##gallery-swipe", ImVec2(w, imageH));
        const ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsItemActive() && wasDragged()) dragX_ += io.MouseDelta.x;
        if (ImGui::IsItemDeactivated()) {
            if (dragX_ < -w * 0.2f) step(d, +1);
            if (dragX_ > w * 0.2f) step(d, -1);
            dragX_ = 0;
        }
        if (!many) return;
        const float y = pos.y + imageH + ctx.metrics->px(3);
        const float bw = (w - ctx.metrics->px(3)) * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
        if (button("##prev-image", tr(Str::PreviousImage, ctx.lang), ImVec2(bw, buttonH), ButtonKind::Secondary))
            step(d, -1);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + w - bw, y));
        if (button("##next-image", tr(Str::NextImage, ctx.lang), ImVec2(bw, buttonH), ButtonKind::Secondary))
            step(d, +1);
        const std::string count = std::to_string(image_ + 1) + " / " + std::to_string(d.gallery.size());
        const ImVec2 cs = badgeSize(count, ctx.fonts->small);
        badge(dl, ImVec2(max.x - cs.x - 6, pos.y + 6), count, ctx.theme->primary, ctx.theme->onPrimary,
              ctx.fonts->small);
    }

    void step(const core::Demo& d, int delta) {
        const auto n = static_cast<long>(d.gallery.size());
        if (n == 0) return;
        image_ = static_cast<std::size_t>(((static_cast<long>(image_) + delta) % n + n) % n);
    }

    void drawText(const UiContext& ctx, Navigator& nav, const core::Demo& d, float width) {
        const Fonts& f = *ctx.fonts;
        const Theme& t = *ctx.theme;
        text(titleFontFor(ctx, width), width, 0, t.text.imu32(), d.title.str(ctx.lang));
        easyReadBox(ctx, d.easyRead, width);
        // The link's QR code first, with who shows the demo and where beside it: a visitor
        // in a hurry scans it without scrolling.
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float qr = d.link.empty() ? 0 : qrSide(ctx, d.link, kQrMinMm);
        const float gapX = f.body->FontSize * 0.6f;
        const bool beside = qr > 0 && width - qr - gapX >= f.body->FontSize * 8 &&
                            !layoutText(f.small, tr(Str::ScanForInfo, ctx.lang), qr, 0).overflow;
        float qrBottom = top.y;
        if (qr > 0) {
            drawQr(ctx, d.link, top, kQrMinMm);
            ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + qr));
            qrBottom =
                top.y + qr + text(f.small, beside ? qr : width, 0, t.textMuted.imu32(), tr(Str::ScanForInfo, ctx.lang));
            if (beside) ImGui::SetCursorScreenPos(ImVec2(top.x + qr + gapX, top.y));
        }
        const float infoW = beside ? width - qr - gapX : width;
        ImGui::BeginGroup();
        text(f.bodyBold, infoW, 0, t.textMuted.imu32(), labelled(Str::Partner, ctx.lang) + d.partner);
        if (const core::Place* p = ctx.content->findPlace(d.placeId)) {
            std::string where = (p->shortName.empty() ? p->name : p->shortName).str(ctx.lang);
            if (!d.stand.empty()) where = d.stand.str(ctx.lang) + " \u00B7 " + where;
            text(f.body, infoW, 0, t.text.imu32(), where);
            const float bw =
                std::min(infoW, std::max(ctx.metrics->cssPx(200),
                                         badgeSize(tr(Str::ShowOnMap, ctx.lang), f.bodyBold).x + f.body->FontSize));
            if (button("##demo-map", tr(Str::ShowOnMap, ctx.lang), ImVec2(bw, controlHeight(ctx))))
                nav.go(Route::maps(p->id));
        }
        ImGui::EndGroup();
        const float infoBottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(qrBottom, infoBottom)));
        ImGui::Dummy(ImVec2(1, f.body->FontSize * 0.5f));
        text(f.body, width, 0, t.text.imu32(), d.description.str(ctx.lang));
    }

    std::string id_;
    std::size_t image_ = 0;
    float dragX_ = 0;
    ScrollPanel panel_;
};
}  // namespace

std::unique_ptr<Screen> makeDemoScreen() { return std::make_unique<DemoScreen>(); }

}  // namespace kiosk::ui
