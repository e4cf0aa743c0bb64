// Staff commands for a running kiosk: a Unix socket in the cache folder (owner-only),
// served by one thread (clients multiplexed, 5 s each to send their line), one request
// line per connection ("status", "rollback", "sync", "reset-time"), the answer's first
// line "ok", "failed", "error" or "exit N", then text for the staff.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "core/result.hpp"
#include "core/sync/sync_health.hpp"
#include "core/sync/sync_service.hpp"

namespace kiosk::core::sync {

// <cacheDir>/staff.sock. Unix socket paths are limited to 107 bytes; longer ones fail at start().
std::filesystem::path staffSocketPath(const std::filesystem::path& cacheDir);

// Threads: construct, start(), stop() and the destructor on one thread; the handler runs
// on the socket's own thread, one request at a time, and may block (it is the app's job
// to post the request to its main-thread inbox and wait for the answer). Only processes
// of the same user (or root) are answered: the socket is mode 0600 and peers are checked
// with SO_PEERCRED. Start it only while holding the CacheLock (it replaces a stale
// socket file left by a crashed kiosk).
class StaffSocket {
public:
    using Handler = std::function<std::string(const std::string& request)>;
    StaffSocket(std::filesystem::path path, Handler handler);
    ~StaffSocket();  // stops
    StaffSocket(const StaffSocket&) = delete;
    StaffSocket& operator=(const StaffSocket&) = delete;

    Status start();  // error when the socket cannot be created (path too long, no folder)
    void stop();     // idempotent; waits for a running handler; removes the socket file
    const std::filesystem::path& path() const { return path_; }

private:
    void run();
    void serve(int client, pid_t pid, std::string line);

    std::filesystem::path path_;
    Handler handler_;
    int listenFd_ = -1, stopPipe_[2] = {-1, -1};
    std::thread thread_;
};

// A staff command's answer, as the kiosk program prints it.
struct StaffAnswer {
    int exitCode = 0;  // "ok" 0, "failed" 1, "error" 2, "exit N" N (status: sync_health.hpp's codes)
    std::string text;  // the lines after the first
};
// Sends one request and reads the whole answer. Error when no kiosk listens (no socket,
// connection refused: the caller then works on the cache itself) or it does not answer
// within `timeoutSeconds`.
Result<StaffAnswer> sendStaffRequest(const std::filesystem::path& socketPath, const std::string& request,
                                     double timeoutSeconds = 60);

// The whole staff status of a cache in words, one "name  value" line each (current and
// previous version, feed, published, last attempt, last success, signature, next
// attempt, traffic, last error). Reads the cache's pointer files only; any thread.
std::string formatStaffStatus(const std::filesystem::path& cacheDir, const SyncStatus& status, Instant now);

// A running kiosk's answer to one request, on the socket thread, using its SyncService:
// "status" (formatStaffStatus of the live status, the trusted time, then the problems of
// assessSync, whose exit code the first line carries: "ok", "failed" or "exit N"),
// "rollback" (waits for the worker), "sync" (an attempt now; waits up to `waitSeconds` for
// it to finish), "reset-time" (SyncService::resetTrustedTime: forgotten in memory and on
// disk). Unknown requests
// get "error". SyncService::rollback() and syncNow() only queue work under its mutex,
// so calling them here is safe while the service runs.
std::string answerStaffRequest(const std::string& request, SyncService& sync, const std::filesystem::path& cacheDir,
                               double waitSeconds = 120, const HealthThresholds& thresholds = {});

}  // namespace kiosk::core::sync
