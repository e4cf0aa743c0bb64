// Practical information: one large button per page of the feed (getting here, hours,
// accessibility, registration, food, contact).
#include <algorithm>
#include <any>
#include <string>

#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

class InfoScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Info; }
    std::string title(const UiContext& ctx) const override { return tr(Str::PracticalInfo, ctx.lang); }
    void enter(const UiContext&, const Route&) override { panel_.reset(); }
    // Back comes to the same place in the list.
    std::any saveState() const override { return panel_.scrollY(); }
    void restoreState(const std::any& state) override {
        if (const float* y = std::any_cast<float>(&state)) panel_.restore(*y);
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float width = panel_.begin(ctx, nav, "##info", ImVec2(margin, ctx.areaMin.y + margin * 0.5f),
                                         ImVec2(m.width() - margin, ctx.areaMax.y - margin * 0.3f));
        const float gap = m.px(3);
        const int cols = ctx.oneColumn() ? 1 : 2;
        const float w = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const float h = std::max(controlHeight(ctx) * 1.6f, ctx.fonts->heading->FontSize * 3.2f);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const auto& pages = ctx.content->pages;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            ImGui::SetCursorScreenPos(
                ImVec2(origin.x + static_cast<float>(i % static_cast<std::size_t>(cols)) * (w + gap),
                       origin.y + static_cast<float>(i / static_cast<std::size_t>(cols)) * (h + gap)));
            if (button(("##page-" + pages[i].id).c_str(), pages[i].title.str(ctx.lang), ImVec2(w, h),
                       ButtonKind::Primary, ctx.fonts->heading)) {
                nav.go(Route::page(pages[i].id));
            }
        }
        const std::size_t rows = (pages.size() + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols);
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (h + gap)));
        panel_.end(ctx);
    }

private:
    ScrollPanel panel_;
};
}  // namespace

std::unique_ptr<Screen> makeInfoScreen() { return std::make_unique<InfoScreen>(); }

}  // namespace kiosk::ui
