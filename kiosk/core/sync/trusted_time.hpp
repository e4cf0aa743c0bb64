// Clock safety for kiosks without a battery clock or NTP: a floor under the clock that
// moves only on verified evidence (the Date of a TLS-verified answer, a signed manifest),
// by a bound per day unless two sources agree, kept in the state folder, resettable by staff.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace kiosk::core::sync {

struct TrustedTimePolicy {
    // One source alone (one https server, or the signed feed) may make the trusted time
    // gain at most this much on real time per day: real time is the floor carried forward
    // by the system clock's running since the floor last moved, and the gain is counted
    // over at most one day of it (a kiosk offline for a month gains this much, no more).
    // A server 300 days ahead thus moves the date an hour a day, not a week a poll.
    std::chrono::seconds gainPerDay = std::chrono::hours(1);
    // One source may always put the floor this far past the system clock: a server a few
    // minutes off is no reason to cap, and the floor never runs more than this ahead of a
    // right system clock on one answer.
    std::chrono::seconds slack = std::chrono::minutes(5);
    // Two different sources agree when the times they give, each measured against the
    // system clock when it came, differ by at most this; then the floor moves at once to
    // the earlier of the two (up to maxAhead): that is how a clock days behind catches up.
    std::chrono::seconds agreeWithin = std::chrono::minutes(5);
    // How long (system-clock time) one source's answer waits for another to agree.
    std::chrono::seconds agreementWindow = std::chrono::hours(24);
    // Evidence further than this ahead of the trusted now is ignored as implausible (a
    // server set to 2099): no certificate is valid that long anyway.
    std::chrono::seconds maxAhead = std::chrono::hours(24 * 366);
};

// A trusted time further than this ahead of the system clock is a warning for staff
// (staff panel, `kiosk status`, the kiosk_clock_warning metric).
inline constexpr std::chrono::hours kFarAheadOfSystemClock{24};

// The file name in the state folder (SyncSettings::stateDir; stateDirFor() in the app):
// the one place the sync, `kiosk status` and `kiosk --reset-time` use.
std::filesystem::path trustedTimeFile(const std::filesystem::path& stateDir);

// What one piece of evidence did to the floor.
struct TimeEvidence {
    bool moved = false;    // the floor went up
    bool capped = false;   // the evidence was further ahead than one source may move it
    bool agreed = false;   // another source agreed: moved without the per-day bound
    bool ignored = false;  // implausibly far ahead (maxAhead): nothing changed
    Instant floor{};       // the floor afterwards (epoch when unknown)
};

// The floor and where it came from, for staff.
struct TrustedTimeRecord {
    std::optional<Instant> value;  // nullopt: nothing known, the system clock is used
    // "https://host[:port]", "signed feed", "https://a and signed feed" (two that agreed),
    // "a staff tool" (raiseTo); empty when not recorded (a file written by an older kiosk).
    std::string source;
    std::optional<Instant> setAt;  // the system clock when the floor last moved
};

// Thread-safe without any other lock: value() and correct() are lock-free (an atomic), so
// a Clock may call them from its now(); evidence, record(), save() and reset() take a small
// internal mutex and never call a Clock (the caller passes the system time in).
class TrustedTime {
public:
    // Reads `file` (JSON written by save(), or the bare ISO 8601 instant older kiosks
    // wrote); a missing or unreadable file means "nothing known".
    explicit TrustedTime(std::filesystem::path file, TrustedTimePolicy policy = {});

    // The Date header of an answer whose TLS verification passed (https only: a plain HTTP
    // or file:// date proves nothing). `origin` names the server ("https://host:port"): two
    // answers from one origin never count as agreeing. `systemNow` is the uncorrected clock.
    TimeEvidence acceptVerifiedDate(const std::string& origin, Instant serverDate, Instant systemNow);
    // The signing time of a manifest whose publisher signature verified (source "signed
    // feed"). Never call it for an unsigned or refused manifest. Same rules.
    TimeEvidence acceptSigned(Instant signedAt, Instant systemNow);

    // Sets the floor to at least `t` with no bound: for tests and staff tools that know the
    // time, never for evidence from the network.
    void raiseTo(Instant t);
    // Staff (`kiosk --reset-time`, or the running kiosk's "reset-time" staff command):
    // forgets the floor, its source and every pending observation, and removes the file;
    // the clock is the system clock again.
    Status reset();

    std::optional<Instant> value() const;
    TrustedTimeRecord record() const;
    // max(systemNow, the floor).
    Instant correct(Instant systemNow) const;
    // Writes the floor and its source atomically; nothing when unknown.
    Status save() const;
    const std::filesystem::path& file() const { return file_; }
    const TrustedTimePolicy& policy() const { return policy_; }

private:
    struct Observation {
        std::string source;
        long long offset = 0;  // evidence minus the system clock, seconds
        long long at = 0;      // the system clock then
    };
    TimeEvidence accept(const std::string& source, Instant evidence, Instant systemNow);
    const Observation* agreeing(const std::string& source, long long offset) const;

    std::filesystem::path file_;
    TrustedTimePolicy policy_;
    mutable std::mutex mutex_;           // everything below but seconds_
    std::atomic<long long> seconds_{0};  // 0: unknown
    std::string source_;
    std::optional<long long> setAt_;
    // The system clock reading the floor is measured from: set when it moves, moved to
    // the system clock when that goes back (a reboot without a battery clock), so that a
    // floor ahead of the system clock still runs with real time instead of freezing.
    std::optional<long long> anchor_;
    std::vector<Observation> observations_;  // the last one per source, this run only
};

// How far the floor runs ahead of the system clock (negative: behind); nullopt when unknown.
std::optional<std::chrono::seconds> aheadOfSystemClock(std::optional<Instant> floor, Instant systemNow);
// More than kFarAheadOfSystemClock ahead: a server's or signer's clock may be wrong.
bool farAheadOfSystemClock(std::optional<Instant> floor, Instant systemNow);
// "3 h", "45 min", "315 days" (rounded down; "0 min" under a minute).
std::string formatLead(std::chrono::seconds lead);
// One line for staff in English (the running kiosk's status answer): "2027-10-18T10:00:00Z
// from https://host (ahead of the system clock by 3 h)", with what to do when it is far
// ahead; "none (the system clock is used)" when unknown.
std::string describeTrustedTime(const TrustedTimeRecord& record, Instant systemNow);

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

// The uncorrected clock under `clock` (the base of a TrustedClock, the system or simulated
// clock of a KioskClock, else the clock itself).
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
