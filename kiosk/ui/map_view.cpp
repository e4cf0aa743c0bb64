// Map drawing, pan, zoom and hit-testing (see map_view.hpp).
#include "ui/map_view.hpp"

#include <algorithm>
#include <cmath>

#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/visuals.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {
constexpr double kPi = 3.14159265358979;
double mercatorY(double latDeg) { return std::log(std::tan(kPi / 4 + latDeg * kPi / 360)); }
}  // namespace

ImVec2 projectToMap(const core::TerritoryMap& map, const core::GeoPoint& p, ImVec2 size) {
    const auto& b = map.bounds;
    const double fx = (p.lon - b.west) / (b.east - b.west);
    double fy = (b.north - p.lat) / (b.north - b.south);
    if (map.projection == core::Projection::WebMercator) {
        fy = (mercatorY(b.north) - mercatorY(p.lat)) / (mercatorY(b.north) - mercatorY(b.south));
    }
    return ImVec2(static_cast<float>(fx) * size.x, static_cast<float>(fy) * size.y);
}

ImVec2 territorySize(const core::TerritoryMap& map, float imageAspect) {
    float aspect = imageAspect;
    if (aspect <= 0) {
        const auto& b = map.bounds;
        const double midLat = (b.north + b.south) * 0.5 * kPi / 180;
        aspect = static_cast<float>((b.east - b.west) * std::cos(midLat) / (b.north - b.south));
    }
    return ImVec2(1000.0f * aspect, 1000.0f);
}

bool pointInPolygon(ImVec2 p, const std::vector<ImVec2>& poly) {
    bool inside = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const ImVec2 a = poly[i], b = poly[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

// A room's touch target: its outline's box, grown to at least 44 CSS px around its centre.
std::pair<ImVec2, ImVec2> MapView::roomTarget(const UiContext& ctx, const MapRoom& r) const {
    ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
    for (ImVec2 p : r.points) {
        const ImVec2 s = toScreen(p);
        lo = ImVec2(std::min(lo.x, s.x), std::min(lo.y, s.y));
        hi = ImVec2(std::max(hi.x, s.x), std::max(hi.y, s.y));
    }
    const float need = ctx.metrics->cssPx(44);
    const ImVec2 c((lo.x + hi.x) * 0.5f, (lo.y + hi.y) * 0.5f);
    if (hi.x - lo.x < need) lo.x = c.x - need * 0.5f, hi.x = c.x + need * 0.5f;
    if (hi.y - lo.y < need) lo.y = c.y - need * 0.5f, hi.y = c.y + need * 0.5f;
    return {lo, hi};
}

void MapView::reset() {
    zoom_ = 1.0f;
    offset_ = ImVec2(0, 0);
    needsFit_ = true;
    pendingFocus_.reset();
}

ImVec2 MapView::toScreen(ImVec2 c) const {
    const float s = baseScale_ * zoom_;
    return ImVec2(viewMin_.x + (c.x - offset_.x) * s, viewMin_.y + (c.y - offset_.y) * s);
}

ImVec2 MapView::toContent(ImVec2 p) const {
    const float s = baseScale_ * zoom_;
    return ImVec2(offset_.x + (p.x - viewMin_.x) / s, offset_.y + (p.y - viewMin_.y) / s);
}

void MapView::zoomAround(float factor, ImVec2 screenPoint) {
    const ImVec2 before = toContent(screenPoint);
    zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
    const ImVec2 after = toContent(screenPoint);
    offset_.x += before.x - after.x;
    offset_.y += before.y - after.y;
    clampOffset();
}

void MapView::focus(ImVec2 contentPoint, float zoom) { pendingFocus_ = std::make_pair(contentPoint, zoom); }

void MapView::clampOffset() {
    const float s = baseScale_ * zoom_;
    const float visW = viewSize_.x / s, visH = viewSize_.y / s;
    // Keep the content on screen: centred when smaller than the view, else within edges.
    offset_.x = visW >= contentSize_.x ? (contentSize_.x - visW) * 0.5f : std::clamp(offset_.x, 0.0f, contentSize_.x - visW);
    offset_.y = visH >= contentSize_.y ? (contentSize_.y - visH) * 0.5f : std::clamp(offset_.y, 0.0f, contentSize_.y - visH);
}

void MapView::drawButtons(const UiContext& ctx, ImVec2 min, ImVec2 max) {
    const float side = std::max(ctx.metrics->cssPx(56), ctx.fonts->heading->FontSize * 1.6f);
    const float gap = ctx.metrics->px(2.5f);
    const char* resetLabel = tr(Str::ResetView, ctx.lang);
    const float resetW = std::max(side, ctx.fonts->bodyBold->CalcTextSizeA(ctx.fonts->bodyBold->FontSize, 1e9f, 0, resetLabel).x +
                                            ctx.fonts->body->FontSize * 1.5f);
    // A column down the right edge; in a short map, a row along the top.
    const bool column = max.y - min.y >= 3 * side + 4 * gap;
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    float x = column ? max.x - side - gap * 2 : max.x - gap * 2 - resetW - 2 * (side + gap);
    float y = min.y + gap * 2;
    // Portrait: at the map's foot, within a seated visitor's reach.
    if (ctx.metrics->controlsLow()) y = max.y - gap * 2 - (column ? 3 * side + 2 * gap : side);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button("##zoom-in", "+", ImVec2(side, side), ButtonKind::Primary, ctx.fonts->heading)) zoomAround(1.5f, centre);
    if (column) y += side + gap; else x += side + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button("##zoom-out", "\u2212", ImVec2(side, side), ButtonKind::Primary, ctx.fonts->heading)) zoomAround(1 / 1.5f, centre);
    if (column) y += side + gap; else x += side + gap;
    ImGui::SetCursorScreenPos(ImVec2(column ? max.x - resetW - gap * 2 : x, y));
    if (button("##zoom-reset", resetLabel, ImVec2(resetW, side), ButtonKind::Secondary)) {
        zoom_ = 1.0f;
        clampOffset();
    }
}

std::string MapView::draw(const UiContext& ctx, ImVec2 min, ImVec2 max, ImVec2 size, const core::Image* background,
                          const std::vector<MapMarker>& markers, const std::vector<MapRoom>& rooms) {
    viewMin_ = min;
    viewSize_ = ImVec2(max.x - min.x, max.y - min.y);
    contentSize_ = size;
    baseScale_ = std::min(viewSize_.x / size.x, viewSize_.y / size.y);
    if (needsFit_) {
        needsFit_ = false;
        clampOffset();
    }
    if (pendingFocus_) {
        zoom_ = std::clamp(pendingFocus_->second, kMinZoom, kMaxZoom);
        const float s = baseScale_ * zoom_;
        offset_ = ImVec2(pendingFocus_->first.x - viewSize_.x / s * 0.5f, pendingFocus_->first.y - viewSize_.y / s * 0.5f);
        pendingFocus_.reset();
    }
    clampOffset();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(min, max, true);
    dl->AddRectFilled(min, max, ctx.theme->background.imu32());
    const ImVec2 c0 = toScreen(ImVec2(0, 0)), c1 = toScreen(size);
    if (background) {
        drawImage(ctx, *background, c0, c1, Fit::Contain);
    } else {
        dl->AddRectFilled(c0, c1, ctx.theme->surface.imu32());
    }
    std::string tapped;
    ImFont* labelFont = ctx.fonts->small;
    for (const MapRoom& r : rooms) {  // rooms: outline, tinted when highlighted, label at the centre
        std::vector<ImVec2> pts;
        ImVec2 centre(0, 0);
        for (ImVec2 p : r.points) {
            pts.push_back(toScreen(p));
            centre.x += pts.back().x / static_cast<float>(r.points.size());
            centre.y += pts.back().y / static_cast<float>(r.points.size());
        }
        if (r.highlight) dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), ctx.theme->accent.imu32(90));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ctx.theme->primary.imu32(), ImDrawFlags_Closed,
                        r.highlight ? 4.0f : 2.0f);
        const ImVec2 ls = badgeSize(r.label, labelFont);
        badge(dl, ImVec2(centre.x - ls.x * 0.5f, centre.y - ls.y * 0.5f), r.label, r.highlight ? ctx.theme->accent : ctx.theme->primary,
              ctx.theme->onPrimary, labelFont);
    }
    dl->PopClipRect();

    // Markers are touch targets of at least 44 CSS px, submitted before the map area so
    // they win over it.
    const float pinSize = std::max(ctx.metrics->cssPx(44), labelFont->FontSize * 1.8f);
    // Labels that would cover one already drawn are left out (zoom in to read them);
    // highlighted markers and "you are here" are labelled first.
    std::vector<std::size_t> order(markers.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return (markers[a].highlight || markers[a].here) > (markers[b].highlight || markers[b].here);
    });
    std::vector<std::pair<ImVec2, ImVec2>> labelled;
    for (std::size_t i : order) {
        const MapMarker& m = markers[i];
        const ImVec2 p = toScreen(m.pos);
        if (p.x < min.x || p.x > max.x || p.y < min.y || p.y > max.y) continue;
        const Rgb colour = m.here ? ctx.theme->now : m.highlight ? ctx.theme->accent : ctx.theme->primary;
        drawPictogram(dl, Pictogram::Pin, ImVec2(p.x, p.y - pinSize * 0.45f), pinSize, colour.imu32());
        const ImVec2 ls = badgeSize(m.label, labelFont);
        const float lx = std::clamp(p.x - ls.x * 0.5f, min.x, std::max(min.x, max.x - ls.x));
        const ImVec2 lmin(lx, p.y + 2), lmax(lx + ls.x, p.y + 2 + ls.y);
        const bool overlaps = std::any_of(labelled.begin(), labelled.end(), [&](const auto& r) {
            return lmin.x < r.second.x && lmax.x > r.first.x && lmin.y < r.second.y && lmax.y > r.first.y;
        });
        if (!overlaps) {
            badge(dl, lmin, m.label, colour, ctx.theme->onPrimary, labelFont);
            labelled.emplace_back(lmin, lmax);
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x - pinSize * 0.5f, p.y - pinSize));
        const std::string id = "##marker" + std::to_string(i);
        if (tapArea(id.c_str(), m.label, ImVec2(pinSize, pinSize + (overlaps ? 0 : ls.y)))) tapped = m.id;
    }

    drawButtons(ctx, min, max);
    // The map area itself: drag to pan, tap a room.
    ImGui::SetCursorScreenPos(min);
    gestureArea("##map-area", viewSize_);
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && wasDragged() && !ctx.pinching) {
        const float s = baseScale_ * zoom_;
        offset_.x -= io.MouseDelta.x / s;
        offset_.y -= io.MouseDelta.y / s;
        clampOffset();
    }
    if (ImGui::IsItemDeactivated() && !wasDragged()) {
        const ImVec2 c = toContent(io.MousePos);
        for (const MapRoom& r : rooms) {
            if (pointInPolygon(c, r.points)) tapped = r.id;
        }
        if (tapped.empty()) {  // a small room: its target square around the label
            for (const MapRoom& r : rooms) {
                const auto [lo, hi] = roomTarget(ctx, r);
                if (io.MousePos.x >= lo.x && io.MousePos.x <= hi.x && io.MousePos.y >= lo.y && io.MousePos.y <= hi.y) tapped = r.id;
            }
        }
    }
    if (ctx.pinching && ctx.pinchScale != 1.0f && ctx.pinchCenter.x >= min.x && ctx.pinchCenter.x <= max.x &&
        ctx.pinchCenter.y >= min.y && ctx.pinchCenter.y <= max.y) {
        zoomAround(ctx.pinchScale, ctx.pinchCenter);
    }
    for (const MapRoom& r : rooms) {  // rooms are touch targets too (for size tests and speech)
        const auto [lo, hi] = roomTarget(ctx, r);
        InteractiveLog::record(r.label, lo, hi);
    }
    return tapped;
}

}  // namespace kiosk::ui
