// The attract loop shown when nobody touches the kiosk: slides from the feed's playlist
// (welcome, now and next, announcements, countdown) with a clear call to touch.
#include <cmath>
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
using core::Lang;
using core::SlideKind;

class AttractScreen final : public Screen {
public:
    const char* name() const override { return "attract"; }

    void enter(const UiContext& ctx) override {
        slide_ = 0;
        slideStart_ = ctx.clock->seconds();
    }

    bool animating(const UiContext&) const override { return true; }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const std::vector<core::Slide> slides = playable(ctx);
        advance(ctx, slides);
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float top = drawBanner(ctx, margin);
        const float ctaH = drawCallToAction(ctx, margin);
        const ImVec2 area(m.width() - 2 * margin, m.height() - top - ctaH - 2 * margin);
        const ImVec2 origin(margin, top + margin);
        if (!slides.empty()) {
            const core::Slide& s = slides[slide_ % slides.size()];
            switch (s.kind) {
                case SlideKind::NowNext: drawNowNext(ctx, origin, area); break;
                case SlideKind::Announcements: drawAnnouncements(ctx, origin, area); break;
                case SlideKind::Programme: drawToday(ctx, origin, area); break;
                default: drawWelcome(ctx, origin, area); break;
            }
            drawDots(ctx, slides.size(), m.height() - ctaH - margin * 0.6f);
        }
        // Any tap wakes the kiosk and only wakes it.
        if (ImGui::IsMouseReleased(0) && ImGui::IsWindowHovered()) nav.go("programme");
    }

private:
    // Slides this screen can draw that have something to show now.
    std::vector<core::Slide> playable(const UiContext& ctx) const {
        std::vector<core::Slide> out;
        const core::Instant now = ctx.clock->now();
        for (const core::Slide& s : ctx.content->playlist) {
            switch (s.kind) {
                case SlideKind::Welcome:
                case SlideKind::Countdown: out.push_back({SlideKind::Welcome, s.seconds}); break;
                case SlideKind::NowNext:
                    if (core::eventPhase(*ctx.content, now) == core::EventPhase::During) out.push_back(s);
                    break;
                case SlideKind::Programme:
                    if (!core::sessionsOnDay(*ctx.content, core::programmeDay(now, ctx.content->timeZone)).empty()) out.push_back(s);
                    break;
                case SlideKind::Announcements:
                    for (const auto& a : ctx.content->announcements) {
                        if (a.validAt(now)) { out.push_back(s); break; }
                    }
                    break;
                case SlideKind::Demos:
                case SlideKind::Map: break;  // drawn by the showroom and map screens (visitor experience)
            }
        }
        if (out.empty()) out.push_back({SlideKind::Welcome, 10});
        return out;
    }

    void advance(const UiContext& ctx, const std::vector<core::Slide>& slides) {
        if (slides.empty()) return;
        const double now = ctx.clock->seconds();
        if (now - slideStart_ >= slides[slide_ % slides.size()].seconds) {
            slide_ = (slide_ + 1) % slides.size();
            slideStart_ = now;
        }
    }

    float drawBanner(const UiContext& ctx, float margin) {
        const Metrics& m = *ctx.metrics;
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const core::Event& e = ctx.content->event;
        const float w = m.width() - 2 * margin;
        const std::string dates = std::string(tr(Str::From, ctx.lang)) + " " + core::formatDayLong(e.startDate, ctx.lang) +
                                  " " + tr(Str::To, ctx.lang) + " " + core::formatDayLong(e.endDate, ctx.lang) + " " +
                                  std::to_string(e.endDate.year);
        const TextLayout name = layoutText(f.title, e.name.str(ctx.lang), w, 2);
        const TextLayout when = layoutText(f.heading, dates, w, 2);
        const float height = margin * 1.4f + name.size.y + f.heading->FontSize * 0.15f + when.size.y;
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.width(), height), ctx.theme->primary.imu32());
        float y = margin * 0.7f;
        y += drawText(dl, f.title, ImVec2(margin, y), w, 2, ctx.theme->onPrimary.imu32(), e.name.str(ctx.lang));
        drawText(dl, f.heading, ImVec2(margin, y + f.heading->FontSize * 0.15f), w, 2, ctx.theme->onPrimary.imu32(), dates);
        return height;
    }

    float drawCallToAction(const UiContext& ctx, float margin) {
        const Metrics& m = *ctx.metrics;
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float w = m.width() - 2 * margin;
        const float height = margin * 1.2f + f.title->FontSize * 2 + f.body->FontSize * 1.2f;
        const float top = m.height() - height;
        dl->AddRectFilled(ImVec2(0, top), ImVec2(m.width(), m.height()), ctx.theme->accent.imu32());
        float y = top + margin * 0.6f;
        y += drawText(dl, f.title, ImVec2(margin, y), w, 2, ctx.theme->onAccent.imu32(), tr(Str::TouchToStart, ctx.lang),
                      Align::Center);
        drawText(dl, f.body, ImVec2(margin, y + f.body->FontSize * 0.2f), w, 1, ctx.theme->onAccent.imu32(),
                 tr(Str::TouchToStartOther, ctx.lang), Align::Center);
        return height;
    }

    void drawDots(const UiContext& ctx, std::size_t count, float y) {
        if (count < 2) return;
        const float r = ctx.metrics->px(1.6f);
        const float gap = r * 4;
        float x = ctx.metrics->width() * 0.5f - gap * (static_cast<float>(count) - 1) * 0.5f;
        for (std::size_t i = 0; i < count; ++i, x += gap) {
            const bool on = i == slide_ % count;
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(x, y), on ? r * 1.4f : r,
                                                        (on ? ctx.theme->primary : ctx.theme->border).imu32());
        }
    }

    void drawWelcome(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const core::Content& c = *ctx.content;
        const core::Instant now = ctx.clock->now();
        float y = origin.y + area.y * 0.12f;
        if (!c.event.tagline.empty()) {
            y += drawText(dl, f.heading, ImVec2(origin.x, y), area.x, 3, ctx.theme->text.imu32(),
                          c.event.tagline.str(ctx.lang), Align::Center);
            y += f.heading->FontSize;
        }
        std::string line;
        switch (core::eventPhase(c, now)) {
            case core::EventPhase::Before: {
                const int days = core::daysUntilStart(c, now);
                line = days == 1 ? tr(Str::StartsTomorrow, ctx.lang)
                                 : (ctx.lang == Lang::Fr ? "J-" + std::to_string(days) + " : " : std::to_string(days) + " ") +
                                       tr(Str::DaysToGo, ctx.lang);
                break;
            }
            case core::EventPhase::During: {
                const auto today = core::sessionsOnDay(c, core::programmeDay(now, c.timeZone));
                line = core::formatDayLong(core::programmeDay(now, c.timeZone), ctx.lang) + " \u00B7 " +
                       std::to_string(today.size()) + (ctx.lang == Lang::Fr ? " rendez-vous" : " sessions");
                break;
            }
            case core::EventPhase::After:
                line = tr(Str::EventOver, ctx.lang);
                if (!c.event.nextEdition.empty()) line += "\n" + c.event.nextEdition.str(ctx.lang);
                break;
        }
        drawText(dl, f.title, ImVec2(origin.x, y), area.x, 4, ctx.theme->primary.imu32(), line, Align::Center);
    }

    void drawList(const UiContext& ctx, const char* heading, const std::vector<const core::Session*>& items, ImVec2 pos,
                  float width, float bottom) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const Fonts& f = *ctx.fonts;
        float y = pos.y + drawText(dl, f.heading, pos, width, 1, ctx.theme->primary.imu32(), heading);
        y += f.body->FontSize * 0.4f;
        if (items.empty()) {
            drawText(dl, f.body, ImVec2(pos.x, y), width, 2, ctx.theme->textMuted.imu32(), tr(Str::NothingNow, ctx.lang));
            return;
        }
        for (const core::Session* s : items) {
            // A row is about five lines high: do not start one that would run off the area.
            if (y + f.bodyBold->FontSize * 5.5f > bottom) break;
            y += drawSessionRow(ctx, *s, ImVec2(pos.x, y), width) + f.body->FontSize * 0.4f;
        }
    }

    void drawNowNext(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        const core::NowNext nn = core::nowAndNext(*ctx.content, ctx.clock->now(), 4);
        const float gap = ctx.metrics->margin();
        const float bottom = origin.y + area.y;
        if (ctx.metrics->portrait()) {
            drawList(ctx, tr(Str::NowOn, ctx.lang), nn.now, origin, area.x, origin.y + area.y * 0.5f);
            drawList(ctx, tr(Str::ComingNext, ctx.lang), nn.next, ImVec2(origin.x, origin.y + area.y * 0.5f + gap * 0.5f),
                     area.x, bottom);
        } else {
            const float w = (area.x - gap) * 0.5f;
            drawList(ctx, tr(Str::NowOn, ctx.lang), nn.now, origin, w, bottom);
            drawList(ctx, tr(Str::ComingNext, ctx.lang), nn.next, ImVec2(origin.x + w + gap, origin.y), w, bottom);
        }
    }

    void drawToday(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        const core::Instant now = ctx.clock->now();
        const core::CivilDate day = core::programmeDay(now, ctx.content->timeZone);
        std::vector<const core::Session*> upcoming;
        for (const core::Session* s : core::sessionsOnDay(*ctx.content, day)) {
            if (!core::hasEnded(*s, now)) upcoming.push_back(s);
        }
        drawList(ctx, core::formatDayLong(day, ctx.lang).c_str(), upcoming, origin, area.x, origin.y + area.y);
    }

    void drawAnnouncements(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const Fonts& f = *ctx.fonts;
        float y = origin.y + area.y * 0.1f;
        for (const auto& a : ctx.content->announcements) {
            if (!a.validAt(ctx.clock->now())) continue;
            const Rgb ink = a.priority == core::Priority::Urgent ? ctx.theme->cancelled : ctx.theme->text;
            y += drawText(dl, f.heading, ImVec2(origin.x, y), area.x, 4, ink.imu32(), a.text.str(ctx.lang), Align::Center);
            y += f.heading->FontSize;
            if (y > origin.y + area.y) break;
        }
    }

    std::size_t slide_ = 0;
    double slideStart_ = 0;
};
}  // namespace

std::unique_ptr<Screen> makeAttractScreen() { return std::make_unique<AttractScreen>(); }

}  // namespace kiosk::ui
