// Clock safety for kiosks without a battery clock or NTP: a floor under the clock that
// moves only on verified evidence (the Date of a TLS-verified answer, later a signed
// manifest), by a bounded step at a time, kept on disk and resettable by staff.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace kiosk::core::sync {

struct TrustedTimePolicy {
    // One piece of evidence moves the floor at most this far past max(floor, system clock),
    // and never past the evidence itself: a kiosk switched off for three weeks catches up
    // in three polls, a server whose clock runs ahead cannot lock kiosks out at once.
    std::chrono::seconds maxStep = std::chrono::hours(24 * 7);
    // Evidence further than this ahead of max(floor, system clock) is ignored as
    // implausible (a server set to 2099): no certificate is valid that long anyway.
    std::chrono::seconds maxAhead = std::chrono::hours(24 * 366);
};

// What one piece of evidence did to the floor.
struct TimeEvidence {
    bool moved = false;    // the floor went up
    bool capped = false;   // the evidence was further ahead than maxStep: moved by maxStep only
    bool ignored = false;  // implausibly far ahead (maxAhead): nothing changed
    Instant floor{};       // the floor afterwards (epoch when unknown)
};

// Thread-safe without any other lock: value(), correct() and floorSeconds() are lock-free
// (an atomic), so a Clock may call them from its now(); evidence, save() and reset() take
// a small internal mutex and never call a Clock.
class TrustedTime {
public:
    // Reads `file` (an ISO 8601 instant); a missing or unreadable file means "nothing known".
    explicit TrustedTime(std::filesystem::path file, TrustedTimePolicy policy = {});

    // The Date header of an answer whose TLS verification passed (https only: a plain HTTP
    // or file:// date proves nothing). `systemNow` is the uncorrected system clock.
    TimeEvidence acceptVerifiedDate(Instant serverDate, Instant systemNow);
    // Hook for signed feeds: the `published` time of a manifest whose publisher signature
    // verified. Never call it for an unsigned or refused manifest. Same bounded step.
    TimeEvidence acceptSigned(Instant published, Instant systemNow);

    // Sets the floor to at least `t` with no bound: for tests and staff tools that know the
    // time, never for evidence from the network.
    void raiseTo(Instant t);
    // Staff (`kiosk --reset-time`): forgets the floor and removes the file; the clock is the
    // system clock again. Stop the kiosk first, or it saves its in-memory floor again.
    Status reset();

    std::optional<Instant> value() const;
    // max(systemNow, the floor).
    Instant correct(Instant systemNow) const;
    // Writes the floor atomically; nothing when unknown.
    Status save() const;
    const std::filesystem::path& file() const { return file_; }
    const TrustedTimePolicy& policy() const { return policy_; }

private:
    TimeEvidence accept(Instant evidence, Instant systemNow);

    std::filesystem::path file_;
    TrustedTimePolicy policy_;
    std::mutex writeMutex_;              // evidence, reset
    std::atomic<long long> seconds_{0};  // 0: unknown
};

// A clock whose now() never goes below the trusted floor. Wraps the system clock in the
// kiosk; never used with --now (a preview must show exactly the time asked for). The
// floor is read lock-free, so any thread may call now(); it never calls a SyncService.
class TrustedClock final : public Clock {
public:
    TrustedClock(const Clock& base, const TrustedTime& floor) : base_(base), floor_(floor) {}
    Instant now() const override { return floor_.correct(base_.now()); }
    double seconds() const override { return base_.seconds(); }
    // The uncorrected clock (sync needs it to tell a clock that is behind).
    const Clock& base() const { return base_; }
    const TrustedTime& trustedTime() const { return floor_; }

private:
    const Clock& base_;
    const TrustedTime& floor_;
};

// The uncorrected clock under `clock` (its base when it is a TrustedClock, else itself).
const Clock& uncorrected(const Clock& clock);

// "Programme as of <date>": whether the content on screen may be out of date, and the
// instant it is known to be current at (last successful sync, else its publication).
struct ContentAge {
    bool old = false;
    Instant asOf{};
};
ContentAge contentAge(const Manifest& manifest, std::optional<Instant> lastSuccess, Instant now,
                      std::chrono::seconds staleAfter = std::chrono::hours(12));

}  // namespace kiosk::core::sync
