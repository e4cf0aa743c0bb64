// A power cut while writing, as near as a test gets: a child process records visits as
// fast as it can and is killed with SIGKILL; the database must reopen consistent.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "stats_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::stats::StatsStore;

namespace {

[[noreturn]] void recordForever(const fs::path& db) {
    core::ManualClock clock(eventMorning());
    core::stats::StatsRecorder recorder(recorderOptions(db, "borne-crash"), clock);
    for (;;) {
        scriptedVisit(recorder, clock, "atelier-robots", 40);
        clock.advance(20);
    }
}

std::int64_t eventsNow(const fs::path& db) {
    auto store = StatsStore::open(db, StatsStore::Mode::ReadOnly);
    if (!store) return 0;
    auto n = store.value()->countEvents();
    return n ? n.value() : 0;
}

}  // namespace

TEST_CASE("SIGKILL while writing leaves a database that reopens consistent", "[stats][crash]") {
    TempDir dir("stats-crash");
    const fs::path db = dir / "stats.sqlite";
    std::int64_t before = 0;
    for (int round = 0; round < 3; ++round) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) recordForever(db);
        // Kill it mid-stream: once it has written a few batches more than last round.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (eventsNow(db) < before + 200 && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(7 * round));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFSIGNALED(status));

        auto store = StatsStore::open(db);
        REQUIRE(store);
        auto& s = *store.value();
        CHECK(s.integrityCheck().value() == "ok");
        const std::int64_t events = s.countEvents().value();
        INFO("round " << round << ": " << events << " events");
        CHECK(events > before);  // what was committed before the kill survived
        // Every committed event is in the hourly counts and no half batch is: the two
        // are written in one transaction.
        CHECK(totalCount(s) == events);
        // Visit numbers are never reused after the crash.
        const auto rows = s.unsent(static_cast<std::size_t>(events)).value();
        std::int64_t lastVisit = 0;
        for (const auto& r : rows) {
            if (r.event.kind == core::stats::EventKind::VisitStarted) {
                CHECK(r.event.visit > lastVisit);
                lastVisit = r.event.visit;
            }
        }
        CHECK(std::to_string(lastVisit) == s.meta("last_visit"));
        before = events;
    }
    // And it takes new events again.
    core::ManualClock clock(eventMorning());
    {
        core::stats::StatsRecorder recorder(recorderOptions(db, "borne-crash"), clock);
        recorder.screenViewed("home");
        recorder.flush();
        CHECK(recorder.status().written == 1);
    }
    CHECK(eventsNow(db) == before + 1);
}
