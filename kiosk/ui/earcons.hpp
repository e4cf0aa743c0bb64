// Earcons: short sounds that tell a visitor on the keypad, with speech on, what just
// happened (focus moved, activated, back, end of the list) before the words come. The
// platform plays them through SDL audio beside espeak-ng; tests record them.
#pragma once

namespace kiosk::ui {

enum class Earcon { FocusMoved, Activated, Back, EndOfList };

class EarconOutput {
public:
    virtual ~EarconOutput() = default;
    // Never blocks; a new earcon cuts the previous one short. Main thread.
    virtual void play(Earcon earcon) = 0;
};

}  // namespace kiosk::ui
