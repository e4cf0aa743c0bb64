// Clocks the UI and core read instead of the system clock, so previews (--now) and
// tests can drive time; no test sleeps through a countdown.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

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

// Moves only when told to (tests, headless screenshots, the soak run). Any thread may
// read it while the driving thread advances it (the sync worker reads the same clock).
class ManualClock final : public Clock {
public:
    explicit ManualClock(Instant start) : now_(start) {}
    Instant now() const override { return now_ + std::chrono::seconds(static_cast<long long>(seconds())); }
    double seconds() const override { return elapsed_.load(std::memory_order_acquire); }
    // One thread drives the clock, so the load and store need not be one atomic step.
    void advance(double secs) { elapsed_.store(seconds() + secs, std::memory_order_release); }

private:
    Instant now_;
    std::atomic<double> elapsed_{0};
};

// The kiosk's one clock, created by the app and handed to the UI and to sync: the system
// clock, never earlier than a trusted floor (a kiosk without a battery clock may boot in
// the past; sync raises the floor from verified evidence), or a simulated clock started
// at an instant for previews (--now). Lock-free: any thread may read it, sync may raise
// the floor while the UI reads, and it never calls into anything else.
class KioskClock final : public Clock {
public:
    Instant now() const override;
    double seconds() const override;
    // From now on, now() runs forward in real time from `start` (kiosk --now).
    void simulateFrom(Instant start);
    bool simulated() const { return simulated_.load(std::memory_order_acquire); }
    // now() is never earlier than `floor` (ignored while simulated). Never lowers it.
    void raiseFloor(Instant floor);
    // Forgets the floor (staff `kiosk --reset-time` on the running kiosk).
    void resetFloor() { floor_.store(INT64_MIN); }
    // The same clock without the floor (simulated or system time): sync needs it to tell
    // when the system clock is behind and to verify certificates at the trusted time.
    const Clock& uncorrected() const { return base_; }

private:
    class Base final : public Clock {
    public:
        explicit Base(const KioskClock& k) : k_(k) {}
        Instant now() const override;
        double seconds() const override { return k_.seconds(); }

    private:
        const KioskClock& k_;
    };
    Base base_{*this};
    SystemClock system_;
    std::atomic<bool> simulated_{false};
    std::atomic<std::int64_t> simStart_{0};  // seconds since the epoch
    std::atomic<double> simOrigin_{0};       // system_.seconds() when the simulation began
    std::atomic<std::int64_t> floor_{INT64_MIN};
};

}  // namespace kiosk::core
