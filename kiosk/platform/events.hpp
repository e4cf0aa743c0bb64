// Translation of SDL input events into the UI's pointer and key events. Touch fingers
// are used directly and mouse events synthesised from touch are ignored, so a finger is
// never counted twice; tests inject SDL events through this same function.
#pragma once

#include "ui/input.hpp"

union SDL_Event;

namespace kiosk::platform { class Video; }

namespace kiosk::platform {

struct EventResult {
    bool quit = false;      // window closed, or a staff key combination
    bool handled = false;   // it was input for the UI
};

// `screenWidth` x `screenHeight`: the physical output, for touch coordinates (0..1);
// `video`, when given, turns physical points into the visitor's picture (rotation).
EventResult translateEvent(const SDL_Event& e, int screenWidth, int screenHeight, ui::InputQueue& out,
                           const Video* video = nullptr);

}  // namespace kiosk::platform
