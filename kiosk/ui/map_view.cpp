// Map drawing, pan, zoom and hit-testing (see map_view.hpp).
#include "ui/map_view.hpp"

#include <algorithm>
#include <cmath>

#include "ui/contrast.hpp"
#include "ui/map_layout.hpp"
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
    openGroup_.clear();
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
    offset_.x =
        visW >= contentSize_.x ? (contentSize_.x - visW) * 0.5f : std::clamp(offset_.x, 0.0f, contentSize_.x - visW);
    offset_.y =
        visH >= contentSize_.y ? (contentSize_.y - visH) * 0.5f : std::clamp(offset_.y, 0.0f, contentSize_.y - visH);
}

void MapView::drawButtons(const UiContext& ctx, ImVec2 min, ImVec2 max) {
    const float side = std::max(ctx.metrics->cssPx(56), ctx.fonts->heading->FontSize * 1.6f);
    const float gap = ctx.metrics->px(2.5f);
    const char* resetLabel = tr(Str::ResetView, ctx.lang);
    const float resetW =
        std::max(side, ctx.fonts->bodyBold->CalcTextSizeA(ctx.fonts->bodyBold->FontSize, 1e9f, 0, resetLabel).x +
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
    if (column)
        y += side + gap;
    else
        x += side + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button("##zoom-out", "\u2212", ImVec2(side, side), ButtonKind::Primary, ctx.fonts->heading))
        zoomAround(1 / 1.5f, centre);
    if (column)
        y += side + gap;
    else
        x += side + gap;
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
    // A tall screen would show a wide map as a band with blank above and below: it is
    // enlarged towards the view's height as far as every marker and room (with room for
    // a label on each side) stays in view across, and opens centred on them.
    float centreX = size.x * 0.5f;
    if (ctx.metrics->sizeClass() == SizeClass::Portrait && viewSize_.y / size.y > baseScale_) {
        float lo = size.x, hi = 0;
        for (const MapMarker& mk : markers) lo = std::min(lo, mk.pos.x), hi = std::max(hi, mk.pos.x);
        for (const MapRoom& r : rooms) {
            for (ImVec2 p : r.points) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
        }
        if (hi >= lo) {
            const float labelRoom = size.x * 0.05f;  // labels are placed to stay in view
            lo = std::max(0.0f, lo - labelRoom);
            hi = std::min(size.x, hi + labelRoom);
            baseScale_ = std::clamp(viewSize_.x / (hi - lo), baseScale_, viewSize_.y / size.y);
            centreX = (lo + hi) * 0.5f;
        }
    }
    if (needsFit_) {
        needsFit_ = false;
        offset_.x = centreX - viewSize_.x / (baseScale_ * zoom_) * 0.5f;
        clampOffset();
    }
    if (pendingFocus_) {
        zoom_ = std::clamp(pendingFocus_->second, kMinZoom, kMaxZoom);
        const float s = baseScale_ * zoom_;
        offset_ =
            ImVec2(pendingFocus_->first.x - viewSize_.x / s * 0.5f, pendingFocus_->first.y - viewSize_.y / s * 0.5f);
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
        badge(dl, ImVec2(centre.x - ls.x * 0.5f, centre.y - ls.y * 0.5f), r.label,
              r.highlight ? ctx.theme->accent : ctx.theme->primary, ctx.theme->onPrimary, labelFont);
    }
    dl->PopClipRect();

    if (openGroup_.empty()) {
        tapped = drawMarkers(ctx, min, max, markers);
    } else if (std::string chosen = drawGroupList(ctx, min, max, markers); !chosen.empty()) {
        tapped = chosen;
    }
    if (!openGroup_.empty()) return tapped;
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
                if (io.MousePos.x >= lo.x && io.MousePos.x <= hi.x && io.MousePos.y >= lo.y && io.MousePos.y <= hi.y)
                    tapped = r.id;
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

namespace kiosk::ui {

// Markers closer than a touch target are drawn as one marker with a count, which opens a
// list; labels are placed around their marker without covering another label, a marker or
// the zoom buttons (map_layout.hpp). "You are here" and highlighted markers are labelled
// first. Markers are touch targets of at least 44 CSS px, submitted before the map area
// so they win over it.
std::string MapView::drawMarkers(const UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<MapMarker>& markers) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* labelFont = ctx.fonts->small;
    const float pinSize = std::max(ctx.metrics->cssPx(44), labelFont->FontSize * 1.8f);
    std::vector<std::size_t> visible;
    std::vector<LayoutPoint> points;
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const ImVec2 p = toScreen(markers[i].pos);
        if (p.x < min.x || p.x > max.x || p.y < min.y || p.y > max.y) continue;
        visible.push_back(i);
        points.push_back({p.x, p.y});
    }
    const auto groups = groupMarkers(points, pinSize);
    struct Shown {
        std::vector<std::size_t> members;  // indices into `markers`
        ImVec2 tip;
        std::string label;
        Rgb colour;
        bool important = false;
    };
    std::vector<Shown> shown;
    for (const auto& g : groups) {
        Shown s;
        for (std::size_t k : g) s.members.push_back(visible[k]);
        const LayoutPoint c = groupCentre(points, g);
        s.tip = ImVec2(c.x, c.y);
        bool here = false, highlight = false;
        for (std::size_t i : s.members) here |= markers[i].here, highlight |= markers[i].highlight;
        if (s.members.size() == 1) {
            s.label = markers[s.members[0]].label;
        } else {
            const std::string& area = markers[s.members[0]].area;
            const bool sameArea = !area.empty() && std::all_of(s.members.begin(), s.members.end(),
                                                               [&](std::size_t i) { return markers[i].area == area; });
            s.label = (sameArea ? area + " \u00B7 " : std::string()) + std::to_string(s.members.size()) + "\u00A0" +
                      tr(Str::PlacesInGroup, ctx.lang);
            if (here) s.label = std::string(tr(Str::YouAreHere, ctx.lang)) + " \u00B7 " + s.label;
        }
        s.colour = here ? ctx.theme->now : highlight ? ctx.theme->accent : ctx.theme->primary;
        s.important = here || highlight;
        shown.push_back(std::move(s));
    }
    std::stable_sort(shown.begin(), shown.end(),
                     [](const Shown& a, const Shown& b) { return a.important > b.important; });
    std::vector<LabelRequest> requests;
    for (const Shown& s : shown) {
        const ImVec2 ls = badgeSize(s.label, labelFont);
        LabelRequest r;
        r.anchor = {s.tip.x, s.tip.y};
        r.width = ls.x;
        r.height = ls.y;
        r.gap = ctx.metrics->px(0.8f);
        r.marker = {s.tip.x - pinSize * 0.4f, s.tip.y - pinSize * 0.95f, s.tip.x + pinSize * 0.4f, s.tip.y};
        requests.push_back(r);
    }
    const auto placed = placeLabels(requests, {min.x, min.y, max.x, max.y}, {buttonsRect(ctx, min, max)});
    std::string tapped;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const Shown& s = shown[k];
        const ImVec2 p = s.tip;
        if (s.members.size() == 1) {
            drawPictogram(dl, Pictogram::Pin, ImVec2(p.x, p.y - pinSize * 0.45f), pinSize, s.colour.imu32());
        } else {  // a disc with the count: several places here
            const ImVec2 c(p.x, p.y - pinSize * 0.5f);
            dl->AddCircleFilled(c, pinSize * 0.45f, ctx.theme->onPrimary.imu32());
            dl->AddCircleFilled(c, pinSize * 0.38f, s.colour.imu32());
            BackgroundScope disc(s.colour);
            const std::string n = std::to_string(s.members.size());
            drawText(dl, ctx.fonts->bodyBold, ImVec2(c.x - pinSize * 0.4f, c.y - ctx.fonts->bodyBold->FontSize * 0.5f),
                     pinSize * 0.8f, 1, ctx.theme->onPrimary.imu32(), n, Align::Center);
        }
        if (placed[k].placed)
            badge(dl, ImVec2(placed[k].rect.x0, placed[k].rect.y0), s.label, s.colour, ctx.theme->onPrimary, labelFont);
        if (s.members.size() == 1 && markers[s.members[0]].id.empty()) continue;  // a mark, not a link
        ImGui::SetCursorScreenPos(ImVec2(p.x - pinSize * 0.5f, p.y - pinSize));
        const std::string id = "##marker" + markers[s.members[0]].id;
        if (tapArea(id.c_str(), s.label, ImVec2(pinSize, pinSize))) {
            if (s.members.size() == 1) {
                tapped = markers[s.members[0]].id;
            } else {
                openGroup_.clear();
                for (std::size_t i : s.members) openGroup_.push_back(markers[i].id);
            }
        }
        if (placed[k].placed) {  // the label is part of the target
            // A touch target at least 44 CSS px tall, centred on the label.
            const float labelH = placed[k].rect.y1 - placed[k].rect.y0;
            const float targetH = std::max(labelH, ctx.metrics->cssPx(44));
            ImGui::SetCursorScreenPos(ImVec2(placed[k].rect.x0, placed[k].rect.y0 - (targetH - labelH) * 0.5f));
            const std::string lid = id + "-label";
            if (tapArea(lid.c_str(), s.label, ImVec2(placed[k].rect.x1 - placed[k].rect.x0, targetH))) {
                if (s.members.size() == 1) {
                    tapped = markers[s.members[0]].id;
                } else {
                    openGroup_.clear();
                    for (std::size_t i : s.members) openGroup_.push_back(markers[i].id);
                }
            }
        }
    }
    return tapped;
}

// The places of a grouped marker, one button each, over the map; "Close" goes back to it.
std::string MapView::drawGroupList(const UiContext& ctx, ImVec2 mapMin, ImVec2 mapMax,
                                   const std::vector<MapMarker>& markers) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Fonts& f = *ctx.fonts;
    // The list may use the whole screen area below the header: a small map (a tablet)
    // still lists every place, in columns when the rows do not fit.
    const ImVec2 min(std::min(mapMin.x, ctx.areaMin.x + ctx.metrics->margin()), std::min(mapMin.y, ctx.areaMin.y));
    const ImVec2 max(std::max(mapMax.x, ctx.areaMax.x - ctx.metrics->margin()), std::max(mapMax.y, ctx.areaMax.y));
    const float pad = ctx.metrics->px(4);
    const float rowH = std::max(ctx.metrics->cssPx(56), f.bodyBold->FontSize * 2.0f);
    const float headH = f.heading->FontSize * 1.4f;
    const std::size_t n = std::max<std::size_t>(1, openGroup_.size());
    const float availRows = (max.y - min.y - 4 * pad - headH - rowH) / (rowH + pad);
    const int rowsFit = std::max(1, static_cast<int>(availRows));
    const int cols =
        std::min(3, static_cast<int>((n + static_cast<std::size_t>(rowsFit) - 1) / static_cast<std::size_t>(rowsFit)));
    const int rows = static_cast<int>((n + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols));
    const float w = std::min(max.x - min.x - 2 * pad,
                             std::max(ctx.metrics->cssPx(420), (max.x - min.x) * (cols == 1 ? 0.5f : 0.9f)));
    const float h = std::min(max.y - min.y - 2 * pad, pad * 4 + headH + (rowH + pad) * static_cast<float>(rows + 1));
    const ImVec2 p0((min.x + max.x - w) * 0.5f, (min.y + max.y - h) * 0.5f), p1(p0.x + w, p0.y + h);
    dl->PushClipRect(ImVec2(0, 0), ImVec2(ctx.metrics->width(), ctx.metrics->height()), false);
    dl->AddRectFilled(min, max, IM_COL32(0, 0, 0, 110));
    dl->AddRectFilled(p0, p1, ctx.theme->surface.imu32(), f.body->FontSize * 0.4f);
    BackgroundScope panel(ctx.theme->surface);
    float y = p0.y + pad;
    y += drawText(dl, f.heading, ImVec2(p0.x + pad, y), w - 2 * pad, 1, ctx.theme->text.imu32(),
                  tr(Str::ChooseAPlace, ctx.lang));
    y += pad;
    const float colW = (w - pad * static_cast<float>(cols + 1)) / static_cast<float>(cols);
    std::string chosen;
    int k = 0;
    for (const std::string& id : openGroup_) {
        const auto it = std::find_if(markers.begin(), markers.end(), [&](const MapMarker& m) { return m.id == id; });
        if (it == markers.end()) continue;
        const int col = k / rows, row = k % rows;
        ++k;
        ImGui::SetCursorScreenPos(
            ImVec2(p0.x + pad + static_cast<float>(col) * (colW + pad), y + static_cast<float>(row) * (rowH + pad)));
        const std::string bid = "##group-" + id;
        if (button(bid.c_str(),
                   it->here ? std::string(tr(Str::YouAreHere, ctx.lang)) + " \u00B7 " + it->label : it->label,
                   ImVec2(colW, rowH), ButtonKind::Secondary)) {
            chosen = id;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p1.y - pad - rowH));
    if (button("##group-close", tr(Str::CloseList, ctx.lang), ImVec2(w - 2 * pad, rowH), ButtonKind::Primary))
        openGroup_.clear();
    dl->PopClipRect();
    if (!chosen.empty()) openGroup_.clear();
    return chosen;
}

// Where drawButtons puts the zoom buttons (labels keep clear of them).
LayoutRect MapView::buttonsRect(const UiContext& ctx, ImVec2 min, ImVec2 max) const {
    const float side = std::max(ctx.metrics->cssPx(56), ctx.fonts->heading->FontSize * 1.6f);
    const float gap = ctx.metrics->px(2.5f);
    const char* resetLabel = tr(Str::ResetView, ctx.lang);
    const float resetW =
        std::max(side, ctx.fonts->bodyBold->CalcTextSizeA(ctx.fonts->bodyBold->FontSize, 1e9f, 0, resetLabel).x +
                           ctx.fonts->body->FontSize);
    const bool column = max.y - min.y >= 3 * side + 4 * gap;
    if (column) return {max.x - resetW - gap * 3, min.y, max.x, min.y + gap * 4 + 3 * side + 2 * gap};
    return {max.x - gap * 3 - resetW - 2 * (side + gap), min.y, max.x, min.y + gap * 3 + side};
}

}  // namespace kiosk::ui
