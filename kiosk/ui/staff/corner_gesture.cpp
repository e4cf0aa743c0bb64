// The staff gesture's state machine (see corner_gesture.hpp). No ImGui: plain events in,
// "open" out, so it is tested on its own and fed by the app before the visitor UI.
#include "ui/staff/corner_gesture.hpp"

#include <algorithm>

namespace kiosk::ui::staff {

float CornerGesture::cornerSize() const {
    return std::max(options_.minCornerPx, std::min(width_, height_) * options_.cornerFraction);
}

CornerGesture::Corner CornerGesture::cornerAt(float x, float y) const {
    const float s = cornerSize();
    const bool left = x < s, right = x >= width_ - s, top = y < s, bottom = y >= height_ - s;
    if (top && left) return Corner::TopLeft;
    if (top && right) return Corner::TopRight;
    if (bottom && left) return Corner::BottomLeft;
    if (bottom && right) return Corner::BottomRight;
    return Corner::None;
}

CornerGesture::Corner CornerGesture::opposite(Corner c) {
    switch (c) {
        case Corner::TopLeft: return Corner::BottomRight;
        case Corner::TopRight: return Corner::BottomLeft;
        case Corner::BottomLeft: return Corner::TopRight;
        case Corner::BottomRight: return Corner::TopLeft;
        case Corner::None: break;
    }
    return Corner::None;
}

void CornerGesture::reset() {
    fingers_ = 0;
    pressCorner_ = armed_ = Corner::None;
    pressValid_ = tapping_ = false;
}

bool CornerGesture::down(std::int64_t pointer, float x, float y, double now) {
    if (++fingers_ > 1) {  // one finger only: a second one spoils both steps
        pressValid_ = false;
        armed_ = Corner::None;
        return false;
    }
    pointer_ = pointer;
    pressCorner_ = cornerAt(x, y);
    pressedAt_ = now;
    pressValid_ = pressCorner_ != Corner::None;
    tapping_ = armed_ != Corner::None && now - armedAt_ <= options_.withinSeconds && pressCorner_ == opposite(armed_);
    if (!tapping_) armed_ = Corner::None;
    return false;
}

void CornerGesture::move(std::int64_t pointer, float x, float y) {
    if (pointer != pointer_ || !pressValid_) return;
    if (cornerAt(x, y) != pressCorner_) pressValid_ = false;  // slid out of the corner: a scroll, not the gesture
}

bool CornerGesture::up(std::int64_t pointer, float x, float y, double now) {
    if (fingers_ > 0) --fingers_;
    if (pointer != pointer_) return false;
    move(pointer, x, y);
    const bool valid = pressValid_;
    pressValid_ = false;
    if (!valid) {
        armed_ = Corner::None;
        return false;
    }
    if (tapping_) {
        tapping_ = false;
        armed_ = Corner::None;
        return true;
    }
    if (now - pressedAt_ >= options_.holdSeconds) {
        armed_ = pressCorner_;
        armedAt_ = now;
    } else {
        armed_ = Corner::None;
    }
    return false;
}

}  // namespace kiosk::ui::staff
