// The kiosk's own small widget set. Every control goes through here so that sizes,
// colours, focus and (later) speech are handled in one place; tap fires on release
// inside the target (ImGui's default), sliding off cancels.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

enum class ButtonKind { Primary, Secondary, Accent, Tab, TabSelected };

struct InteractiveItem {
    std::string label;
    ImVec2 min, max;  // screen rectangle as laid out this frame
};

// Interactive items drawn in the current frame (for size and reach tests). Main thread.
class InteractiveLog {
public:
    static void beginFrame();
    static void record(std::string_view label, ImVec2 min, ImVec2 max);
    static const std::vector<InteractiveItem>& items();
};

struct WidgetEnv {
    const Theme* theme = nullptr;
    const Fonts* fonts = nullptr;
};
void setWidgetEnv(const WidgetEnv& env);

// A labelled button of exactly `size`; returns true when tapped (released inside).
bool button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind = ButtonKind::Primary,
            ImFont* font = nullptr);

// Vertical drag scrolling with inertia for the current child window. Call once a frame
// inside BeginChild; returns true while the list moves on its own (redraw needed).
class KineticScroll {
public:
    bool update(float dt, bool reducedMotion);
    void reset() { velocity_ = 0; }

private:
    float velocity_ = 0;  // pixels per second, positive scrolls down
};

// An invisible touch target of `size` at the cursor (cards, markers...). True when
// tapped: released inside without having been dragged (a drag scrolls, it never taps).
bool tapArea(const char* id, std::string_view label, ImVec2 size);

// Whether the pointer travelled further than a tap allows since it went down.
bool wasDragged();

// A coloured label (type badges, "Annulé"...). Not interactive. Returns its size.
ImVec2 badge(ImDrawList* dl, ImVec2 pos, std::string_view label, Rgb background, Rgb foreground, ImFont* font);
ImVec2 badgeSize(std::string_view label, ImFont* font);

}  // namespace kiosk::ui
