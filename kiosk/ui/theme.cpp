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
