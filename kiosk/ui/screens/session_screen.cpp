// A session's detail: full text, time and place with "show on map", speakers, access
// features, registration with places and a QR code of its link (at least 40 mm wide).
#include <algorithm>
#include <string>

#include "core/format.hpp"
#include "core/schedule.hpp"
#include "core/wording.hpp"
#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/visuals.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

constexpr float kQrMm = kQrMinMm;

class SessionScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Session; }
    std::string title(const UiContext& ctx) const override { return tr(Str::Programme, ctx.lang); }

    void enter(const UiContext& ctx, const Route& route) override {
        id_ = route.id;
        if (id_.empty() && !ctx.content->sessions.empty()) id_ = ctx.content->sessions.front().id;
        panel_.reset();
        side_.reset();
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const core::Session* s = ctx.content->findSession(id_);
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        if (!s) {
            ImGui::SetCursorScreenPos(ImVec2(margin, ctx.areaMin.y + margin));
            text(ctx.fonts->heading, m.width() - 2 * margin, 2, ctx.theme->textMuted.imu32(),
                 tr(Str::NoResults, ctx.lang));
            return;
        }
        const bool side = !ctx.oneColumn();  // landscape: registration and QR code stay in view beside the text
        const float sideW =
            side ? std::max(qrSide(ctx, s->registration.url, kQrMm), (m.width() - 2 * margin) * 0.32f) : 0;
        const ImVec2 min(margin, ctx.areaMin.y + margin * 0.5f);
        const ImVec2 max(m.width() - margin - (side ? sideW + margin : 0), ctx.areaMax.y - margin * 0.3f);
        const float width = panel_.begin(ctx, nav, "##session", min, max);
        drawText(ctx, *s, width);
        if (!side) drawActions(ctx, nav, *s, width);
        panel_.end(ctx);
        if (side) {
            const float w = side_.begin(ctx, nav, "##session-side", ImVec2(m.width() - margin - sideW, min.y),
                                        ImVec2(m.width() - margin, max.y));
            drawActions(ctx, nav, *s, w);
            side_.end(ctx);
        }
    }

private:
    void drawText(const UiContext& ctx, const core::Session& s, float width) {
        const Fonts& f = *ctx.fonts;
        const Theme& t = *ctx.theme;
        const core::Content& c = *ctx.content;
        text(titleFontFor(ctx, width), width, 0, t.text.imu32(), s.title.str(ctx.lang));
        if (!s.subtitle.empty()) text(f.heading, width, 0, t.textMuted.imu32(), s.subtitle.str(ctx.lang));
        gap(ctx, 0.4f);
        badges(ctx, s, width);
        easyReadBox(ctx, s.easyRead, width);
        if (!s.statusNote.empty() && s.status != core::SessionStatus::Scheduled) {
            const Rgb ink = s.status == core::SessionStatus::Cancelled ? t.cancelled : t.changed;
            text(f.bodyBold, width, 0, ink.imu32(), s.statusNote.str(ctx.lang));
        }
        if (s.status == core::SessionStatus::Changed) {
            const std::string before = core::previousSlotText(c, s, ctx.clock->now(), ctx.lang);
            if (!before.empty()) text(f.bodyBold, width, 0, t.changed.imu32(), before);
        }
        gap(ctx, 0.4f);
        const core::LocalTime start = c.timeZone.toLocal(s.start.instant);
        text(f.heading, width, 2, t.text.imu32(),
             core::formatDayLong(start.date, ctx.lang) + " \u00B7 " +
                 core::formatTimeRange(s.start.instant, s.end.instant, c.timeZone, ctx.lang));
        if (const core::Place* p = c.findPlace(s.placeId)) {
            std::string where = p->name.str(ctx.lang);
            if (const std::string room = c.roomText(s, ctx.lang); !room.empty()) where += " \u2014 " + room;
            text(f.bodyBold, width, 0, t.text.imu32(), where);
            if (const std::string address = core::postalAddress(*p); !address.empty())
                text(f.body, width, 0, t.textMuted.imu32(), address);
        }
        if (s.online) text(f.bodyBold, width, 0, t.text.imu32(), tr(Str::Online, ctx.lang));
        gap(ctx, 0.6f);
        if (!s.description.empty()) paragraphs(ctx, s.description.str(ctx.lang), width);
        if (!s.speakers.empty()) {
            sectionHeading(ctx, tr(Str::Speakers, ctx.lang), width);
            for (const auto& sp : s.speakers) {
                std::string line = sp.name;
                if (!sp.role.empty()) line += " \u2014 " + sp.role.str(ctx.lang);
                text(f.body, width, 0, t.text.imu32(), line);
            }
            gap(ctx, 0.6f);
        }
        const core::AccessSet access = core::sessionAccess(c, s);  // its own and its room's, not the venue's
        if (access) {
            sectionHeading(ctx, tr(Str::AccessFeatures, ctx.lang), width);
            accessList(ctx, access, width);
            gap(ctx, 0.6f);
        }
        if (s.language != "fr") {
            text(f.body, width, 1, t.text.imu32(), labelled(Str::SessionLanguage, ctx.lang) + s.language);
        }
    }

    void badges(const UiContext& ctx, const core::Session& s, float width) {
        const Theme& t = *ctx.theme;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const float x0 = pos.x;
        float rowH = 0;
        auto add = [&](const std::string& label, Rgb bg, Rgb fg) {
            const ImVec2 size = badgeSize(label, ctx.fonts->small);
            if (pos.x > x0 && pos.x + size.x > x0 + width) {
                pos = ImVec2(x0, pos.y + rowH + 4);
            }
            badge(dl, pos, label, bg, fg, ctx.fonts->small);
            pos.x += size.x + ctx.fonts->small->FontSize * 0.5f;
            rowH = size.y;
        };
        add(sessionTypeLabel(s.type, ctx.lang), t.primary, t.onPrimary);
        if (s.status == core::SessionStatus::Cancelled) add(tr(Str::Cancelled, ctx.lang), t.cancelled, t.onPrimary);
        if (s.status == core::SessionStatus::Changed) add(tr(Str::Changed, ctx.lang), t.changed, t.onPrimary);
        if (s.status != core::SessionStatus::Cancelled && core::hasEnded(s, ctx.clock->now()))
            add(tr(Str::Ended, ctx.lang), t.textMuted, t.onPrimary);
        for (auto a : core::kAllAudiences) {
            if (s.audience & a) add(audienceLabel(a, ctx.lang), t.surface, t.primary);
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, pos.y));
        ImGui::Dummy(ImVec2(width, rowH + 4));
    }

    void paragraphs(const UiContext& ctx, const std::string& body, float width) {
        std::size_t start = 0;
        while (start < body.size()) {
            std::size_t end = body.find("\n\n", start);
            if (end == std::string::npos) end = body.size();
            text(ctx.fonts->body, width, 0, ctx.theme->text.imu32(), std::string_view(body).substr(start, end - start));
            gap(ctx, 0.5f);
            start = end + 2;
        }
    }

    // Registration, QR code and "show on map".
    void drawActions(const UiContext& ctx, Navigator& nav, const core::Session& s, float width) {
        const Fonts& f = *ctx.fonts;
        const Theme& t = *ctx.theme;
        // A cancelled session offers no registration and no "free entry": "Annulé" says it all.
        const bool cancelled = s.status == core::SessionStatus::Cancelled;
        std::string reg = cancelled
                              ? tr(Str::Cancelled, ctx.lang)
                              : tr(s.registration.required ? Str::RegistrationRequired : Str::FreeEntry, ctx.lang);
        if (s.registration.capacity > 0 && !cancelled) {
            reg += " \u00B7 " +
                   core::countOf(static_cast<std::size_t>(s.registration.capacity), core::Noun::Seat, ctx.lang);
        }
        text(f.bodyBold, width, 0, (cancelled ? t.cancelled : t.text).imu32(), reg);
        if (!s.registration.url.empty() && !cancelled) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float side = drawQr(ctx, s.registration.url, p, kQrMm);
            ImGui::Dummy(ImVec2(side, side));
            text(f.body, width, 2, t.textMuted.imu32(), tr(Str::ScanToRegister, ctx.lang));
        }
        gap(ctx, 0.5f);
        if (const core::Place* place = ctx.content->findPlace(s.placeId);
            place && (place->coordinates || !place->floorPlanId.empty())) {
            if (button("##show-on-map", tr(Str::ShowOnMap, ctx.lang), ImVec2(width, controlHeight(ctx)))) {
                nav.go(Route::maps(s.placeId, s.roomId));
            }
            gap(ctx, 0.5f);
        }
        if (s.image) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = width * 0.6f;
            drawImage(ctx, *s.image, p, ImVec2(p.x + width, p.y + h), Fit::Cover);
            ImGui::Dummy(ImVec2(width, h));
        }
    }

    static void gap(const UiContext& ctx, float lines) { ImGui::Dummy(ImVec2(1, ctx.fonts->body->FontSize * lines)); }

    std::string id_;
    ScrollPanel panel_, side_;
};
}  // namespace

std::unique_ptr<Screen> makeSessionScreen() { return std::make_unique<SessionScreen>(); }

}  // namespace kiosk::ui
