// Clocks the UI and core read instead of the system clock, so previews (--now) and
// tests can drive time; no test sleeps through a countdown.
#pragma once

#include <chrono>

#include "core/time.hpp"

namespace kiosk::core {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
    // Monotonic seconds for animations and idle timers.
    virtual double seconds() const = 0;
};

class SystemClock final : public Clock {
public:
    Instant now() const override;
    double seconds() const override;
};

// Starts at a given instant and runs forward in real time (kiosk --now).
class SimulatedClock final : public Clock {
public:
    explicit SimulatedClock(Instant start);
    Instant now() const override;
    double seconds() const override;

private:
    Instant start_;
    std::chrono::steady_clock::time_point origin_;
};

// Moves only when told to (tests, headless screenshots).
class ManualClock final : public Clock {
public:
    explicit ManualClock(Instant start) : now_(start) {}
    Instant now() const override { return now_ + std::chrono::seconds(static_cast<long long>(elapsed_)); }
    double seconds() const override { return elapsed_; }
    void advance(double secs) { elapsed_ += secs; }

private:
    Instant now_;
    double elapsed_ = 0;
};

}  // namespace kiosk::core
