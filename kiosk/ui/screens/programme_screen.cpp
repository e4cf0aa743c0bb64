// The programme: a "now" view and one tab per day, the day's sessions in time order
// with place, type, status and registration; filters by type, commune, audience and
// access; ended sessions marked or hidden. Lists scroll by dragging, with inertia.
#include <algorithm>
#include <any>
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
        todayIndex_ = selected_;
        first_ = selected_;
        if (route.now && hasNow_) selected_ = kNowTab;
        filter_ = {};
        showFilters_ = false;
        list_.reset();
        openAtCurrent_ = true;
        descriptionLines_ = 0;
    }

    // Back brings the visitor to the day, filters and place in the list they left.
    struct State {
        int selected = 0;
        bool showFilters = false;
        core::SessionFilter filter;
        float scroll = 0;
    };
    std::any saveState() const override { return State{selected_, showFilters_, filter_, list_.scrollY()}; }
    void restoreState(const std::any& state) override {
        if (const auto* s = std::any_cast<State>(&state)) {
            if (s->selected == kNowTab ? hasNow_ : s->selected < static_cast<int>(days_.size()))
                selected_ = s->selected;
            showFilters_ = s->showFilters;
            filter_ = s->filter;
            list_.restore(s->scroll);
            openAtCurrent_ = false;  // Back goes where the visitor was
        }
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        // The day strip and the filter button: above the list, or under it on a portrait
        // screen, where the top is out of a seated visitor's reach.
        const float controlsH = drawControls(ctx, 0, margin, false);
        float listTop = ctx.areaMin.y + margin * 0.5f, listBottom = ctx.areaMax.y - margin * 0.3f;
        if (m.controlsLow()) {
            listBottom -= controlsH + margin * 0.5f;
            drawControls(ctx, listBottom + margin * 0.5f, margin, true);
        } else {
            listTop = drawControls(ctx, listTop, margin, true) + margin * 0.3f;
        }
        const ImVec2 min(margin, listTop), max(m.width() - margin, listBottom);
        const float width = list_.begin(ctx, nav, "##programme-list", min, max);
        if (showFilters_) drawFilterPanel(ctx, width);
        if (selected_ == kNowTab) {
            drawNow(ctx, nav, width);
        } else if (!days_.empty()) {
            drawRows(ctx, nav, visible(ctx), width);
        }
        openAtCurrent_ = false;  // asked once, in the first frame of a day
        list_.end(ctx);
    }

private:
    std::vector<const core::Session*> visible(const UiContext& ctx) const {
        if (selected_ == kNowTab || days_.empty()) return {};
        return core::applyFilter(core::sessionsOnDay(*ctx.content, days_[static_cast<std::size_t>(selected_)]), filter_,
                                 *ctx.content, ctx.clock->now());
    }

    void drawRows(const UiContext& ctx, Navigator& nav, const std::vector<const core::Session*>& rows, float width) {
        const float gap = ctx.fonts->body->FontSize * (ctx.metrics->compact() ? 0.3f : 0.5f);
        if (rows.empty()) {
            text(ctx.fonts->body, width, 3, ctx.theme->textMuted.imu32(),
                 tr(filter_.active() ? Str::NoResults : Str::NothingToday, ctx.lang));
            return;
        }
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const float top = pos.y;
        // Today opens at what is running or next, not at the morning's finished sessions.
        const bool scroll = openAtCurrent_ && isToday(ctx);
        const std::size_t current = scroll ? core::firstCurrentIndex(rows, ctx.clock->now()) : rows.size();
        float currentY = -1;
        // A tall screen that shows the whole day fills its spare height with the start of
        // each description rather than blank space (chosen from this frame's rows without
        // descriptions, so the choice is the same next frame).
        const int lines = fillWithDescriptions(ctx) ? descriptionLines_ : 0;
        float descriptions[4] = {0, 0, 0, 0};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i == current) currentY = pos.y;
            pos.y += sessionRowButton(ctx, nav, *rows[i], pos, width, lines) + gap;
            for (int n = 1; n <= 3; ++n) descriptions[n] += sessionDescriptionHeight(ctx, *rows[i], width, n);
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x, top));
        ImGui::Dummy(ImVec2(width, pos.y - top));
        if (fillWithDescriptions(ctx)) {
            const float base = pos.y - top - descriptions[lines];
            const float room = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - top;
            descriptionLines_ = 0;
            for (int n = 3; n >= 1 && descriptionLines_ == 0; --n) {
                if (base + descriptions[n] <= room) descriptionLines_ = n;
            }
        }
        // Through the list's own scroll (the kinetic panel keeps it), from the row's place
        // in the content, known now that the rows are laid out.
        if (scroll && currentY >= 0 && current > 0)
            list_.scrollTo(ImGui::GetScrollY() + currentY - ImGui::GetWindowPos().y - gap);
    }

    bool fillWithDescriptions(const UiContext& ctx) const {
        return ctx.metrics->sizeClass() == SizeClass::Portrait && selected_ != kNowTab;
    }

    bool isToday(const UiContext& ctx) const {
        return selected_ >= 0 && static_cast<std::size_t>(selected_) < days_.size() &&
               days_[static_cast<std::size_t>(selected_)] ==
                   core::programmeDay(ctx.clock->now(), ctx.content->timeZone);
    }

    void drawNow(const UiContext& ctx, Navigator& nav, float width) {
        const core::NowNext nn = core::nowAndNext(*ctx.content, ctx.clock->now(), 8);
        sectionHeading(ctx, tr(Str::NowOn, ctx.lang), width);
        if (nn.now.empty())
            text(ctx.fonts->body, width, 2, ctx.theme->textMuted.imu32(), tr(Str::NothingNow, ctx.lang));
        drawRows(ctx, nav, core::applyFilter(nn.now, filter_, *ctx.content, ctx.clock->now()), width);
        ImGui::Dummy(ImVec2(width, ctx.fonts->body->FontSize));
        sectionHeading(ctx, tr(Str::ComingNext, ctx.lang), width);
        drawRows(ctx, nav, core::applyFilter(nn.next, filter_, *ctx.content, ctx.clock->now()), width);
    }

    // The day strip, then the filter bar; with `draw` false only measures. The filter
    // button joins the strip's row when it fits there (a compact screen keeps its height
    // for the list). Returns the y below (or the height, when measuring from 0).
    float drawControls(const UiContext& ctx, float y, float margin, bool draw) {
        const Metrics& m = *ctx.metrics;
        const float h = controlHeight(ctx);
        const float filterW = filterButtonWidth(ctx);
        const float stripW = m.width() - 2 * margin;
        filterBarApart_ = !m.compact();
        const float tabsW = filterBarApart_ ? stripW : stripW - filterW - m.px(2.5f);
        const float stripH =
            h * static_cast<float>(gridRows(ctx, tabsW)) + m.px(2.5f) * static_cast<float>(gridRows(ctx, tabsW) - 1);
        if (!draw) return stripH + (filterBarApart_ ? margin * 0.4f + h : 0);
        if (gridRows(ctx, tabsW) == 2) {
            drawTabGrid(ctx, y, margin, tabsW);
        } else {
            drawDayStrip(ctx, y, margin, tabsW);
        }
        if (!filterBarApart_) {
            drawFilterButton(ctx, ImVec2(m.width() - margin - filterW, y), filterW);
            return y + h;
        }
        return drawFilterBar(ctx, y + stripH + margin * 0.4f, margin);
    }

    // Every tab in view, on one row or (not on a compact screen, whose height goes to the
    // list) on two rows taking at most a fifth of the screen: 1 or 2; 0 when they do not
    // fit and the strip shows a window of days.
    int gridRows(const UiContext& ctx, float avail) const {
        const Metrics& m = *ctx.metrics;
        const float gap = m.px(2.5f);
        float minW = m.cssPx(72);
        std::vector<std::string> labels;
        if (hasNow_) labels.push_back(tr(Str::NowTab, ctx.lang));
        for (const auto& d : days_) labels.push_back(core::formatDayShort(d, ctx.lang));
        for (const auto& l : labels)
            minW = std::max(minW, badgeSize(l, ctx.fonts->bodyBold).x + ctx.fonts->body->FontSize);
        const std::size_t perRow = std::max<std::size_t>(1, static_cast<std::size_t>((avail + gap) / (minW + gap)));
        if (labels.size() <= perRow) return 1;
        if (!m.compact() && labels.size() <= 2 * perRow && 2 * (controlHeight(ctx) + gap) <= m.height() * 0.2f)
            return 2;
        return 1;  // windowed, one row
    }

    // Two rows of tabs: "Now" then every day, balanced.
    void drawTabGrid(const UiContext& ctx, float y, float margin, float avail) {
        const float gap = ctx.metrics->px(2.5f);
        const float h = controlHeight(ctx);
        std::vector<std::string> labels;
        if (hasNow_) labels.push_back(tr(Str::NowTab, ctx.lang));
        for (const auto& d : days_) labels.push_back(core::formatDayShort(d, ctx.lang));
        const std::size_t n = labels.size(), cols = (n + 1) / 2;
        const float w = (avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        for (std::size_t i = 0; i < n; ++i) {
            const int tab = hasNow_ ? static_cast<int>(i) - 1 : static_cast<int>(i);
            ImGui::SetCursorScreenPos(ImVec2(margin + static_cast<float>(i % cols) * (w + gap),
                                             y + static_cast<float>(i / cols) * (h + gap)));
            const std::string id = tab == kNowTab ? "##day-now" : "##day" + std::to_string(tab);
            if (button(id.c_str(), labels[i], ImVec2(w, h),
                       tab == selected_ ? ButtonKind::TabSelected : ButtonKind::Tab)) {
                if (tab == kNowTab && tab != selected_ && ctx.stats) ctx.stats->filterUsed("now");
                select(tab);
            }
        }
    }

    // "Now" then the days, always as tabs: all of them when they fit on one row, else a
    // window of the days around the one shown with arrows to move it, "Now" kept first,
    // so "Now" and today are always one tap away.
    void drawDayStrip(const UiContext& ctx, float y, float margin, float avail) {
        const Metrics& m = *ctx.metrics;
        const float gap = m.px(2.5f);
        const float h = controlHeight(ctx);
        ImFont* font = ctx.fonts->bodyBold;
        auto tabW = [&](const std::string& l) {
            return std::max(m.cssPx(72), badgeSize(l, font).x + ctx.fonts->body->FontSize);
        };
        std::vector<std::string> labels;
        for (const auto& d : days_) labels.push_back(core::formatDayShort(d, ctx.lang));
        const std::string nowLabel = tr(Str::NowTab, ctx.lang);
        float x = margin;
        auto tab = [&](const std::string& id, const std::string& label, float w, bool selected) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            const bool hit =
                button(id.c_str(), label, ImVec2(w, h), selected ? ButtonKind::TabSelected : ButtonKind::Tab);
            x += w + gap;
            return hit;
        };
        const int n = static_cast<int>(days_.size());
        float dayW = m.cssPx(72);
        for (const auto& l : labels) dayW = std::max(dayW, tabW(l));
        const float nowW = hasNow_ ? std::max(dayW, tabW(nowLabel)) : 0;
        float left = avail - (hasNow_ ? nowW + gap : 0);
        int shown = std::max(1, static_cast<int>((left + gap) / (dayW + gap)));
        const float arrowW = std::max(m.cssPx(56), tabW("\u2192"));
        const bool windowed = shown < n;
        if (windowed) shown = std::max(1, static_cast<int>((left - 2 * (arrowW + gap) + gap) / (dayW + gap)));
        // The window holds the day shown (today when "Now" is shown) and starts with it
        // when it can, so the next days follow it.
        const int anchor = selected_ == kNowTab ? todayIndex_ : selected_;
        if (windowed) {
            if (anchor < first_ || anchor >= first_ + shown) first_ = anchor;
            first_ = std::clamp(first_, 0, std::max(0, n - shown));
        } else {
            first_ = 0;
            shown = n;
        }
        const float w =
            windowed ? dayW : std::min((avail - (hasNow_ ? nowW + gap : 0) + gap) / std::max(1, n) - gap, dayW * 2);
        if (hasNow_ && tab("##day-now", nowLabel, windowed ? nowW : std::max(nowW, w), selected_ == kNowTab) &&
            selected_ != kNowTab) {
            if (ctx.stats) ctx.stats->filterUsed("now");
            select(kNowTab);
        }
        if (windowed && tab("##days-earlier", "\u2190", arrowW, false) && first_ > 0) --first_;
        for (int i = first_; i < first_ + shown && i < n; ++i) {
            if (tab("##day" + std::to_string(i), labels[static_cast<std::size_t>(i)], w, i == selected_)) select(i);
        }
        if (windowed && tab("##days-later", "\u2192", arrowW, false) && first_ + shown < n) ++first_;
    }

    float filterButtonWidth(const UiContext& ctx) const {
        std::string label = tr(Str::Filters, ctx.lang);
        if (filter_.active()) label += " \u2713";
        return std::max(ctx.metrics->cssPx(120), badgeSize(label, ctx.fonts->bodyBold).x + ctx.fonts->body->FontSize);
    }

    void drawFilterButton(const UiContext& ctx, ImVec2 pos, float w) {
        std::string label = tr(Str::Filters, ctx.lang);
        if (filter_.active()) label += " \u2713";
        ImGui::SetCursorScreenPos(pos);
        if (button("##filters", label, ImVec2(w, controlHeight(ctx)),
                   showFilters_ ? ButtonKind::TabSelected : ButtonKind::Tab)) {
            showFilters_ = !showFilters_;
            list_.reset();
        }
    }

    // The filter button, the number of sessions shown, and the ended-sessions switch.
    float drawFilterBar(const UiContext& ctx, float y, float margin) {
        const Metrics& m = *ctx.metrics;
        const float h = controlHeight(ctx);
        const float w = filterButtonWidth(ctx);
        drawFilterButton(ctx, ImVec2(margin, y), w);
        if (selected_ != kNowTab && !days_.empty()) {
            // Cancelled sessions are listed but not counted: "1 séance", "3 séances".
            const std::string count =
                core::countOf(core::countTakingPlace(visible(ctx)), core::Noun::Session, ctx.lang);
            const float tx = margin + w + margin * 0.5f;
            drawText(ImGui::GetWindowDrawList(), ctx.fonts->body,
                     ImVec2(tx, y + (h - ctx.fonts->body->FontSize) * 0.5f), m.width() - margin - tx, 1,
                     ctx.theme->textMuted.imu32(), count);
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
        chipRows(
            ctx, "type", labels, width, [&](std::size_t i) { return filter_.types.count(types[i]) > 0; },
            [&](std::size_t i) {
                if (!filter_.types.erase(types[i])) {
                    filter_.types.insert(types[i]);
                    if (ctx.stats) ctx.stats->filterUsed("type");
                }
            });
        const auto communes = core::communesWithSessions(c);
        if (communes.size() > 1) heading(Str::FilterPlace);  // one commune: nothing to choose
        if (communes.size() > 1)
            chipRows(
                ctx, "commune", communes, width, [&](std::size_t i) { return filter_.commune == communes[i]; },
                [&](std::size_t i) {
                    filter_.commune = filter_.commune == communes[i] ? "" : communes[i];
                    if (ctx.stats && !filter_.commune.empty()) ctx.stats->filterUsed("commune");
                });
        heading(Str::FilterAudience);
        labels.clear();
        for (auto a : core::kAllAudiences) labels.push_back(audienceLabel(a, ctx.lang));
        chipRows(
            ctx, "audience", labels, width,
            [&](std::size_t i) { return (filter_.audience & core::kAllAudiences[i]) != 0; },
            [&](std::size_t i) {
                filter_.audience ^= core::kAllAudiences[i];
                if (ctx.stats && (filter_.audience & core::kAllAudiences[i])) ctx.stats->filterUsed("audience");
            });
        heading(Str::FilterAccess);
        labels.clear();
        for (auto f : core::kAllAccessFeatures) labels.push_back(accessLabel(f, ctx.lang));
        chipRows(
            ctx, "access", labels, width,
            [&](std::size_t i) { return (filter_.access & core::kAllAccessFeatures[i]) != 0; },
            [&](std::size_t i) {
                filter_.access ^= core::kAllAccessFeatures[i];
                if (ctx.stats && (filter_.access & core::kAllAccessFeatures[i])) ctx.stats->filterUsed("access");
            });
        const std::vector<std::string> more = {tr(filter_.hideEnded ? Str::ShowEnded : Str::HideEnded, ctx.lang),
                                               tr(Str::ClearFilters, ctx.lang)};
        chipRows(
            ctx, "more", more, width, [&](std::size_t) { return false; },
            [&](std::size_t i) {
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
        openAtCurrent_ = true;  // today's tab opens at what runs too
        descriptionLines_ = 0;
    }

    std::vector<core::CivilDate> days_;
    int selected_ = 0;    // kNowTab, or an index into days_
    int todayIndex_ = 0;  // today, or the last day before it
    int first_ = 0;       // the first day in the strip's window
    bool filterBarApart_ = true;
    bool hasNow_ = false;
    bool showFilters_ = false;
    int descriptionLines_ = 0;    // portrait: description lines per row that fit without scrolling
    bool openAtCurrent_ = false;  // the next drawn day list scrolls to what runs or is next (today only)
    core::SessionFilter filter_;
    ScrollPanel list_;
};
}  // namespace

std::unique_ptr<Screen> makeProgrammeScreen() { return std::make_unique<ProgrammeScreen>(); }

}  // namespace kiosk::ui
