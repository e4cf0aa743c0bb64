// Colours of the kiosk and the WCAG contrast formula used to check them. Every text or
// control colour is drawn through a Theme so that pairs can be checked by tests.
#pragma once

#include <cstdint>

struct ImGuiStyle;

namespace kiosk::ui {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    std::uint32_t imu32(std::uint8_t alpha = 255) const;  // ImGui's packed ABGR
};

// WCAG 2.x relative luminance and contrast ratio (1 to 21).
double relativeLuminance(Rgb c);
double contrastRatio(Rgb a, Rgb b);

struct Theme {
    Rgb background{0xF7, 0xF4, 0xEE};
    Rgb surface{0xFF, 0xFF, 0xFF};
    Rgb text{0x1B, 0x1B, 0x1F};
    Rgb textMuted{0x45, 0x45, 0x4D};
    Rgb primary{0x00, 0x4E, 0x78};  // buttons, headers
    Rgb onPrimary{0xFF, 0xFF, 0xFF};
    Rgb accent{0xB3, 0x3A, 0x00};  // call to action
    Rgb onAccent{0xFF, 0xFF, 0xFF};
    Rgb border{0x76, 0x76, 0x80};  // control outlines, >= 3:1 on background
    Rgb cancelled{0xA3, 0x12, 0x1A};
    Rgb changed{0x7A, 0x4A, 0x00};
    Rgb now{0x1E, 0x6B, 0x34};

    Rgb focus{0x00, 0x4E, 0x78};  // focus accents (not the ring)
    // The keypad focus ring's two tones, outer and inner: at least 9:1 between them, so
    // that on any colour one of them reaches 3:1 (the ring never vanishes on a control).
    Rgb focusOuter{0x12, 0x12, 0x16};
    Rgb focusInner{0xFF, 0xFF, 0xFF};

    static Theme standard();
    static Theme highContrastLight();  // black on white, text >= 7:1
    static Theme highContrastDark();   // white and yellow on black, text >= 7:1
    void applyTo(ImGuiStyle& style) const;
};

}  // namespace kiosk::ui
