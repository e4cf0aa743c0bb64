// The panel's sync now and roll back on a kiosk that follows a file:// feed, through the
// real loop and the real sync worker: the results appear on the panel and the cache
// stays consistent (the kiosk holds its lock; the worker does the rollback); and the
// crash guard's row when a version was set aside before the start (issue 21).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/sync/cache.hpp"
#include "core/sync/crash_guard.hpp"
#include "core/sync/sync_engine.hpp"
#include "core/sync/sync_service.hpp"
#include "staff/staff_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {
struct FeedKiosk {
    fs::path root;
    FeedKiosk() {
        root = fs::temp_directory_path() / ("kiosk-staff-sync-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(KIOSK_BUNDLED_CONTENT, root / "feed", fs::copy_options::recursive);
        fs::remove(root / "feed" / "manifest.json");
        (void)core::buildFeed(root / "feed", instantAt("2027-10-20T10:00:00+02:00"));
    }
    ~FeedKiosk() { fs::remove_all(root); }
    LoopSetup setup() const {
        LoopSetup s = staffSetup();
        const fs::path r = root;
        s.configure = [r](app::Runtime& rt) {
            rt.config.staffPinHash = staffPinHash();
            rt.config.feedUrl = "file://" + (r / "feed" / "manifest.json").string();
            rt.config.allowedFileRoots = {r.string()};
            rt.config.cacheDir = (r / "cache").string();
            rt.config.stateDir = (r / "state").string();
            rt.config.contentDir = builtBundledFeed();
            rt.options.contentDir.clear();
        };
        return s;
    }
};
}  // namespace

TEST_CASE("sync now and roll back from the panel, with their results on it") {
    FeedKiosk feed;
    LoopHarness h(feed.setup());
    REQUIRE(waitFor(
        h, [&] { return h.app().showingContent() && h.app().sync() && h.app().sync()->status().currentVersion == 1; }));

    // The organisers publish version 2.
    (void)core::buildFeed(feed.root / "feed", instantAt("2027-10-20T11:00:00+02:00"), {}, 1);
    staffGesture(h);
    enterPin(h, kStaffPin);
    REQUIRE(h.app().staff().panelShown());
    CHECK(h.shows("joignable"));

    h.tapItem("Synchroniser maintenant");
    REQUIRE(waitFor(h, [&] { return h.shows("Synchronisation faite"); }));
    CHECK(h.app().sync()->status().currentVersion == 2);

    h.tapItem("Revenir à la version précédente");
    REQUIRE(waitFor(h, [&] { return h.shows("Version précédente remise : version 1"); }));
    core::sync::ContentCache cache(feed.root / "cache");
    CHECK(cache.currentVersion() == 1);
    const auto start = core::sync::SyncService::loadCurrentFromCache(feed.root / "cache", builtBundledFeed());
    CHECK(start.version == 1);
    CHECK(start.load.content);
    CHECK(start.problem.empty());

    // Closing shows the rolled-back version to the next visitor.
    h.tapItem("Fermer");
    CHECK_FALSE(h.app().staff().active());
    REQUIRE(h.ui().content());
    CHECK(h.ui().content()->manifest.version == 1);
}

TEST_CASE("a sync that fails says why on the panel") {
    FeedKiosk feed;
    LoopHarness h(feed.setup());
    REQUIRE(waitFor(
        h, [&] { return h.app().showingContent() && h.app().sync() && h.app().sync()->status().currentVersion == 1; }));
    fs::remove(feed.root / "feed" / "manifest.json");
    staffGesture(h);
    enterPin(h, kStaffPin);
    REQUIRE(h.app().staff().panelShown());
    h.tapItem("Synchroniser maintenant");
    REQUIRE(waitFor(h, [&] { return h.shows("Échec de la synchronisation"); }));
    CHECK(h.app().staff().view().resultFailed);
    CHECK(h.app().ui().content());  // the kiosk keeps its content
}

TEST_CASE("the panel's crash guard row, the metrics' state and the loop's own copy say which version is set aside") {
    FeedKiosk feed;
    const fs::path cache = feed.root / "cache";
    core::ManualClock clock(instantAt("2027-10-20T12:00:00+02:00"));
    core::sync::SyncSettings settings;
    settings.feedUrl = "file://" + (feed.root / "feed" / "manifest.json").string();
    settings.cacheDir = cache;
    settings.http.allowedFileRoots = {feed.root.string()};
    REQUIRE(core::sync::SyncEngine(settings, clock).syncOnce().outcome == core::sync::SyncOutcome::Updated);
    // Version 1 drew here; version 2 then crashed two starts in a row (no first frame).
    core::sync::CrashGuard guard(cache, clock);
    REQUIRE(guard.beforeShowing(1).show);
    REQUIRE(guard.markDrawn(1));
    (void)core::buildFeed(feed.root / "feed", instantAt("2027-10-20T11:00:00+02:00"), {}, 1);
    REQUIRE(core::sync::SyncEngine(settings, clock).syncOnce().outcome == core::sync::SyncOutcome::Updated);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(guard.beforeShowing(2).show);
        REQUIRE(guard.recordCrash(2, false, "no first frame within 30 s"));
    }

    LoopHarness h(feed.setup());
    REQUIRE(waitFor(h, [&] {
        return h.app().showingContent() && h.app().crashGuardState().level == core::sync::GuardState::Level::SetAside;
    }));
    CHECK(h.ui().content()->manifest.version == 1);
    CHECK(core::sync::ContentCache(cache).isBad(2));
    CHECK(std::string(h.app().supervisor().health().crashGuardState) == "set_aside");
    CHECK(h.app().supervisor().health().versionsSetAside == 1);
    staffGesture(h);
    enterPin(h, kStaffPin);
    REQUIRE(h.app().staff().panelShown());
    CHECK(h.shows("Garde-fou"));
    CHECK(h.shows("version 2 a fait planter la borne 2 fois de suite"));
    CHECK(h.shows("mise de côté le"));
    CHECK(h.shows("la borne affiche la version 1"));
    h.tapItem("English");
    CHECK(h.shows("Crash guard"));
    CHECK(h.shows("version 2 crashed the kiosk 2 times in a row"));
    CHECK(h.shows("showing version 1; tried again"));
}

TEST_CASE("the panel shows the trusted time with its source, in red when it is far ahead of the system clock") {
    FeedKiosk feed;
    const LoopSetup setup = feed.setup();
    // What a verified server 315 days ahead left in the state folder.
    const core::Instant ahead = instantAt(setup.now) + std::chrono::hours(24 * 315 + 1);
    fs::create_directories(feed.root / "state");
    {
        std::ofstream out(feed.root / "state" / "trusted_time");
        out << "{\"trusted_time\":\"" << core::formatIsoUtc(ahead) << "\",\"source\":\"https://ahead.example\"}\n";
    }
    LoopHarness h(setup);
    REQUIRE(waitFor(h, [&] { return h.app().showingContent() && h.app().sync() && h.app().sync()->attempts() >= 1; }));
    REQUIRE(h.app().sync()->trustedFloor() == ahead);
    staffGesture(h);
    enterPin(h, kStaffPin);
    REQUIRE(h.app().staff().panelShown());
    const auto& view = h.app().staff().view();
    REQUIRE(view.warningRows.size() == 1);
    const auto& row = view.rows.at(view.warningRows[0]);
    CHECK(row.first == "Heure de confiance");
    CHECK_THAT(row.second, Catch::Contains("https://ahead.example") && Catch::Contains("315 jours") &&
                               Catch::Contains("ATTENTION") && Catch::Contains("kiosk --reset-time"));
    CHECK(h.shows("Heure de confiance"));
    h.tapItem("English");
    CHECK(h.app().staff().view().rows.at(view.warningRows[0]).second.find("ahead of the system clock by 315 days") !=
          std::string::npos);
}
