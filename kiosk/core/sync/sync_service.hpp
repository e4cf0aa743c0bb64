// The app's door to content sync: start-up from the cache, a polling worker thread,
// new content handed to the UI thread without waiting, staff rollback and status.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "core/sync/poll_schedule.hpp"
#include "core/sync/sync_engine.hpp"

namespace kiosk::core::sync {

struct SyncServiceConfig {
    SyncSettings settings;   // feed URL, cache folder, HTTP options, limits
    PollPolicy poll;         // interval, jitter, backoff
    std::uint64_t seed = 0;  // jitter randomness; 0: random
    // How often the waiting worker re-reads clock.seconds(); a test's manual clock is
    // noticed within this much real time (default 1 s; tests use 0.02).
    double clockTickSeconds = 1.0;
    // Called on the worker thread after every attempt or rollback has been published
    // (takeNewContent() and status() are up to date): the app posts to its main-thread
    // inbox here. Must not block and must not call back into the service under a lock.
    std::function<void()> onPublished;
    // Called on the worker thread with the trusted time floor whenever it is known or
    // moves (the app raises its clock's floor; nothing reads the service for the time).
    std::function<void(Instant)> onTrustedTime;
    // Called on the thread of resetTrustedTime() once the floor is forgotten (the app
    // lowers its clock's floor again). Must not block.
    std::function<void()> onTrustedTimeReset;
};

// What the kiosk shows at start, before any network request.
struct StartContent {
    LoadResult load;           // content null only if the bundled feed itself fails
    std::string source;        // "cache version 7", "cache version 6 (previous)", "bundled"
    std::int64_t version = 0;  // cache version, 0 for bundled content
    std::string problem;       // why the cache was not used, empty when it was
};

// Threads: construct, start(), stop(), the destructor and rollback() on one thread (the
// app's main thread); takeNewContent(), status(), syncNow() and contentAge() from any
// thread and never block on disk or network (a short mutex only). The worker thread
// owns the engine (HTTP client, cache writes). Nothing throws across threads.
class SyncService {
public:
    // `clock` must outlive the service; its seconds() schedule polls, its now() dates. It
    // may be a TrustedClock (the app's one clock); its now() must not call this service.
    explicit SyncService(const Clock& clock);
    ~SyncService();  // stops and joins
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

    // Current cache version, else the previous one, else the bundled feed. Reads files
    // only (documents verified by loadFeed; images later by their decode workers).
    static StartContent loadCurrentFromCache(const std::filesystem::path& cacheDir,
                                             const std::filesystem::path& bundledDir, const LoadOptions& options = {});

    // Prepares the cache folder and spawns the worker, which syncs at once and then per
    // the policy. Error when already started, no feed URL, or the cache cannot be used.
    Status start(SyncServiceConfig config);
    void stop();  // idempotent; waits for a running request to end (bounded by its timeouts)

    // A newly switched, fully loaded version, once; null when there is nothing new.
    std::shared_ptr<const Content> takeNewContent();
    // Ask for an attempt now (staff "sync now"); the schedule restarts from it.
    void syncNow();
    // Staff rollback, done by the worker; the content arrives through takeNewContent().
    std::future<Status> rollback();
    // A snapshot, also written to <cache>/status.json after every attempt.
    SyncStatus status() const;
    std::uint64_t attempts() const;  // finished attempts since start (tests, staff panel)

    // "Programme as of <date>" for the UI: is `content` old, and the date it is current at.
    ContentAge contentAge(const Content& content, std::chrono::seconds staleAfter = std::chrono::hours(12)) const;
    // The clock corrected by the trusted time floor (never earlier than a verified server
    // said). Lock-free; prefer a TrustedClock over SyncSettings::trustedTime in new code.
    Instant trustedNow() const;
    // The floor alone, lock-free, never calls a clock; nullopt when unknown.
    std::optional<Instant> trustedFloor() const;
    // The clock without the floor (any thread).
    Instant systemNow() const { return uncorrected(clock_).now(); }
    // The floor with its source (a short mutex of the TrustedTime, never the worker's).
    TrustedTimeRecord trustedTime() const;
    // Staff `kiosk --reset-time` on a running kiosk (its "reset-time" staff command): the
    // floor is forgotten in memory and on disk at once, so no later save brings it back.
    // Any thread, after start(); returns the floor that was forgotten.
    Result<std::optional<Instant>> resetTrustedTime();

private:
    void run();
    void publish(const SyncReport& report);
    void storeFloor(std::optional<Instant> floor);

    const Clock& clock_;
    std::unique_ptr<SyncEngine> engine_;
    std::unique_ptr<PollSchedule> schedule_;
    std::thread worker_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false, syncRequested_ = false;
    std::optional<std::promise<Status>> rollbackRequest_;
    std::shared_ptr<const Content> fresh_;
    SyncStatus status_;
    std::shared_ptr<TrustedTime> trusted_;    // the engine's, for staff commands on other threads
    std::mutex floorMutex_;                   // publishing the floor vs resetting it; before mutex_
    std::atomic<long long> floorSeconds_{0};  // trusted floor, 0: unknown; read without the mutex
    std::uint64_t attempts_ = 0;
    double tick_ = 1.0;
    std::function<void()> onPublished_;
    std::function<void(Instant)> onTrustedTime_;
    std::function<void()> onTrustedTimeReset_;
};

}  // namespace kiosk::core::sync
