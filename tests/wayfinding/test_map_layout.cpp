// Marker grouping and label placement as pure functions: places closer than a touch target
// become one marker, and placed labels never overlap each other, markers or the buttons.
#include <catch2/catch.hpp>

#include <random>

#include "ui/map_layout.hpp"

using namespace kiosk::ui;

TEST_CASE("markers closer than a touch target are grouped", "[wayfinding]") {
    // Three Clermont venues a few pixels apart, one far away.
    const std::vector<LayoutPoint> pts{{100, 100}, {112, 95}, {300, 300}, {104, 120}};
    const auto groups = groupMarkers(pts, 44);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0] == std::vector<std::size_t>{0, 1, 3});
    CHECK(groups[1] == std::vector<std::size_t>{2});
    const LayoutPoint c = groupCentre(pts, groups[0]);
    CHECK(c.x == Approx((100 + 112 + 104) / 3.0));
    CHECK(c.y == Approx((100 + 95 + 120) / 3.0));
}

TEST_CASE("grouping is transitive and leaves no two groups closer than the target", "[wayfinding]") {
    // A chain: each neighbour 40 px from the next, the ends 120 px apart: one group.
    const std::vector<LayoutPoint> chain{{0, 0}, {40, 0}, {80, 0}, {120, 0}};
    CHECK(groupMarkers(chain, 44).size() == 1);
    CHECK(groupMarkers(chain, 39).size() == 4);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> d(0, 600);
    std::vector<LayoutPoint> pts(60);
    for (auto& p : pts) p = {d(rng), d(rng)};
    const auto groups = groupMarkers(pts, 44);
    std::size_t members = 0;
    for (std::size_t a = 0; a < groups.size(); ++a) {
        members += groups[a].size();
        for (std::size_t b = a + 1; b < groups.size(); ++b) {
            for (std::size_t i : groups[a]) {
                for (std::size_t j : groups[b]) {
                    const float dx = pts[i].x - pts[j].x, dy = pts[i].y - pts[j].y;
                    CHECK(dx * dx + dy * dy >= 44.0f * 44.0f);
                }
            }
        }
    }
    CHECK(members == pts.size());
}

namespace {
LabelRequest request(float x, float y, float w = 120, float h = 24) {
    LabelRequest r;
    r.anchor = {x, y};
    r.width = w;
    r.height = h;
    r.gap = 3;
    r.marker = {x - 18, y - 42, x + 18, y};
    return r;
}
}  // namespace

TEST_CASE("labels are placed without overlapping one another, markers or obstacles", "[wayfinding]") {
    const LayoutRect bounds{0, 0, 800, 600};
    const LayoutRect buttons{700, 0, 800, 200};
    std::vector<LabelRequest> labels;
    // Markers 50 px apart in a row: a label centred below each would overlap its neighbours.
    for (int i = 0; i < 6; ++i) labels.push_back(request(200 + 50.0f * static_cast<float>(i), 300));
    labels.push_back(request(760, 100));  // under the zoom buttons
    const auto placed = placeLabels(labels, bounds, {buttons});
    REQUIRE(placed.size() == labels.size());
    int count = 0;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i].placed) continue;
        ++count;
        CHECK(placed[i].rect.inside(bounds));
        CHECK_FALSE(placed[i].rect.overlaps(buttons));
        for (const auto& l : labels) CHECK_FALSE(placed[i].rect.overlaps(l.marker));
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            if (placed[j].placed) CHECK_FALSE(placed[i].rect.overlaps(placed[j].rect));
        }
    }
    // Below and above the row at least: more than the one a centred-below rule would keep.
    CHECK(count >= 3);
    CHECK(placed[0].placed);  // the first (most important) label always finds a place
}

TEST_CASE("a label at the edge moves to a side that fits", "[wayfinding]") {
    const LayoutRect bounds{0, 0, 400, 300};
    const auto placed = placeLabels({request(200, 295)}, bounds);  // no room below
    REQUIRE(placed[0].placed);
    CHECK(placed[0].rect.y1 <= 295 - 42);                        // above the marker
    const auto left = placeLabels({request(395, 150)}, bounds);  // no room below-centre or right
    REQUIRE(left[0].placed);
    CHECK(left[0].rect.x1 <= 395);
}
