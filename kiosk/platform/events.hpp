// Translation of SDL input events into the UI's pointer and key events. Touch fingers
// are used directly and mouse events synthesised from touch are ignored, so a finger is
// never counted twice; tests inject SDL events through this same function.
#pragma once

#include "ui/input.hpp"

union SDL_Event;

namespace kiosk::platform {
class Video;
}

namespace kiosk::platform {

struct EventResult {
    bool staffKeys = false;  // the staff key combination (Ctrl+Alt+Q): the staff PIN keypad opens
    int digit = -1;          // 0-9 from the keyboard's top row (the staff keypad), else -1
    bool pointer = false;    // `pointerEvent` is the finger or mouse event pushed (staff gesture)
    ui::PointerEvent pointerEvent;
    bool closeRequested = false;  // a window manager's close (Alt+F4) or SDL_QUIT: ignored by the kiosk
    bool handled = false;         // it was input for the UI
    bool touch = false;           // from a finger (the cursor hides)
    bool mouse = false;           // from a real mouse (the cursor shows)
};

// `screenWidth` x `screenHeight`: the physical output, for touch coordinates (0..1);
// `video`, when given, turns physical points into the visitor's picture (rotation).
EventResult translateEvent(const SDL_Event& e, int screenWidth, int screenHeight, ui::InputQueue& out,
                           const Video* video = nullptr);

}  // namespace kiosk::platform
