// The crash guard (core/sync/crash_guard.hpp) as the running kiosk uses it: start-up
// content through the guard, crash records armed, and "drawn", "stable" and "no first
// frame in time" written by a worker of its own, so the UI thread never waits for the
// guard's fsync and a hung UI thread still gets its missing first frame counted.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/clock.hpp"
#include "core/sync/crash_guard.hpp"

namespace kiosk::app {

struct ContentGuardOptions {
    core::sync::CrashGuardPolicy policy;
    // How often the worker re-reads the clock while a first frame is awaited (a test's
    // manual clock is noticed within this much real time).
    double tickSeconds = 0.25;
    // Arm the crash record's signal handlers (crash_record.hpp) for this cache.
    bool recordCrashes = true;
    // The guard's state after each change, on whichever thread made it (loader, sync
    // worker, the guard's worker): post it to the main-thread inbox. May be empty.
    std::function<void(core::sync::GuardState)> onState;
};

class ContentGuard {
public:
    ContentGuard(std::filesystem::path cacheDir, const core::Clock& clock, ContentGuardOptions options = {});
    ~ContentGuard();  // finishes the queued writes, disarms the crash record
    ContentGuard(const ContentGuard&) = delete;
    ContentGuard& operator=(const ContentGuard&) = delete;

    // Loader thread (it may block): crash records of earlier runs counted, retries due
    // lifted, then the current cache version with set-aside ones skipped and this start
    // recorded (CrashGuard::startContent). The version started must draw its first frame
    // within policy().firstFrameWithin (loop clock), or that start counts as a crash.
    core::sync::StartContent startContent(const std::filesystem::path& bundledDir);
    // Sync worker thread (it may block), before a newly synced or rolled-back version is
    // offered to the UI: records the start; false when that version was just set aside
    // (the cache's current version went back: reload it).
    bool beforeShowing(std::int64_t version);
    // Sync worker thread, after each attempt: set-aside versions due for a retry are no
    // longer refused. True when there was one (ask the service for a sync now).
    bool retryDue();

    // UI thread, never blocks: `version` is on screen since `nowSeconds` (loop clock): it
    // has drawn (written by the worker), and it is marked stable policy().stableAfter
    // later. Version 0: nothing to do.
    void showing(std::int64_t version, double nowSeconds);
    // UI thread, every turn: queues markStable once due. Never blocks.
    void tick(double nowSeconds);
    // Seconds until tick() has something to do (the loop must wake for it); nullopt: nothing.
    std::optional<double> secondsUntilDue(double nowSeconds) const;
    // A normal exit (staff, SIGTERM) is no crash: marks what is shown stable, then waits
    // for the worker. Call once the loop is over.
    void exitNormally();

    const core::sync::CrashGuard& guard() const { return guard_; }

private:
    void post(std::function<void()> task);
    void run();
    void publishState();

    std::filesystem::path cacheDir_;
    const core::Clock& clock_;
    ContentGuardOptions options_;
    core::sync::CrashGuard guard_;
    bool armed_ = false;
    std::int64_t shown_ = 0;
    std::optional<double> stableAt_;  // loop clock seconds; unset: nothing pending
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    std::optional<double> firstFrameDue_;  // loop clock seconds, watched by the worker
    std::int64_t firstFrameVersion_ = 0;
    bool stopping_ = false;
    std::thread worker_;
};

// Test only (tests/app/crash_guard_e2e.sh, docs/sync.md): when the environment variable
// KIOSK_TEST_ABORT_SHOWING names `version`, the kiosk aborts as a crash would, right after
// the first frame that shows it. Never set it on a real kiosk.
void abortIfTestAsks(std::int64_t version);

}  // namespace kiosk::app
