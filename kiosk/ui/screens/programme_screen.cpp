// The programme: a "now" view and one tab per day, the day's sessions in time order
// with place, type, status and registration; filters by type, commune, audience and
// access; ended sessions marked or hidden. Lists scroll by dragging, with inertia.
#include <algorithm>
#include <string>
#include <vector>

#include "core/filter.hpp"
#include "core/format.hpp"
#include "core/schedule.hpp"
#include "core/wording.hpp"
#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {
constexpr int kNowTab = -1;

class ProgrammeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Programme; }
    std::string title(const UiContext& ctx) const override { return tr(Str::Programme, ctx.lang); }

    void enter(const UiContext& ctx, const Route& route) override {
        days_ = core::programmeDays(*ctx.content);
        const core::Instant now = ctx.clock->now();
        const core::CivilDate today = core::programmeDay(now, ctx.content->timeZone);
        hasNow_ = core::eventPhase(*ctx.content, now) == core::EventPhase::During;
        selected_ = 0;
        for (std::size_t i = 0; i < days_.size(); ++i) {
            if (days_[i] <= today) selected_ = static_cast<int>(i);  // today, or the last day before it
        }
        if (route.now && hasNow_) selected_ = kNowTab;
        filter_ = {};
        showFilters_ = false;
        list_.reset();
        scrollFrames_ = isToday(ctx) ? kScrollFrames : 0;
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        float y = ctx.areaMin.y + margin * 0.5f;
        y = drawDayTabs(ctx, y, margin) + margin * 0.4f;
        y = drawFilterBar(ctx, y, margin) + margin * 0.3f;
        const ImVec2 min(margin, y), max(m.width() - margin, ctx.areaMax.y - margin * 0.3f);
        const float width = list_.begin(ctx, nav, "##programme-list", min, max);
        if (showFilters_) drawFilterPanel(ctx, width);
        if (selected_ == kNowTab) {
            drawNow(ctx, nav, width);
        } else if (!days_.empty()) {
            drawRows(ctx, nav, visible(ctx), width);
        }
        list_.end(ctx);
    }

private:
    std::vector<const core::Session*> visible(const UiContext& ctx) const {
        if (selected_ == kNowTab || days_.empty()) return {};
        return core::applyFilter(core::sessionsOnDay(*ctx.content, days_[static_cast<std::size_t>(selected_)]), filter_,
                                  *ctx.content, ctx.clock->now());
    }

    void drawRows(const UiContext& ctx, Navigator& nav, const std::vector<const core::Session*>& rows, float width) {
        const float gap = ctx.fonts->body->FontSize * 0.5f;
        if (rows.empty()) {
            text(ctx.fonts->body, width, 3, ctx.theme->textMuted.imu32(),
                 tr(filter_.active() ? Str::NoResults : Str::NothingToday, ctx.lang));
            return;
        }
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const float top = pos.y;
        // Today opens at what is running or next, not at the morning's finished sessions.
        const bool scroll = scrollFrames_ > 0 && isToday(ctx);
        const std::size_t current = scroll ? core::firstCurrentIndex(rows, ctx.clock->now()) : rows.size();
        float currentY = -1;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i == current) currentY = pos.y;
            pos.y += sessionRowButton(ctx, nav, *rows[i], pos, width) + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x, top));
        ImGui::Dummy(ImVec2(width, pos.y - top));
        if (scroll) {  // repeated for a few frames: the list's height is known only after one
            if (currentY >= 0) ImGui::SetScrollY(ImGui::GetScrollY() + currentY - ImGui::GetWindowPos().y);
            --scrollFrames_;
            nav.keepAnimating();
        }
    }

    bool isToday(const UiContext& ctx) const {
        return selected_ >= 0 && static_cast<std::size_t>(selected_) < days_.size() &&
               days_[static_cast<std::size_t>(selected_)] == core::programmeDay(ctx.clock->now(), ctx.content->timeZone);
    }

    void drawNow(const UiContext& ctx, Navigator& nav, float width) {
        const core::NowNext nn = core::nowAndNext(*ctx.content, ctx.clock->now(), 8);
        sectionHeading(ctx, tr(Str::NowOn, ctx.lang), width);
        if (nn.now.empty()) text(ctx.fonts->body, width, 2, ctx.theme->textMuted.imu32(), tr(Str::NothingNow, ctx.lang));
        drawRows(ctx, nav, core::applyFilter(nn.now, filter_, *ctx.content, ctx.clock->now()), width);
        ImGui::Dummy(ImVec2(width, ctx.fonts->body->FontSize));
        sectionHeading(ctx, tr(Str::ComingNext, ctx.lang), width);
        drawRows(ctx, nav, core::applyFilter(nn.next, filter_, *ctx.content, ctx.clock->now()), width);
    }

    // Tabs: "Now" then one per day, when they fit in two rows taking at most a fifth of the
    // screen; otherwise previous / next buttons around the day's name. Returns the y below.
    float drawDayTabs(const UiContext& ctx, float y, float margin) {
        const Metrics& m = *ctx.metrics;
        const float gap = m.px(2.5f);
        const float h = controlHeight(ctx);
        std::vector<std::string> labels;
        if (hasNow_) labels.push_back(tr(Str::NowTab, ctx.lang));
        for (const auto& d : days_) labels.push_back(core::formatDayShort(d, ctx.lang));
        float minW = m.cssPx(96);
        for (const auto& l : labels) minW = std::max(minW, badgeSize(l, ctx.fonts->bodyBold).x + ctx.fonts->body->FontSize);
        const float avail = m.width() - 2 * margin;
        const std::size_t n = labels.size();
        const std::size_t perRow = std::max<std::size_t>(1, static_cast<std::size_t>((avail + gap) / (minW + gap)));
        const std::size_t rows = (n + perRow - 1) / perRow;
        if (rows > 2 || static_cast<float>(rows) * (h + gap) > m.height() * 0.2f) return drawDayStepper(ctx, y, margin, h);
        const std::size_t cols = rows ? (n + rows - 1) / rows : 1;  // balance the rows
        const float w = (avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        for (std::size_t i = 0; i < n; ++i) {
            const int tab = hasNow_ ? static_cast<int>(i) - 1 : static_cast<int>(i);
            ImGui::SetCursorScreenPos(ImVec2(margin + static_cast<float>(i % cols) * (w + gap),
                                             y + static_cast<float>(i / cols) * (h + gap)));
            const std::string id = "##day" + std::to_string(i);
            if (button(id.c_str(), labels[i], ImVec2(w, h), tab == selected_ ? ButtonKind::TabSelected : ButtonKind::Tab)) {
                if (tab == kNowTab && tab != selected_ && ctx.stats) ctx.stats->filterUsed("now");
                select(tab);
            }
        }
        return y + static_cast<float>(rows) * (h + gap) - gap;
    }

    float drawDayStepper(const UiContext& ctx, float y, float margin, float h) {
        const Metrics& m = *ctx.metrics;
        const float gap = m.px(2.5f);
        const float labelsW = std::max(badgeSize(tr(Str::PreviousDay, ctx.lang), ctx.fonts->bodyBold).x,
                                       badgeSize(tr(Str::NextDay, ctx.lang), ctx.fonts->bodyBold).x);
        const float arrowW = std::min(std::max(m.cssPx(72), labelsW + h * 0.5f), m.width() * 0.3f);
        const int first = hasNow_ ? kNowTab : 0;
        ImGui::SetCursorScreenPos(ImVec2(margin, y));
        if (button("##prev-day", tr(Str::PreviousDay, ctx.lang), ImVec2(arrowW, h), ButtonKind::Secondary) && selected_ > first) {
            select(selected_ - 1);
        }
        ImGui::SetCursorScreenPos(ImVec2(m.width() - margin - arrowW, y));
        if (button("##next-day", tr(Str::NextDay, ctx.lang), ImVec2(arrowW, h), ButtonKind::Secondary) &&
            selected_ + 1 < static_cast<int>(days_.size())) {
            select(selected_ + 1);
        }
        const float labelW = m.width() - 2 * margin - 2 * (arrowW + gap);
        const std::string day = selected_ == kNowTab ? tr(Str::NowTab, ctx.lang)
                                                     : core::formatDayLong(days_[static_cast<std::size_t>(selected_)], ctx.lang);
        ImFont* font = ctx.fonts->bodyBold;
        const float ty = y + (h - layoutText(font, day, labelW, 2).size.y) * 0.5f;
        drawText(ImGui::GetWindowDrawList(), font, ImVec2(margin + arrowW + gap, ty), labelW, 2, ctx.theme->text.imu32(), day,
                 Align::Center);
        return y + h;
    }

    // The filter button, the number of sessions shown, and the ended-sessions switch.
    float drawFilterBar(const UiContext& ctx, float y, float margin) {
        const Metrics& m = *ctx.metrics;
        const float h = controlHeight(ctx);
        std::string label = tr(Str::Filters, ctx.lang);
        if (filter_.active()) label += " \u2713";
        const float w = std::max(m.cssPx(120), badgeSize(label, ctx.fonts->bodyBold).x + ctx.fonts->body->FontSize);
        ImGui::SetCursorScreenPos(ImVec2(margin, y));
        if (button("##filters", label, ImVec2(w, h), showFilters_ ? ButtonKind::TabSelected : ButtonKind::Tab)) {
            showFilters_ = !showFilters_;
            list_.reset();
        }
        if (selected_ != kNowTab && !days_.empty()) {
            // Cancelled sessions are listed but not counted: "1 séance", "3 séances".
            const std::string count = core::countOf(core::countTakingPlace(visible(ctx)), core::Noun::Session, ctx.lang);
            const float tx = margin + w + margin * 0.5f;
            drawText(ImGui::GetWindowDrawList(), ctx.fonts->body, ImVec2(tx, y + (h - ctx.fonts->body->FontSize) * 0.5f),
                     m.width() - margin - tx, 1, ctx.theme->textMuted.imu32(), count);
        }
        return y + h;
    }

    void drawFilterPanel(const UiContext& ctx, float width) {
        const core::Content& c = *ctx.content;
        auto heading = [&](Str s) { text(ctx.fonts->bodyBold, width, 1, ctx.theme->text.imu32(), tr(s, ctx.lang)); };
        heading(Str::FilterType);
        const auto types = core::typesInProgramme(c);
        std::vector<std::string> labels;
        for (auto t : types) labels.push_back(sessionTypeLabel(t, ctx.lang));
        chipRows(ctx, "type", labels, width, [&](std::size_t i) { return filter_.types.count(types[i]) > 0; },
                 [&](std::size_t i) {
                     if (!filter_.types.erase(types[i])) {
                         filter_.types.insert(types[i]);
                         if (ctx.stats) ctx.stats->filterUsed("type");
                     }
                 });
        const auto communes = core::communesWithSessions(c);
        if (communes.size() > 1) heading(Str::FilterPlace);  // one commune: nothing to choose
        if (communes.size() > 1) chipRows(ctx, "commune", communes, width, [&](std::size_t i) { return filter_.commune == communes[i]; },
                 [&](std::size_t i) {
                     filter_.commune = filter_.commune == communes[i] ? "" : communes[i];
                     if (ctx.stats && !filter_.commune.empty()) ctx.stats->filterUsed("commune");
                 });
        heading(Str::FilterAudience);
        labels.clear();
        for (auto a : core::kAllAudiences) labels.push_back(audienceLabel(a, ctx.lang));
        chipRows(ctx, "audience", labels, width, [&](std::size_t i) { return (filter_.audience & core::kAllAudiences[i]) != 0; },
                 [&](std::size_t i) {
                     filter_.audience ^= core::kAllAudiences[i];
                     if (ctx.stats && (filter_.audience & core::kAllAudiences[i])) ctx.stats->filterUsed("audience");
                 });
        heading(Str::FilterAccess);
        labels.clear();
        for (auto f : core::kAllAccessFeatures) labels.push_back(accessLabel(f, ctx.lang));
        chipRows(ctx, "access", labels, width, [&](std::size_t i) { return (filter_.access & core::kAllAccessFeatures[i]) != 0; },
                 [&](std::size_t i) {
                     filter_.access ^= core::kAllAccessFeatures[i];
                     if (ctx.stats && (filter_.access & core::kAllAccessFeatures[i])) ctx.stats->filterUsed("access");
                 });
        const std::vector<std::string> more = {tr(filter_.hideEnded ? Str::ShowEnded : Str::HideEnded, ctx.lang),
                                               tr(Str::ClearFilters, ctx.lang)};
        chipRows(ctx, "more", more, width, [&](std::size_t) { return false; }, [&](std::size_t i) {
            if (i == 0) {
                filter_.hideEnded = !filter_.hideEnded;
                if (ctx.stats && filter_.hideEnded) ctx.stats->filterUsed("hide_ended");
            } else {
                filter_ = {};
            }
        });
        ImGui::Dummy(ImVec2(width, ctx.fonts->body->FontSize * 0.5f));
    }

    void select(int tab) {
        if (tab == selected_) return;
        selected_ = tab;
        list_.reset();
        scrollFrames_ = kScrollFrames;  // drawRows scrolls only when the day is today
    }

    std::vector<core::CivilDate> days_;
    int selected_ = 0;  // kNowTab, or an index into days_
    bool hasNow_ = false;
    bool showFilters_ = false;
    static constexpr int kScrollFrames = 6;
    int scrollFrames_ = 0;  // frames left to scroll today's list to its current session
    core::SessionFilter filter_;
    ScrollPanel list_;
};
}  // namespace

std::unique_ptr<Screen> makeProgrammeScreen() { return std::make_unique<ProgrammeScreen>(); }

}  // namespace kiosk::ui
