// Physical layout metrics: millimetres to pixels from the configured screen size, and
// text sizes from the viewing distance (EN 301 549 5.1.4: capital H >= 4.8 mm).
#pragma once

namespace kiosk::ui {

struct ScreenGeometry {
    int widthPx = 1920, heightPx = 1080;  // as the visitor sees it (after rotation)
    float diagonalInches = 43.0f;
    float viewingDistanceMm = 900.0f;
    float dpi = 0;                    // when > 0, used as is (a part of the screen keeps the whole screen's DPI)
    float mountingHeightMm = 800.0f;  // the picture's bottom edge above the floor
};

// How a screen is used, from its physical size and viewing distance, never from its
// pixels alone: a tablet at arm's length (Compact: smaller text, denser lists), a tall
// totem (Portrait: navigation and main controls low, in the reach band), or a
// landscape panel read from a step back.
enum class SizeClass { Landscape, Portrait, Compact };
const char* sizeClassName(SizeClass c);

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
    // Compact when read at arm's length (600 mm or less) or when the panel is smaller than
    // 15"; otherwise Portrait when taller than wide; otherwise Landscape.
    SizeClass sizeClass() const { return sizeClass_; }
    bool compact() const { return sizeClass_ == SizeClass::Compact; }
    // Navigation and main controls must sit in the reach band (Portrait).
    bool controlsLow() const { return sizeClass_ == SizeClass::Portrait; }
    // The rows within a seated person's reach (380..1220 mm above the floor).
    const ReachBand& reach() const { return reach_; }

    // Font pixel size whose capital H is `capMm` high (DejaVu Sans: cap = 0.626 x size).
    float fontPxForCapHeight(float capMm) const;
    // Capital-H height in mm for normal body text: 0.5 degree at the viewing distance,
    // never under 4.8 mm (EN 301 549 for public terminals read standing). Compact screens
    // are held or sat at, at 400-500 mm like a book: 0.28 degree, never under 2.2 mm.
    float bodyCapHeightMm() const;
    // The smallest capital height any text may have (4.8 mm; 2.2 mm on a compact screen).
    float minCapHeightMm() const { return compact() ? 2.2f : 4.8f; }
    // A margin that keeps content off the bezel: 3 % of the short side, at least 6 mm
    // (3 mm on a compact screen, whose bezel is at the visitor's fingertips).
    float margin() const;
    // The smallest control height: 56 CSS px on public screens, 44 (WCAG 2.5.5) on a
    // compact one.
    float minControlPx() const { return cssPx(compact() ? 44.0f : 56.0f); }

private:
    ScreenGeometry geometry_;
    float dpi_ = 96.0f;
    SizeClass sizeClass_ = SizeClass::Landscape;
    ReachBand reach_;
};

}  // namespace kiosk::ui
