// The kiosk's statistics database (SQLite, WAL): raw events kept for upload, hourly
// counts kept for reports, bounded by a retention policy. See docs/privacy.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/stats/event.hpp"

struct sqlite3;

namespace kiosk::core::stats {

// Raw events (one row each, needed until uploaded) are deleted after rawDays, or earlier
// when there are more than maxRawRows (oldest first). Hourly counts (one row per hour,
// kind, subject and item: a few hundred a day) are kept hourlyDays. Defaults: 30 days,
// 200 000 rows (about 40 MB), 800 days (two editions of a yearly event).
struct RetentionPolicy {
    int rawDays = 30;
    std::int64_t maxRawRows = 200000;
    int hourlyDays = 800;
    bool keepUnsent = false;  // an upload is configured: unsent rows outlive rawDays (not maxRawRows)
};

struct StoredEvent {
    std::int64_t id = 0;  // stable: the upload's request id is made from it
    Event event;
};

struct HourlyRow {
    std::int64_t hour = 0;  // Unix time in whole hours (UTC)
    EventKind kind = EventKind::Screen;
    std::string subject, item;
    std::int64_t count = 0;
    std::int64_t seconds = 0;  // sum of visit lengths (visit_end rows)
};

struct RetentionReport {
    std::int64_t rawDeleted = 0, unsentDeleted = 0, hourlyDeleted = 0;
};

// Threads: one StatsStore per thread (each is its own SQLite connection); several
// connections, in one process or several, may share a file (WAL, busy timeout 5 s).
// Durability: synchronous=FULL, so a committed batch and an upload's "sent" mark survive a
// power cut (see docs/privacy.md for why NORMAL is not enough for exactly-once upload).
class StatsStore {
public:
    enum class Mode { ReadWrite, ReadOnly };
    // Creates the file and its folder (ReadWrite) and the schema; errors say what to do.
    static Result<std::unique_ptr<StatsStore>> open(const std::filesystem::path& path, Mode mode = Mode::ReadWrite);
    ~StatsStore();
    StatsStore(const StatsStore&) = delete;
    StatsStore& operator=(const StatsStore&) = delete;

    // One transaction: the events (visit numbers assigned here, in order) and their hourly counts.
    Status append(std::vector<Event> events);
    Result<RetentionReport> applyRetention(const RetentionPolicy& policy, std::int64_t nowMinute);

    // Oldest unsent first.
    Result<std::vector<StoredEvent>> unsent(std::size_t limit);
    Status markSent(const std::vector<std::int64_t>& ids);

    Result<std::vector<HourlyRow>> hourly();
    Result<std::int64_t> countEvents(bool unsentOnly = false);
    Status setMeta(const std::string& key, const std::string& value);
    std::string meta(const std::string& key);  // "" when absent
    Result<std::string> integrityCheck();      // "ok" when the file is sound
    const std::filesystem::path& path() const { return path_; }

private:
    StatsStore(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    Status exec(const char* sql);

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::int64_t lastVisit_ = -1;    // loaded on first append
    std::int64_t currentVisit_ = 0;  // 0: no visit open (a visit never outlives the process)
};

}  // namespace kiosk::core::stats
