// Speech that waits for the visitor to settle: what the keypad focus or the finger lands
// on is said once focus and scrolling have been still for about 300 ms, so a glide over
// ten items or fast arrow presses start the engine once, for the item settled on. The
// widgets ask (they have no clock); the KioskUi stamps the time after each frame, says
// the utterance in the first frame at or after its due time and schedules that frame.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

namespace kiosk::ui {

struct SpeechRequest {
    std::string text;
    std::string lang;
    bool content = true;  // false for the speech controls' own labels: Repeat never says them
};

class SpeechSettle {
public:
    static constexpr double kSettleSeconds = 0.3;

    // Replaces any utterance still waiting; its wait starts at the end of this frame.
    void request(SpeechRequest r) {
        pending_ = std::move(r);
        fresh_ = true;
    }
    // A list moved this frame (kinetic scroll, a drag, focus scrolled in): wait longer.
    void moved() { moved_ = true; }
    // After drawing: a new request or a movement starts the wait again from `now`.
    void stamp(double now) {
        if (pending_ && (fresh_ || moved_)) due_ = now + kSettleSeconds;
        fresh_ = moved_ = false;
    }
    // Before drawing: the utterance whose wait is over, once.
    std::optional<SpeechRequest> take(double now) {
        if (!pending_ || fresh_ || now + 1e-9 < due_) return std::nullopt;
        std::optional<SpeechRequest> out = std::move(pending_);
        pending_.reset();
        return out;
    }
    // Seconds until take() gives something (large when nothing waits).
    double secondsUntilDue(double now) const { return pending_ ? std::max(0.0, due_ - now) : 1e9; }
    bool waiting() const { return pending_.has_value(); }
    void cancel() {
        pending_.reset();
        fresh_ = moved_ = false;
    }

private:
    std::optional<SpeechRequest> pending_;
    bool fresh_ = false, moved_ = false;
    double due_ = 0;
};

}  // namespace kiosk::ui
