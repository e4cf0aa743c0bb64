// Counting through scripted visits: what the recorder stores, at what granularity, what
// it refuses, and how the retention bounds the database.
#include <catch2/catch.hpp>

#include "stats_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::stats::EventKind;
using core::stats::StatsRecorder;
using core::stats::StatsStore;

TEST_CASE("scripted visits are counted per kind, item and hour with their length", "[stats]") {
    TempDir dir("stats");
    const fs::path db = dir / "stats.sqlite";
    core::ManualClock clock(eventMorning() + std::chrono::seconds(37));
    {
        StatsRecorder recorder(recorderOptions(db, "borne-accueil"), clock);
        recorder.setContentVersion(7);
        scriptedVisit(recorder, clock, "atelier-robots", 120);
        scriptedVisit(recorder, clock, "conference-inaugurale", 60);
        clock.advance(3600);  // the next hour
        scriptedVisit(recorder, clock, "atelier-robots", 30);
        recorder.languageUsed("en");
        recorder.accessibilityUsed("larger_text");
        recorder.flush();
        const auto st = recorder.status();
        CHECK(st.written == 3 * 9 + 2);
        CHECK(st.dropped == 0);
        CHECK(st.rejected == 0);
    }
    const Counts c = hourlyCounts(db);
    CHECK(c.at({"visit_start", "", ""}) == 3);
    CHECK(c.at({"visit_end", "", ""}) == 3);
    CHECK(c.at({"screen", "home", ""}) == 3);
    CHECK(c.at({"item", "session", "atelier-robots"}) == 2);
    CHECK(c.at({"item", "session", "conference-inaugurale"}) == 1);
    CHECK(c.at({"qr", "", "atelier-robots"}) == 2);
    CHECK(c.at({"filter", "type:workshop", ""}) == 3);
    CHECK(c.at({"language", "en", ""}) == 1);
    CHECK(c.at({"accessibility", "larger_text", ""}) == 1);

    auto store = StatsStore::open(db).value();
    CHECK(store->meta("kiosk_id") == "borne-accueil");
    const auto hours = store->hourly().value();
    std::int64_t seconds = 0, firstHourVisits = 0, secondHourVisits = 0;
    const std::int64_t h0 = eventMorning().time_since_epoch().count() / 3600;
    for (const auto& r : hours) {
        seconds += r.seconds;
        if (r.kind == EventKind::VisitStarted) (r.hour == h0 ? firstHourVisits : secondHourVisits) += r.count;
    }
    CHECK(seconds == 120 + 60 + 30);
    CHECK(firstHourVisits == 2);
    CHECK(secondHourVisits == 1);

    // Raw events: whole minutes, visit numbers in order, the content version attached.
    const auto events = store->unsent(1000).value();
    REQUIRE(events.size() == 29);
    CHECK(events.front().event.minute == eventMorning().time_since_epoch().count() / 60);
    CHECK(events.front().event.visit == 1);
    CHECK(events[9].event.visit == 2);
    CHECK(events[18].event.visit == 3);
    CHECK(events.back().event.visit == 0);  // after the idle return: outside a visit
    CHECK(events.front().event.contentVersion == 7);
}

TEST_CASE("names that could be free text are refused, never stored", "[stats]") {
    TempDir dir("stats");
    const fs::path db = dir / "stats.sqlite";
    core::ManualClock clock(eventMorning());
    {
        StatsRecorder recorder(recorderOptions(db, "k1"), clock);
        recorder.screenViewed("home");
        recorder.screenViewed("Jean Dupont");                // a space: free text
        recorder.itemViewed("session", "jean@example.org");  // an e-mail
        recorder.filterUsed("");                             // empty
        recorder.languageUsed("français");                   // not ASCII
        recorder.accessibilityUsed(std::string(65, 'a'));    // too long
        recorder.flush();
        CHECK(recorder.status().rejected == 5);
        CHECK(recorder.status().written == 1);
    }
    CHECK(hourlyCounts(db).size() == 1);
}

TEST_CASE("visit numbers continue after a restart and a missed idle return closes the visit", "[stats]") {
    TempDir dir("stats");
    const fs::path db = dir / "stats.sqlite";
    core::ManualClock clock(eventMorning());
    {
        StatsRecorder recorder(recorderOptions(db, "k1"), clock);
        recorder.visitStarted();
        clock.advance(10);
        recorder.visitStarted();  // no visitEnded in between
        recorder.visitEnded();
        recorder.visitEnded();  // a second idle return changes nothing
    }
    {
        StatsRecorder recorder(recorderOptions(db, "k1"), clock);
        recorder.visitStarted();
        recorder.visitEnded();
    }
    auto store = StatsStore::open(db).value();
    const auto events = store->unsent(100).value();
    REQUIRE(events.size() == 6);
    CHECK(events[0].event.visit == 1);
    CHECK(events[1].event.kind == EventKind::VisitEnded);
    CHECK(events[1].event.seconds == 10);
    CHECK(events[2].event.visit == 2);
    CHECK(events[4].event.visit == 3);
}

TEST_CASE("retention keeps hourly counts, drops old raw rows and caps the table", "[stats]") {
    TempDir dir("stats");
    auto store = StatsStore::open(dir / "stats.sqlite").value();
    const std::int64_t now = eventMorning().time_since_epoch().count() / 60;
    std::vector<core::stats::Event> events;
    for (int i = 0; i < 50; ++i) {  // 40 days ago
        events.push_back({EventKind::Screen, now - 40 * 24 * 60 + i, "home", "", 0, 1, 0});
    }
    for (int i = 0; i < 30; ++i) events.push_back({EventKind::Screen, now - 30 + i, "maps", "", 0, 1, 0});
    REQUIRE(store->append(events));

    core::stats::RetentionPolicy keep;
    keep.keepUnsent = true;  // an upload is configured and nothing was sent yet
    auto r = store->applyRetention(keep, now);
    REQUIRE(r);
    CHECK(r.value().rawDeleted == 0);
    CHECK(store->countEvents().value() == 80);

    const auto old = store->unsent(20).value();
    std::vector<std::int64_t> ids;
    for (const auto& e : old) ids.push_back(e.id);
    REQUIRE(store->markSent(ids));
    r = store->applyRetention(keep, now);
    CHECK(r.value().rawDeleted == 20);  // sent and older than 30 days
    CHECK(store->countEvents().value() == 60);

    core::stats::RetentionPolicy cap;
    cap.maxRawRows = 25;
    r = store->applyRetention(cap, now);
    CHECK(r.value().rawDeleted == 30);    // no upload: old ones go by age
    CHECK(r.value().unsentDeleted == 5);  // then the cap, oldest first
    CHECK(store->countEvents().value() == 25);
    CHECK(store->meta("unsent_deleted") == "5");

    // The hourly counts still hold all 80 views.
    CHECK(totalCount(*store) == 80);
    core::stats::RetentionPolicy shortHourly;
    shortHourly.hourlyDays = 10;
    REQUIRE(store->applyRetention(shortHourly, now));
    CHECK(totalCount(*store) == 30);
}

TEST_CASE("a database that cannot be opened at start is tried again and nothing counted meanwhile is lost", "[stats]") {
    // Issue 21: a lock or a missing mount at start used to turn statistics off for the run.
    TempDir dir("stats-retry");
    const fs::path blocker = dir / "not-yet";
    writeText(blocker, "a file where the database's folder should be");
    const fs::path db = blocker / "stats.sqlite";
    core::ManualClock clock(eventMorning());
    auto options = recorderOptions(db, "borne-accueil");
    options.reopenEverySeconds = 0;  // every batch tries again (the kiosk: every 30 s)
    StatsRecorder recorder(options, clock);
    recorder.languageUsed("en");
    recorder.flush();
    auto st = recorder.status();
    CHECK(st.written == 0);
    CHECK(st.dropped == 0);  // waiting, not lost
    CHECK_FALSE(st.lastError.empty());

    fs::remove(blocker);  // the mount appears, the lock goes away
    recorder.languageUsed("fr");
    recorder.flush();
    st = recorder.status();
    CHECK(st.written == 2);  // the event from before the database opened, and the new one
    CHECK(st.lastError.empty());
    const Counts c = hourlyCounts(db);
    CHECK(c.at({"language", "en", ""}) == 1);
    CHECK(c.at({"language", "fr", ""}) == 1);
}
