// Header band and session rows (see chrome.hpp).
#include "ui/chrome.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/schedule.hpp"
#include "core/wording.hpp"
#include "ui/contrast.hpp"
#include "ui/frame_state.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
using core::Lang;

std::string asOfNotice(const UiContext& ctx) {
    if (!ctx.contentAsOf) return {};
    const core::LocalTime t = ctx.content->timeZone.toLocal(*ctx.contentAsOf);
    return std::string(tr(Str::ProgrammeAsOf, ctx.lang)) + " " + core::formatDayLong(t.date, ctx.lang) + ", " +
           core::formatTime(t.hour, t.minute, ctx.lang);
}

float controlHeight(const UiContext& ctx) {
    return std::max(ctx.metrics->minControlPx(),
                    ctx.fonts->bodyBold->FontSize * (ctx.metrics->compact() ? 1.7f : 2.0f));
}

namespace {
float navButtonWidth(const UiContext& ctx, const char* label) {
    return std::max(ctx.metrics->cssPx(96), badgeSize(label, ctx.fonts->bodyBold).x + ctx.fonts->body->FontSize);
}
}  // namespace

float navButtonsWidth(const UiContext& ctx, const Navigator& nav, bool showHome) {
    float w = 0;
    if (showHome) w += navButtonWidth(ctx, tr(Str::Home, ctx.lang)) + ctx.metrics->px(2.5f);
    if (nav.canGoBack()) w += navButtonWidth(ctx, tr(Str::Back, ctx.lang)) + ctx.metrics->px(2.5f);
    return w;
}

float drawNavButtons(const UiContext& ctx, Navigator& nav, ImVec2 pos, float height, bool showHome) {
    const Metrics& m = *ctx.metrics;
    float x = pos.x;
    auto navButton = [&](const char* id, const char* label, auto action) {
        const float w = navButtonWidth(ctx, label);
        ImGui::SetCursorScreenPos(ImVec2(x, pos.y));
        if (button(id, label, ImVec2(w, height), ButtonKind::Secondary)) action();
        x += w + m.px(2.5f);
    };
    if (showHome) navButton("##home", tr(Str::Home, ctx.lang), [&] { nav.home(); });
    if (nav.canGoBack()) navButton("##back", tr(Str::Back, ctx.lang), [&] { nav.back(); });
    return x;
}

// The language switch only when the content has the other language (event.json "languages").
bool offersOtherLanguage(const UiContext& ctx) {
    return core::contentHasLanguage(*ctx.content, ctx.lang == Lang::Fr ? Lang::En : Lang::Fr);
}

float languageButtonWidth(const UiContext& ctx) {
    if (!offersOtherLanguage(ctx)) return 0.0f;
    return std::max(ctx.metrics->cssPx(120),
                    badgeSize(tr(Str::LanguageButton, ctx.lang), ctx.fonts->bodyBold).x + ctx.fonts->body->FontSize);
}

void drawLanguageButton(const UiContext& ctx, Navigator& nav, ImVec2 pos, float height) {
    if (!offersOtherLanguage(ctx)) return;
    ImGui::SetCursorScreenPos(pos);
    if (button("##lang", tr(Str::LanguageButton, ctx.lang), ImVec2(languageButtonWidth(ctx), height),
               ButtonKind::Secondary)) {
        nav.toggleLanguage();
    }
}

ImFont* titleFontFor(const UiContext& ctx, float width) {
    return width >= ctx.fonts->title->FontSize * 14 ? ctx.fonts->title : ctx.fonts->heading;
}

float easyReadBox(const UiContext& ctx, const core::LocalizedText& easyRead, float width) {
    if (!ctx.a11y.easyRead || easyRead.empty()) return 0;
    const Fonts& f = *ctx.fonts;
    const float pad = f.body->FontSize * 0.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string body = easyRead.str(ctx.lang);
    const float h =
        f.bodyBold->FontSize + pad * 0.3f + layoutText(f.bodyBold, body, width - 2 * pad, 0).size.y + 2 * pad;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ctx.theme->surface.imu32(), pad * 0.5f);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), ctx.theme->primary.imu32(), pad * 0.5f, 0, 3.0f);
    BackgroundScope box(ctx.theme->surface);
    float y = p.y + pad;
    y += drawText(dl, f.bodyBold, ImVec2(p.x + pad, y), width - 2 * pad, 1, ctx.theme->primary.imu32(),
                  tr(Str::EasyReadBox, ctx.lang));
    y += pad * 0.3f;
    drawText(dl, f.bodyBold, ImVec2(p.x + pad, y), width - 2 * pad, 0, ctx.theme->text.imu32(), body);
    ImGui::Dummy(ImVec2(width, h + pad * 0.5f));
    return h + pad * 0.5f;
}

void accessList(const UiContext& ctx, core::AccessSet access, float width) {
    for (auto feature : core::kAllAccessFeatures) {
        if (access & feature) {
            text(ctx.fonts->body, width, 0, ctx.theme->text.imu32(),
                 std::string("\u2713 ") + accessLabel(feature, ctx.lang));
        }
    }
}

float sectionHeading(const UiContext& ctx, std::string_view label, float width) {
    const float h = text(ctx.fonts->heading, width, 2, ctx.theme->text.imu32(), label);
    ImGui::Dummy(ImVec2(width, ctx.fonts->body->FontSize * 0.3f));
    return h + ctx.fonts->body->FontSize * 0.3f;
}

// Portrait: the header only names the screen (the title on up to two lines, then the day
// and time); its controls are in the bar at the bottom, within reach.
float drawTitleBand(const UiContext& ctx, std::string_view title) {
    const Metrics& m = *ctx.metrics;
    const Fonts& f = *ctx.fonts;
    const float margin = m.margin();
    const float w = m.width() - 2 * margin;
    const core::LocalTime local = ctx.content->timeZone.toLocal(ctx.clock->now());
    std::string when =
        core::formatDayLong(local.date, ctx.lang) + " \u00B7 " + core::formatTime(local.hour, local.minute, ctx.lang);
    if (ctx.contentAsOf) when = asOfNotice(ctx);
    ImFont* titleFont = f.title;
    for (ImFont* candidate : {f.title, f.heading, f.bodyBold}) {
        titleFont = candidate;
        if (!layoutText(candidate, title, w, 2).overflow) break;
    }
    const float titleH = layoutText(titleFont, title, w, 2).size.y;
    const float whenH = layoutText(f.body, when, w, 2).size.y;
    const float height = titleH + whenH + margin;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    dl->AddRectFilled(origin, ImVec2(origin.x + m.width(), origin.y + height), ctx.theme->primary.imu32());
    BackgroundScope band(ctx.theme->primary);
    const float y = origin.y + margin * 0.5f;
    drawText(dl, titleFont, ImVec2(origin.x + margin, y), w, 2, ctx.theme->onPrimary.imu32(), title);
    drawText(dl, f.body, ImVec2(origin.x + margin, y + titleH), w, 2, ctx.theme->onPrimary.imu32(), when);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    return height;
}

float drawHeader(const UiContext& ctx, Navigator& nav, std::string_view title, bool showHome) {
    if (ctx.metrics->controlsLow()) return drawTitleBand(ctx, title);
    const Metrics& m = *ctx.metrics;
    const Fonts& f = *ctx.fonts;
    const float margin = m.margin();
    const float buttonH = controlHeight(ctx);
    const float height = buttonH + 2 * margin * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    dl->AddRectFilled(origin, ImVec2(origin.x + m.width(), origin.y + height), ctx.theme->primary.imu32());
    BackgroundScope band(ctx.theme->primary);
    const float by = origin.y + (height - buttonH) * 0.5f;

    // Left: Home and Back. Right: language switch. Between: title, day and time.
    float x = origin.x + margin;
    x = drawNavButtons(ctx, nav, ImVec2(x, by), buttonH, showHome);
    const float langW = languageButtonWidth(ctx);
    drawLanguageButton(ctx, nav, ImVec2(origin.x + m.width() - margin - langW, by), buttonH);

    const core::Instant now = ctx.clock->now();
    const core::LocalTime local = ctx.content->timeZone.toLocal(now);
    std::string when =
        core::formatDayLong(local.date, ctx.lang) + " \u00B7 " + core::formatTime(local.hour, local.minute, ctx.lang);
    if (ctx.contentAsOf) when = asOfNotice(ctx);
    const float textX = x + (x > origin.x + margin ? margin * 0.5f : 0);
    const float textW = origin.x + m.width() - margin - langW - margin * 0.5f - textX;
    // The title in the largest font it fits in; the day and time under it when they fit.
    ImFont* titleFont = f.heading;
    if (!layoutText(titleFont, title, textW, 1).lines.empty() && layoutText(titleFont, title, textW, 1).overflow)
        titleFont = f.bodyBold;
    // Still too long (large text between Home, Back and the language switch): two lines of
    // the bold or the small font, as many as the band holds.
    int titleLines = 1;
    if (titleFont == f.bodyBold && layoutText(titleFont, title, textW, 1).overflow) {
        titleLines = 2;
        if (layoutText(titleFont, title, textW, 2).overflow || 2 * titleFont->FontSize > height) titleFont = f.small;
    }
    const bool showWhen = !layoutText(f.small, when, textW, 1).overflow && titleFont == f.heading;
    const float titleH = layoutText(titleFont, title, textW, titleLines).size.y + (showWhen ? f.small->FontSize : 0);
    const float y = origin.y + (height - titleH) * 0.5f;
    const float usedH =
        drawText(dl, titleFont, ImVec2(textX, y), textW, titleLines, ctx.theme->onPrimary.imu32(), title);
    if (showWhen) drawText(dl, f.small, ImVec2(textX, y + usedH), textW, 1, ctx.theme->onPrimary.imu32(), when);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    return height;
}

float sessionRowButton(const UiContext& ctx, Navigator& nav, const core::Session& s, ImVec2 pos, float width,
                       int descriptionLines) {
    const float h = drawSessionRow(ctx, s, pos, width, descriptionLines);
    const ImVec2 saved = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(pos);
    labelLanguageNext(s.title.get(ctx.lang).lang);
    if (tapArea(("##session-" + s.id).c_str(), s.title.str(ctx.lang), ImVec2(width, h))) nav.go(Route::session(s.id));
    ImGui::SetCursorScreenPos(saved);
    return h;
}

float ScrollPanel::begin(const UiContext& ctx, Navigator& nav, const char* id, ImVec2 min, ImVec2 max) {
    min_ = min;
    max_ = max;
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginChild(id, ImVec2(max.x - min.x, max.y - min.y), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    if (resetScroll_) {
        ImGui::SetScrollY(0);
        resetScroll_ = false;
    } else if (restoreFrames_ > 0) {
        ImGui::SetScrollY(restoreY_);
        --restoreFrames_;
    }
    if (kinetic_.update(ctx.dt, ctx.reducedMotion)) nav.keepAnimating();
    FrameState& fs = frameState();
    ++fs.listDepth;
    outerPanelMin_ = fs.panelMin;
    outerPanelMax_ = fs.panelMax;
    // Where ImGui placed the child (it rounds positions), as its items are clipped.
    fs.panelMin = ImGui::GetWindowPos();
    fs.panelMax = ImVec2(fs.panelMin.x + ImGui::GetWindowSize().x, fs.panelMin.y + ImGui::GetWindowSize().y);
    return max.x - min.x - ctx.metrics->px(3);
}

void ScrollPanel::end(const UiContext& ctx) {
    FrameState& fs = frameState();
    const float maxScroll = ImGui::GetScrollMaxY();
    // Speech waits while the list moves (a drag, inertia, an item scrolled in).
    if (ImGui::GetScrollY() != lastDrawnY_) fs.speech.moved();
    lastDrawnY_ = ImGui::GetScrollY();
    revealFocused(ctx);
    if (fs.deferredRing) {
        drawFocusRing(fs.deferredRing->first, fs.deferredRing->second);
        fs.deferredRing.reset();
    }
    if (restoreFrames_ == 0) scrollY_ = ImGui::GetScrollY();
    if (auto& rec = frameState().records; rec.texts) {
        rec.surfaces.push_back({Surface::Kind::List, min_, max_, maxScroll > 0.5f});
    }
    if (maxScroll > 0) {  // a thin bar showing where the visitor is in the list (not a control)
        const float h = max_.y - min_.y;
        const float barH = std::max(h * h / (h + maxScroll), ctx.metrics->px(8));
        const float barY = min_.y + (h - barH) * (ImGui::GetScrollY() / maxScroll);
        const float w = ctx.metrics->px(1.5f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(max_.x - w, barY), ImVec2(max_.x, barY + barH),
                                                  ctx.theme->border.imu32(), w);
    }
    --fs.listDepth;
    fs.panelMin = outerPanelMin_;
    fs.panelMax = outerPanelMax_;
    ImGui::EndChild();
}

// When keypad focus has just come to one of this list's items, the list scrolls once,
// just enough for the item and its ring to show whole (the top of an item taller than
// the list). Through the panel: inertia stops and a pending restore gives way.
void ScrollPanel::revealFocused(const UiContext& ctx) {
    FocusState& f = frameState().focus;
    if (!f.reveal || f.focused == 0) return;
    const InteractiveItem* item = nullptr;
    for (const auto& i : InteractiveLog::items()) {
        if (i.id == f.focused && i.inList && i.panelMin.x == frameState().panelMin.x &&
            i.panelMin.y == frameState().panelMin.y)
            item = &i;
    }
    if (!item) return;
    f.reveal = false;
    const float ring = frameState().env.focusRing * 2 + ctx.metrics->px(0.5f);
    const float top = frameState().panelMin.y + ring, bottom = frameState().panelMax.y - ring;
    float delta = 0;
    if (item->min.y < top || item->max.y - item->min.y > bottom - top) {
        delta = item->min.y - top;
    } else if (item->max.y > bottom) {
        delta = item->max.y - bottom;
    }
    if (delta == 0) return;
    kinetic_.reset();
    restoreFrames_ = 0;
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + delta, 0.0f, std::max(0.0f, ImGui::GetScrollMaxY())));
}

std::string placeLine(const UiContext& ctx, const core::Session& s) {
    const core::Place* p = ctx.content->findPlace(s.placeId);
    const std::string online = s.online ? tr(Str::Online, ctx.lang) : "";
    if (!p) return online;
    const std::string room = ctx.content->roomText(s, ctx.lang);
    // One place for the whole event: the room is what tells parallel sessions apart.
    if (ctx.content->places.size() == 1 && !room.empty()) return room + (online.empty() ? "" : " \u00B7 " + online);
    const core::LocalizedText& name = p->shortName.empty() ? p->name : p->shortName;
    std::string line = name.str(ctx.lang);
    if (!room.empty()) line += " \u2014 " + room;
    if (!p->commune.empty() && line.find(p->commune) == std::string::npos && ctx.content->places.size() > 1)
        line += " \u00B7 " + p->commune;
    if (!online.empty()) line += " \u00B7 " + online;
    return line;
}

namespace {
float rowPad(const UiContext& ctx) {
    return ctx.fonts->body->FontSize * (ctx.metrics->compact() ? 0.4f : 0.6f);  // a tablet shows more rows
}
float rowTimeWidth(const UiContext& ctx, float width) {
    const Fonts& f = *ctx.fonts;
    return std::min(width * 0.3f,
                    f.bodyBold->CalcTextSizeA(f.bodyBold->FontSize, 1e9f, 0, "\u2013 00\u00A0h\u00A000").x);
}
}  // namespace

float sessionDescriptionHeight(const UiContext& ctx, const core::Session& s, float width, int lines) {
    const std::string d = s.description.str(ctx.lang);
    if (lines <= 0 || d.empty() || s.status == core::SessionStatus::Cancelled) return 0;
    const float pad = rowPad(ctx);
    const float textW = width - 3 * pad - rowTimeWidth(ctx, width);
    return ctx.fonts->small->FontSize * 0.3f + layoutText(ctx.fonts->body, d, textW, lines).size.y;
}

float drawSessionRow(const UiContext& ctx, const core::Session& s, ImVec2 pos, float width, int descriptionLines) {
    const Fonts& f = *ctx.fonts;
    const Theme& t = *ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = rowPad(ctx);
    const bool ended = core::hasEnded(s, ctx.clock->now());
    const bool cancelled = s.status == core::SessionStatus::Cancelled;
    const Rgb ink = ended || cancelled ? t.textMuted : t.text;

    const float timeW = rowTimeWidth(ctx, width);
    const float textX = pos.x + pad + timeW + pad;
    const float textW = pos.x + width - pad - textX;

    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    BackgroundScope card(t.surface);
    float y = pos.y + pad;
    const std::string start = core::formatTime(s.start.instant, ctx.content->timeZone, ctx.lang);
    const std::string end = "\u2013 " + core::formatTime(s.end.instant, ctx.content->timeZone, ctx.lang);
    // A session not on today's programme day carries its day: "demain", "jeu. 21".
    const core::Instant now = ctx.clock->now();
    const std::string day = core::dayLabel(core::programmeDay(s.start.instant, ctx.content->timeZone),
                                           core::programmeDay(now, ctx.content->timeZone), ctx.lang);
    float timeH = day.empty() ? 0 : drawText(dl, f.small, ImVec2(pos.x + pad, y), timeW, 1, ink.imu32(), day);
    timeH += drawText(dl, f.bodyBold, ImVec2(pos.x + pad, y + timeH), timeW, 1, ink.imu32(), start);
    timeH += drawText(dl, f.body, ImVec2(pos.x + pad, y + timeH), timeW, 1, t.textMuted.imu32(), end);

    y += drawText(dl, f.bodyBold, ImVec2(textX, y), textW, 3, ink.imu32(), s.title.str(ctx.lang));
    const std::string where = placeLine(ctx, s);

    // Badges: type, status, registration.
    struct Badge {
        std::string label;
        Rgb bg, fg;
    };
    std::vector<Badge> badges = {{sessionTypeLabel(s.type, ctx.lang), t.primary, t.onPrimary}};
    if (cancelled) badges.push_back({tr(Str::Cancelled, ctx.lang), t.cancelled, t.onPrimary});
    if (s.status == core::SessionStatus::Changed)
        badges.push_back({tr(Str::Changed, ctx.lang), t.changed, t.onPrimary});
    if (ended && !cancelled) badges.push_back({tr(Str::Ended, ctx.lang), t.textMuted, t.onPrimary});
    if (core::isRunning(s, now)) badges.push_back({tr(Str::RunningNow, ctx.lang), t.accent, t.onAccent});
    if (s.registration.required && !cancelled) {  // a cancelled session says "Annulé" and nothing else
        std::string reg = tr(Str::RegistrationRequired, ctx.lang);
        if (s.registration.capacity > 0) {
            reg += " \u00B7 " +
                   core::countOf(static_cast<std::size_t>(s.registration.capacity), core::Noun::Seat, ctx.lang);
        }
        badges.push_back({reg, t.surface, t.primary});
    }
    const float badgeGap = f.small->FontSize * 0.5f;
    float badgesW = 0, badgeH = 0;
    for (const Badge& b : badges) {
        const ImVec2 size = badgeSize(b.label, f.small);
        badgesW += size.x + badgeGap;
        badgeH = std::max(badgeH, size.y);
    }
    // A tablet keeps the badges on the place's line when the whole line fits: one line
    // less per row, so four rows are in view.
    const float whereW = where.empty() ? 0 : f.body->CalcTextSizeA(f.body->FontSize, 1e9f, 0, where.c_str()).x;
    const float inlineGap = f.body->FontSize * 0.8f;
    const bool inlineBadges = ctx.metrics->compact() && !where.empty() && whereW + inlineGap + badgesW <= textW;
    float x = textX;
    if (inlineBadges) {
        const float lineH = drawText(dl, f.body, ImVec2(textX, y), textW, 1, t.textMuted.imu32(), where);
        x = textX + whereW + inlineGap;
        const float rowH = std::max(lineH, badgeH);
        y += (rowH - badgeH) * 0.5f;
        for (const Badge& b : badges) {
            badge(dl, ImVec2(x, y), b.label, b.bg, b.fg, f.small);
            x += badgeSize(b.label, f.small).x + badgeGap;
        }
        y += badgeH + (rowH - badgeH) * 0.5f;
    } else {
        if (!where.empty()) y += drawText(dl, f.body, ImVec2(textX, y), textW, 2, t.textMuted.imu32(), where);
        y += f.small->FontSize * 0.3f;
        for (const Badge& b : badges) {
            const ImVec2 size = badgeSize(b.label, f.small);
            if (x > textX && x + size.x > textX + textW) {
                x = textX;
                y += size.y + f.small->FontSize * 0.3f;
            }
            badge(dl, ImVec2(x, y), b.label, b.bg, b.fg, f.small);
            x += size.x + badgeGap;
        }
        y += badgeH;
    }
    if (!s.statusNote.empty() && s.status != core::SessionStatus::Scheduled) {
        y += f.small->FontSize * 0.3f;
        const Rgb noteInk = cancelled ? t.cancelled : t.changed;
        y += drawText(dl, f.body, ImVec2(textX, y), textW, 0, noteInk.imu32(), s.statusNote.str(ctx.lang));
    }
    if (s.status == core::SessionStatus::Changed) {  // what moved: "Initialement : 10 h 30, Salle …"
        const std::string before = core::previousSlotText(*ctx.content, s, now, ctx.lang);
        if (!before.empty()) {
            y += f.small->FontSize * 0.3f;
            y += drawText(dl, f.body, ImVec2(textX, y), textW, 0, t.changed.imu32(), before);
        }
    }
    if (const float dh = sessionDescriptionHeight(ctx, s, width, descriptionLines); dh > 0) {
        y += f.small->FontSize * 0.3f;  // the start of what it is about; the session's page has it all
        drawText(dl, f.body, ImVec2(textX, y), textW, descriptionLines, ink.imu32(), s.description.str(ctx.lang),
                 Align::Left, false);
        y += dh - f.small->FontSize * 0.3f;
    }
    // Never under a touch target's height: the row is one (a tablet's inline badges make it short).
    const float height = std::max(std::max(y, pos.y + pad + timeH) + pad - pos.y, ctx.metrics->minControlPx());

    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), t.surface.imu32(), f.body->FontSize * 0.3f);
    if (cancelled || s.status == core::SessionStatus::Changed) {
        const Rgb bar = cancelled ? t.cancelled : t.changed;
        dl->AddRectFilled(pos, ImVec2(pos.x + pad * 0.4f, pos.y + height), bar.imu32());
    }
    dl->ChannelsMerge();
    return height;
}

}  // namespace kiosk::ui
