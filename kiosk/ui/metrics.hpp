// Physical layout metrics: millimetres to pixels from the configured screen size, and
// text sizes from the viewing distance (EN 301 549 5.1.4: capital H >= 4.8 mm).
#pragma once

namespace kiosk::ui {

struct ScreenGeometry {
    int widthPx = 1920, heightPx = 1080;  // as the visitor sees it (after rotation)
    float diagonalInches = 43.0f;
    float viewingDistanceMm = 900.0f;
    float dpi = 0;  // when > 0, used as is (a part of the screen keeps the whole screen's DPI)
};

// The rows of the screen within reach of a seated person (EN 301 549 8.3, ADA 308): the
// band 380..1220 mm above the floor, from the screen's mounting height (its bottom edge)
// and physical size. Pixel rows counted from the top of the picture.
struct ReachBand {
    bool overlaps = false;  // false: no part of the screen is within reach
    bool whole = false;     // the whole screen is within reach
    int topPx = 0, bottomPx = 0;
    float screenBottomMm = 0, screenTopMm = 0;
};
ReachBand reachBand(const ScreenGeometry& g, float mountingHeightMm, float lowMm = 380, float highMm = 1220);

class Metrics {
public:
    explicit Metrics(const ScreenGeometry& g);

    float dpi() const { return dpi_; }
    float px(float mm) const { return mm * dpi_ / 25.4f; }
    float mm(float px) const { return px * 25.4f / dpi_; }
    // One CSS pixel (1/96 inch) in screen pixels, for WCAG sizes such as 44 CSS px.
    float cssPx(float n) const { return n * dpi_ / 96.0f; }
    float width() const { return static_cast<float>(geometry_.widthPx); }
    float height() const { return static_cast<float>(geometry_.heightPx); }
    bool portrait() const { return geometry_.heightPx > geometry_.widthPx; }
    const ScreenGeometry& geometry() const { return geometry_; }

    // Font pixel size whose capital H is `capMm` high (DejaVu Sans: cap = 0.626 x size).
    float fontPxForCapHeight(float capMm) const;
    // Capital-H height in mm for normal body text: 0.5 degree at the viewing distance,
    // never under 4.8 mm.
    float bodyCapHeightMm() const;
    // A margin that keeps content off the bezel: 3 % of the short side, at least 6 mm.
    float margin() const;

private:
    ScreenGeometry geometry_;
    float dpi_ = 96.0f;
};

}  // namespace kiosk::ui
