// The kiosk's run modes, each returning the process exit code.
#pragma once

#include "app/runtime.hpp"
#include "platform/imgui_renderer.hpp"
#include "ui/input.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk::app {

int runInteractive(const Runtime& rt);  // full screen (or windowed) for visitors
int runHeadless(const Runtime& rt);     // one screen to a PNG, no display
int runCheck(const Runtime& rt);        // technician's self-test

// One complete frame: font upload if needed, UI, draw (no present).
void renderFrame(ui::KioskUi& ui, platform::ImGuiRenderer& renderer, ui::InputQueue& input, float dt);

}  // namespace kiosk::app
