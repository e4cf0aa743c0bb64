// Counting through a scripted visit on the real loop: the UI reports the visit, the
// screens and items viewed and the language to the statistics recorder (issue 14).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "core/stats/store.hpp"
#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;
namespace st = kiosk::core::stats;

TEST_CASE("a scripted visit on the loop is counted: visit, screens, item and language", "[loop][stats]") {
    const auto db =
        std::filesystem::temp_directory_path() / ("kiosk-loop-stats-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(db);
    {
        LoopSetup s;
        s.idleSeconds = 10;
        s.statsDatabase = db.string();
        LoopHarness h(s);
        REQUIRE(h.ok());
        h.tap(640, 400);  // wakes: a visit starts, Home is viewed
        REQUIRE(h.ui().currentScreen() == "home");
        // A session opened as a card tap opens it (Navigator::go), between frames.
        const std::string id = h.ui().content()->sessions.front().id;
        h.app().inbox().post([&h, id] { h.ui().go(kiosk::ui::Route::session(id)); });
        h.settle();
        REQUIRE(h.ui().currentScreen() == "session");
        h.ui().toggleLanguage();
        h.settle();
        h.runFor(31);  // idle return: the visit ends
        REQUIRE(h.ui().currentScreen() == "attract");
    }  // the recorder writes what is queued when the app goes
    auto store = st::StatsStore::open(db, st::StatsStore::Mode::ReadOnly);
    REQUIRE(store);
    auto rows = store.value()->hourly();
    REQUIRE(rows);
    std::map<std::string, std::int64_t> counts;
    for (const auto& r : rows.value()) counts[std::string(st::kindName(r.kind)) + ":" + r.subject] += r.count;
    CHECK(counts["visit_start:"] == 1);
    CHECK(counts["visit_end:"] == 1);
    CHECK(counts["screen:home"] >= 1);
    CHECK(counts["screen:session"] == 1);
    CHECK(counts["item:session"] == 1);
    CHECK(counts["language:en"] == 1);
    std::filesystem::remove(db);
}
