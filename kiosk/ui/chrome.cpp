// Header band and session rows (see chrome.hpp).
#include "ui/chrome.hpp"

#include <string>

#include "core/format.hpp"
#include "core/schedule.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
using core::Lang;

float drawHeader(const UiContext& ctx, Navigator& nav, std::string_view title) {
    const Metrics& m = *ctx.metrics;
    const Fonts& f = *ctx.fonts;
    const float margin = m.margin();
    const float buttonH = std::max(m.cssPx(56), f.bodyBold->FontSize * 2.0f);
    const float height = buttonH + 2 * margin * 0.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    dl->AddRectFilled(origin, ImVec2(origin.x + m.width(), origin.y + height), ctx.theme->primary.imu32());

    // Right: language switch. Left: title, with the day and time under it.
    const char* langLabel = tr(Str::LanguageButton, ctx.lang);
    const float langW = std::max(m.cssPx(120), badgeSize(langLabel, f.bodyBold).x + f.body->FontSize);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + m.width() - margin - langW, origin.y + (height - buttonH) * 0.5f));
    if (button("##lang", langLabel, ImVec2(langW, buttonH), ButtonKind::Secondary)) nav.toggleLanguage();

    const core::Instant now = ctx.clock->now();
    const core::LocalTime local = ctx.content->timeZone.toLocal(now);
    std::string when = core::formatDayLong(local.date, ctx.lang) + " \u00B7 " + core::formatTime(local.hour, local.minute, ctx.lang);
    const float textW = m.width() - 3 * margin - langW;
    const float titleH = f.heading->FontSize + f.body->FontSize;
    const float y = origin.y + (height - titleH) * 0.5f;
    drawText(dl, f.heading, ImVec2(origin.x + margin, y), textW, 1, ctx.theme->onPrimary.imu32(), title);
    drawText(dl, f.body, ImVec2(origin.x + margin, y + f.heading->FontSize), textW, 1, ctx.theme->onPrimary.imu32(), when);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    return height;
}

std::string placeLine(const UiContext& ctx, const core::Session& s) {
    const core::Place* p = ctx.content->findPlace(s.placeId);
    if (!p) return {};
    const core::LocalizedText& name = p->shortName.empty() ? p->name : p->shortName;
    std::string line = name.str(ctx.lang);
    if (line.find(p->commune) == std::string::npos) line += " \u00B7 " + p->commune;
    return line;
}

float drawSessionRow(const UiContext& ctx, const core::Session& s, ImVec2 pos, float width) {
    const Fonts& f = *ctx.fonts;
    const Theme& t = *ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = f.body->FontSize * 0.6f;
    const bool ended = core::hasEnded(s, ctx.clock->now());
    const bool cancelled = s.status == core::SessionStatus::Cancelled;
    const Rgb ink = ended || cancelled ? t.textMuted : t.text;

    const float timeW = std::min(width * 0.3f, f.bodyBold->CalcTextSizeA(f.bodyBold->FontSize, 1e9f, 0, "\u2013 00\u00A0h\u00A000").x);
    const float textX = pos.x + pad + timeW + pad;
    const float textW = pos.x + width - pad - textX;

    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    float y = pos.y + pad;
    const std::string start = core::formatTime(s.start.instant, ctx.content->timeZone, ctx.lang);
    const std::string end = "\u2013 " + core::formatTime(s.end.instant, ctx.content->timeZone, ctx.lang);
    float timeH = drawText(dl, f.bodyBold, ImVec2(pos.x + pad, y), timeW, 1, ink.imu32(), start);
    timeH += drawText(dl, f.body, ImVec2(pos.x + pad, y + timeH), timeW, 1, t.textMuted.imu32(), end);

    y += drawText(dl, f.bodyBold, ImVec2(textX, y), textW, 3, ink.imu32(), s.title.str(ctx.lang));
    const std::string where = placeLine(ctx, s);
    if (!where.empty()) y += drawText(dl, f.body, ImVec2(textX, y), textW, 2, t.textMuted.imu32(), where);

    // Badges: type, status, registration.
    y += f.small->FontSize * 0.3f;
    float x = textX;
    auto addBadge = [&](std::string_view label, Rgb bg, Rgb fg) {
        const ImVec2 size = badgeSize(label, f.small);
        if (x > textX && x + size.x > textX + textW) {
            x = textX;
            y += size.y + f.small->FontSize * 0.3f;
        }
        badge(dl, ImVec2(x, y), label, bg, fg, f.small);
        x += size.x + f.small->FontSize * 0.5f;
        return size.y;
    };
    float badgeH = addBadge(sessionTypeLabel(s.type, ctx.lang), t.primary, t.onPrimary);
    if (cancelled) addBadge(tr(Str::Cancelled, ctx.lang), t.cancelled, t.onPrimary);
    if (s.status == core::SessionStatus::Changed) addBadge(tr(Str::Changed, ctx.lang), t.changed, t.onPrimary);
    if (ended && !cancelled) addBadge(tr(Str::Ended, ctx.lang), t.textMuted, t.onPrimary);
    if (s.registration.required) {
        std::string reg = tr(Str::RegistrationRequired, ctx.lang);
        if (s.registration.capacity > 0) {
            reg += " \u00B7 " + std::to_string(s.registration.capacity) + " " + tr(Str::Places, ctx.lang);
        }
        addBadge(reg, t.surface, t.primary);
    }
    y += badgeH;
    if (!s.statusNote.empty() && s.status != core::SessionStatus::Scheduled) {
        y += f.small->FontSize * 0.3f;
        const Rgb noteInk = cancelled ? t.cancelled : t.changed;
        y += drawText(dl, f.body, ImVec2(textX, y), textW, 0, noteInk.imu32(), s.statusNote.str(ctx.lang));
    }
    const float height = std::max(y, pos.y + pad + timeH) + pad - pos.y;

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
