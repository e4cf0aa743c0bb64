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
    dpi_ = g.diagonalInches > 0 ? diagPx / g.diagonalInches : 96.0f;
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
