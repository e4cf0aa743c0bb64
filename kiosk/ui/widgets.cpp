// Drawing and hit-testing of the kiosk's widgets (see widgets.hpp).
#include "ui/widgets.hpp"

#include "ui/text.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {
std::vector<InteractiveItem>& frameItems() {
    static std::vector<InteractiveItem> items;
    return items;
}
WidgetEnv g_env;
}  // namespace

void InteractiveLog::beginFrame() { frameItems().clear(); }
void InteractiveLog::record(std::string_view label, ImVec2 min, ImVec2 max) {
    frameItems().push_back({std::string(label), min, max});
}
const std::vector<InteractiveItem>& InteractiveLog::items() { return frameItems(); }

void setWidgetEnv(const WidgetEnv& env) { g_env = env; }

bool wasDragged() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold;
}

bool tapArea(const char* id, std::string_view label, ImVec2 size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, size) && !wasDragged();
    InteractiveLog::record(label, pos, ImVec2(pos.x + size.x, pos.y + size.y));
    return pressed;
}

bool KineticScroll::update(float dt, bool reducedMotion) {
    const ImGuiIO& io = ImGui::GetIO();
    dt = std::max(dt, 1.0f / 240.0f);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && io.MouseWheel != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * ImGui::GetFontSize() * 3);
        velocity_ = 0;
    }
    const bool held = io.MouseDown[0] && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                                                ImGuiHoveredFlags_ChildWindows);
    if (held && wasDragged()) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        // Smoothed finger speed: what the list keeps when the finger lifts.
        velocity_ = 0.7f * velocity_ + 0.3f * (-io.MouseDelta.y / dt);
        return false;
    }
    if (held) {
        velocity_ = 0;
        return false;
    }
    if (reducedMotion || std::fabs(velocity_) < 20.0f) {
        velocity_ = 0;
        return false;
    }
    const float before = ImGui::GetScrollY();
    ImGui::SetScrollY(std::clamp(before + velocity_ * dt, 0.0f, ImGui::GetScrollMaxY()));
    velocity_ *= std::exp(-4.0f * dt);  // about a second to come to rest
    if ((before <= 0 && velocity_ < 0) || (before >= ImGui::GetScrollMaxY() && velocity_ > 0)) velocity_ = 0;
    return velocity_ != 0;
}

bool button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind, ImFont* font) {
    const Theme& t = *g_env.theme;
    if (!font) font = g_env.fonts->bodyBold;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, size) && !wasDragged();
    const bool held = ImGui::IsItemActive();
    InteractiveLog::record(label, pos, ImVec2(pos.x + size.x, pos.y + size.y));

    Rgb bg = t.primary, fg = t.onPrimary;
    bool outline = false;
    switch (kind) {
        case ButtonKind::Primary: break;
        case ButtonKind::Accent: bg = t.accent; fg = t.onAccent; break;
        case ButtonKind::Secondary:
        case ButtonKind::Tab: bg = t.surface; fg = t.primary; outline = true; break;
        case ButtonKind::TabSelected: break;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = size.y * 0.18f;
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, bg.imu32(held ? 215 : 255), rounding);
    if (outline) dl->AddRect(pos, max, t.border.imu32(), rounding, 0, 2.0f);
    const float pad = size.y * 0.15f;
    const TextLayout layout = layoutText(font, label, size.x - 2 * pad, 2);
    const ImVec2 textPos(pos.x + pad, pos.y + (size.y - layout.size.y) * 0.5f);
    drawText(dl, font, textPos, size.x - 2 * pad, 2, fg.imu32(), label, Align::Center);
    return pressed;
}

ImVec2 badgeSize(std::string_view label, ImFont* font) {
    const ImVec2 s = font->CalcTextSizeA(font->FontSize, 1e9f, 0, label.data(), label.data() + label.size());
    const float padX = font->FontSize * 0.45f, padY = font->FontSize * 0.15f;
    return ImVec2(s.x + 2 * padX, s.y + 2 * padY);
}

ImVec2 badge(ImDrawList* dl, ImVec2 pos, std::string_view label, Rgb background, Rgb foreground, ImFont* font) {
    const ImVec2 size = badgeSize(label, font);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), background.imu32(), size.y * 0.25f);
    const float padX = font->FontSize * 0.45f, padY = font->FontSize * 0.15f;
    drawText(dl, font, ImVec2(pos.x + padX, pos.y + padY), size.x - 2 * padX + 1, 1, foreground.imu32(), label);
    return size;
}

}  // namespace kiosk::ui
