// Helpers for the statistics tests: a scripted visitor that drives a Sink through a
// manual clock, and readers of what a database holds. Header-only.
#pragma once

#include <map>
#include <string>
#include <tuple>

#include "../core/feed_fixture.hpp"
#include "core/clock.hpp"
#include "core/stats/recorder.hpp"
#include "core/stats/store.hpp"

namespace kiosk::test {

// 2027-10-20T08:00:00Z (10:00 in Paris), the bundled event's first day.
inline core::Instant eventMorning() { return core::Instant(std::chrono::seconds(1824019200)); }

// Counts of one database's hourly table by (kind, subject, item).
using Counts = std::map<std::tuple<std::string, std::string, std::string>, std::int64_t>;

inline Counts hourlyCounts(const fs::path& db) {
    auto store = core::stats::StatsStore::open(db, core::stats::StatsStore::Mode::ReadOnly);
    if (!store) throw std::runtime_error(store.error());
    auto rows = store.value()->hourly();
    if (!rows) throw std::runtime_error(rows.error());
    Counts out;
    for (const auto& r : rows.value()) out[{core::stats::kindName(r.kind), r.subject, r.item}] += r.count;
    return out;
}

inline core::stats::RecorderOptions recorderOptions(const fs::path& db, const std::string& kiosk) {
    core::stats::RecorderOptions o;
    o.database = db;
    o.kioskId = kiosk;
    return o;
}

inline std::int64_t totalCount(core::stats::StatsStore& store) {
    const auto rows = store.hourly();
    if (!rows) throw std::runtime_error(rows.error());
    std::int64_t n = 0;
    for (const auto& r : rows.value()) n += r.count;
    return n;
}

// One visit as the UI makes it: wake-up, home, a session and its QR code, the map, then
// `seconds` later the idle return.
inline void scriptedVisit(core::stats::Sink& sink, core::ManualClock& clock, const std::string& session,
                          double seconds) {
    sink.visitStarted();
    sink.screenViewed("home");
    sink.screenViewed("programme");
    sink.filterUsed("type:workshop");
    sink.itemViewed("session", session);
    sink.qrShown(session);
    clock.advance(seconds / 2);
    sink.screenViewed("maps");
    sink.itemViewed("place", "hotel-departement");
    clock.advance(seconds / 2);
    sink.visitEnded();
}

}  // namespace kiosk::test
