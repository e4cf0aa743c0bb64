// Pointer and key input in a form with no SDL in it. The platform layer turns SDL finger
// and mouse events into these; the UI feeds them to ImGui one state change per frame
// (ImGui 1.86 has no input queue) and moves the pointer away after a release so nothing
// stays hovered when the finger lifts.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <utility>

struct ImGuiIO;

namespace kiosk::ui {

struct PointerEvent {
    enum class Kind { Down, Move, Up, Cancel };
    Kind kind = Kind::Move;
    std::int64_t pointerId = 0;  // finger id, or -1 for the mouse
    float x = 0, y = 0;          // screen pixels, as the visitor sees the screen
    bool touch = false;
};

enum class Key { Up, Down, Left, Right, Enter, Back, Home, Tab, Speech };

struct KeyEvent {
    Key key = Key::Enter;
    bool down = true;
};

// Two fingers moving apart or together, measured between frames.
struct PinchGesture {
    bool active = false;
    float scale = 1.0f;  // distance now / distance at the previous frame
    float centerX = 0, centerY = 0;
};

class InputQueue {
public:
    void push(const PointerEvent& e);
    void push(const KeyEvent& e) { keys_.push_back(e); }
    bool pending() const { return !pointer_.empty() || !keys_.empty() || parkAfterRelease_; }

    // Applies queued pointer events to ImGui's mouse until one button change has been
    // applied; the rest wait for the next frame, so a quick tap is never lost.
    void applyTo(ImGuiIO& io);
    // Keys pressed since the last call.
    std::deque<KeyEvent> takeKeys();

    // Seconds-free activity marker for the idle timer: true once per batch of input.
    bool takeActivity();

    // Number of fingers currently down (for gestures); the first one drives ImGui.
    int fingersDown() const { return fingersDown_; }
    // The pinch since the previous call (once a frame).
    PinchGesture takePinch();

private:
    std::deque<PointerEvent> pointer_;
    std::deque<KeyEvent> keys_;
    std::int64_t primary_ = INT64_MIN;  // the pointer that drives ImGui's mouse
    bool parkAfterRelease_ = false;
    bool activity_ = false;
    int fingersDown_ = 0;
    std::map<std::int64_t, std::pair<float, float>> fingers_;  // touch positions, all fingers
    float lastPinchDistance_ = 0;
};

}  // namespace kiosk::ui
