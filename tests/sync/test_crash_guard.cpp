// The crash guard: a version that kills the kiosk twice in a row within its first minute
// is marked bad and the previous one shown; real child processes killed with SIGKILL, and
// the state file's sequence driven directly.
#include <catch2/catch.hpp>

#include "core/sync/cache.hpp"
#include "core/sync/crash_guard.hpp"
#include "core/sync/sync_engine.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::sync::CrashGuard;
using core::sync::SyncEngine;
using core::sync::SyncOutcome;

namespace {

// Runs the stand-in kiosk until it says what it shows, then kills it with SIGKILL.
std::string startAndKill(const fs::path& cache, const fs::path& logs, const std::string& mode = "hang") {
    static int run = 0;
    const fs::path log = logs / ("child-" + std::to_string(++run) + ".log");  // a fresh file: no earlier run's output
    Process p({KIOSK_CRASH_CHILD, cache.string(), KIOSK_BUNDLED_CONTENT, mode}, log);
    std::string out;
    for (int i = 0; i < 500; ++i) {
        out = fs::exists(log) ? readText(log) : "";
        if (out.find("child shows: ") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    p.kill(SIGKILL);
    CHECK(p.wait() == 128 + SIGKILL);
    return out;
}
}  // namespace

TEST_CASE("crash guard: a version killed twice within its first minute is marked bad, the previous one shown",
          "[sync][crashguard]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache"), logs("logs");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    feed.sessions["sessions"][0]["room"] = "salle-b";
    publish(feed, 2);
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);

    CHECK_THAT(startAndKill(cache.path(), logs.path()), Catch::Contains("child shows: cache version 2"));
    CHECK_THAT(startAndKill(cache.path(), logs.path()), Catch::Contains("child shows: cache version 2"));
    const std::string third = startAndKill(cache.path(), logs.path());
    CHECK_THAT(third, Catch::Contains("child shows: cache version 1"));
    CHECK_THAT(third, Catch::Contains("version 2 stopped the kiosk 2 times"));
    CHECK_THAT(third, Catch::Contains("crash guard"));  // the log (stderr) says so too
    core::sync::ContentCache c(cache.path());
    CHECK(c.currentVersion() == 1);
    CHECK(c.isBad(2));
    const auto status = core::sync::readStatusFile(cache.path());
    REQUIRE(status);
    CHECK_THAT(status.value().crashGuard, Catch::Contains("version 2") && Catch::Contains("showing version 1"));
    CHECK(status.value().badVersions == std::vector<std::int64_t>{2});
    // Sync does not bring it back; the next start still shows version 1.
    CHECK(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::NothingNew);
    CHECK_THAT(startAndKill(cache.path(), logs.path()), Catch::Contains("child shows: cache version 1"));
    // A corrected version 3 is installed and shown.
    feed.sessions["sessions"][0]["room"] = "salle-a";
    publish(feed, 3);
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    CHECK_THAT(startAndKill(cache.path(), logs.path(), "stable"), Catch::Contains("child shows: cache version 3"));
}

TEST_CASE("crash guard: a version that reached stable is not blamed for a later crash", "[sync][crashguard]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache"), logs("logs");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    // Stable, crash, stable, crash: never two unstable starts in a row.
    for (int i = 0; i < 2; ++i) {
        CHECK_THAT(startAndKill(cache.path(), logs.path(), "stable"), Catch::Contains("child shows: cache version 1"));
        CHECK_THAT(startAndKill(cache.path(), logs.path()), Catch::Contains("child shows: cache version 1"));
    }
    CHECK_FALSE(core::sync::ContentCache(cache.path()).isBad(1));
}

TEST_CASE("crash guard: the state sequence, down to the bundled content and a neutral screen", "[sync][crashguard]") {
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    {
        // Nothing cached: the bundled content, shown twice without reaching stable.
        for (int i = 0; i < 2; ++i) {
            CrashGuard guard(cache.path(), clock);
            const auto start = guard.startContent(KIOSK_BUNDLED_CONTENT);
            REQUIRE(start.load.content);
            CHECK(start.source == "bundled");
        }
        CrashGuard guard(cache.path(), clock);
        const auto start = guard.startContent(KIOSK_BUNDLED_CONTENT);
        CHECK_FALSE(start.load.content);  // the app shows a neutral screen
        CHECK(start.source == "none");
        CHECK_THAT(start.problem, Catch::Contains("bundled content"));
        CHECK_THAT(core::sync::readStatusFile(cache.path()).value().crashGuard, Catch::Contains("neutral screen"));
    }
    // markStable() after each start: never marked bad, however many starts.
    TempDir other("cache");
    for (int i = 0; i < 4; ++i) {
        CrashGuard guard(other.path(), clock);
        REQUIRE(guard.beforeShowing(5).show);
        REQUIRE(guard.markStable());
    }
    // A corrupt state file is no history, not a crash.
    writeText(other / "crash_guard.json", "{ not json");
    CrashGuard guard(other.path(), clock);
    CHECK(guard.beforeShowing(5).show);
    CHECK(guard.beforeShowing(5).show);
    CHECK_FALSE(guard.beforeShowing(5).show);  // two unstable starts recorded: the third refuses
}
