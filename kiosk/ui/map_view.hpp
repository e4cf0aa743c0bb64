// A pannable, zoomable map: a background image or plain surface in content units,
// with markers (places) and polygons (rooms). Drag pans, two fingers pinch, and the
// +, −, reset buttons do the same with one finger. Labels keep their size at any zoom.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "core/model.hpp"
#include "ui/map_layout.hpp"
#include "ui/screen.hpp"

namespace kiosk::ui {

struct MapMarker {
    std::string id;
    ImVec2 pos;  // content units
    std::string label;
    bool highlight = false;
    bool here = false;  // "you are here"
    std::string area;   // the commune: a grouped marker says "Clermont-Ferrand · 3 places"
};

struct MapRoom {
    std::string id;
    std::vector<ImVec2> points;  // content units
    std::string label;
    bool highlight = false;
};

class MapView {
public:
    static constexpr float kMinZoom = 1.0f, kMaxZoom = 8.0f;

    void reset();
    float zoom() const { return zoom_; }
    // The zoom and position, to come back to (Back restores the map as it was left).
    struct ViewState {
        float zoom = 1.0f;
        ImVec2 offset{0, 0};
    };
    ViewState viewState() const { return {zoom_, offset_}; }
    void setViewState(const ViewState& s) {
        zoom_ = s.zoom;
        offset_ = s.offset;
        needsFit_ = false;
        pendingFocus_.reset();
    }
    // Zooms by `factor` keeping the content under `screenPoint` in place.
    void zoomAround(float factor, ImVec2 screenPoint);
    // Centres the view on a content point at the given zoom.
    void focus(ImVec2 contentPoint, float zoom);

    // Draws the map in [min, max]; content is `size` units, optionally with a background
    // image stretched over it. Returns the id of a tapped marker or room, else "".
    std::string draw(const UiContext& ctx, ImVec2 min, ImVec2 max, ImVec2 size, const core::Image* background,
                     const std::vector<MapMarker>& markers, const std::vector<MapRoom>& rooms);

    ImVec2 toScreen(ImVec2 content) const;
    ImVec2 toContent(ImVec2 screen) const;

private:
    void clampOffset();
    std::pair<ImVec2, ImVec2> roomTarget(const UiContext& ctx, const MapRoom& room) const;
    void drawButtons(const UiContext& ctx, ImVec2 min, ImVec2 max);
    LayoutRect buttonsRect(const UiContext& ctx, ImVec2 min, ImVec2 max) const;
    std::string drawMarkers(const UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<MapMarker>& markers);
    std::string drawGroupList(const UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<MapMarker>& markers);

    float zoom_ = 1.0f;
    ImVec2 offset_{0, 0};  // content point at the view's top-left
    ImVec2 viewMin_, viewSize_, contentSize_{1, 1};
    float baseScale_ = 1.0f;
    std::optional<std::pair<ImVec2, float>> pendingFocus_;
    bool needsFit_ = true;
    std::vector<std::string> openGroup_;  // a grouped marker's places, listed over the map
};

// Territory projection of the feed format: longitude/latitude to content units of a map
// `size` units large spanning `bounds`.
ImVec2 projectToMap(const core::TerritoryMap& map, const core::GeoPoint& p, ImVec2 size);
// Content size for a territory map: its image's aspect when known, else from the bounds.
ImVec2 territorySize(const core::TerritoryMap& map, float imageAspect);

bool pointInPolygon(ImVec2 p, const std::vector<ImVec2>& poly);

}  // namespace kiosk::ui
