// Theme colours and WCAG contrast (see theme.hpp).
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace kiosk::ui {

std::uint32_t Rgb::imu32(std::uint8_t alpha) const { return IM_COL32(r, g, b, alpha); }

double relativeLuminance(Rgb c) {
    auto channel = [](std::uint8_t v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrastRatio(Rgb a, Rgb b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Theme Theme::standard() { return Theme{}; }

Theme Theme::highContrastLight() {
    Theme t;
    t.background = {0xFF, 0xFF, 0xFF};
    t.surface = {0xFF, 0xFF, 0xFF};
    t.text = {0x00, 0x00, 0x00};
    t.textMuted = {0x26, 0x26, 0x26};
    t.primary = {0x00, 0x26, 0x4D};
    t.onPrimary = {0xFF, 0xFF, 0xFF};
    t.accent = {0x6B, 0x1C, 0x00};
    t.onAccent = {0xFF, 0xFF, 0xFF};
    t.border = {0x00, 0x00, 0x00};
    t.cancelled = {0x8B, 0x00, 0x00};
    t.changed = {0x4D, 0x30, 0x00};
    t.now = {0x00, 0x40, 0x10};
    t.focus = {0xC2, 0x00, 0x60};
    t.focusOuter = {0x00, 0x00, 0x00};
    t.focusInner = {0xFF, 0xFF, 0xFF};
    return t;
}

Theme Theme::highContrastDark() {
    Theme t;
    t.background = {0x00, 0x00, 0x00};
    t.surface = {0x12, 0x12, 0x12};
    t.text = {0xFF, 0xFF, 0xFF};
    t.textMuted = {0xE0, 0xE0, 0xE0};
    t.primary = {0xFF, 0xD4, 0x00};
    t.onPrimary = {0x00, 0x00, 0x00};
    t.accent = {0x8F, 0xF0, 0xFF};
    t.onAccent = {0x00, 0x00, 0x00};
    t.border = {0xFF, 0xFF, 0xFF};
    t.cancelled = {0xFF, 0x9E, 0x9E};
    t.changed = {0xFF, 0xD1, 0x80};
    t.now = {0x9C, 0xF5, 0xA8};
    t.focus = {0x00, 0xE5, 0xFF};
    t.focusOuter = {0xFF, 0xFF, 0xFF};  // light outside on the black page, dark against the yellow buttons
    t.focusInner = {0x00, 0x00, 0x00};
    return t;
}

void Theme::applyTo(ImGuiStyle& style) const {
    auto v4 = [](Rgb c) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f); };
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameRounding = 8;
    style.ScrollbarRounding = 8;
    style.Colors[ImGuiCol_WindowBg] = v4(background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = v4(text);
    style.Colors[ImGuiCol_ScrollbarBg] = v4(background);
    style.Colors[ImGuiCol_ScrollbarGrab] = v4(border);
    style.Colors[ImGuiCol_ScrollbarGrabHovered] = v4(border);
    style.Colors[ImGuiCol_ScrollbarGrabActive] = v4(primary);
}

}  // namespace kiosk::ui
