// The accessibility panel: large toggles, each explained in words (and spoken when
// speech is on): larger text, high contrast, less motion, read aloud, seated position,
// easy to read, a paused slideshow. Opening it turns the accessibility mode on.
#include <algorithm>
#include <string>

#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

class AccessibilityScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Accessibility; }
    std::string title(const UiContext& ctx) const override { return tr(Str::A11yTitle, ctx.lang); }

    void enter(const UiContext&, const Route&) override {
        panel_.reset();
        opened_ = true;
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        AccessibilitySettings s = ctx.a11y;
        if (opened_) {
            opened_ = false;
            s.panelOpened = true;
        }
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float width = panel_.begin(ctx, nav, "##a11y-panel", ImVec2(margin, ctx.areaMin.y + margin * 0.5f),
                                         ImVec2(m.width() - margin, ctx.areaMax.y - margin * 0.3f));
        text(ctx.fonts->body, width, 0, ctx.theme->text.imu32(), tr(Str::A11yIntro, ctx.lang));
        ImGui::Dummy(ImVec2(1, ctx.fonts->body->FontSize * 0.5f));
        const int cols = ctx.oneColumn() ? 1 : 2;
        const float gap = m.px(3);
        const float w = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        int index = 0;
        float rowTop = origin.y, rowBottom = origin.y;
        auto toggle = [&](Str name, const std::string& state, Str help, bool on, auto change) {
            const int col = index % cols;
            if (col == 0) rowTop = rowBottom + (index ? gap : 0);
            const float x = origin.x + static_cast<float>(col) * (w + gap);
            const std::string label = labelled(name, ctx.lang) + state;
            const float h =
                std::max(controlHeight(ctx) * 1.2f,
                         layoutText(ctx.fonts->bodyBold, label, w * 0.85f, 3).size.y + ctx.fonts->body->FontSize);
            ImGui::SetCursorScreenPos(ImVec2(x, rowTop));
            describeNext(tr(help, ctx.lang));
            if (button(("##toggle" + std::to_string(index)).c_str(), label, ImVec2(w, h),
                       on ? ButtonKind::TabSelected : ButtonKind::Tab)) {
                change();
            }
            ImGui::SetCursorScreenPos(ImVec2(x, rowTop + h + m.px(1)));
            const float helpH = text(ctx.fonts->body, w, 0, ctx.theme->textMuted.imu32(), tr(help, ctx.lang));
            rowBottom = std::max(rowBottom, rowTop + h + m.px(1) + helpH);
            ++index;
        };
        const auto yesNo = [&](bool v) { return std::string(tr(v ? Str::Yes : Str::No, ctx.lang)); };
        toggle(Str::LargerText, std::to_string(AccessibilitySettings::kTextPercent[s.textStep]) + "\u00A0%",
               Str::LargerTextHelp, s.textStep > 0,
               [&] { s.textStep = (s.textStep + 1) % AccessibilitySettings::kTextSteps; });
        const Str contrastName[] = {Str::ContrastOff, Str::ContrastDarkOnLight, Str::ContrastLightOnDark};
        toggle(Str::HighContrast, tr(contrastName[static_cast<int>(s.contrast)], ctx.lang), Str::HighContrastHelp,
               s.contrast != ContrastMode::Normal,
               [&] { s.contrast = static_cast<ContrastMode>((static_cast<int>(s.contrast) + 1) % 3); });
        toggle(Str::SpeechToggle, yesNo(s.speech), Str::SpeechHelp, s.speech, [&] { s.speech = !s.speech; });
        toggle(Str::ReducedMotion, yesNo(s.reducedMotion), Str::ReducedMotionHelp, s.reducedMotion,
               [&] { s.reducedMotion = !s.reducedMotion; });
        toggle(Str::Seated, yesNo(s.seated), Str::SeatedHelp, s.seated, [&] { s.seated = !s.seated; });
        toggle(Str::EasyRead, yesNo(s.easyRead), Str::EasyReadHelp, s.easyRead, [&] { s.easyRead = !s.easyRead; });
        toggle(Str::PauseLoop, yesNo(s.loopPaused), Str::PauseLoopHelp, s.loopPaused,
               [&] { s.loopPaused = !s.loopPaused; });
        ImGui::SetCursorScreenPos(ImVec2(origin.x, rowBottom + gap * 2));
        const float bw =
            std::min(width, std::max(m.cssPx(200), badgeSize(tr(Str::ResetAll, ctx.lang), ctx.fonts->bodyBold).x +
                                                       ctx.fonts->body->FontSize));
        if (button("##a11y-reset", tr(Str::ResetAll, ctx.lang), ImVec2(bw, controlHeight(ctx)),
                   ButtonKind::Secondary)) {
            s = AccessibilitySettings{};
            s.panelOpened = true;
        }
        // "Done" beside "Reset all" when its label fits there, else under it.
        const float doneW =
            std::min(width, std::max(m.cssPx(200), badgeSize(tr(Str::Done, ctx.lang), ctx.fonts->bodyBold).x +
                                                       ctx.fonts->body->FontSize * 2));
        if (bw + gap + doneW <= width) {
            ImGui::SameLine(0, gap);
        } else {
            ImGui::Dummy(ImVec2(1, gap));
        }
        if (button("##a11y-done", tr(Str::Done, ctx.lang), ImVec2(doneW, controlHeight(ctx)))) {
            nav.back();
        }
        panel_.end(ctx);
        nav.setAccessibility(s);
    }

private:
    ScrollPanel panel_;
    bool opened_ = false;
};
}  // namespace

std::unique_ptr<Screen> makeAccessibilityScreen() { return std::make_unique<AccessibilityScreen>(); }

}  // namespace kiosk::ui
