// Parsers for places.json (venues with coordinates and access) and maps.json (the
// territory map with its projection, and venue floor plans with room polygons).
#include <nlohmann/json.hpp>

#include "core/parsers.hpp"

namespace kiosk::core::detail {
namespace {

Place readPlace(JsonItem& item) {
    item.allowOnly({"id", "name", "short_name", "address", "postcode", "commune", "coordinates", "opening_hours",
                    "access", "access_note", "transport", "floor_plan"});
    Place p;
    p.id = item.id();
    p.name = item.text("name", true);
    p.shortName = item.text("short_name", false);
    p.address = item.string("address", false, 300);
    p.postcode = item.string("postcode", false, 16);
    // A commune and coordinates are welcome, not required: a room named by pretalx or a
    // calendar is a place with a name only (listed, no pin on the territory map).
    p.commune = item.string("commune", false, 120);
    if (auto c = item.child("coordinates", false)) {
        c->allowOnly({"lat", "lon"});
        const auto lat = c->number("lat", true, -90, 90);
        const auto lon = c->number("lon", true, -180, 180);
        if (lat && lon) p.coordinates = GeoPoint{*lat, *lon};
    }
    p.openingHours = item.text("opening_hours", false);
    p.access = readAccess(item);
    p.accessNote = item.text("access_note", false);
    p.transport = item.text("transport", false);
    if (item.has("floor_plan")) p.floorPlanId = item.string("floor_plan", false, 64);
    return p;
}

std::vector<PlanPoint> readPolygon(JsonItem& item, const FloorPlan& plan) {
    std::vector<PlanPoint> points;
    const auto* raw = item.rawArray("polygon", true, item.limits().maxPolygonPoints);
    if (!raw) return points;
    const std::string expected = "a point [x, y] inside the plan (0..width, 0..height)";
    for (std::size_t i = 0; i < raw->size(); ++i) {
        const auto& pt = (*raw)[i];
        const bool ok = pt.is_array() && pt.size() == 2 && pt[0].is_number() && pt[1].is_number() &&
                        pt[0].get<double>() >= 0 && pt[0].get<double>() <= plan.width && pt[1].get<double>() >= 0 &&
                        pt[1].get<double>() <= plan.height;
        if (!ok) {
            item.error(item.path() + ".polygon[" + std::to_string(i) + "]",
                       "expected " + expected + ", got " + describeJson(pt));
            return {};
        }
        points.push_back({pt[0].get<float>(), pt[1].get<float>()});
    }
    if (points.size() < 3) item.error(item.path() + ".polygon", "expected at least 3 points");
    return points;
}

FloorPlan readFloorPlan(JsonItem& item, const ParseContext& ctx) {
    item.allowOnly({"id", "place", "name", "width", "height", "image", "rooms"});
    FloorPlan plan;
    plan.id = item.id();
    plan.placeId = item.id("place");
    plan.name = item.text("name", true);
    plan.width = static_cast<float>(item.number("width", true, 1, 100000).value_or(1));
    plan.height = static_cast<float>(item.number("height", true, 1, 100000).value_or(1));
    plan.image = readImage(item, "image", ctx);
    for (auto& r : item.elements("rooms", true, ctx.limits.maxItems)) {
        r.allowOnly({"id", "name", "polygon", "access"});
        Room room;
        room.id = r.id();
        room.name = r.text("name", true);
        room.access = readAccess(r);
        room.polygon = readPolygon(r, plan);
        plan.rooms.push_back(std::move(room));
    }
    return plan;
}

}  // namespace

std::vector<Place> parsePlaces(const nlohmann::json& doc, const ParseContext& ctx, std::set<std::string>* rejected) {
    std::vector<Place> out;
    auto root = documentRoot(doc, "places.json", ctx, Severity::ItemError);
    if (!root) return out;
    root->allowOnly({"places"});
    std::set<std::string> seen;
    for (auto& item : root->items("places", true, ctx.limits.maxItems)) {
        Place p = readPlace(item);
        requireUnique(item, seen, p.id);
        if (item.ok()) {
            out.push_back(std::move(p));
        } else if (rejected && !p.id.empty()) {
            rejected->insert(p.id);
        }
    }
    return out;
}

void parseMaps(const nlohmann::json& doc, const ParseContext& ctx, std::optional<TerritoryMap>& territory,
               std::vector<FloorPlan>& plans) {
    auto root = documentRoot(doc, "maps.json", ctx, Severity::ItemError);
    if (!root) return;
    root->allowOnly({"territory", "floor_plans"});
    if (root->has("territory")) {
        JsonItem t(doc.at("territory"), "$.territory", "maps.json", ctx.diags, Severity::ItemError, ctx.limits);
        if (!doc.at("territory").is_object()) {
            t.error("$.territory", "expected an object, got " + describeJson(doc.at("territory")));
        } else {
            t.allowOnly({"name", "image", "projection", "bounds"});
            TerritoryMap map;
            map.name = t.text("name", true);
            map.image = readImage(t, "image", ctx);
            const std::string proj = t.choice("projection", true, {"equirectangular", "web-mercator"});
            map.projection = proj == "web-mercator" ? Projection::WebMercator : Projection::Equirectangular;
            if (auto b = t.child("bounds", true)) {
                b->allowOnly({"north", "south", "west", "east"});
                map.bounds.north = b->number("north", true, -85, 85).value_or(0);
                map.bounds.south = b->number("south", true, -85, 85).value_or(0);
                map.bounds.west = b->number("west", true, -180, 180).value_or(0);
                map.bounds.east = b->number("east", true, -180, 180).value_or(0);
                if (b->ok() && (map.bounds.north <= map.bounds.south || map.bounds.east <= map.bounds.west)) {
                    b->error(b->path(), "expected north > south and east > west");
                }
            }
            if (t.ok()) territory = std::move(map);
        }
    }
    std::set<std::string> seen;
    for (auto& item : root->items("floor_plans", false, ctx.limits.maxItems)) {
        FloorPlan plan = readFloorPlan(item, ctx);
        requireUnique(item, seen, plan.id);
        requirePlace(item, "place", plan.placeId, ctx);
        if (item.ok()) plans.push_back(std::move(plan));
    }
}

}  // namespace kiosk::core::detail
