// Clock safety for kiosks without a battery clock or NTP: the newest trustworthy time
// seen (HTTP Date, feed publication), kept on disk, and a clock never earlier than it.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>

#include "core/clock.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace kiosk::core::sync {

// Thread-safe: observe() from the sync worker, value() from anywhere.
class TrustedTime {
public:
    // Reads `file` (an ISO 8601 instant); a missing or unreadable file means "nothing known".
    explicit TrustedTime(std::filesystem::path file);

    // Raises the floor to `t` (never lowers it). Returns true when it moved.
    bool observe(Instant t);
    std::optional<Instant> value() const;
    // max(systemNow, the floor).
    Instant correct(Instant systemNow) const;
    // Writes the floor atomically (write, fsync, rename); kiosks are switched off at the wall.
    Status save() const;

private:
    std::filesystem::path file_;
    std::atomic<long long> seconds_{0};  // 0: unknown
};

// A clock whose now() never goes below the trusted floor. Wraps the system clock in the
// kiosk; never used with --now (a preview must show exactly the time asked for).
class TrustedClock final : public Clock {
public:
    TrustedClock(const Clock& base, const TrustedTime& floor) : base_(base), floor_(floor) {}
    Instant now() const override { return floor_.correct(base_.now()); }
    double seconds() const override { return base_.seconds(); }

private:
    const Clock& base_;
    const TrustedTime& floor_;
};

// "Programme as of <date>": whether the content on screen may be out of date, and the
// instant it is known to be current at (last successful sync, else its publication).
struct ContentAge {
    bool old = false;
    Instant asOf{};
};
ContentAge contentAge(const Manifest& manifest, std::optional<Instant> lastSuccess, Instant now,
                      std::chrono::seconds staleAfter = std::chrono::hours(12));

}  // namespace kiosk::core::sync
