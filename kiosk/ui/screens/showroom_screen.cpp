// The showroom: a grid of demo cards with their first picture, title and partner;
// a tap opens the demo.
#include <algorithm>
#include <any>
#include <cmath>
#include <string>

#include "ui/artwork.hpp"
#include "ui/chrome.hpp"
#include "ui/contrast.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/visuals.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

class ShowroomScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Showroom; }
    std::string title(const UiContext& ctx) const override { return showroomLabel(*ctx.content, ctx.lang); }
    void enter(const UiContext&, const Route&) override { panel_.reset(); }
    // Back comes to the same place in the list.
    std::any saveState() const override { return panel_.scrollY(); }
    void restoreState(const std::any& state) override {
        if (const float* y = std::any_cast<float>(&state)) panel_.restore(*y);
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const Metrics& m = *ctx.metrics;
        const Fonts& f = *ctx.fonts;
        const float margin = m.margin();
        const float width = panel_.begin(ctx, nav, "##showroom", ImVec2(margin, ctx.areaMin.y + margin * 0.5f),
                                         ImVec2(m.width() - margin, ctx.areaMax.y - margin * 0.3f));
        const float gap = m.px(4);
        const float minCard = std::max(m.px(70), f.bodyBold->FontSize * 13);
        const int cols = std::max(1, static_cast<int>((width + gap) / (minCard + gap)));
        const float cardW = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        // On a short screen the picture gives way so the card's title stays in view.
        const float imageH = std::min(cardW * 0.625f, (ctx.areaMax.y - ctx.areaMin.y) * 0.3f);
        const float pad = f.body->FontSize * 0.5f;
        const float cardH = imageH + pad * 2 + f.bodyBold->FontSize * 3 + f.small->FontSize * 2;
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const auto& demos = ctx.content->demos;
        for (std::size_t i = 0; i < demos.size(); ++i) {
            const core::Demo& d = demos[i];
            const ImVec2 p(origin.x + static_cast<float>(i % static_cast<std::size_t>(cols)) * (cardW + gap),
                           origin.y + static_cast<float>(i / static_cast<std::size_t>(cols)) * (cardH + gap));
            dl->AddRectFilled(p, ImVec2(p.x + cardW, p.y + cardH), ctx.theme->surface.imu32(), f.body->FontSize * 0.3f);
            BackgroundScope card(ctx.theme->surface);
            const float visibleTop = ctx.areaMin.y - cardH, visibleBottom = ctx.areaMax.y;
            if (!d.gallery.empty() && p.y > visibleTop && p.y < visibleBottom) {  // only cards on screen ask for images
                drawImage(ctx, d.gallery.front(), p, ImVec2(p.x + cardW, p.y + imageH), Fit::Cover);
            } else if (p.y > visibleTop && p.y < visibleBottom) {  // no picture: a designed placeholder
                drawPlaceholderArt(ctx, p, ImVec2(p.x + cardW, p.y + imageH), Pictogram::Showroom, "demo");
            }
            float y = p.y + imageH + pad;
            y += drawText(dl, f.bodyBold, ImVec2(p.x + pad, y), cardW - 2 * pad, 3, ctx.theme->text.imu32(),
                          d.title.str(ctx.lang));
            drawText(dl, f.small, ImVec2(p.x + pad, y), cardW - 2 * pad, 2, ctx.theme->textMuted.imu32(), d.partner);
            ImGui::SetCursorScreenPos(p);
            if (tapArea(("##demo-" + d.id).c_str(), d.title.str(ctx.lang), ImVec2(cardW, cardH)))
                nav.go(Route::demo(d.id));
        }
        const std::size_t rows = (demos.size() + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols);
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (cardH + gap)));
        panel_.end(ctx);
    }

private:
    ScrollPanel panel_;
};
}  // namespace

std::unique_ptr<Screen> makeShowroomScreen() { return std::make_unique<ShowroomScreen>(); }

}  // namespace kiosk::ui
