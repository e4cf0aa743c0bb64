// The staff loop tests' helpers: a kiosk with a known staff PIN in the loop harness, and
// the gesture and keypad as a finger does them through SDL's event queue.
#pragma once

#include <SDL.h>

#include <chrono>
#include <string>
#include <thread>

#include "core/staff/staff_pin.hpp"
#include "loop/loop_harness.hpp"

namespace kiosk::test {

inline constexpr const char* kStaffPin = "2468";

// Hashed once per process: Argon2id is slow on purpose.
inline const std::string& staffPinHash() {
    static const std::string hash = core::staff::hashPin(kStaffPin).value();
    return hash;
}

inline LoopSetup staffSetup(int w = 1280, int h = 800) {
    LoopSetup s;
    s.width = w;
    s.height = h;
    s.configure = [](app::Runtime& rt) { rt.config.staffPinHash = staffPinHash(); };
    return s;
}

// A finger held `hold` seconds of driven time at (x, y), then lifted.
inline void press(LoopHarness& h, float x, float y, double hold) {
    h.finger(SDL_FINGERDOWN, x, y);
    h.settle();
    h.runFor(hold);
    h.finger(SDL_FINGERUP, x, y);
    h.settle();
}

// The gesture: 3.2 s top left, then a tap bottom right.
inline void staffGesture(LoopHarness& h) {
    const float w = static_cast<float>(h.video().outputWidth()), hh = static_cast<float>(h.video().outputHeight());
    press(h, 8, 8, 3.2);
    h.runFor(0.5);
    h.tap(w - 8, hh - 8);
}

// Turns the loop until `done` or `seconds` of real time (workers: Argon2id, sync).
template <class F>
bool waitFor(LoopHarness& h, F done, double seconds = 10) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        h.settle();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    h.settle();
    return true;
}

inline void typePin(LoopHarness& h, const std::string& pin) {
    for (char c : pin) h.tapItem(std::string(1, c));
}

// Types `pin` and OK, and waits for the check to come back.
inline void enterPin(LoopHarness& h, const std::string& pin) {
    typePin(h, pin);
    h.tapItem("OK");
    waitFor(h, [&] { return !h.app().staff().view().verifying && !h.app().workersBusy(); });
}

}  // namespace kiosk::test
