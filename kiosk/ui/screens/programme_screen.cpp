// The programme: one tab per day, the day's sessions in time order with place, type,
// status (changed, cancelled, ended) and registration. Long lists scroll by dragging.
#include <algorithm>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/schedule.hpp"
#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

class ProgrammeScreen final : public Screen {
public:
    const char* name() const override { return "programme"; }

    void enter(const UiContext& ctx) override {
        days_ = core::programmeDays(*ctx.content);
        const core::CivilDate today = core::programmeDay(ctx.clock->now(), ctx.content->timeZone);
        selected_ = 0;
        for (std::size_t i = 0; i < days_.size(); ++i) {
            if (days_[i] <= today) selected_ = i;  // today, or the last day before it
        }
        resetScroll_ = true;
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        if (days_.empty()) enter(ctx);
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        float y = drawHeader(ctx, nav, ctx.content->event.name.str(ctx.lang));
        y += margin * 0.5f;
        y = drawDayTabs(ctx, y, margin);
        y += margin * 0.4f;
        if (days_.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(margin, y));
            text(ctx.fonts->heading, m.width() - 2 * margin, 2, ctx.theme->textMuted.imu32(), tr(Str::NothingToday, ctx.lang));
            return;
        }
        const core::CivilDate day = days_[selected_];
        ImGui::SetCursorScreenPos(ImVec2(margin, y));
        if (!stepper_) y += text(ctx.fonts->heading, m.width() - 2 * margin, 1, ctx.theme->text.imu32(), core::formatDayLong(day, ctx.lang));
        y += margin * 0.3f;
        drawList(ctx, day, ImVec2(margin, y), ImVec2(m.width() - margin, m.height() - margin * 0.5f));
    }

private:
    // Day tabs when they fit in two rows taking at most a fifth of the screen; otherwise
    // previous / next buttons around the day's name. Returns the y below them.
    float drawDayTabs(const UiContext& ctx, float y, float margin) {
        const Metrics& m = *ctx.metrics;
        const float gap = m.px(2.5f);
        const float h = std::max(m.cssPx(56), ctx.fonts->bodyBold->FontSize * 2.0f);
        const float minW = std::max(m.cssPx(96), badgeSize("mer.\u00A030", ctx.fonts->bodyBold).x + ctx.fonts->body->FontSize);
        const float avail = m.width() - 2 * margin;
        const std::size_t perRow = std::max<std::size_t>(1, static_cast<std::size_t>((avail + gap) / (minW + gap)));
        const std::size_t rows = (days_.size() + perRow - 1) / perRow;
        stepper_ = false;
        if (rows > 2 || static_cast<float>(rows) * (h + gap) > m.height() * 0.2f) return drawDayStepper(ctx, y, margin, h);
        const std::size_t cols = rows ? (days_.size() + rows - 1) / rows : 1;  // balance the rows
        const float w = (avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        for (std::size_t i = 0; i < days_.size(); ++i) {
            const float x = margin + static_cast<float>(i % cols) * (w + gap);
            const float ty = y + static_cast<float>(i / cols) * (h + gap);
            ImGui::SetCursorScreenPos(ImVec2(x, ty));
            const std::string label = core::formatDayShort(days_[i], ctx.lang);
            const std::string id = "##day" + std::to_string(i);
            const ButtonKind kind = i == selected_ ? ButtonKind::TabSelected : ButtonKind::Tab;
            if (button(id.c_str(), label, ImVec2(w, h), kind)) select(i);
        }
        return y + static_cast<float>(rows) * (h + gap) - gap;
    }

    float drawDayStepper(const UiContext& ctx, float y, float margin, float h) {
        const Metrics& m = *ctx.metrics;
        const float labelsW = std::max(badgeSize(tr(Str::PreviousDay, ctx.lang), ctx.fonts->bodyBold).x,
                                       badgeSize(tr(Str::NextDay, ctx.lang), ctx.fonts->bodyBold).x);
        const float arrowW = std::min(std::max(m.cssPx(72), labelsW + h * 0.5f), m.width() * 0.3f);
        const float gap = m.px(2.5f);
        ImGui::SetCursorScreenPos(ImVec2(margin, y));
        if (button("##prev-day", tr(Str::PreviousDay, ctx.lang), ImVec2(arrowW, h), ButtonKind::Secondary) && selected_ > 0) {
            select(selected_ - 1);
        }
        ImGui::SetCursorScreenPos(ImVec2(m.width() - margin - arrowW, y));
        if (button("##next-day", tr(Str::NextDay, ctx.lang), ImVec2(arrowW, h), ButtonKind::Secondary) &&
            selected_ + 1 < days_.size()) {
            select(selected_ + 1);
        }
        const float labelW = m.width() - 2 * margin - 2 * (arrowW + gap);
        const std::string day = core::formatDayLong(days_[selected_], ctx.lang);
        ImFont* font = ctx.fonts->bodyBold;
        const float ty = y + (h - layoutText(font, day, labelW, 2).size.y) * 0.5f;
        drawText(ImGui::GetWindowDrawList(), font, ImVec2(margin + arrowW + gap, ty), labelW, 2, ctx.theme->text.imu32(), day,
                 Align::Center);
        stepper_ = true;
        return y + h;
    }

    void select(std::size_t i) {
        if (i == selected_) return;
        selected_ = i;
        resetScroll_ = true;
    }

    void drawList(const UiContext& ctx, const core::CivilDate& day, ImVec2 min, ImVec2 max) {
        ImGui::SetCursorScreenPos(min);
        ImGui::BeginChild("##programme-list", ImVec2(max.x - min.x, max.y - min.y), false,
                          ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
        if (resetScroll_) {
            ImGui::SetScrollY(0);
            resetScroll_ = false;
        }
        dragScroll();
        const float width = max.x - min.x - ctx.metrics->px(3);
        const float gap = ctx.fonts->body->FontSize * 0.5f;
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const auto sessions = core::sessionsOnDay(*ctx.content, day);
        if (sessions.empty()) {
            text(ctx.fonts->body, width, 2, ctx.theme->textMuted.imu32(), tr(Str::NothingToday, ctx.lang));
        }
        const float top = pos.y;
        for (const core::Session* s : sessions) {
            pos.y += drawSessionRow(ctx, *s, pos, width) + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x, top));
        ImGui::Dummy(ImVec2(width, pos.y - top));
        drawScrollIndicator(ctx, min, max);
        ImGui::EndChild();
    }

    // Finger drag scrolls the list; the mouse wheel too.
    void dragScroll() {
        const ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsWindowHovered() && io.MouseWheel != 0) {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * ImGui::GetTextLineHeight() * 3);
        }
        if (ImGui::IsMouseDragging(0) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        }
    }

    // A thin bar showing where the visitor is in the list (not a control).
    void drawScrollIndicator(const UiContext& ctx, ImVec2 min, ImVec2 max) {
        const float maxScroll = ImGui::GetScrollMaxY();
        if (maxScroll <= 0) return;
        const float h = max.y - min.y;
        const float visible = h / (h + maxScroll);
        const float barH = std::max(h * visible, ctx.metrics->px(8));
        const float barY = min.y + (h - barH) * (ImGui::GetScrollY() / maxScroll);
        const float w = ctx.metrics->px(1.5f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(max.x - w, barY), ImVec2(max.x, barY + barH),
                                                  ctx.theme->border.imu32(), w);
    }

    std::vector<core::CivilDate> days_;
    std::size_t selected_ = 0;
    bool resetScroll_ = true;
    bool stepper_ = false;  // days shown one at a time with previous / next buttons
};
}  // namespace

std::unique_ptr<Screen> makeProgrammeScreen() { return std::make_unique<ProgrammeScreen>(); }

}  // namespace kiosk::ui
