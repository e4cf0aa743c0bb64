// Crash guard: a content version that makes the kiosk die twice in a row within a minute
// of showing it is marked bad, and the kiosk goes back to the previous one, so a bad sync
// cannot crash-loop a kiosk under systemd. State in <cache>/crash_guard.json.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/sync/sync_service.hpp"

namespace kiosk::core::sync {

struct CrashGuardPolicy {
    int unstableStartsBeforeBad = 2;  // previous starts of one version that never reached stable
    // How long the app runs a version before calling markStable() (the app's timer; the
    // guard itself only records what it is told).
    std::chrono::seconds stableAfter = std::chrono::seconds(60);
};

// Wiring (app): at start, `CrashGuard guard(cacheDir, clock); auto start =
// guard.startContent(bundledDir);` instead of SyncService::loadCurrentFromCache, and
// `guard.markStable()` once the kiosk has shown it for policy().stableAfter (and on a
// normal exit, which is no crash). For content switched while running, call
// beforeShowing(version) before showing it and markStable() 60 s later.
// Threads: any thread, one at a time per guard (an internal mutex). Every call reads or
// writes a small file with fsync: keep it off the UI thread. Nothing throws; a missing or
// corrupt state file counts as no history.
class CrashGuard {
public:
    CrashGuard(std::filesystem::path cacheDir, const Clock& clock, CrashGuardPolicy policy = {});

    struct Verdict {
        bool show = true;     // false: the version was just marked bad; load another
        std::string message;  // why, in words (logged and put in status.json)
    };
    // Records "started showing `version` now" (a cache version, or the bundled feed's
    // manifest version with bundled=true). When the previous starts of that version ended
    // without markStable(), marks it bad instead: a cache version in the cache (the
    // previous version becomes current, sync never downloads it again), the bundled feed
    // in the guard's state; says so in status.json and the log.
    Verdict beforeShowing(std::int64_t version, bool bundled = false);
    // The version last recorded has been shown long enough (or the kiosk exits normally).
    Status markStable();
    // Same, only when the version last recorded is `version` (a timer started for one
    // version must not vouch for another recorded since).
    Status markStable(std::int64_t version, bool bundled = false);

    // Start-up with the guard: the current cache version (bad ones skipped), else the
    // previous, else the bundled feed, each through beforeShowing(). Content null, with
    // the reason in `problem`, when everything was marked bad: show a neutral screen.
    StartContent startContent(const std::filesystem::path& bundledDir, const LoadOptions& options = {});

    // Whether the bundled feed with this manifest version crashed the kiosk.
    bool bundledIsBad(std::int64_t manifestVersion) const;
    const CrashGuardPolicy& policy() const { return policy_; }
    std::filesystem::path stateFile() const { return cacheDir_ / "crash_guard.json"; }

private:
    Status markStableIf(const std::string& key);  // empty: whatever was recorded last
    void report(const std::string& message, std::int64_t version, bool bundled, std::int64_t nowShowing);

    std::filesystem::path cacheDir_;
    const Clock& clock_;
    CrashGuardPolicy policy_;
    mutable std::mutex mutex_;
};

}  // namespace kiosk::core::sync
