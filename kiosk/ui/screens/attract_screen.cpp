// The attract loop shown when nobody touches the kiosk: slides from the feed's playlist
// (welcome, now and next, announcements, countdown) with a clear call to touch.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/schedule.hpp"
#include "core/wording.hpp"
#include "ui/artwork.hpp"
#include "ui/chrome.hpp"
#include "ui/contrast.hpp"
#include "ui/map_layout.hpp"
#include "ui/map_view.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/visuals.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {
using core::Lang;
using core::SlideKind;

class AttractScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Attract; }

    void enter(const UiContext& ctx, const Route& route) override {
        slide_ = 0;
        previous_ = SIZE_MAX;
        slideStart_ = ctx.clock->seconds();
        // "attract:<n>" starts at slide n (previews and tests).
        slide_ = static_cast<std::size_t>(std::max(0, route.slide));
    }

    double secondsUntilChange(const UiContext& ctx) const override {
        // While fading the loop draws at its animation pace (keepAnimating); then the slide rests.
        if (fading(ctx)) return kFadeSeconds - (ctx.clock->seconds() - slideStart_);
        if (ctx.a11y.loopPaused) return 1e9;
        const auto slides = playable(ctx);
        if (slides.empty()) return 1e9;
        return std::max(0.0, slides[slide_ % slides.size()].seconds - (ctx.clock->seconds() - slideStart_));
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const std::vector<core::Slide> slides = playable(ctx);
        advance(ctx, nav, slides);
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float top = drawBanner(ctx, margin);
        const float ctaH = drawCallToAction(ctx, nav, margin);
        const ImVec2 area(m.width() - 2 * margin, m.height() - top - ctaH - 2 * margin);
        const ImVec2 origin(margin, top + margin);
        drawBackdrop(ctx, ImVec2(0, top), ImVec2(m.width(), m.height() - ctaH));
        if (!slides.empty()) {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float t = fadeProgress(ctx);
            if (t < 1.0f && previous_ != SIZE_MAX) {
                const int from = dl->VtxBuffer.Size;
                drawSlide(ctx, slides[previous_ % slides.size()], origin, area);
                scaleAlpha(dl, from, 1.0f - t);
                nav.keepAnimating();
            }
            const int from = dl->VtxBuffer.Size;
            drawSlide(ctx, slides[slide_ % slides.size()], origin, area);
            if (t < 1.0f) scaleAlpha(dl, from, t);
            drawDots(ctx, slides.size(), m.height() - ctaH - margin * 0.6f);
        }
        // Any other tap wakes the kiosk and only wakes it.
        if (ImGui::IsMouseReleased(0) && !ImGui::IsAnyItemActive() && !ImGui::IsAnyItemHovered() &&
            ImGui::IsWindowHovered()) {
            nav.go(ScreenId::Home);
        }
    }

private:
    // Slides this screen can draw that have something to show now.
    std::vector<core::Slide> playable(const UiContext& ctx) const {
        std::vector<core::Slide> out;
        const core::Instant now = ctx.clock->now();
        for (const core::Slide& s : ctx.content->playlist) {
            switch (s.kind) {
                case SlideKind::Welcome: out.push_back(s); break;
                case SlideKind::Countdown:  // only before the opening: after it, there is nothing to count
                    if (core::eventPhase(*ctx.content, now) == core::EventPhase::Before) out.push_back(s);
                    break;
                case SlideKind::NowNext:
                    if (core::eventPhase(*ctx.content, now) == core::EventPhase::During) out.push_back(s);
                    break;
                case SlideKind::Programme:
                    if (!core::sessionsOnDay(*ctx.content, core::programmeDay(now, ctx.content->timeZone)).empty())
                        out.push_back(s);
                    break;
                case SlideKind::Announcements:
                    for (const auto& a : ctx.content->announcements) {
                        if (a.validAt(now)) {
                            out.push_back(s);
                            break;
                        }
                    }
                    break;
                case SlideKind::Demos:
                    if (!ctx.content->demos.empty()) out.push_back(s);
                    break;
                case SlideKind::Map:
                    if (ctx.content->territory) out.push_back(s);
                    break;
            }
        }
        if (out.empty()) out.push_back({SlideKind::Welcome, 10});
        return out;
    }

    void advance(const UiContext& ctx, Navigator& nav, const std::vector<core::Slide>& slides) {
        if (slides.empty()) return;
        if (ctx.a11y.loopPaused) {  // the visitor paused the loop: the slide stays
            slideStart_ = ctx.clock->seconds();
            return;
        }
        const double now = ctx.clock->seconds();
        if (now - slideStart_ >= slides[slide_ % slides.size()].seconds) {
            previous_ = slide_ % slides.size();
            slide_ = (slide_ + 1) % slides.size();
            if (slide_ == 0) ++rounds_;
            slideStart_ = now;
            nav.atSafePoint();  // nobody is reading: new content may come in now
        }
    }

    static constexpr double kFadeSeconds = 0.6;
    bool fading(const UiContext& ctx) const {
        return !ctx.reducedMotion && previous_ != SIZE_MAX && ctx.clock->seconds() - slideStart_ < kFadeSeconds;
    }
    float fadeProgress(const UiContext& ctx) const {
        if (!fading(ctx)) return 1.0f;
        return static_cast<float>((ctx.clock->seconds() - slideStart_) / kFadeSeconds);
    }
    // Crossfade: the vertices drawn since `from` get their alpha scaled.
    static void scaleAlpha(ImDrawList* dl, int from, float factor) {
        for (int i = from; i < dl->VtxBuffer.Size; ++i) {
            ImU32& col = dl->VtxBuffer[i].col;
            const auto a = static_cast<ImU32>(static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFF) * factor);
            col = (col & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
        }
    }

    void drawSlide(const UiContext& ctx, const core::Slide& s, ImVec2 origin, ImVec2 area) {
        // A slide never draws over the banner or the call to touch, whatever the text size.
        ImGui::GetWindowDrawList()->PushClipRect(origin, ImVec2(origin.x + area.x, origin.y + area.y), true);
        drawSlideKind(ctx, s, origin, area);
        ImGui::GetWindowDrawList()->PopClipRect();
    }

    void drawSlideKind(const UiContext& ctx, const core::Slide& s, ImVec2 origin, ImVec2 area) {
        switch (s.kind) {
            case SlideKind::NowNext: drawNowNext(ctx, origin, area); break;
            case SlideKind::Announcements: drawAnnouncements(ctx, origin, area); break;
            case SlideKind::Programme: drawToday(ctx, origin, area); break;
            case SlideKind::Demos: drawDemos(ctx, origin, area); break;
            case SlideKind::Map: drawMap(ctx, origin, area); break;
            case SlideKind::Countdown: drawCountdown(ctx, origin, area); break;
            default: drawWelcome(ctx, origin, area); break;
        }
    }

    float drawBanner(const UiContext& ctx, float margin) {
        const Metrics& m = *ctx.metrics;
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const core::Event& e = ctx.content->event;
        const float w = m.width() - 2 * margin;
        std::string dates = core::formatEventDates(e.startDate, e.endDate, ctx.lang);
        if (ctx.contentAsOf) dates += " \u00B7 " + asOfNotice(ctx);
        const TextLayout name = layoutText(f.title, e.name.str(ctx.lang), w, 2);
        const TextLayout when = layoutText(f.heading, dates, w, 2);
        const float height = margin * 1.4f + name.size.y + f.heading->FontSize * 0.15f + when.size.y;
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.width(), height), ctx.theme->primary.imu32());
        BackgroundScope band(ctx.theme->primary);
        float y = margin * 0.7f;
        y += drawText(dl, f.title, ImVec2(margin, y), w, 2, ctx.theme->onPrimary.imu32(), e.name.str(ctx.lang));
        drawText(dl, f.heading, ImVec2(margin, y + f.heading->FontSize * 0.15f), w, 2, ctx.theme->onPrimary.imu32(),
                 dates);
        return height;
    }

    // The call to touch, with the accessibility button and the language switch, which act
    // at once. Beside the text on wide screens, under it on narrow ones.
    float drawCallToAction(const UiContext& ctx, Navigator& nav, float margin) {
        const Metrics& m = *ctx.metrics;
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float buttonH = controlHeight(ctx);
        const char* langLabel = tr(Str::LanguageButton, ctx.lang);
        // French-only content: no language switch and no call to action in English.
        const bool otherLang = core::contentHasLanguage(*ctx.content, ctx.lang == Lang::Fr ? Lang::En : Lang::Fr);
        const float langW =
            otherLang ? std::max(m.cssPx(120), badgeSize(langLabel, f.bodyBold).x + f.body->FontSize) : 0.0f;
        const std::string a11yLabel = std::string("\u267F ") + tr(Str::Accessibility, ctx.lang);
        const float a11yW = std::max(m.cssPx(160), badgeSize(a11yLabel, f.bodyBold).x + f.body->FontSize);
        const float sideW = std::max(langW, a11yW);
        const char* cta = tr(Str::TouchToStart, ctx.lang);
        const char* ctaOther = otherLang ? tr(Str::TouchToStartOther, ctx.lang) : "";
        const float besideW = m.width() - 2 * margin - 2 * (sideW + margin * 0.5f);
        const bool beside =
            !layoutText(f.title, cta, besideW, 2).overflow && !layoutText(f.body, ctaOther, besideW, 2).overflow;
        const float textW = beside ? besideW : m.width() - 2 * margin;
        const float textH = layoutText(f.title, cta, textW, 2).size.y + f.body->FontSize * 0.2f +
                            layoutText(f.body, ctaOther, textW, 2).size.y;
        const float height = margin * 1.2f + (beside ? std::max(textH, buttonH) : textH + margin * 0.5f + buttonH);
        const float top = m.height() - height;
        dl->AddRectFilled(ImVec2(0, top), ImVec2(m.width(), m.height()), ctx.theme->accent.imu32());
        BackgroundScope band(ctx.theme->accent);
        const float buttonY = beside ? top + (height - buttonH) * 0.5f : m.height() - margin * 0.6f - buttonH;
        ImGui::SetCursorScreenPos(ImVec2(m.width() - margin - langW, buttonY));
        if (otherLang && button("##attract-lang", langLabel, ImVec2(langW, buttonH), ButtonKind::Secondary))
            nav.toggleLanguage();
        ImGui::SetCursorScreenPos(ImVec2(margin, buttonY));
        if (button("##attract-a11y", a11yLabel, ImVec2(a11yW, buttonH), ButtonKind::Secondary))
            nav.go(ScreenId::Accessibility);
        const float x = beside ? margin + sideW + margin * 0.5f : margin;
        float y = beside ? top + (height - textH) * 0.5f : top + margin * 0.6f;
        y += drawText(dl, f.title, ImVec2(x, y), textW, 2, ctx.theme->onAccent.imu32(), cta, Align::Center);
        drawText(dl, f.body, ImVec2(x, y + f.body->FontSize * 0.2f), textW, 2, ctx.theme->onAccent.imu32(), ctaOther,
                 Align::Center);
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

    // The content's pictures, for slides that show one: session images (upcoming first),
    // then the first picture of each demo. A different one each time round the loop.
    const core::Image* picture(const UiContext& ctx, std::size_t salt) const {
        std::vector<const core::Image*> all;
        const core::Instant now = ctx.clock->now();
        for (const core::Session& s : ctx.content->sessions) {
            if (s.image && !core::hasEnded(s, now) && s.status != core::SessionStatus::Cancelled)
                all.push_back(&*s.image);
        }
        for (const core::Session& s : ctx.content->sessions) {
            if (s.image && core::hasEnded(s, now)) all.push_back(&*s.image);
        }
        for (const core::Demo& d : ctx.content->demos) {
            if (!d.gallery.empty()) all.push_back(&d.gallery.front());
        }
        if (all.empty()) return nullptr;
        return all[(rounds_ + salt) % all.size()];
    }

    // Splits the slide into a picture panel and a text panel: side by side on a landscape
    // screen, picture on top in portrait. Returns the text panel.
    // `fits` says whether the slide's text fits a panel of that size; when it would not
    // beside the picture (large text, a short slide), the text gets the whole slide.
    template <typename Fits>
    std::pair<ImVec2, ImVec2> withPicture(const UiContext& ctx, ImVec2 origin, ImVec2 area, std::size_t salt,
                                          Pictogram fallback, Fits fits) {
        const float gap = ctx.metrics->margin() * 0.6f;
        const bool portrait = area.y > area.x;
        const ImVec2 p0 = origin;
        const ImVec2 p1 = portrait ? ImVec2(origin.x + area.x, origin.y + area.y * 0.42f)
                                   : ImVec2(origin.x + area.x * 0.46f, origin.y + area.y);
        const ImVec2 textSize = portrait ? ImVec2(area.x, area.y - (p1.y - origin.y) - gap)
                                         : ImVec2(area.x - (p1.x - origin.x) - gap, area.y);
        if (ctx.a11y.oneColumn() || !fits(textSize)) return {origin, area};
        if (const core::Image* img = picture(ctx, salt)) {
            drawImage(ctx, *img, p0, p1, Fit::Cover);
        } else {
            drawPlaceholderArt(ctx, p0, p1, fallback, "attract");
        }
        if (portrait) return {ImVec2(origin.x, p1.y + gap), ImVec2(area.x, area.y - (p1.y - origin.y) - gap)};
        return {ImVec2(p1.x + gap, origin.y), ImVec2(area.x - (p1.x - origin.x) - gap, area.y)};
    }

    void drawWelcome(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const core::Content& c = *ctx.content;
        const std::string tagline = c.event.tagline.str(ctx.lang);
        const std::string line = welcomeLine(ctx);
        const auto [to, ta] = withPicture(ctx, origin, area, 0, Pictogram::Calendar, [&](ImVec2 sz) {
            const TextLayout a = layoutText(f.heading, tagline, sz.x, 3), b = layoutText(f.title, line, sz.x, 4);
            return !a.overflow && !b.overflow && a.size.y + b.size.y + f.heading->FontSize * 2 < sz.y;
        });
        float y = to.y + ta.y * 0.04f;
        if (!c.event.tagline.empty()) {
            y += drawText(dl, f.heading, ImVec2(to.x, y), ta.x, 3, ctx.theme->text.imu32(),
                          c.event.tagline.str(ctx.lang), Align::Center);
            y += f.heading->FontSize * 0.6f;
        }
        y += drawText(dl, f.title, ImVec2(to.x, y), ta.x, 4, ctx.theme->primary.imu32(), line, Align::Center);
        y += f.title->FontSize * 0.6f;
        drawFigures(ctx, ImVec2(to.x, y), ImVec2(ta.x, to.y + ta.y - y));
    }

    std::string welcomeLine(const UiContext& ctx) const {
        const core::Content& c = *ctx.content;
        const core::Instant now = ctx.clock->now();
        std::string line;
        switch (core::eventPhase(c, now)) {
            case core::EventPhase::Before: {
                const int days = core::daysUntilStart(c, now);
                line = days == 1 ? tr(Str::StartsTomorrow, ctx.lang)
                                 : (ctx.lang == Lang::Fr ? "J-" + std::to_string(days) + "\u202F: "
                                                         : std::to_string(days) + " ") +
                                       tr(Str::DaysToGo, ctx.lang);
                break;
            }
            case core::EventPhase::During: {
                const auto today = core::sessionsOnDay(c, core::programmeDay(now, c.timeZone));
                line = core::formatDayLong(core::programmeDay(now, c.timeZone), ctx.lang) + " \u00B7 " +
                       core::countOf(core::countTakingPlace(today), core::Noun::Session, ctx.lang);
                break;
            }
            case core::EventPhase::After:
                line = tr(Str::EventOver, ctx.lang);
                if (!c.event.nextEdition.empty()) line += "\n" + c.event.nextEdition.str(ctx.lang);
                break;
        }
        return line;
    }

    // Before the opening: days to go, then hours on the last two days, in the largest type.
    void drawCountdown(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const core::Content& c = *ctx.content;
        const core::Instant now = ctx.clock->now();
        core::Instant opening = c.timeZone.fromLocal(c.event.startDate, 9, 0);
        bool any = false;
        for (const core::Session& s : c.sessions) {
            if (!any || s.start.instant < opening) opening = s.start.instant;
            any = true;
        }
        const auto secs = std::max<std::int64_t>(0, (opening - now).count());
        const auto hours = (secs + 3599) / 3600;
        const bool inHours = hours <= 48;
        const std::string number = inHours ? std::to_string(hours) : std::to_string(core::daysUntilStart(c, now));
        const char* unit = tr(inHours ? Str::HoursToGo : Str::DaysToGo, ctx.lang);
        const std::string date = core::formatDayLong(c.event.startDate, ctx.lang) + " \u00B7 " +
                                 core::formatTime(opening, c.timeZone, ctx.lang);
        const auto [to, ta] = withPicture(ctx, origin, area, 1, Pictogram::Clock, [&](ImVec2 sz) {
            const float w = sz.x - 2 * f.body->FontSize;
            return !layoutText(f.title, unit, w, 2).overflow && !layoutText(f.heading, date, w, 1).overflow &&
                   !layoutText(f.heading, tr(Str::OpensIn, ctx.lang), w, 1).overflow && sz.y > f.display->FontSize * 3;
        });
        // The panel: primary colour, the number as large as the panel allows.
        dl->AddRectFilled(to, ImVec2(to.x + ta.x, to.y + ta.y), ctx.theme->primary.imu32(), f.body->FontSize * 0.4f);
        BackgroundScope panel(ctx.theme->primary);
        const float pad = f.body->FontSize;
        float y = to.y + pad;
        y += drawText(dl, f.heading, ImVec2(to.x + pad, y), ta.x - 2 * pad, 1, ctx.theme->onPrimary.imu32(),
                      tr(Str::OpensIn, ctx.lang), Align::Center);
        const float unitH = layoutText(f.title, unit, ta.x - 2 * pad, 2).size.y;
        const float dateH = f.heading->FontSize * 1.4f;
        const float room = to.y + ta.y - pad - unitH - dateH - y;
        ImFont* big = f.display;
        const ImVec2 natural = big->CalcTextSizeA(big->FontSize, 1e9f, 0, number.c_str());
        const float scale = std::clamp(
            std::min(room / std::max(1.0f, natural.y), (ta.x - 2 * pad) / std::max(1.0f, natural.x)), 0.4f, 6.0f);
        const float size = big->FontSize * scale;
        const ImVec2 ns = big->CalcTextSizeA(size, 1e9f, 0, number.c_str());
        dl->AddText(big, size, ImVec2(to.x + (ta.x - ns.x) * 0.5f, y), ctx.theme->onPrimary.imu32(), number.c_str());
        y += ns.y;
        y += drawText(dl, f.title, ImVec2(to.x + pad, y), ta.x - 2 * pad, 2, ctx.theme->onPrimary.imu32(), unit,
                      Align::Center);
        drawText(dl, f.heading, ImVec2(to.x + pad, y + f.heading->FontSize * 0.4f), ta.x - 2 * pad, 1,
                 ctx.theme->onPrimary.imu32(), date, Align::Center);
    }

    // The event in four figures: sessions, places, communes, demonstrations.
    void drawFigures(const UiContext& ctx, ImVec2 pos, ImVec2 size) {
        const Fonts& f = *ctx.fonts;
        const core::Content& c = *ctx.content;
        std::set<std::string> communes;
        for (const auto& p : c.places) communes.insert(p.commune);
        // Counted as visitors read them: cancelled sessions left out, "1 lieu", "2 lieux".
        const std::pair<std::size_t, core::Noun> figures[] = {{core::countTakingPlace(c), core::Noun::Session},
                                                              {c.places.size(), core::Noun::Place},
                                                              {communes.size(), core::Noun::Commune},
                                                              {c.demos.size(), core::Noun::Demo}};
        const int cols = ctx.oneColumn() ? 2 : 4;
        const float gap = ctx.metrics->px(4);
        const float w = (size.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const float minH = f.display->FontSize + f.body->FontSize * 2.2f;
        const int rows = 4 / cols;
        // Tiles share the space left under the text (no more than twice their natural height).
        const float h = std::min(minH * 2, (size.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
        if (h < minH) return;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int i = 0; i < 4; ++i) {
            const ImVec2 p(pos.x + static_cast<float>(i % cols) * (w + gap),
                           pos.y + static_cast<float>(i / cols) * (h + gap));
            if (p.y + h > pos.y + size.y) break;
            dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ctx.theme->surface.imu32(), f.body->FontSize * 0.4f);
            BackgroundScope card(ctx.theme->surface);
            const float top = p.y + (h - minH) * 0.5f + f.body->FontSize * 0.4f;
            drawText(dl, f.display, ImVec2(p.x, top), w, 1, ctx.theme->primary.imu32(),
                     std::to_string(figures[i].first), Align::Center);
            drawText(dl, f.body, ImVec2(p.x, top + f.display->FontSize), w, 1, ctx.theme->text.imu32(),
                     core::nounForm(figures[i].first, figures[i].second, ctx.lang), Align::Center);
        }
    }

    void drawList(const UiContext& ctx, const char* heading, const std::vector<const core::Session*>& items, ImVec2 pos,
                  float width, float bottom) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const Fonts& f = *ctx.fonts;
        float y = pos.y + drawText(dl, f.heading, pos, width, 1, ctx.theme->primary.imu32(), heading);
        y += f.body->FontSize * 0.4f;
        if (items.empty()) {
            drawText(dl, f.body, ImVec2(pos.x, y), width, 2, ctx.theme->textMuted.imu32(),
                     tr(Str::NothingNow, ctx.lang));
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
        if (ctx.oneColumn()) {
            drawList(ctx, tr(Str::NowOn, ctx.lang), nn.now, origin, area.x, origin.y + area.y * 0.5f);
            drawList(ctx, tr(Str::ComingNext, ctx.lang), nn.next,
                     ImVec2(origin.x, origin.y + area.y * 0.5f + gap * 0.5f), area.x, bottom);
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

    // Valid announcements as cards that share the slide's height (three at most), each
    // text in the largest type that fits, with a stripe in the urgency's colour.
    void drawAnnouncements(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const Fonts& f = *ctx.fonts;
        std::vector<const core::Announcement*> valid;
        for (const auto& a : ctx.content->announcements) {
            if (a.validAt(ctx.clock->now()) && valid.size() < 3) valid.push_back(&a);
        }
        if (valid.empty()) return;
        float y = origin.y + drawText(dl, f.heading, origin, area.x, 1, ctx.theme->primary.imu32(),
                                      tr(Str::AnnouncementsTitle, ctx.lang));
        y += f.body->FontSize * 0.4f;
        const float gap = ctx.metrics->px(4);
        const float cardH =
            (origin.y + area.y - y - gap * static_cast<float>(valid.size() - 1)) / static_cast<float>(valid.size());
        const float stripe = std::max(ctx.metrics->px(6), f.body->FontSize * 2.4f);
        for (const core::Announcement* a : valid) {
            const Rgb ink = a->priority == core::Priority::Urgent ? ctx.theme->cancelled : ctx.theme->primary;
            const ImVec2 p0(origin.x, y), p1(origin.x + area.x, y + cardH);
            dl->AddRectFilled(p0, p1, ctx.theme->surface.imu32(), f.body->FontSize * 0.4f);
            dl->AddRectFilled(p0, ImVec2(p0.x + stripe, p1.y), ink.imu32(), f.body->FontSize * 0.4f,
                              ImDrawFlags_RoundCornersLeft);
            drawPictogram(dl, Pictogram::Info, ImVec2(p0.x + stripe * 0.5f, p0.y + std::min(cardH * 0.5f, stripe)),
                          stripe * 0.6f, ctx.theme->onPrimary.imu32());
            BackgroundScope card(ctx.theme->surface);
            const float pad = f.body->FontSize * 0.8f;
            const float tw = area.x - stripe - 2 * pad;
            const std::string text = a->text.str(ctx.lang);
            ImFont* font = f.title;
            for (ImFont* candidate : {f.title, f.heading, f.body}) {
                font = candidate;
                const TextLayout l = layoutText(font, text, tw, 6);
                if (!l.overflow && l.size.y <= cardH - 2 * pad) break;
            }
            const TextLayout l = layoutText(font, text, tw, 6);
            const float ty = y + std::max(pad, (cardH - l.size.y) * 0.5f);
            drawText(dl, font, ImVec2(p0.x + stripe + pad, ty), tw,
                     std::max(1, static_cast<int>((cardH - pad) / font->FontSize)),
                     (a->priority == core::Priority::Urgent ? ctx.theme->cancelled : ctx.theme->text).imu32(), text);
            y += cardH + gap;
        }
    }

    void drawDemos(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const auto& demos = ctx.content->demos;
        float y = origin.y + drawText(dl, f.heading, origin, area.x, 1, ctx.theme->primary.imu32(),
                                      tr(Str::FeaturedDemos, ctx.lang));
        y += f.body->FontSize * 0.4f;
        int cols = ctx.oneColumn() ? 2 : 3;
        const float gap = ctx.metrics->px(4);
        // Cards wide enough for a title on two lines (a tablet at arm's length has large text).
        auto widthOf = [&](int n) { return (area.x - gap * static_cast<float>(n - 1)) / static_cast<float>(n); };
        while (cols > 1 && widthOf(cols) < f.bodyBold->FontSize * 15) --cols;
        const float cardW = widthOf(cols);
        // As many rows as fit at about the pictures' 16:10, sharing the slide's height.
        const float natural = cardW * 0.625f + f.bodyBold->FontSize * 2.6f;
        const float availH = origin.y + area.y - y;
        const int rows = std::max(1, std::min(3, static_cast<int>((availH + gap) / (natural * 0.8f + gap))));
        const float cardH =
            std::min((availH - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), natural * 1.4f);
        // A different selection each time the slide comes round.
        const std::size_t first =
            (rounds_ * static_cast<std::size_t>(cols * rows)) % std::max<std::size_t>(1, demos.size());
        for (int i = 0; i < cols * rows && static_cast<std::size_t>(i) < demos.size(); ++i) {
            const core::Demo& d = demos[(first + static_cast<std::size_t>(i)) % demos.size()];
            const ImVec2 p(origin.x + static_cast<float>(i % cols) * (cardW + gap),
                           y + static_cast<float>(i / cols) * (cardH + gap));
            const float imageH = cardH - f.bodyBold->FontSize * 2.6f;
            dl->AddRectFilled(p, ImVec2(p.x + cardW, p.y + cardH), ctx.theme->surface.imu32(), f.body->FontSize * 0.3f);
            BackgroundScope card(ctx.theme->surface);
            if (imageH > 0 && !d.gallery.empty()) {
                drawImage(ctx, d.gallery.front(), p, ImVec2(p.x + cardW, p.y + imageH), Fit::Cover);
            } else if (imageH > 0) {
                drawPlaceholderArt(ctx, p, ImVec2(p.x + cardW, p.y + imageH), Pictogram::Showroom, "demo");
            }
            drawText(dl, f.bodyBold, ImVec2(p.x + f.body->FontSize * 0.4f, p.y + imageH + f.body->FontSize * 0.3f),
                     cardW - f.body->FontSize * 0.8f, 2, ctx.theme->text.imu32(), d.title.str(ctx.lang));
        }
    }

    // The territory with today's places marked.
    void drawMap(const UiContext& ctx, ImVec2 origin, ImVec2 area) {
        const core::Content& c = *ctx.content;
        const core::TerritoryMap& map = *c.territory;
        const Fonts& f = *ctx.fonts;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float y = origin.y +
                  drawText(dl, f.heading, origin, area.x, 1, ctx.theme->primary.imu32(), tr(Str::TodayOnMap, ctx.lang));
        const ImVec2 size = territorySize(map, 0);
        const float availH = origin.y + area.y - y;
        const float scale = std::min(area.x / size.x, availH / size.y);
        const ImVec2 p0(origin.x + (area.x - size.x * scale) * 0.5f, y),
            p1(p0.x + size.x * scale, p0.y + size.y * scale);
        if (map.image) drawImage(ctx, *map.image, p0, p1, Fit::Contain);
        const core::CivilDate today = core::programmeDay(ctx.clock->now(), c.timeZone);
        std::set<std::string> placesToday;
        for (const core::Session* s : core::sessionsOnDay(c, today)) placesToday.insert(s->placeId);
        const float pin = std::max(ctx.metrics->cssPx(36), f.small->FontSize * 1.6f);
        // Places closer than a pin share one marker labelled with their commune; labels are
        // placed so none covers another (map_layout.hpp). "You are here" is labelled first.
        std::vector<const core::Place*> shown;
        std::vector<LayoutPoint> pts;
        for (const core::Place& p : c.places) {
            if (!p.coordinates || (!placesToday.count(p.id) && p.id != ctx.herePlace)) continue;
            const ImVec2 q = projectToMap(map, *p.coordinates, size);
            shown.push_back(&p);
            pts.push_back({p0.x + q.x * scale, p0.y + q.y * scale});
        }
        auto groups = groupMarkers(pts, pin);
        auto isHere = [&](const std::vector<std::size_t>& g) {
            return std::any_of(g.begin(), g.end(), [&](std::size_t i) { return shown[i]->id == ctx.herePlace; });
        };
        std::stable_sort(groups.begin(), groups.end(),
                         [&](const auto& a, const auto& b) { return isHere(a) > isHere(b); });
        std::vector<LabelRequest> requests;
        std::vector<std::string> labels;
        for (const auto& g : groups) {
            const core::Place& first = *shown[g.front()];
            std::string label = g.size() == 1 ? (first.shortName.empty() ? first.name : first.shortName).str(ctx.lang)
                                              : first.commune + " \u00B7 " + std::to_string(g.size()) + "\u00A0" +
                                                    tr(Str::PlacesInGroup, ctx.lang);
            if (isHere(g)) label = std::string(tr(Str::YouAreHere, ctx.lang)) + " \u00B7 " + label;
            const LayoutPoint tip = groupCentre(pts, g);
            const ImVec2 ls = badgeSize(label, f.small);
            LabelRequest r;
            r.anchor = tip;
            r.width = ls.x;
            r.height = ls.y;
            r.gap = 2;
            r.marker = {tip.x - pin * 0.4f, tip.y - pin * 0.95f, tip.x + pin * 0.4f, tip.y};
            requests.push_back(r);
            labels.push_back(std::move(label));
        }
        const auto placed = placeLabels(requests, {origin.x, y, origin.x + area.x, origin.y + area.y});
        for (std::size_t k = 0; k < groups.size(); ++k) {
            const LayoutPoint tip = requests[k].anchor;
            const Rgb colour = isHere(groups[k]) ? ctx.theme->now : ctx.theme->accent;
            if (groups[k].size() == 1) {
                drawPictogram(dl, Pictogram::Pin, ImVec2(tip.x, tip.y - pin * 0.45f), pin, colour.imu32());
            } else {
                const ImVec2 cc(tip.x, tip.y - pin * 0.5f);
                dl->AddCircleFilled(cc, pin * 0.45f, ctx.theme->onPrimary.imu32());
                dl->AddCircleFilled(cc, pin * 0.38f, colour.imu32());
                BackgroundScope disc(colour);
                drawText(dl, f.bodyBold, ImVec2(cc.x - pin * 0.4f, cc.y - f.bodyBold->FontSize * 0.5f), pin * 0.8f, 1,
                         ctx.theme->onPrimary.imu32(), std::to_string(groups[k].size()), Align::Center);
            }
            if (placed[k].placed) {
                badge(dl, ImVec2(placed[k].rect.x0, placed[k].rect.y0), labels[k],
                      isHere(groups[k]) ? ctx.theme->now : ctx.theme->primary, ctx.theme->onPrimary, f.small);
            }
        }
    }

    std::size_t slide_ = 0;
    std::size_t previous_ = SIZE_MAX;
    std::size_t rounds_ = 0;
    double slideStart_ = 0;
};
}  // namespace

std::unique_ptr<Screen> makeAttractScreen() { return std::make_unique<AttractScreen>(); }

}  // namespace kiosk::ui
