// The crash guard on the real loop (issue 9): a kiosk following a feed records the synced
// version before showing it, and marks it stable after 60 s on screen of the loop's own
// (driven) clock, from the guard's worker: the loop wakes for it, the UI thread never waits.
// The guard's worker also counts a start with no first frame within 30 s (issue 21).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

#include "core/sync/cache.hpp"
#include "core/sync/sync_engine.hpp"
#include "loop/loop_harness.hpp"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {
nlohmann::json lastStart(const fs::path& cache) {
    std::ifstream in(cache / "crash_guard.json");
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("starts") || !j["starts"].is_array() || j["starts"].empty()) return {};
    return j["starts"].back();
}
std::string lastCrash(const fs::path& cache) {
    const auto s = lastStart(cache);
    return s.is_object() ? s.value("crash", "") : "";
}
bool becomes(const std::function<bool()>& ok) {  // the guard's worker writes in real time
    for (int i = 0; i < 200; ++i) {
        if (ok()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return ok();
}
}  // namespace

TEST_CASE("crash guard on the loop: a synced version is recorded before it shows and marked stable 60 s later",
          "[loop][crashguard]") {
    const fs::path dir = fs::temp_directory_path() / ("kiosk-loop-guard-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path feed = test::builtBundledFeed(), cache = dir / "cache";
    core::ManualClock clock(test::instantAt("2027-10-20T14:30:00+02:00"));
    test::DrivenEvents events(clock);
    platform::VideoOptions vo;
    vo.headless = true;
    vo.width = 640;
    vo.height = 400;
    auto video = std::move(platform::Video::open(vo).value());
    SDL_InitSubSystem(SDL_INIT_EVENTS);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    app::Runtime rt;
    rt.config = app::defaultConfig();
    if (auto f = app::findFontFile(rt.config.fontFamily, false)) rt.config.fontRegular = f.value();
    if (auto f = app::findFontFile(rt.config.fontFamily, true)) rt.config.fontBold = f.value();
    rt.config.feedUrl = "file://" + (feed / "manifest.json").string();
    rt.config.allowedFileRoots = {feed.string()};
    rt.config.cacheDir = cache.string();
    rt.config.stateDir = (dir / "state").string();
    rt.config.contentDir = KIOSK_BUNDLED_CONTENT;
    app::AppParts parts;
    parts.video = video.get();
    parts.clock = &clock;
    parts.events = &events;
    {
        app::App app(rt, parts);
        REQUIRE(app.init());
        for (int i = 0; i < 1000 && !app.showingContent(); ++i) app.turn(0.01);  // the first sync, in real time
        REQUIRE(app.showingContent());
        const auto version = core::sync::ContentCache(cache).currentVersion();
        REQUIRE(version);
        CHECK(app.ui().content()->manifest.version == *version);
        // Recorded by the sync worker before the UI was offered it; not stable yet.
        auto start = lastStart(cache);
        REQUIRE(start.is_object());
        CHECK(start.value("key", "") == std::to_string(*version));
        CHECK_FALSE(start.value("stable", true));
        // The loop sleeps until the stable time, at most 60 s away.
        CHECK(app.secondsUntilDue() <= 60.0);
        events.advance = true;
        for (int i = 0; i < 1000 && clock.seconds() < 30; ++i) app.turn(30 - clock.seconds());
        CHECK_FALSE(lastStart(cache).value("stable", true));
        for (int i = 0; i < 1000 && clock.seconds() < 61; ++i) app.turn(61 - clock.seconds());
        events.advance = false;
        CHECK(becomes([&] { return lastStart(cache).value("stable", false); }));
        CHECK(lastStart(cache).value("key", "") == std::to_string(*version));
    }
    video.reset();
    SDL_QuitSubSystem(SDL_INIT_EVENTS);
    fs::remove_all(dir);
}

TEST_CASE(
    "crash guard on the loop: no first frame within 30 s of the loop clock counts as a crash, one in time does not",
    "[loop][crashguard]") {
    const fs::path dir = fs::temp_directory_path() / ("kiosk-loop-firstframe-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path feed = test::builtBundledFeed(), cache = dir / "cache";
    core::ManualClock clock(test::instantAt("2027-10-20T14:30:00+02:00"));
    core::sync::SyncSettings settings;
    settings.feedUrl = "file://" + (feed / "manifest.json").string();
    settings.cacheDir = cache;
    settings.http.allowedFileRoots = {feed.string()};
    REQUIRE(core::sync::SyncEngine(settings, clock).syncOnce().outcome == core::sync::SyncOutcome::Updated);
    const auto version = core::sync::ContentCache(cache).currentVersion();
    REQUIRE(version);
    std::vector<core::sync::GuardState> posted;
    std::mutex postedMutex;
    app::ContentGuardOptions options;
    options.tickSeconds = 0.01;
    options.recordCrashes = false;  // no signal handlers in the test process
    options.onState = [&](core::sync::GuardState s) {
        std::lock_guard lock(postedMutex);
        posted.push_back(std::move(s));
    };
    {
        app::ContentGuard guard(cache, clock, options);
        const auto start = guard.startContent(KIOSK_BUNDLED_CONTENT);
        REQUIRE(start.version == *version);
        clock.advance(29);  // the UI thread hangs: showing() never comes
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        REQUIRE(lastStart(cache).is_object());
        CHECK(lastCrash(cache).empty());
        clock.advance(2);
        CHECK(becomes([&] { return lastCrash(cache) == "no first frame within 30 s"; }));
        CHECK(becomes([&] {
            std::lock_guard lock(postedMutex);
            return !posted.empty() && !posted.back().lastCrash.empty();
        }));
        std::lock_guard lock(postedMutex);
        CHECK_THAT(posted.back().lastCrash,
                   Catch::Contains("no first frame within 30 s while showing version " + std::to_string(*version)));
        CHECK(posted.back().level == core::sync::GuardState::Level::Ok);  // one crash sets nothing aside
    }
    {
        app::ContentGuard guard(cache, clock, options);
        REQUIRE(guard.startContent(KIOSK_BUNDLED_CONTENT).version == *version);
        clock.advance(1);
        guard.showing(*version, clock.seconds());  // the first frame, in time
        clock.advance(40);
        CHECK(becomes([&] { return lastStart(cache).is_object() && lastStart(cache).value("drawn", false); }));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        REQUIRE(lastStart(cache).is_object());
        CHECK(lastCrash(cache).empty());
    }
    fs::remove_all(dir);
}
