// A place (or one room of it): address, hours, access, how to get there, and what
// happens there from now on, each session one tap away.
#include <algorithm>
#include <string>
#include <vector>

#include "core/schedule.hpp"
#include "ui/chrome.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

class PlaceScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Place; }
    std::string title(const UiContext& ctx) const override { return tr(Str::Maps, ctx.lang); }

    // route: "<place>" or "<place>/<room>"
    void enter(const UiContext& ctx, const Route& route) override {
        placeId_ = route.id;
        roomId_ = route.room;
        if (placeId_.empty() && !ctx.content->places.empty()) placeId_ = ctx.content->places.front().id;
        panel_.reset();
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const core::Content& c = *ctx.content;
        const core::Place* p = c.findPlace(placeId_);
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float width = panel_.begin(ctx, nav, "##place", ImVec2(margin, ctx.areaMin.y + margin * 0.5f),
                                         ImVec2(m.width() - margin, ctx.areaMax.y - margin * 0.3f));
        if (p) drawPlace(ctx, nav, *p, width);
        panel_.end(ctx);
    }

private:
    void drawPlace(const UiContext& ctx, Navigator& nav, const core::Place& p, float width) {
        const Fonts& f = *ctx.fonts;
        const Theme& t = *ctx.theme;
        std::string heading = p.name.str(ctx.lang);
        if (const core::Room* room = ctx.content->findRoom(p.id, roomId_))
            heading = room->name.str(ctx.lang) + " \u2014 " + heading;
        text(titleFontFor(ctx, width), width, 0, t.text.imu32(), heading);
        if (const std::string address = core::postalAddress(p); !address.empty())
            text(f.body, width, 0, t.textMuted.imu32(), address);
        ImGui::Dummy(ImVec2(1, f.body->FontSize * 0.5f));
        const float bw =
            std::min(width, std::max(ctx.metrics->cssPx(200),
                                     badgeSize(tr(Str::ShowOnMap, ctx.lang), f.bodyBold).x + f.body->FontSize));
        if ((p.coordinates || !p.floorPlanId.empty()) &&
            button("##place-map", tr(Str::ShowOnMap, ctx.lang), ImVec2(bw, controlHeight(ctx)))) {
            nav.go(Route::maps(p.id, roomId_));
        }
        ImGui::Dummy(ImVec2(1, f.body->FontSize * 0.5f));

        sectionHeading(ctx, tr(Str::WhatsOnHere, ctx.lang), width);
        const core::Instant now = ctx.clock->now();
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const float top = pos.y;
        // From now on, in start order; each row carries its day when it is not today.
        std::vector<const core::Session*> here;
        for (const core::Session& s : ctx.content->sessions) {
            if (s.placeId != p.id || core::hasEnded(s, now)) continue;
            if (!roomId_.empty() && s.roomId != roomId_) continue;
            here.push_back(&s);
        }
        std::stable_sort(here.begin(), here.end(), [](const core::Session* a, const core::Session* b) {
            return a->start.instant < b->start.instant;
        });
        const std::size_t shown = here.size();
        for (const core::Session* s : here)
            pos.y += sessionRowButton(ctx, nav, *s, pos, width) + f.body->FontSize * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(pos.x, top));
        ImGui::Dummy(ImVec2(width, pos.y - top));
        if (shown == 0) text(f.body, width, 2, t.textMuted.imu32(), tr(Str::NothingHere, ctx.lang));
        ImGui::Dummy(ImVec2(1, f.body->FontSize * 0.5f));

        auto block = [&](Str label, const core::LocalizedText& body) {
            if (body.empty()) return;
            sectionHeading(ctx, tr(label, ctx.lang), width);
            text(f.body, width, 0, t.text.imu32(), body.str(ctx.lang));
            ImGui::Dummy(ImVec2(1, f.body->FontSize * 0.5f));
        };
        block(Str::OpeningHours, p.openingHours);
        block(Str::GettingThere, p.transport);
        if (p.access || !p.accessNote.empty()) {
            sectionHeading(ctx, tr(Str::AccessFeatures, ctx.lang), width);
            accessList(ctx, p.access, width);
            if (!p.accessNote.empty()) text(f.body, width, 0, t.text.imu32(), p.accessNote.str(ctx.lang));
        }
    }

    std::string placeId_, roomId_;
    ScrollPanel panel_;
};
}  // namespace

std::unique_ptr<Screen> makePlaceScreen() { return std::make_unique<PlaceScreen>(); }

}  // namespace kiosk::ui
