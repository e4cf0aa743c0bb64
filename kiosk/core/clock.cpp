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

Instant KioskClock::now() const {
    if (simulated_.load(std::memory_order_acquire)) {
        const auto elapsed = static_cast<std::int64_t>(system_.seconds() - simOrigin_.load());
        return Instant(std::chrono::seconds(simStart_.load() + elapsed));
    }
    const Instant sys = system_.now();
    const std::int64_t floor = floor_.load(std::memory_order_relaxed);
    return sys.time_since_epoch().count() < floor ? Instant(std::chrono::seconds(floor)) : sys;
}

double KioskClock::seconds() const { return system_.seconds(); }

Instant KioskClock::Base::now() const {
    if (k_.simulated()) return k_.now();
    return k_.system_.now();
}

void KioskClock::simulateFrom(Instant start) {
    simStart_.store(std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count());
    simOrigin_.store(system_.seconds());
    simulated_.store(true, std::memory_order_release);
}

void KioskClock::raiseFloor(Instant floor) {
    const std::int64_t t = std::chrono::duration_cast<std::chrono::seconds>(floor.time_since_epoch()).count();
    std::int64_t cur = floor_.load();
    while (t > cur && !floor_.compare_exchange_weak(cur, t)) {
    }
}

}  // namespace kiosk::core
