// StatsRecorder: the Sink the kiosk's UI calls. Each call stamps the minute and enqueues
// (a short mutex, no disk); a writer thread stores batches in the SQLite database.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/stats/event.hpp"
#include "core/stats/sink.hpp"
#include "core/stats/store.hpp"

namespace kiosk::core::stats {

struct RecorderOptions {
    std::filesystem::path database;  // created with its folder when missing
    std::string kioskId;             // written to the database's meta table; exports group by it
    RetentionPolicy retention;
    std::size_t maxQueue = 10000;  // events waiting for the writer; more are dropped and counted
    double retentionEverySeconds = 3600;
    // A database that cannot be opened (locked by an export at start, a disk not mounted
    // yet) is tried again this often; meanwhile up to maxQueue events wait in memory.
    double reopenEverySeconds = 30;
};

struct RecorderStatus {
    std::uint64_t written = 0;   // events committed to the database
    std::uint64_t dropped = 0;   // queue full or database unusable
    std::uint64_t rejected = 0;  // a name that is not a safe token (free text?)
    std::string lastError;       // empty when the last write worked
};

// Threads: the Sink calls and setContentVersion() from the UI thread (or any one thread at
// a time); status() and flush() from any thread. The clock is read on the calling thread
// and must outlive the recorder. The destructor writes what is queued and joins the writer.
// A visit left open when the process ends is counted with no length.
class StatsRecorder final : public Sink {
public:
    StatsRecorder(RecorderOptions options, const Clock& clock);
    ~StatsRecorder() override;
    StatsRecorder(const StatsRecorder&) = delete;
    StatsRecorder& operator=(const StatsRecorder&) = delete;

    void visitStarted() override;
    void visitEnded() override;
    void screenViewed(std::string_view name) override;
    void itemViewed(std::string_view kind, std::string_view id) override;
    void qrShown(std::string_view id) override;
    void filterUsed(std::string_view name) override;
    void languageUsed(std::string_view code) override;
    void accessibilityUsed(std::string_view feature) override;

    // The feed version on screen, attached to the events that follow (Matomo dimension).
    void setContentVersion(std::int64_t version) { contentVersion_.store(version); }
    // Blocks until every event enqueued before the call is committed (tests, shutdown).
    void flush();
    RecorderStatus status() const;

private:
    void push(EventKind kind, std::string_view subject, std::string_view item, std::int64_t seconds = 0);
    void writerLoop();

    RecorderOptions options_;
    const Clock& clock_;
    std::atomic<std::int64_t> contentVersion_{0};
    bool inVisit_ = false;
    double visitStart_ = 0;  // clock_.seconds() at the wake-up touch

    mutable std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::vector<Event> queue_;
    std::uint64_t enqueued_ = 0, handled_ = 0;  // handled: written or dropped by the writer
    bool stop_ = false;
    RecorderStatus status_;
    std::thread writer_;
};

}  // namespace kiosk::core::stats
