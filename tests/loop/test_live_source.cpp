// A live source on the loop (issue 11): the App follows a published sheet (a file://
// URL here, through the same HTTP client), shows its edit at the attract loop's next safe
// point like a synced version, and keeps the last good programme when the sheet breaks.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/feed_builder.hpp"
#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;
namespace fs = std::filesystem;

namespace {
struct Folder {
    fs::path path;
    explicit Folder(const std::string& name)
        : path(fs::temp_directory_path() / ("kiosk-loop-live-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Folder() { fs::remove_all(path); }
};

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// An edit of the published sheet: a later modification time each time, as a server that
// answers If-Modified-Since (file:// does too) would see it
void publish(const fs::path& file, const std::string& text) {
    static int step = 0;
    write(file, text);
    fs::last_write_time(file, fs::file_time_type::clock::now() + std::chrono::seconds(10 * ++step));
}

const char* kSheet =
    "Date;Début;Fin;Titre;Lieu;Commune\r\n19/10/2027;14h30;16h00;Atelier tablette;Médiathèque;Volvic\r\n";

// A one-day feed whose attract loop is the day's programme, one 4 s slide.
void writeFeed(const fs::path& dir) {
    write(dir / "event.json", R"({"id": "semaine", "name": "Semaine", "start_date": "2027-10-19",
        "end_date": "2027-10-19", "time_zone": "Europe/Paris", "organiser": {"name": "Mairie"}})");
    write(dir / "places.json", R"({"places": [{"id": "mediatheque", "name": "Médiathèque", "commune": "Volvic",
        "coordinates": {"lat": 45.87, "lon": 3.04}, "access": ["step_free"]}]})");
    write(dir / "sessions.json", R"({"sessions": [{"id": "accueil", "title": "Accueil du matin", "type": "other",
        "start": "2027-10-19T09:00:00+02:00", "end": "2027-10-19T10:00:00+02:00", "place": "mediatheque"}]})");
    write(dir / "playlist.json", R"({"slides": [{"kind": "programme", "seconds": 4}]})");
    (void)kiosk::core::buildFeed(dir, kiosk::core::Instant{});
}

// Real time for the live worker (it fetches on its own thread), the loop turning meanwhile.
bool waitForAttempts(LoopHarness& h, std::uint64_t attempts) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (h.app().live()->attempts() < attempts && std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    h.settle();
    return h.app().live()->attempts() >= attempts;
}
}  // namespace

TEST_CASE("a live sheet's edit shows at the next slide, and a broken sheet keeps the last good programme",
          "[loop][live]") {
    Folder feed("feed"), site("site"), cache("cache");
    writeFeed(feed.path);
    write(site.path / "programme.csv", kSheet);
    LoopSetup setup;
    setup.now = "2027-10-19T09:30:00+02:00";
    // the 43" landscape screen (the 10" tablet's programme slide has no room for a row)
    setup.width = 1920;
    setup.height = 1080;
    setup.diagonal = 43;
    setup.distance = 900;
    setup.contentDir = feed.path.string();
    setup.configure = [&](kiosk::app::Runtime& rt) {
        auto& c = rt.config;
        c.cacheDir = cache.path.string();
        c.allowedFileRoots = {site.path.string()};
        c.live.url = "file://" + (site.path / "programme.csv").string();
        c.live.pollSeconds = 600;
    };
    LoopHarness h(setup);
    REQUIRE(h.ok());
    REQUIRE(h.app().live());
    REQUIRE(waitForAttempts(h, 1));
    h.runFor(5);  // the next slide: a safe point
    INFO(h.allText());
    CHECK(h.shows("Atelier tablette"));
    CHECK(h.shows("Accueil du matin"));  // the feed's own session is merged, not replaced

    std::string edited = kSheet;
    edited.replace(edited.find("Atelier tablette"), 16, "Atelier tablette (complet)");
    publish(site.path / "programme.csv", edited);
    h.app().live()->pollNow();  // the worker keeps real time: the interval is the end-to-end test's
    REQUIRE(waitForAttempts(h, 2));
    CHECK_FALSE(h.shows("Atelier tablette (complet)"));  // arrived, waiting for the safe point
    h.runFor(5);
    INFO(h.allText());
    CHECK(h.shows("Atelier tablette (complet)"));
    CHECK(h.presentedIsCurrent());
    CHECK_FALSE(h.app().live()->status().failing);

    publish(site.path / "programme.csv", "Nom;Prénom\r\nA;B\r\n");  // someone broke the sheet
    h.app().live()->pollNow();
    REQUIRE(waitForAttempts(h, 3));
    h.runFor(9);
    CHECK(h.shows("Atelier tablette (complet)"));
    const auto status = h.app().live()->status();
    CHECK(status.failing);
    CHECK(status.state.find("last good programme is kept") != std::string::npos);
    const auto file = kiosk::core::sync::readLiveStatusFile(cache.path);
    REQUIRE(file);
    CHECK(file->failing);
    CHECK(file->sessions == 2);
}
