// The one-finger gesture that opens the staff mode: a long press (3 s) in one corner of
// the screen, then, within a few seconds of lifting the finger, a tap in the opposite
// corner. No visitor does that by chance; it needs no keyboard and no second finger.
#pragma once

#include <cstdint>

namespace kiosk::ui::staff {

struct CornerGestureOptions {
    double holdSeconds = 3.0;      // the first press lasts at least this long
    double withinSeconds = 4.0;    // the tap comes at most this long after the release
    float cornerFraction = 0.12f;  // corner squares: this fraction of the shorter side...
    float minCornerPx = 64;        // ...but at least this many pixels
};

// Fed with every pointer event (screen pixels, the caller's clock seconds). Main thread.
class CornerGesture {
public:
    enum class Corner { None, TopLeft, TopRight, BottomLeft, BottomRight };
    explicit CornerGesture(CornerGestureOptions options = {}) : options_(options) {}

    void setScreen(float width, float height) { width_ = width, height_ = height; }
    // Returns true when this event completes the gesture (the tap's release).
    bool down(std::int64_t pointer, float x, float y, double now);
    void move(std::int64_t pointer, float x, float y);
    bool up(std::int64_t pointer, float x, float y, double now);
    void reset();
    // The long press is done and the tap may still come (until armedUntil()).
    bool armed(double now) const { return armed_ != Corner::None && now <= armedUntil(); }
    double armedUntil() const { return armedAt_ + options_.withinSeconds; }

    Corner cornerAt(float x, float y) const;
    static Corner opposite(Corner c);
    float cornerSize() const;

private:
    CornerGestureOptions options_;
    float width_ = 1920, height_ = 1080;
    int fingers_ = 0;
    std::int64_t pointer_ = 0;
    Corner pressCorner_ = Corner::None;  // where the current press started (None: not in a corner)
    double pressedAt_ = 0;
    bool pressValid_ = false;      // the current press stayed in its corner
    Corner armed_ = Corner::None;  // a long press ended here...
    double armedAt_ = 0;           // ...at this time
    bool tapping_ = false;         // the current press is the second step
};

}  // namespace kiosk::ui::staff
