// Physical layout metrics (see metrics.hpp).
#include "ui/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
constexpr float kCapToEm = 0.626f;  // DejaVu Sans: cap height 1493 / (ascent 1901 + descent 483)
constexpr float kPi = 3.14159265f;

float dpiOf(const ScreenGeometry& g) {
    const float diagPx =
        std::sqrt(static_cast<float>(g.widthPx) * g.widthPx + static_cast<float>(g.heightPx) * g.heightPx);
    return g.dpi > 0 ? g.dpi : g.diagonalInches > 0 ? diagPx / g.diagonalInches : 96.0f;
}
}  // namespace

Metrics::Metrics(const ScreenGeometry& g) : geometry_(g) {
    const float diagPx =
        std::sqrt(static_cast<float>(g.widthPx) * g.widthPx + static_cast<float>(g.heightPx) * g.heightPx);
    dpi_ = dpiOf(g);
    const float diagonalInches = diagPx / dpi_;  // of this picture (a seated viewport is a part)
    if (g.viewingDistanceMm <= 600.0f || (g.dpi <= 0 && diagonalInches < 15.0f)) {
        sizeClass_ = SizeClass::Compact;
    } else if (g.heightPx > g.widthPx) {
        sizeClass_ = SizeClass::Portrait;
    }
    reach_ = reachBand(g, g.mountingHeightMm);
}

const char* sizeClassName(SizeClass c) {
    switch (c) {
        case SizeClass::Landscape: return "landscape";
        case SizeClass::Portrait: return "portrait";
        case SizeClass::Compact: return "compact";
    }
    return "landscape";
}

ReachBand reachBand(const ScreenGeometry& g, float mountingHeightMm, float lowMm, float highMm) {
    ReachBand band;
    const float dpi = dpiOf(g);
    auto toPx = [dpi](float mm) { return mm * dpi / 25.4f; };
    const float heightMm = static_cast<float>(g.heightPx) * 25.4f / dpi;
    band.screenBottomMm = mountingHeightMm;
    band.screenTopMm = mountingHeightMm + heightMm;
    const float lo = std::max(lowMm, band.screenBottomMm), hi = std::min(highMm, band.screenTopMm);
    if (hi <= lo) return band;
    band.overlaps = true;
    band.topPx = static_cast<int>(std::ceil(toPx(band.screenTopMm - hi)));
    band.bottomPx = static_cast<int>(std::floor(toPx(band.screenTopMm - lo)));
    band.bottomPx = std::min(band.bottomPx, g.heightPx);
    band.whole = band.topPx <= 0 && band.bottomPx >= g.heightPx;
    return band;
}

float Metrics::fontPxForCapHeight(float capMm) const { return std::round(px(capMm) / kCapToEm); }

float Metrics::bodyCapHeightMm() const {
    if (compact()) return std::max(2.2f, geometry_.viewingDistanceMm * std::tan(0.28f * kPi / 180.0f));
    const float angle = 0.5f * kPi / 180.0f;
    return std::max(4.8f, geometry_.viewingDistanceMm * std::tan(angle));
}

float Metrics::margin() const {
    if (compact()) return std::max(px(3.0f), 0.02f * std::min(width(), height()));
    return std::max(px(6.0f), 0.03f * std::min(width(), height()));
}

}  // namespace kiosk::ui
