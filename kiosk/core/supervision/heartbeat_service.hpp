// Sends the queued heartbeats to the office on a worker thread (libcurl POST with a
// bearer token) and passes the office's requests (screenshot, sync now) to the app.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/supervision/heartbeat.hpp"

namespace kiosk::core::supervision {

struct HeartbeatSettings {
    std::string url;                 // http(s)://...; the heartbeat JSON is POSTed here
    std::string token;               // "Authorization: Bearer <token>"; empty: no header
    std::filesystem::path queueDir;  // e.g. <state_dir>/heartbeats
    double retrySeconds = 30;        // after a failed POST (offline), try the queue again
    long timeoutSeconds = 15;        // one request
    std::string caFile;              // extra trusted CA (PEM); empty: the system's
};

// Called on the worker thread: the app posts them to its main-thread inbox. The
// screenshot must be exactly what is presented; the app answers with submitScreenshot().
struct HeartbeatCallbacks {
    std::function<void()> screenshotRequested;
    std::function<void()> syncRequested;
};

// Threads: submit(), submitScreenshot() and stats() from any thread; callbacks run on the
// worker. Errors: failed POSTs are logged (once per offline period) and retried; nothing
// here throws or blocks the caller on the network.
class HeartbeatService {
public:
    HeartbeatService(HeartbeatSettings settings, HeartbeatCallbacks callbacks);
    ~HeartbeatService();  // stops the worker (a running request finishes or times out)
    HeartbeatService(const HeartbeatService&) = delete;
    HeartbeatService& operator=(const HeartbeatService&) = delete;

    Status start();  // prepares the queue, starts the worker
    void stop();
    // Queues one heartbeat (on the worker, so the disk write does not hold the caller)
    // and sends everything queued.
    void submit(const KioskHealth& health);
    // The PNG asked for by the office; sent to its screenshot URL.
    void submitScreenshot(std::vector<std::uint8_t> png);

    struct Stats {
        std::uint64_t sent = 0, failed = 0, screenshotsSent = 0;
        std::size_t queued = 0;
        bool online = false;
    };
    Stats stats() const;

private:
    void run();
    bool flush();  // true when the queue is empty afterwards
    void sendScreenshot(const std::vector<std::uint8_t>& png);

    HeartbeatSettings settings_;
    HeartbeatCallbacks callbacks_;
    HeartbeatQueue queue_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<KioskHealth> toQueue_;
    std::optional<std::vector<std::uint8_t>> screenshot_;
    std::string screenshotUrl_;
    bool stopping_ = false;
    Stats stats_;
    std::thread worker_;
};

}  // namespace kiosk::core::supervision
