// Maps: the territory with a marker per place and "you are here", and each venue's
// floor plan with its rooms. Tap a marker or a room to see what happens there. Pan by
// dragging, zoom with two fingers or the +/− buttons, reset with one tap.
#include <algorithm>
#include <any>
#include <string>
#include <vector>

#include "ui/chrome.hpp"
#include "ui/map_view.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

class MapsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Maps; }
    std::string title(const UiContext& ctx) const override { return tr(Str::Maps, ctx.lang); }

    // route: "" (territory), "<place>" (territory, that place highlighted) or
    // "<place>/<room>" (the place's floor plan, that room highlighted).
    void enter(const UiContext& ctx, const Route& route) override {
        focusPlace_ = route.id;
        focusRoom_ = route.room;
        tab_ = 0;
        view_.reset();
        const core::Content& c = *ctx.content;
        if (!focusRoom_.empty()) {
            for (std::size_t i = 0; i < c.floorPlans.size(); ++i) {
                if (c.floorPlans[i].placeId == focusPlace_) tab_ = static_cast<int>(i) + 1;
            }
        }
        if (!c.territory && !c.floorPlans.empty() && tab_ == 0) tab_ = 1;
        pendingFocus_ = !focusPlace_.empty();
    }

    // Back finds the same map, zoomed and moved as it was left.
    struct State {
        int tab = 0;
        MapView::ViewState view;
    };
    std::any saveState() const override { return State{tab_, view_.viewState()}; }
    void restoreState(const std::any& state) override {
        if (const auto* s = std::any_cast<State>(&state)) {
            tab_ = s->tab;
            view_.setViewState(s->view);
            pendingFocus_ = false;
        }
    }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        // The tabs above the map, or under it on a portrait screen (within reach), where
        // they take the height they took last frame (they wrap to as many rows as needed).
        float y = ctx.areaMin.y + margin * 0.5f, bottom = ctx.areaMax.y - margin * 0.5f;
        if (m.controlsLow()) {
            bottom -= tabsH_ + margin * 0.4f;
            ImGui::SetCursorScreenPos(ImVec2(margin, bottom + margin * 0.4f));
            tabsH_ = drawTabs(ctx, bottom + margin * 0.4f, margin) - (bottom + margin * 0.4f);
        } else {
            y = drawTabs(ctx, y, margin) + margin * 0.4f;
        }
        const ImVec2 min(margin, y), max(m.width() - margin, bottom);
        std::string tapped;
        if (tab_ == 0 && ctx.content->territory) {
            tapped = drawTerritory(ctx, min, max);
            if (!tapped.empty()) nav.go(Route::place(tapped));
        } else if (tab_ >= 1 && tab_ <= static_cast<int>(ctx.content->floorPlans.size())) {
            const core::FloorPlan& plan = ctx.content->floorPlans[static_cast<std::size_t>(tab_ - 1)];
            tapped = drawPlan(ctx, plan, min, max);
            if (!tapped.empty()) nav.go(Route::place(plan.placeId, tapped));
        }
    }

private:
    float drawTabs(const UiContext& ctx, float y, float margin) {
        const core::Content& c = *ctx.content;
        std::vector<std::string> labels;
        std::vector<int> tabs;
        if (c.territory) {
            labels.push_back(tr(Str::Territory, ctx.lang));
            tabs.push_back(0);
        }
        for (std::size_t i = 0; i < c.floorPlans.size(); ++i) {
            const core::Place* p = c.findPlace(c.floorPlans[i].placeId);
            std::string label =
                p ? (p->shortName.empty() ? p->name : p->shortName).str(ctx.lang) : c.floorPlans[i].name.str(ctx.lang);
            labels.push_back(label);
            tabs.push_back(static_cast<int>(i) + 1);
        }
        ImGui::SetCursorScreenPos(ImVec2(margin, y));
        const float h = chipRows(
            ctx, "maptab", labels, ctx.metrics->width() - 2 * margin, [&](std::size_t i) { return tabs[i] == tab_; },
            [&](std::size_t i) {
                if (tabs[i] != tab_) {
                    tab_ = tabs[i];
                    view_.reset();
                }
            });
        return y + h;
    }

    std::string drawTerritory(const UiContext& ctx, ImVec2 min, ImVec2 max) {
        const core::Content& c = *ctx.content;
        const core::TerritoryMap& map = *c.territory;
        float aspect = 0;
        if (map.image && ctx.images) {
            const auto* entry = c.manifest.find(map.image->src);
            const ImageHandle h = ctx.images->request(c.root + "/" + map.image->src, entry ? entry->sha256 : "",
                                                      static_cast<int>(max.x - min.x), static_cast<int>(max.y - min.y));
            if (h.state == ImageHandle::State::Ready && h.height > 0) aspect = h.width / h.height;
        }
        const ImVec2 size = territorySize(map, aspect);
        std::vector<MapMarker> markers;
        for (const core::Place& p : c.places) {
            const auto& b = map.bounds;
            if (!p.coordinates) continue;  // listed on its own page, no pin
            const core::GeoPoint& g = *p.coordinates;
            if (g.lat > b.north || g.lat < b.south || g.lon < b.west || g.lon > b.east) continue;
            MapMarker mk;
            mk.id = p.id;
            mk.pos = projectToMap(map, g, size);
            mk.label = (p.shortName.empty() ? p.name : p.shortName).str(ctx.lang);
            mk.area = p.commune;
            mk.highlight = p.id == focusPlace_;
            mk.here = p.id == ctx.herePlace;
            if (mk.here) mk.label = std::string(tr(Str::YouAreHere, ctx.lang)) + " \u00B7 " + mk.label;
            if (mk.highlight && pendingFocus_) {
                view_.focus(mk.pos, 3.0f);
                pendingFocus_ = false;
            }
            markers.push_back(std::move(mk));
        }
        return view_.draw(ctx, min, max, size, map.image ? &*map.image : nullptr, markers, {});
    }

    std::string drawPlan(const UiContext& ctx, const core::FloorPlan& plan, ImVec2 min, ImVec2 max) {
        std::vector<MapRoom> rooms;
        for (const core::Room& r : plan.rooms) {
            MapRoom room;
            room.id = r.id;
            room.label = r.name.str(ctx.lang);
            room.highlight = plan.placeId == focusPlace_ && r.id == focusRoom_;
            for (const auto& p : r.polygon) room.points.push_back(ImVec2(p.x, p.y));
            rooms.push_back(std::move(room));
        }
        pendingFocus_ = false;
        return view_.draw(ctx, min, max, ImVec2(plan.width, plan.height), plan.image ? &*plan.image : nullptr,
                          hereOnPlan(ctx, plan), rooms);
    }

    // "You are here" on the floor plan of the kiosk's own place: at its room's centre when
    // the configuration names one, else at the plan's bottom centre (where visitors come in).
    static std::vector<MapMarker> hereOnPlan(const UiContext& ctx, const core::FloorPlan& plan) {
        if (ctx.herePlace.empty() || plan.placeId != ctx.herePlace) return {};
        MapMarker mk;
        mk.id = "";  // not a link: the visitor is already here
        mk.here = true;
        mk.label = tr(Str::YouAreHere, ctx.lang);
        mk.pos = ImVec2(plan.width * 0.5f, plan.height * 0.92f);
        for (const core::Room& r : plan.rooms) {
            if (r.id != ctx.hereRoom || r.polygon.empty()) continue;
            ImVec2 c(0, 0);
            for (const auto& p : r.polygon) c = ImVec2(c.x + p.x, c.y + p.y);
            mk.pos = ImVec2(c.x / static_cast<float>(r.polygon.size()), c.y / static_cast<float>(r.polygon.size()));
        }
        return {mk};
    }

    int tab_ = 0;      // 0: territory, i: floor plan i-1
    float tabsH_ = 0;  // the tabs' height in the last frame (portrait: they sit under the map)
    std::string focusPlace_, focusRoom_;
    bool pendingFocus_ = false;
    MapView view_;
};
}  // namespace

std::unique_ptr<Screen> makeMapsScreen() { return std::make_unique<MapsScreen>(); }

}  // namespace kiosk::ui
