// SQLite storage of the statistics (see store.hpp): schema, batched appends with their
// hourly counts in the same transaction, retention, the upload queue.
#include "core/stats/store.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <system_error>

namespace kiosk::core::stats {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  minute INTEGER NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  item TEXT NOT NULL DEFAULT '',
  visit INTEGER NOT NULL DEFAULT 0,
  seconds INTEGER NOT NULL DEFAULT 0,
  content_version INTEGER NOT NULL DEFAULT 0,
  sent INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS events_unsent ON events(sent, id);
CREATE TABLE IF NOT EXISTS hourly(
  hour INTEGER NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  item TEXT NOT NULL,
  count INTEGER NOT NULL,
  seconds INTEGER NOT NULL,
  PRIMARY KEY(hour, kind, subject, item));
INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '1');
)SQL";

// A prepared statement, finalized on scope exit.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : db_(db) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    bool ok() const { return rc_ == SQLITE_OK; }
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    int step() { return sqlite3_step(s_); }
    void reset() {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    std::int64_t i64(int col) const { return sqlite3_column_int64(s_, col); }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(s_, col);
        return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
    }
    std::string error() const { return sqlite3_errmsg(db_); }

private:
    sqlite3* db_;
    sqlite3_stmt* s_ = nullptr;
    int rc_ = SQLITE_ERROR;
};

Error dbError(sqlite3* db, const std::string& what) { return fail(what + ": " + sqlite3_errmsg(db)); }

// Rolls back unless committed (an error half-way leaves nothing written).
class Transaction {
public:
    explicit Transaction(sqlite3* db) : db_(db) {
        ok_ = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~Transaction() {
        if (ok_ && !done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    bool began() const { return ok_; }
    bool commit() {
        done_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
        return done_;
    }

private:
    sqlite3* db_;
    bool ok_ = false, done_ = false;
};

}  // namespace

Result<std::unique_ptr<StatsStore>> StatsStore::open(const fs::path& path, Mode mode) {
    std::error_code ec;
    if (mode == Mode::ReadWrite && path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (mode == Mode::ReadOnly && !fs::is_regular_file(path, ec)) {
        return fail(path.string() +
                    ": no such statistics database (the kiosk writes it at the stats.database setting)");
    }
    sqlite3* db = nullptr;
    // ReadOnly still opens read-write when it can: a copy taken from a kiosk may hold its
    // last commits in the -wal file, which SQLite folds in only with write access.
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == Mode::ReadWrite ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK && mode == Mode::ReadOnly) {
        sqlite3_close(db);
        db = nullptr;
        flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
        rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    }
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open the statistics database " + path.string() + ": " +
                          (db ? sqlite3_errmsg(db) : "out of memory") + " (check the folder exists and is writable)";
        sqlite3_close(db);
        return fail(std::move(msg));
    }
    std::unique_ptr<StatsStore> store(new StatsStore(db, path));
    sqlite3_busy_timeout(db, 5000);
    if (mode == Mode::ReadWrite) {
        if (auto s = store->exec("PRAGMA journal_mode=WAL"); !s) return fail(s.error());
        if (auto s = store->exec("PRAGMA synchronous=FULL"); !s) return fail(s.error());
        if (auto s = store->exec(kSchema); !s) return fail(s.error());
    } else {
        Stmt check(db, "SELECT value FROM meta WHERE key = 'schema'");
        if (!check.ok() || check.step() != SQLITE_ROW) {
            return fail(path.string() + " is not a kiosk statistics database (no schema version)");
        }
    }
    return store;
}

StatsStore::~StatsStore() { sqlite3_close(db_); }

Status StatsStore::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = path_.string() + ": " + (err ? err : "SQLite error");
        sqlite3_free(err);
        return fail(std::move(msg));
    }
    return Ok{};
}

Status StatsStore::append(std::vector<Event> events) {
    if (events.empty()) return Ok{};
    if (lastVisit_ < 0) {
        const std::string v = meta("last_visit");
        lastVisit_ = v.empty() ? 0 : std::strtoll(v.c_str(), nullptr, 10);
    }
    Transaction tx(db_);
    if (!tx.began()) return dbError(db_, "cannot write to " + path_.string());
    Stmt ins(db_,
             "INSERT INTO events(minute, kind, subject, item, visit, seconds, content_version) VALUES(?,?,?,?,?,?,?)");
    Stmt hour(
        db_,
        "INSERT INTO hourly(hour, kind, subject, item, count, seconds) VALUES(?,?,?,?,1,?) "
        "ON CONFLICT(hour, kind, subject, item) DO UPDATE SET count = count + 1, seconds = seconds + excluded.seconds");
    if (!ins.ok() || !hour.ok()) return dbError(db_, "cannot prepare the statistics insert");
    std::int64_t visitCounter = lastVisit_, current = currentVisit_;
    for (Event& e : events) {
        if (e.kind == EventKind::VisitStarted) current = ++visitCounter;
        e.visit = current;
        if (e.kind == EventKind::VisitEnded) current = 0;
        const std::string kind = kindName(e.kind);
        ins.bind(1, e.minute).bind(2, kind).bind(3, e.subject).bind(4, e.item).bind(5, e.visit).bind(6, e.seconds);
        ins.bind(7, e.contentVersion);
        if (ins.step() != SQLITE_DONE) return dbError(db_, "cannot store a statistics event");
        ins.reset();
        const std::int64_t h = e.minute >= 0 ? e.minute / 60 : (e.minute - 59) / 60;
        hour.bind(1, h).bind(2, kind).bind(3, e.subject).bind(4, e.item).bind(5, e.seconds);
        if (hour.step() != SQLITE_DONE) return dbError(db_, "cannot update the hourly counts");
        hour.reset();
    }
    Stmt m(
        db_,
        "INSERT INTO meta(key, value) VALUES('last_visit', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    m.bind(1, std::to_string(visitCounter));
    if (m.step() != SQLITE_DONE) return dbError(db_, "cannot store the visit counter");
    if (!tx.commit()) return dbError(db_, "cannot commit the statistics");
    lastVisit_ = visitCounter;
    currentVisit_ = current;
    return Ok{};
}

Result<RetentionReport> StatsStore::applyRetention(const RetentionPolicy& policy, std::int64_t nowMinute) {
    RetentionReport report;
    Transaction tx(db_);
    if (!tx.began()) return dbError(db_, "cannot apply the retention to " + path_.string());
    const std::int64_t rawLimit = nowMinute - std::int64_t(policy.rawDays) * 24 * 60;
    {
        Stmt del(db_, policy.keepUnsent ? "DELETE FROM events WHERE minute < ? AND sent = 1"
                                        : "DELETE FROM events WHERE minute < ?");
        del.bind(1, rawLimit);
        if (del.step() != SQLITE_DONE) return dbError(db_, "cannot delete old events");
        report.rawDeleted = sqlite3_changes(db_);
    }
    // Over the cap: sent rows go first, then the oldest unsent (counted, so staff know).
    for (const char* sql : {"DELETE FROM events WHERE id IN (SELECT id FROM events WHERE sent = 1 ORDER BY id "
                            "LIMIT max(0, (SELECT count(*) FROM events) - ?))",
                            "DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY id "
                            "LIMIT max(0, (SELECT count(*) FROM events) - ?))"}) {
        Stmt cap(db_, sql);
        cap.bind(1, policy.maxRawRows);
        if (cap.step() != SQLITE_DONE) return dbError(db_, "cannot cap the events table");
        const bool unsentPass = std::string(sql).find("sent = 1") == std::string::npos;
        (unsentPass ? report.unsentDeleted : report.rawDeleted) += sqlite3_changes(db_);
    }
    {
        Stmt del(db_, "DELETE FROM hourly WHERE hour < ?");
        del.bind(1, (nowMinute - std::int64_t(policy.hourlyDays) * 24 * 60) / 60);
        if (del.step() != SQLITE_DONE) return dbError(db_, "cannot delete old hourly counts");
        report.hourlyDeleted = sqlite3_changes(db_);
    }
    if (report.unsentDeleted > 0) {
        const std::string before = meta("unsent_deleted");
        const std::int64_t total =
            (before.empty() ? 0 : std::strtoll(before.c_str(), nullptr, 10)) + report.unsentDeleted;
        Stmt m(db_,
               "INSERT INTO meta(key, value) VALUES('unsent_deleted', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        m.bind(1, std::to_string(total));
        if (m.step() != SQLITE_DONE) return dbError(db_, "cannot count the deleted events");
    }
    if (!tx.commit()) return dbError(db_, "cannot commit the retention");
    return report;
}

Result<std::vector<StoredEvent>> StatsStore::unsent(std::size_t limit) {
    Stmt q(db_,
           "SELECT id, minute, kind, subject, item, visit, seconds, content_version FROM events "
           "WHERE sent = 0 ORDER BY id LIMIT ?");
    if (!q.ok()) return dbError(db_, "cannot read the upload queue");
    q.bind(1, static_cast<std::int64_t>(limit));
    std::vector<StoredEvent> out;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        StoredEvent s;
        s.id = q.i64(0);
        s.event.minute = q.i64(1);
        s.event.kind = parseKind(q.text(2)).value_or(EventKind::Screen);
        s.event.subject = q.text(3);
        s.event.item = q.text(4);
        s.event.visit = q.i64(5);
        s.event.seconds = q.i64(6);
        s.event.contentVersion = q.i64(7);
        out.push_back(std::move(s));
    }
    if (rc != SQLITE_DONE) return dbError(db_, "cannot read the upload queue");
    return out;
}

Status StatsStore::markSent(const std::vector<std::int64_t>& ids) {
    Transaction tx(db_);
    if (!tx.began()) return dbError(db_, "cannot mark events as sent");
    Stmt u(db_, "UPDATE events SET sent = 1 WHERE id = ?");
    for (const std::int64_t id : ids) {
        u.bind(1, id);
        if (u.step() != SQLITE_DONE) return dbError(db_, "cannot mark events as sent");
        u.reset();
    }
    if (!tx.commit()) return dbError(db_, "cannot commit the sent marks");
    return Ok{};
}

Result<std::vector<HourlyRow>> StatsStore::hourly() {
    Stmt q(db_, "SELECT hour, kind, subject, item, count, seconds FROM hourly ORDER BY hour, kind, subject, item");
    if (!q.ok()) return dbError(db_, "cannot read the hourly counts of " + path_.string());
    std::vector<HourlyRow> out;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        const auto kind = parseKind(q.text(1));
        if (!kind) continue;  // a kind from a later version: not ours to report
        out.push_back({q.i64(0), *kind, q.text(2), q.text(3), q.i64(4), q.i64(5)});
    }
    if (rc != SQLITE_DONE) return dbError(db_, "cannot read the hourly counts of " + path_.string());
    return out;
}

Result<std::int64_t> StatsStore::countEvents(bool unsentOnly) {
    Stmt q(db_, unsentOnly ? "SELECT count(*) FROM events WHERE sent = 0" : "SELECT count(*) FROM events");
    if (!q.ok() || q.step() != SQLITE_ROW) return dbError(db_, "cannot count the events");
    return q.i64(0);
}

Status StatsStore::setMeta(const std::string& key, const std::string& value) {
    Stmt m(db_, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    m.bind(1, key).bind(2, value);
    if (m.step() != SQLITE_DONE) return dbError(db_, "cannot write " + key);
    return Ok{};
}

std::string StatsStore::meta(const std::string& key) {
    Stmt q(db_, "SELECT value FROM meta WHERE key = ?");
    if (!q.ok()) return {};
    q.bind(1, key);
    return q.step() == SQLITE_ROW ? q.text(0) : std::string();
}

Result<std::string> StatsStore::integrityCheck() {
    Stmt q(db_, "PRAGMA integrity_check");
    if (!q.ok() || q.step() != SQLITE_ROW) return dbError(db_, "cannot check " + path_.string());
    return q.text(0);
}

}  // namespace kiosk::core::stats
