// The keypad focus ring's tones against every colour of every theme: on any background
// or control it can meet, at least one of its two tones reaches 3:1, and each tone is at
// least 3 CSS px wide at 100 % text.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include <algorithm>

#include "ui/theme.hpp"

namespace ui = kiosk::ui;

namespace {
// Every colour a theme paints (pages, surfaces, controls, badges, text): anything the
// ring can be drawn beside.
std::vector<std::pair<std::string, ui::Rgb>> colours(const ui::Theme& t) {
    return {{"background", t.background},
            {"surface", t.surface},
            {"text", t.text},
            {"textMuted", t.textMuted},
            {"primary", t.primary},
            {"onPrimary", t.onPrimary},
            {"accent", t.accent},
            {"onAccent", t.onAccent},
            {"border", t.border},
            {"cancelled", t.cancelled},
            {"changed", t.changed},
            {"now", t.now},
            {"focus", t.focus}};
}
}  // namespace

TEST_CASE("the focus ring shows at 3:1 against every colour of every theme", "[theme][keypad]") {
    const std::pair<const char*, ui::Theme> themes[] = {{"standard", ui::Theme::standard()},
                                                        {"high contrast light", ui::Theme::highContrastLight()},
                                                        {"high contrast dark", ui::Theme::highContrastDark()}};
    for (const auto& [name, t] : themes) {
        INFO(name);
        CHECK(ui::contrastRatio(t.focusOuter, t.focusInner) >= 9.0);  // the two tones tell apart
        for (const auto& [what, c] : colours(t)) {
            INFO("against " << what);
            const double best = std::max(ui::contrastRatio(t.focusOuter, c), ui::contrastRatio(t.focusInner, c));
            CHECK(best >= 3.0);
        }
        // The outer tone meets the page: it must stand out from it by itself.
        CHECK(ui::contrastRatio(t.focusOuter, t.background) >= 3.0);
    }
}

TEST_CASE("a one-tone ring of a control's own colour would fail the check", "[theme][keypad]") {
    ui::Theme t = ui::Theme::highContrastDark();
    t.focusOuter = t.focusInner = {0x00, 0xE5, 0xFF};  // the old cyan ring on a cyan button
    CHECK(std::max(ui::contrastRatio(t.focusOuter, t.accent), ui::contrastRatio(t.focusInner, t.accent)) < 3.0);
}
