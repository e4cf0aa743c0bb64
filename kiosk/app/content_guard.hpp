// The crash guard (core/sync/crash_guard.hpp) as the running kiosk uses it: start-up
// content through the guard, and "stable" written by a worker of its own a minute after
// a version appears, so the UI thread never waits for the guard's fsync.
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

class ContentGuard {
public:
    ContentGuard(std::filesystem::path cacheDir, const core::Clock& clock);
    ~ContentGuard();  // finishes the queued writes
    ContentGuard(const ContentGuard&) = delete;
    ContentGuard& operator=(const ContentGuard&) = delete;

    // Loader thread (it may block): the current cache version, with bad ones skipped and
    // this start recorded (CrashGuard::startContent).
    core::sync::StartContent startContent(const std::filesystem::path& bundledDir);
    // Sync worker thread (it may block), before a newly synced or rolled-back version is
    // offered to the UI: records the start; false when that version was just marked bad
    // (the cache's current version went back: reload it).
    bool beforeShowing(std::int64_t version);

    // UI thread, never blocks: `version` is on screen since `nowSeconds` (loop clock); it is
    // marked stable policy().stableAfter later, from the worker. Version 0: nothing to do.
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

    std::filesystem::path cacheDir_;
    core::sync::CrashGuard guard_;
    std::int64_t shown_ = 0;
    std::optional<double> stableAt_;  // loop clock seconds; unset: nothing pending
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::thread worker_;
};

// Test only (tests/app/crash_guard_e2e.sh, docs/sync.md): when the environment variable
// KIOSK_TEST_ABORT_SHOWING names `version`, the kiosk aborts as a crash would, right after
// the first frame that shows it. Never set it on a real kiosk.
void abortIfTestAsks(std::int64_t version);

}  // namespace kiosk::app
