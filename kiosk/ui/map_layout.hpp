// Wayfinding layout as pure functions (no ImGui state, so tests call them directly):
// grouping markers closer than a touch target, and label placement that never overlaps.
#pragma once

#include <cstddef>
#include <vector>

namespace kiosk::ui {

struct LayoutPoint {
    float x = 0, y = 0;
};

struct LayoutRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const LayoutRect& o) const { return x0 < o.x1 && x1 > o.x0 && y0 < o.y1 && y1 > o.y0; }
    bool inside(const LayoutRect& outer) const {
        return x0 >= outer.x0 && y0 >= outer.y0 && x1 <= outer.x1 && y1 <= outer.y1;
    }
};

// Groups of markers (indices into `points`, screen pixels) closer to one another than
// `minDistance` (a touch target), joined transitively so that no two groups' markers are
// that close. Each group keeps its members in input order; groups come in the order of
// their first member. Deterministic: the same input gives the same groups.
std::vector<std::vector<std::size_t>> groupMarkers(const std::vector<LayoutPoint>& points, float minDistance);

// The mean position of a group's members.
LayoutPoint groupCentre(const std::vector<LayoutPoint>& points, const std::vector<std::size_t>& group);

struct LabelRequest {
    LayoutPoint anchor;  // the marker's tip (label goes around it)
    float width = 0, height = 0;
    float gap = 0;      // distance kept from the anchor
    LayoutRect marker;  // the marker's own drawing, which labels must not cover
};

struct LabelPlacement {
    bool placed = false;
    LayoutRect rect;
};

// Greedy candidate placement: for each label in order (put the important ones first), try
// below, above, right, left and the four diagonals of its anchor, and take the first
// candidate inside `bounds` that covers no placed label, no marker and no `obstacles` (the
// map's buttons). A label with no free candidate is left out (placed = false): zooming in
// makes room. Placed rectangles never overlap one another.
std::vector<LabelPlacement> placeLabels(const std::vector<LabelRequest>& labels, const LayoutRect& bounds,
                                        const std::vector<LayoutRect>& obstacles = {});

}  // namespace kiosk::ui
