// One practical information page: its title and text, paragraph by paragraph.
#include <string>

#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"

namespace kiosk::ui {
namespace {

class PageScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Page; }
    std::string title(const UiContext& ctx) const override { return tr(Str::PracticalInfo, ctx.lang); }

    void enter(const UiContext& ctx, const Route& route) override {
        id_ = route.id;
        if (id_.empty() && !ctx.content->pages.empty()) id_ = ctx.content->pages.front().id;
        panel_.reset();
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const core::Page* page = nullptr;
        for (const auto& p : ctx.content->pages) {
            if (p.id == id_) page = &p;
        }
        if (!page) return;
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float width = panel_.begin(ctx, nav, "##page", ImVec2(margin, ctx.areaMin.y + margin * 0.5f),
                                         ImVec2(m.width() - margin, ctx.areaMax.y - margin * 0.3f));
        text(titleFontFor(ctx, width), width, 0, ctx.theme->text.imu32(), page->title.str(ctx.lang));
        ImGui::Dummy(ImVec2(1, ctx.fonts->body->FontSize * 0.5f));
        easyReadBox(ctx, page->easyRead, width);
        const std::string body = page->body.str(ctx.lang);
        std::size_t start = 0;
        while (start < body.size()) {
            std::size_t end = body.find('\n', start);
            if (end == std::string::npos) end = body.size();
            if (end > start)
                text(ctx.fonts->body, width, 0, ctx.theme->text.imu32(),
                     std::string_view(body).substr(start, end - start));
            ImGui::Dummy(ImVec2(1, ctx.fonts->body->FontSize * 0.4f));
            start = end + 1;
        }
        panel_.end(ctx);
    }

private:
    std::string id_;
    ScrollPanel panel_;
};
}  // namespace

std::unique_ptr<Screen> makePageScreen() { return std::make_unique<PageScreen>(); }

}  // namespace kiosk::ui
