// Physical layout metrics (see metrics.hpp).
#include "ui/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
constexpr float kCapToEm = 0.626f;  // DejaVu Sans: cap height 1493 / (ascent 1901 + descent 483)
constexpr float kPi = 3.14159265f;
}  // namespace

Metrics::Metrics(const ScreenGeometry& g) : geometry_(g) {
    const float diagPx = std::sqrt(static_cast<float>(g.widthPx) * g.widthPx + static_cast<float>(g.heightPx) * g.heightPx);
    dpi_ = g.dpi > 0 ? g.dpi : g.diagonalInches > 0 ? diagPx / g.diagonalInches : 96.0f;
}

ReachBand reachBand(const ScreenGeometry& g, float mountingHeightMm, float lowMm, float highMm) {
    ReachBand band;
    const Metrics m(g);
    const float heightMm = m.mm(static_cast<float>(g.heightPx));
    band.screenBottomMm = mountingHeightMm;
    band.screenTopMm = mountingHeightMm + heightMm;
    const float lo = std::max(lowMm, band.screenBottomMm), hi = std::min(highMm, band.screenTopMm);
    if (hi <= lo) return band;
    band.overlaps = true;
    band.topPx = static_cast<int>(std::ceil(m.px(band.screenTopMm - hi)));
    band.bottomPx = static_cast<int>(std::floor(m.px(band.screenTopMm - lo)));
    band.bottomPx = std::min(band.bottomPx, g.heightPx);
    band.whole = band.topPx <= 0 && band.bottomPx >= g.heightPx;
    return band;
}

float Metrics::fontPxForCapHeight(float capMm) const { return std::round(px(capMm) / kCapToEm); }

float Metrics::bodyCapHeightMm() const {
    const float angle = 0.5f * kPi / 180.0f;
    return std::max(4.8f, geometry_.viewingDistanceMm * std::tan(angle));
}

float Metrics::margin() const {
    return std::max(px(6.0f), 0.03f * std::min(width(), height()));
}

}  // namespace kiosk::ui
