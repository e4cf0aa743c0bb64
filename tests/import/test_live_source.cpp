// A live CSV source served by nginx on 127.0.0.1 that changes and then breaks: the
// kiosk's programme follows the change, keeps hand-made items, and keeps the last good
// programme (saying so) when the source breaks or the server goes away.
#include <catch2/catch.hpp>

#include "../sync/sync_fixture.hpp"
#include "core/feed_builder.hpp"
#include "core/import/live_source.hpp"
#include "core/sync/live_status.hpp"
#include "core/sync/staff_socket.hpp"

using namespace kiosk;
using namespace kiosk::core;
using test::TempDir;
using test::writeText;
namespace fs = std::filesystem;

namespace {
const char* kSheet =
    "Date;Début;Fin;Titre;Lieu;Commune\r\n19/10/2027;14h30;16h00;Atelier tablette;Médiathèque;Volvic\r\n";

void writeFeed(const fs::path& dir) {
    writeText(dir / "event.json", R"({"id": "semaine", "name": "Semaine", "start_date": "2027-10-18",
        "end_date": "2027-10-24", "time_zone": "Europe/Paris", "organiser": {"name": "Mairie"}})");
    writeText(dir / "places.json", R"({"places": [{"id": "mediatheque", "name": "Médiathèque", "commune": "Volvic",
        "coordinates": {"lat": 45.87, "lon": 3.04}, "access": ["step_free"]}]})");
    writeText(dir / "sessions.json", R"({"sessions": [{"id": "accueil", "title": "Accueil", "type": "other",
        "start": "2027-10-19T09:00:00+02:00", "end": "2027-10-19T10:00:00+02:00", "place": "mediatheque"}]})");
}

const Session* titled(const Content& c, const std::string& title) {
    for (const auto& s : c.sessions) {
        if (s.title.str(Lang::Fr) == title) return &s;
    }
    return nullptr;
}

// nginx's ETag is made of size and modification time: move the time on with each edit
void publish(const fs::path& file, const std::string& text, int step) {
    writeText(file, text);
    fs::last_write_time(file, fs::file_time_type::clock::now() + std::chrono::seconds(10 * step));
}
}  // namespace

TEST_CASE("Live source: a published sheet that changes, then breaks, then goes away") {
    TempDir feed("live-feed"), work("live-work"), site("live-site");
    writeFeed(feed.path());
    publish(site / "programme.csv", kSheet, 0);
    test::Nginx server(site.path());
    import::LiveSource source({server.url("programme.csv"), import::Format::CsvSessions}, feed.path(), work.path());
    const Instant now = test::systemNow();

    REQUIRE(source.poll(now) == import::LiveSource::Outcome::Updated);
    auto c = source.current();
    REQUIRE(c);
    CHECK(c->sessions.size() == 2);  // the hand-made session and the sheet's
    REQUIRE(titled(*c, "Atelier tablette"));
    CHECK(titled(*c, "Accueil"));
    CHECK(c->findPlace("mediatheque")->access == kStepFree);  // hand-made place data kept
    CHECK(source.status().find("converted") != std::string::npos);

    CHECK(source.poll(now) == import::LiveSource::Outcome::Unchanged);  // 304: nothing fetched again

    std::string changed = kSheet;
    changed.replace(changed.find("Atelier tablette"), 16, "Atelier tablette (complet)");
    publish(site / "programme.csv", changed, 1);
    REQUIRE(source.poll(now) == import::LiveSource::Outcome::Updated);
    c = source.current();
    CHECK(titled(*c, "Atelier tablette (complet)"));
    CHECK_FALSE(titled(*c, "Atelier tablette"));

    publish(site / "programme.csv", "Nom;Prénom\r\nA;B\r\n", 2);  // someone broke the sheet
    CHECK(source.poll(now) == import::LiveSource::Outcome::Failed);
    CHECK(source.current() == c);
    CHECK(source.status().find("last good programme is kept") != std::string::npos);
    CHECK(source.status().find("no column") != std::string::npos);

    server.stop();
    CHECK(source.poll(now) == import::LiveSource::Outcome::Failed);
    CHECK(source.current() == c);
    CHECK(fs::exists(work / "current/manifest.json"));
    // the feed's own folder is never modified
    CHECK_FALSE(fs::exists(feed / "manifest.json"));
}

TEST_CASE("Live source: the merged programme keeps the feed's version, and a new feed version is merged again") {
    TempDir feed("live-feed-v"), feed2("live-feed-v2"), work("live-work-v"), site("live-site-v");
    writeFeed(feed.path());
    REQUIRE(buildFeed(feed.path(), test::systemNow(), {}, 6).written);  // published as version 7
    writeFeed(feed2.path());
    writeText(feed2 / "sessions.json", R"({"sessions": [{"id": "accueil", "title": "Accueil", "type": "other",
        "start": "2027-10-19T09:00:00+02:00", "end": "2027-10-19T10:00:00+02:00", "place": "mediatheque"},
        {"id": "cloture", "title": "Clôture", "type": "other", "start": "2027-10-19T18:00:00+02:00",
        "end": "2027-10-19T19:00:00+02:00", "place": "mediatheque"}]})");
    REQUIRE(buildFeed(feed2.path(), test::systemNow(), {}, 7).written);  // the next synced version, 8
    publish(site / "programme.csv", kSheet, 0);
    test::Nginx server(site.path());
    import::LiveSource source({server.url("programme.csv"), import::Format::CsvSessions}, feed.path(), work.path());
    const Instant now = test::systemNow();
    REQUIRE(source.poll(now) == import::LiveSource::Outcome::Updated);
    CHECK(source.current()->manifest.version == 7);

    server.stop();  // the new feed is merged with the last good sheet, without a request
    REQUIRE(source.setFeedDir(feed2.path(), now) == import::LiveSource::Outcome::Updated);
    const auto c = source.current();
    CHECK(c->manifest.version == 8);
    CHECK(titled(*c, "Clôture"));
    CHECK(titled(*c, "Atelier tablette"));
    CHECK_FALSE(source.failing());
}

TEST_CASE("Live source: its status file and the staff status lines") {
    TempDir cache("live-status");
    bool failing = true;
    CHECK(sync::formatLiveStatus(cache.path(), failing).empty());  // no live source: no lines
    CHECK_FALSE(failing);
    sync::LiveSourceStatus s;
    s.url = "https://framacalc.org/programme.csv";
    s.format = "csv";
    s.state = "source ... failed: no column \"date\"; the last good programme is kept";
    s.failing = true;
    s.hasProgramme = true;
    s.sessions = 12;
    s.consecutiveFailures = 2;
    s.lastSuccess = test::systemNow();
    REQUIRE(sync::writeLiveStatusFile(cache.path(), s));
    const auto back = sync::readLiveStatusFile(cache.path());
    REQUIRE(back);
    CHECK(back->state == s.state);
    CHECK(back->sessions == 12);
    CHECK(back->lastSuccess.has_value());
    const std::string lines = sync::formatLiveStatus(cache.path(), failing);
    CHECK(failing);
    CHECK(lines.find("live       https://framacalc.org/programme.csv (csv)") != std::string::npos);
    CHECK(lines.find("PROBLEM    the live source failed 2 times in a row; the kiosk shows its last good programme") !=
          std::string::npos);
    // the running kiosk's answer to `kiosk status` carries the same lines
    const std::string staff = sync::formatStaffStatus(cache.path(), sync::SyncStatus{}, test::systemNow());
    CHECK(staff.find("live state source ... failed") != std::string::npos);
}
