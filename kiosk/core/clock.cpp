// System and simulated clocks (see clock.hpp).
#include "core/clock.hpp"

namespace kiosk::core {

Instant SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

double SystemClock::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

SimulatedClock::SimulatedClock(Instant start) : start_(start), origin_(std::chrono::steady_clock::now()) {}

Instant SimulatedClock::now() const {
    return start_ + std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - origin_);
}

double SimulatedClock::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - origin_).count();
}

}  // namespace kiosk::core
