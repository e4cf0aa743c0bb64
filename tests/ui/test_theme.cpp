// The theme's text and control colours meet WCAG contrast thresholds on the colours
// they are drawn on (4.5:1 for text, 3:1 for control outlines).
#include <catch2/catch.hpp>

#include "ui/theme.hpp"

using namespace kiosk::ui;

TEST_CASE("the WCAG contrast formula gives the known extremes", "[theme]") {
    CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
    CHECK(contrastRatio({119, 119, 119}, {255, 255, 255}) == Approx(4.48).epsilon(0.01));
    CHECK(contrastRatio({10, 20, 30}, {10, 20, 30}) == Approx(1.0));
}

TEST_CASE("text colours of the standard theme reach 4.5:1 on their backgrounds", "[theme]") {
    const Theme t = Theme::standard();
    struct Pair {
        Rgb fg, bg;
        const char* what;
    };
    const Pair pairs[] = {
        {t.text, t.background, "text on background"},       {t.text, t.surface, "text on cards"},
        {t.textMuted, t.background, "muted on background"}, {t.textMuted, t.surface, "muted on cards"},
        {t.onPrimary, t.primary, "header and badges"},      {t.onAccent, t.accent, "call to action"},
        {t.primary, t.surface, "secondary buttons"},        {t.primary, t.background, "headings"},
        {t.onPrimary, t.cancelled, "cancelled badge"},      {t.onPrimary, t.changed, "changed badge"},
        {t.cancelled, t.surface, "cancellation note"},      {t.changed, t.surface, "change note"},
        {t.onPrimary, t.textMuted, "ended badge"},          {t.cancelled, t.background, "urgent announcement"},
    };
    for (const Pair& p : pairs) {
        INFO(p.what << ": " << contrastRatio(p.fg, p.bg));
        CHECK(contrastRatio(p.fg, p.bg) >= 4.5);
    }
}

TEST_CASE("control outlines reach 3:1 against the background", "[theme]") {
    const Theme t = Theme::standard();
    CHECK(contrastRatio(t.border, t.background) >= 3.0);
    CHECK(contrastRatio(t.border, t.surface) >= 3.0);
}
