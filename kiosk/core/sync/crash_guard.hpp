// Crash guard: a content version that crashes the kiosk twice in a row within a minute of
// showing it is set aside for a while and the kiosk goes back to another version that has
// drawn before, so a bad sync cannot crash-loop a kiosk under systemd, while a power cut
// (a SIGKILL, no record) never costs the kiosk its content. State in <cache>/crash_guard.json.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/sync/crash_guard_state.hpp"
#include "core/sync/sync_service.hpp"

namespace kiosk::core::sync {

struct CrashGuardPolicy {
    // Crashes of one version among its latest starts that never reached stable (a start
    // killed without a crash, as by a power cut, neither counts nor clears the count).
    int crashesBeforeSetAside = 2;
    // How long the app shows a version before calling markStable() (the app's timer).
    std::chrono::seconds stableAfter = std::chrono::seconds(60);
    // A start whose first frame is not drawn this long after it was recorded is a crash
    // (the app's timer, which calls recordCrash()).
    std::chrono::seconds firstFrameWithin = std::chrono::seconds(30);
    // A version set aside is no longer refused this long after (sync may install it again).
    std::chrono::seconds retryAfter = std::chrono::hours(6);
};

// What counts as a crash: a crash record (crash_record.hpp: a signal or abort() the
// kiosk itself wrote down) left by the process that made the start, or recordCrash()
// (no first frame in time). A start that just ends (SIGKILL, power cut) is no crash.
//
// What is never done: set aside the bundled content, or a version when no other cached
// version that has drawn on this kiosk could replace it; such a version stays on screen
// and state() says it keeps crashing (kiosk status exit 5).
//
// Wiring (app/content_guard.hpp): startContent() at start on the loader thread,
// beforeShowing() before a synced version is shown, markDrawn() after its first frame,
// markStable() once shown for policy().stableAfter (and on a normal exit), retryDue()
// on the sync worker after each attempt. Threads: any thread, one call at a time per
// guard (an internal mutex). Every call reads or writes small files with fsync: keep
// them off the UI thread. Nothing throws; a missing or corrupt state file is no history.
class CrashGuard {
public:
    CrashGuard(std::filesystem::path cacheDir, const Clock& clock, CrashGuardPolicy policy = {});

    struct Verdict {
        bool show = true;     // false: the version was just set aside; load another
        std::string message;  // why, in words (logged and put in status.json); empty: nothing to say
    };
    // Records "started showing `version` now" (a cache version, or the bundled feed's
    // manifest version with bundled=true), after counting any crash records. When the
    // version crashed crashesBeforeSetAside times and another version that has drawn
    // could replace it, sets it aside instead: in the cache's bad_versions (the previous
    // version becomes current; sync ignores it) until policy().retryAfter has passed.
    Verdict beforeShowing(std::int64_t version, bool bundled = false);
    // The first frame showing `version` was drawn: it has drawn on this kiosk.
    Status markDrawn(std::int64_t version, bool bundled = false);
    // The version last recorded has been shown long enough (or the kiosk exits normally).
    Status markStable();
    // Same, only when the version last recorded is `version` (a timer started for one
    // version must not vouch for another recorded since).
    Status markStable(std::int64_t version, bool bundled = false);
    // A crash the running kiosk saw itself (no first frame in time), counted for this
    // process's latest start of `version`. `what` says it in words.
    Status recordCrash(std::int64_t version, bool bundled, const std::string& what);
    // Counts the crash records of processes that died of a signal, each for the latest
    // start that process made (or, when it made none, as a start of the key it recorded).
    // beforeShowing() and startContent() do this first.
    void absorbCrashRecords();
    // Set-aside versions whose retry time has come, or all of them when the cache has no
    // current version (a kiosk an older guard left blank), are no longer set aside (sync
    // may install them again; the app asks for a sync). Returns those versions.
    std::vector<std::int64_t> retryDue();

    // Start-up with the guard: crash records counted, retries due lifted, then the
    // current cache version (set-aside ones skipped), else the previous, else the bundled
    // feed, each through beforeShowing(). Content null, with the reason in `problem`,
    // only when the bundled feed does not load either.
    StartContent startContent(const std::filesystem::path& bundledDir, const LoadOptions& options = {});

    // What the guard knows now (files only, with the cache's current version).
    GuardState state() const;
    const CrashGuardPolicy& policy() const { return policy_; }
    std::filesystem::path stateFile() const { return cacheDir_ / "crash_guard.json"; }

private:
    void report(const std::string& message, std::int64_t version, std::int64_t nowShowing, bool setAside);

    std::filesystem::path cacheDir_;
    const Clock& clock_;
    CrashGuardPolicy policy_;
    mutable std::mutex mutex_;
};

}  // namespace kiosk::core::sync
