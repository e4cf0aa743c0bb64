// The kiosk's live source worker (issue 11): one thread polls a LiveSource with the sync's
// backoff (PollSchedule), writes <cache>/live_source.json after every attempt, and hands
// newly merged content to the app's inbox through onPublished, like SyncService does.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/clock.hpp"
#include "core/import/live_source.hpp"
#include "core/sync/live_status.hpp"
#include "core/sync/poll_schedule.hpp"

namespace kiosk::core::import {

struct LiveServiceConfig {
    LiveSourceConfig source;
    std::filesystem::path feedDir;   // the feed the source is merged with (never modified)
    std::filesystem::path cacheDir;  // live_source.json here, the merged feed in <cacheDir>/live
    sync::HttpOptions http;
    sync::PollPolicy poll;          // interval, jitter, backoff (the sync's defaults)
    std::uint64_t seed = 0;         // jitter randomness; 0: random
    double clockTickSeconds = 1.0;  // how often the waiting worker re-reads the clock
    // Worker thread, after each attempt that changed the programme (takeNewContent() has
    // it) or the status: must not block (the app posts to its inbox).
    std::function<void()> onPublished;
};

// Threads: construct, start(), stop() and the destructor on one thread; takeNewContent(),
// status(), feedChanged() and pollNow() from any thread, never blocking on the network.
class LiveService {
public:
    explicit LiveService(const Clock& clock);
    ~LiveService();
    LiveService(const LiveService&) = delete;
    LiveService& operator=(const LiveService&) = delete;

    Status start(LiveServiceConfig config);
    void stop();

    // The merged programme, once, when it changed; null otherwise.
    std::shared_ptr<const Content> takeNewContent();
    // The last good merged programme (null until the source converted once).
    std::shared_ptr<const Content> current() const;
    // A new synced feed version: merged again with the last good source on the worker.
    void feedChanged(std::filesystem::path feedDir);
    void pollNow();
    sync::LiveSourceStatus status() const;
    std::uint64_t attempts() const;  // finished attempts, counted once their result is posted

private:
    void run();
    void record(LiveSource::Outcome outcome, double delay);

    const Clock& clock_;
    LiveServiceConfig config_;
    std::unique_ptr<LiveSource> source_;
    std::unique_ptr<sync::PollSchedule> schedule_;
    std::thread worker_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false, pollRequested_ = false;
    std::optional<std::filesystem::path> newFeedDir_;
    std::shared_ptr<const Content> fresh_;
    sync::LiveSourceStatus status_;
    std::uint64_t attempts_ = 0;
};

}  // namespace kiosk::core::import
