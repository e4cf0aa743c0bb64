// Marker grouping and label placement (see map_layout.hpp).
#include "ui/map_layout.hpp"

#include <algorithm>
#include <numeric>

namespace kiosk::ui {
namespace {
std::size_t findRoot(std::vector<std::size_t>& parent, std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}
}  // namespace

std::vector<std::vector<std::size_t>> groupMarkers(const std::vector<LayoutPoint>& points, float minDistance) {
    // Union-find over the pairs closer than the touch target (a few dozen places at most).
    std::vector<std::size_t> parent(points.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    const float limit = minDistance * minDistance;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = i + 1; j < points.size(); ++j) {
            const float dx = points[i].x - points[j].x, dy = points[i].y - points[j].y;
            if (dx * dx + dy * dy < limit) {
                const std::size_t a = findRoot(parent, i), b = findRoot(parent, j);
                parent[std::max(a, b)] = std::min(a, b);
            }
        }
    }
    std::vector<std::vector<std::size_t>> groups;
    std::vector<std::size_t> slot(points.size(), points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::size_t r = findRoot(parent, i);
        if (slot[r] == points.size()) {
            slot[r] = groups.size();
            groups.emplace_back();
        }
        groups[slot[r]].push_back(i);
    }
    return groups;
}

LayoutPoint groupCentre(const std::vector<LayoutPoint>& points, const std::vector<std::size_t>& group) {
    LayoutPoint c;
    if (group.empty()) return c;
    for (std::size_t i : group) {
        c.x += points[i].x;
        c.y += points[i].y;
    }
    c.x /= static_cast<float>(group.size());
    c.y /= static_cast<float>(group.size());
    return c;
}

std::vector<LabelPlacement> placeLabels(const std::vector<LabelRequest>& labels, const LayoutRect& bounds,
                                        const std::vector<LayoutRect>& obstacles) {
    std::vector<LayoutRect> taken = obstacles;
    for (const LabelRequest& l : labels) taken.push_back(l.marker);
    std::vector<LabelPlacement> out(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const LabelRequest& l = labels[i];
        const float ax = l.anchor.x, ay = l.anchor.y, w = l.width, h = l.height, g = l.gap;
        const float mw = (l.marker.x1 - l.marker.x0) * 0.5f;  // clear the marker's sides
        const float mh = l.marker.y1 - l.marker.y0;           // and its height (it stands above the tip)
        const LayoutPoint candidates[] = {
            {ax - w * 0.5f, ay + g},                       // below
            {ax - w * 0.5f, ay - mh - g - h},              // above the marker
            {ax + mw + g, ay - mh * 0.5f - h * 0.5f},      // right
            {ax - mw - g - w, ay - mh * 0.5f - h * 0.5f},  // left
            {ax + mw * 0.5f, ay + g},                      // below right
            {ax - mw * 0.5f - w, ay + g},                  // below left
            {ax + mw + g, ay - mh - g - h},                // above right
            {ax - mw - g - w, ay - mh - g - h},            // above left
        };
        for (const LayoutPoint& c : candidates) {
            const LayoutRect r{c.x, c.y, c.x + w, c.y + h};
            if (!r.inside(bounds)) continue;
            if (std::any_of(taken.begin(), taken.end(), [&](const LayoutRect& t) { return r.overlaps(t); })) continue;
            out[i] = {true, r};
            taken.push_back(r);
            break;
        }
    }
    return out;
}

}  // namespace kiosk::ui
