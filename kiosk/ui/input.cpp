// Feeding pointer events to ImGui one state change a frame (see input.hpp).
#include "ui/input.hpp"

#include <cfloat>
#include <cmath>
#include <iterator>

#include <imgui.h>

namespace kiosk::ui {

void InputQueue::push(const PointerEvent& e) {
    pointer_.push_back(e);
    activity_ = true;
    if (!e.touch) return;
    if (e.kind == PointerEvent::Kind::Up || e.kind == PointerEvent::Kind::Cancel) {
        fingers_.erase(e.pointerId);
    } else {
        fingers_[e.pointerId] = {e.x, e.y};
    }
}

PinchGesture InputQueue::takePinch() {
    PinchGesture g;
    if (fingers_.size() < 2) {
        lastPinchDistance_ = 0;
        return g;
    }
    const auto& a = fingers_.begin()->second;
    const auto& b = std::next(fingers_.begin())->second;
    const float d = std::hypot(a.first - b.first, a.second - b.second);
    g.active = true;
    g.centerX = (a.first + b.first) * 0.5f;
    g.centerY = (a.second + b.second) * 0.5f;
    g.scale = (lastPinchDistance_ > 1.0f && d > 1.0f) ? d / lastPinchDistance_ : 1.0f;
    lastPinchDistance_ = d;
    return g;
}

void InputQueue::applyTo(ImGuiIO& io) {
    if (parkAfterRelease_) {
        // The release was seen by ImGui last frame at the finger's position: now move the
        // pointer off screen so no widget stays hovered.
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        parkAfterRelease_ = false;
    }
    while (!pointer_.empty()) {
        const PointerEvent e = pointer_.front();
        pointer_.pop_front();
        using K = PointerEvent::Kind;
        if (e.touch && e.kind == K::Down) ++fingersDown_;
        if (e.touch && (e.kind == K::Up || e.kind == K::Cancel) && fingersDown_ > 0) --fingersDown_;
        const bool idle = primary_ == INT64_MIN;
        const bool isPrimary = e.pointerId == primary_ || (idle && (e.kind == K::Down || !e.touch));
        if (!isPrimary) continue;  // a second finger: for gestures, not for ImGui's mouse
        io.MousePos = ImVec2(e.x, e.y);
        if (e.kind == K::Move) continue;
        if (e.kind == K::Down) {
            primary_ = e.pointerId;
            io.MouseDown[0] = true;
            return;
        }
        // Up or Cancel: one button change per frame.
        io.MouseDown[0] = false;
        primary_ = INT64_MIN;
        if (e.kind == K::Cancel) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        parkAfterRelease_ = e.touch && e.kind == K::Up;
        return;
    }
}

std::deque<KeyEvent> InputQueue::takeKeys() {
    std::deque<KeyEvent> out;
    out.swap(keys_);
    if (!out.empty()) activity_ = true;
    return out;
}

bool InputQueue::takeActivity() {
    const bool a = activity_;
    activity_ = false;
    return a;
}

}  // namespace kiosk::ui
