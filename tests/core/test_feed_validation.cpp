// Feed loading and validation at the three levels of docs/feed-format.md: fatal (no
// content), item error (that item skipped, the rest kept) and warning (nothing skipped).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/feed_loader.hpp"
#include "core/files.hpp"
#include "core/localized_text.hpp"
#include "core/model.hpp"
#include "feed_fixture.hpp"

using namespace kiosk;
using core::Severity;
using test::contains;
using test::describe;
using test::FeedFixture;
using test::findDiag;
using test::json;

namespace {

bool hasSession(const core::Content& c, const std::string& id) { return c.findSession(id) != nullptr; }
bool hasPlace(const core::Content& c, const std::string& id) { return c.findPlace(id) != nullptr; }
bool hasDemo(const core::Content& c, const std::string& id) {
    return std::any_of(c.demos.begin(), c.demos.end(), [&](const core::Demo& d) { return d.id == id; });
}

// Loads the fixture and checks the outcome is fatal with a diagnostic about `file`.
const core::Diagnostic* expectFatal(const core::LoadResult& r, const std::string& file) {
    INFO(describe(r.diagnostics));
    CHECK(r.content == nullptr);
    const core::Diagnostic* d = findDiag(r.diagnostics, Severity::Fatal, file);
    CHECK(d != nullptr);
    return d;
}

}  // namespace

// ---------------------------------------------------------------- a good feed

TEST_CASE("a good feed loads with zero diagnostics and everything in it", "[validation]") {
    FeedFixture f;
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(r.diagnostics.empty());
    const core::Content& c = *r.content;

    CHECK(c.event.id == "fete-test");
    CHECK(c.timeZone.name() == "Europe/Paris");
    CHECK(c.sessions.size() == 3u);
    CHECK(c.places.size() == 3u);
    CHECK(c.demos.size() == 2u);
    CHECK(c.floorPlans.size() == 2u);
    CHECK(c.pages.size() == 1u);
    CHECK(c.announcements.size() == 1u);
    CHECK(c.playlist.size() == 2u);
    REQUIRE(c.territory.has_value());
    CHECK(c.territory->bounds.north == Approx(46.30));
    CHECK(c.manifest.version == 1);
    CHECK(c.manifest.find("images/robot.png") != nullptr);

    SECTION("sessions are sorted by start") {
        REQUIRE(c.sessions.size() == 3u);
        CHECK(c.sessions[0].id == "conference-ia");
        CHECK(c.sessions[1].id == "atelier-robots");
        CHECK(c.sessions[2].id == "projection-nocturne");
        CHECK(std::is_sorted(c.sessions.begin(), c.sessions.end(),
                             [](const auto& a, const auto& b) { return a.start.instant < b.start.instant; }));
    }

    SECTION("fields of a session are read") {
        const core::Session* s = c.findSession("atelier-robots");
        REQUIRE(s != nullptr);
        CHECK(s->type == core::SessionType::Workshop);
        CHECK(s->start.instant == test::at("2027-10-20T12:30:00Z"));
        CHECK(s->start.offsetMinutes == 120);
        CHECK(s->placeId == "mairie");
        CHECK(s->roomId == "salle-a");
        CHECK(s->access == (core::kStepFree | core::kInductionLoop));
        CHECK(s->audience == core::kGeneralPublic);
        REQUIRE(s->image.has_value());
        CHECK(s->image->src == "images/robot.png");
        CHECK(s->image->alt.str(core::Lang::En) == "A robot");
    }

    SECTION("a text without English falls back to French and says so") {
        const core::Session* s = c.findSession("conference-ia");
        REQUIRE(s != nullptr);
        const auto en = s->title.get(core::Lang::En);
        CHECK(en.text == "Conférence sur l'IA");
        CHECK(en.lang == "fr");
        const auto robots = c.findSession("atelier-robots")->title.get(core::Lang::En);
        CHECK(robots.text == "Robot workshop");
        CHECK(robots.lang == "en");
        // A plain string is French.
        const core::Place* p = c.findPlace("mediatheque");
        REQUIRE(p != nullptr);
        CHECK(p->name.get(core::Lang::En).text == "Médiathèque");
        CHECK(p->name.get(core::Lang::En).lang == "fr");
    }
}

// ---------------------------------------------------------------- fatal

TEST_CASE("a feed without manifest.json is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.writeDocuments();
    const auto r = core::loadFeed(f.path());
    const auto* d = expectFatal(r, "manifest.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "missing"));
}

TEST_CASE("a manifest that is not JSON is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.writeDocuments();
    test::writeText(f.dir / "manifest.json", "{ \"format\": \"kiosk-feed/1\", ");
    const auto r = core::loadFeed(f.path());
    const auto* d = expectFatal(r, "manifest.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "not valid JSON"));
}

TEST_CASE("a manifest with another format string is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.writeDocuments();
    json m = f.manifestJson();
    m["format"] = "kiosk-feed/2";
    test::writeText(f.dir / "manifest.json", m.dump());
    const auto r = core::loadFeed(f.path());
    const auto* d = expectFatal(r, "manifest.json");
    REQUIRE(d != nullptr);
    CHECK(d->path == "$.format");
    CHECK(contains(d->message, "kiosk-feed/1"));
    CHECK(contains(d->message, "kiosk-feed/2"));
}

TEST_CASE("a manifest entry with an unsafe path is fatal", "[validation][fatal]") {
    const std::string bad =
        GENERATE(as<std::string>{}, "../x", "/etc/passwd", "images\\robot.png", "images/../event.json");
    FeedFixture f;
    f.writeDocuments();
    json m = f.manifestJson();
    m["files"].push_back({{"path", bad}, {"size", 1}, {"sha256", std::string(64, 'a')}});
    const std::size_t index = m["files"].size() - 1;
    test::writeText(f.dir / "manifest.json", m.dump());
    const auto r = core::loadFeed(f.path());
    INFO("path " << bad);
    const auto* d = expectFatal(r, "manifest.json");
    REQUIRE(d != nullptr);
    CHECK(d->path == "$.files[" + std::to_string(index) + "].path");
    CHECK(contains(d->message, "expected a relative path inside the feed"));
    CHECK(contains(d->message, bad));
}

TEST_CASE("a manifest listing a required document missing from the folder is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.writeDocuments();
    f.writeManifest();
    std::filesystem::remove(f.dir / "sessions.json");
    const auto r = core::loadFeed(f.path());
    const auto* d = expectFatal(r, "sessions.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "listed in the manifest but missing from the feed folder"));
}

TEST_CASE("a feed without event.json is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.event = nullptr;  // not written, so not in the manifest either
    const auto r = f.load();
    const auto* d = expectFatal(r, "event.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "missing"));
    CHECK(contains(d->message, "required"));
}

TEST_CASE("an event.json that is not JSON is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.files["event.json"] = "{ \"id\": \"fete-test\", \"name\": ";
    f.event = nullptr;
    const auto r = f.load();
    const auto* d = expectFatal(r, "event.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "not valid JSON"));
}

TEST_CASE("an event.json edited after the manifest was built is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.writeDocuments();
    f.writeManifest();
    std::string text = test::readText(f.dir / "event.json");

    SECTION("same size, different bytes: the SHA-256 differs") {
        const auto pos = text.find("Fête du numérique");
        REQUIRE(pos != std::string::npos);
        text[pos] = 'f';
        test::writeText(f.dir / "event.json", text);
        const auto r = core::loadFeed(f.path());
        const auto* d = expectFatal(r, "event.json");
        REQUIRE(d != nullptr);
        CHECK(contains(d->message, "SHA-256"));
    }
    SECTION("different size") {
        test::writeText(f.dir / "event.json", text + "\n");
        const auto r = core::loadFeed(f.path());
        const auto* d = expectFatal(r, "event.json");
        REQUIRE(d != nullptr);
        CHECK(contains(d->message, "bytes as in the manifest"));
    }
}

TEST_CASE("an unknown time zone is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.event["time_zone"] = "Europe/Atlantis";
    const auto r = f.load();
    const auto* d = expectFatal(r, "event.json");
    REQUIRE(d != nullptr);
    CHECK(d->path == "$.time_zone");
    CHECK(contains(d->message, "Europe/Atlantis"));
}

TEST_CASE("an event whose end_date is before start_date is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.event["end_date"] = "2027-10-01";
    const auto r = f.load();
    const auto* d = expectFatal(r, "event.json");
    REQUIRE(d != nullptr);
    CHECK(d->path == "$.end_date");
}

TEST_CASE("a feed without sessions.json is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.sessions = nullptr;
    const auto r = f.load();
    const auto* d = expectFatal(r, "sessions.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "missing"));
}

TEST_CASE("a sessions.json that is not JSON is fatal", "[validation][fatal]") {
    FeedFixture f;
    f.sessions = nullptr;
    f.files["sessions.json"] = "{ \"sessions\": [ }";
    const auto r = f.load();
    const auto* d = expectFatal(r, "sessions.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "not valid JSON"));
}

// ---------------------------------------------------------------- item errors

TEST_CASE("a session start without offset is an item error with the documented message", "[validation][item]") {
    FeedFixture f;
    f.sessions["sessions"][1]["start"] = "14h30";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[1].start");
    REQUIRE(d != nullptr);
    CHECK(d->toString() ==
          "sessions.json: $.sessions[1].start: expected ISO 8601 date-time with offset, got \"14h30\"");
    CHECK(r.diagnostics.count(Severity::ItemError) == 1u);
    CHECK_FALSE(hasSession(*r.content, "conference-ia"));
    CHECK(hasSession(*r.content, "atelier-robots"));
    CHECK(hasSession(*r.content, "projection-nocturne"));
}

TEST_CASE("a session date-time without offset is an item error", "[validation][item]") {
    FeedFixture f;
    f.sessions["sessions"][0]["start"] = "2027-10-20T14:30";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[0].start");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "got \"2027-10-20T14:30\""));
    CHECK_FALSE(hasSession(*r.content, "atelier-robots"));
    CHECK(r.content->sessions.size() == 2u);
}

TEST_CASE("a session ending before it starts is an item error", "[validation][item]") {
    FeedFixture f;
    f.sessions["sessions"][2]["end"] = "2027-10-21T19:00:00+02:00";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[2].end") != nullptr);
    CHECK_FALSE(hasSession(*r.content, "projection-nocturne"));
    CHECK(r.content->sessions.size() == 2u);
}

TEST_CASE("a session with an unknown type is an item error", "[validation][item]") {
    FeedFixture f;
    f.sessions["sessions"][0]["type"] = "concert";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[0].type");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "round_table"));
    CHECK(contains(d->message, "\"concert\""));
    CHECK_FALSE(hasSession(*r.content, "atelier-robots"));
    CHECK(r.content->sessions.size() == 2u);
}

TEST_CASE("a session pointing at an unknown place is skipped and the others kept", "[validation][item]") {
    FeedFixture f;
    f.sessions["sessions"][1]["place"] = "gare";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[1].place");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "\"gare\""));
    CHECK_FALSE(hasSession(*r.content, "conference-ia"));
    CHECK(hasSession(*r.content, "atelier-robots"));
    CHECK(hasSession(*r.content, "projection-nocturne"));
}

TEST_CASE("a duplicate session id keeps the first session and skips the second", "[validation][item]") {
    FeedFixture f;
    json copy = f.sessions["sessions"][0];
    copy["title"] = {{"fr", "Doublon"}};
    f.sessions["sessions"].push_back(copy);
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[3].id");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "duplicate"));
    CHECK(r.content->sessions.size() == 3u);
    const core::Session* s = r.content->findSession("atelier-robots");
    REQUIRE(s != nullptr);
    CHECK(s->title.str(core::Lang::Fr) == "Atelier robots");
}

TEST_CASE("a session id with characters outside a-z 0-9 - _ is an item error", "[validation][item]") {
    const std::string bad =
        GENERATE(as<std::string>{}, "Atelier-Robots", "atelier robots", "atelier.robots", "", std::string(65, 'a'));
    FeedFixture f;
    f.sessions["sessions"][0]["id"] = bad;
    const auto r = f.load();
    INFO("id \"" << bad << "\"\n" << describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[0].id") != nullptr);
    CHECK(r.content->sessions.size() == 2u);
    CHECK(hasSession(*r.content, "conference-ia"));
}

TEST_CASE("a session title without French is an item error", "[validation][item]") {
    FeedFixture f;
    f.sessions["sessions"][2]["title"] = {{"en", "Night screening"}};
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[2].title");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "French"));
    CHECK_FALSE(hasSession(*r.content, "projection-nocturne"));
    CHECK(r.content->sessions.size() == 2u);
}

TEST_CASE("a session missing a required field is an item error naming the field", "[validation][item]") {
    const std::string field = GENERATE(as<std::string>{}, "id", "title", "type", "start", "end", "place");
    FeedFixture f;
    f.sessions["sessions"][1].erase(field);
    const auto r = f.load();
    INFO("without " << field << "\n" << describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[1]." + field);
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "missing"));
    CHECK(r.content->sessions.size() == 2u);
    CHECK_FALSE(hasSession(*r.content, "conference-ia"));
}

TEST_CASE("a demo pointing at an unknown place is an item error", "[validation][item]") {
    FeedFixture f;
    f.demos["demos"][1]["place"] = "chateau";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(findDiag(r.diagnostics, Severity::ItemError, "demos.json", "$.demos[1].place") != nullptr);
    CHECK_FALSE(hasDemo(*r.content, "casque-vr"));
    CHECK(hasDemo(*r.content, "robot-guide"));
    CHECK(r.content->sessions.size() == 3u);
}

TEST_CASE("a place with a latitude out of range is an item error", "[validation][item]") {
    FeedFixture f;
    // The only session at the médiathèque goes, so that nothing else refers to it.
    f.places["places"][1]["coordinates"]["lat"] = 123;
    f.sessions["sessions"].erase(1);
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "places.json", "$.places[1].coordinates.lat");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "123"));
    CHECK_FALSE(hasPlace(*r.content, "mediatheque"));
    CHECK(hasPlace(*r.content, "mairie"));
    CHECK(hasPlace(*r.content, "musee"));
    CHECK(r.diagnostics.count(Severity::ItemError) == 1u);
}

TEST_CASE("a floor plan with a polygon point outside the plan is an item error", "[validation][item]") {
    FeedFixture f;
    f.maps["floor_plans"][1]["rooms"][0]["polygon"][2] = json::array({700, 390});  // the plan is 600 wide
    f.sessions["sessions"][2].erase("room");
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "maps.json", "$.floor_plans[1].rooms[0].polygon[2]");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "[700,390]"));
    CHECK(r.content->findFloorPlan("plan-musee") == nullptr);
    CHECK(r.content->findFloorPlan("plan-mairie") != nullptr);
    // The place that named the dropped plan keeps everything else.
    const core::Place* musee = r.content->findPlace("musee");
    REQUIRE(musee != nullptr);
    CHECK(musee->floorPlanId.empty());
    CHECK(r.content->sessions.size() == 3u);
}

TEST_CASE("an optional document that is not JSON is an item error and the rest loads", "[validation][item]") {
    FeedFixture f;
    f.demos = nullptr;
    f.files["demos.json"] = "{ \"demos\": [ { \"id\": ";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "demos.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "not valid JSON"));
    CHECK(r.diagnostics.count(Severity::Fatal) == 0u);
    CHECK(r.content->demos.empty());
    CHECK(r.content->sessions.size() == 3u);
    CHECK(r.content->places.size() == 3u);
    CHECK(r.content->pages.size() == 1u);
}

TEST_CASE("an optional document that is missing is only a warning", "[validation][warning]") {
    FeedFixture f;
    f.pages = nullptr;
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(findDiag(r.diagnostics, Severity::Warning, "pages.json") != nullptr);
    CHECK_FALSE(r.diagnostics.hasErrors());
    CHECK(r.content->pages.empty());
}

// ---------------------------------------------------------------- warnings

TEST_CASE("an unknown field is a warning naming its path and the item is kept", "[validation][warning]") {
    FeedFixture f;
    f.sessions["generator"] = "tableur 2.0";
    f.sessions["sessions"][0]["mood"] = "joyeux";
    f.event["colour"] = "blue";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK_FALSE(r.diagnostics.hasErrors());
    CHECK(r.diagnostics.count(Severity::Warning) == 3u);
    const auto* top = findDiag(r.diagnostics, Severity::Warning, "sessions.json", "$.generator");
    REQUIRE(top != nullptr);
    CHECK(contains(top->message, "unknown field"));
    CHECK(findDiag(r.diagnostics, Severity::Warning, "sessions.json", "$.sessions[0].mood") != nullptr);
    CHECK(findDiag(r.diagnostics, Severity::Warning, "event.json", "$.colour") != nullptr);
    CHECK(hasSession(*r.content, "atelier-robots"));
    CHECK(r.content->sessions.size() == 3u);
}

TEST_CASE("an unknown access feature is a warning and the others are kept", "[validation][warning]") {
    FeedFixture f;
    f.sessions["sessions"][0]["access"] = json::array({"step_free", "jetpack", "sign_language"});
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK_FALSE(r.diagnostics.hasErrors());
    const auto* d = findDiag(r.diagnostics, Severity::Warning, "sessions.json", "$.sessions[0].access[1]");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "\"jetpack\""));
    const core::Session* s = r.content->findSession("atelier-robots");
    REQUIRE(s != nullptr);
    CHECK(s->access == (core::kStepFree | core::kSignLanguage));
}

TEST_CASE("a file in the folder but not in the manifest is a warning", "[validation][warning]") {
    FeedFixture f;
    f.writeDocuments();
    f.writeManifest();
    test::writeText(f.dir / "images/extra.png", test::tinyPng());
    const auto r = core::loadFeed(f.path());
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK_FALSE(r.diagnostics.hasErrors());
    const auto* d = findDiag(r.diagnostics, Severity::Warning, "images/extra.png");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "not in the manifest"));
    CHECK(r.diagnostics.count(Severity::Warning) == 1u);
}

TEST_CASE("hidden files, temporary files and manifest.json are never reported as unlisted", "[validation][warning]") {
    FeedFixture f;
    f.files[".notes"] = "private";
    f.files["sessions.json.tmp"] = "half written";
    f.files["images/.thumbs"] = "cache";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    // scanFeedFolder (so kiosk-feed build) leaves hidden files out at every depth;
    // validation must not then ask staff to run build again for them.
    CHECK(r.diagnostics.empty());
    CHECK(r.content->manifest.find("images/.thumbs") == nullptr);
    CHECK(r.content->manifest.find(".notes") == nullptr);
    CHECK(r.content->manifest.find("sessions.json.tmp") == nullptr);
}

TEST_CASE("an image not in the manifest is dropped with a warning and the session kept", "[validation][warning]") {
    FeedFixture f;
    f.sessions["sessions"][0]["image"]["src"] = "images/absent.png";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK_FALSE(r.diagnostics.hasErrors());
    const auto* d = findDiag(r.diagnostics, Severity::Warning, "sessions.json", "$.sessions[0].image.src");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "images/absent.png"));
    const core::Session* s = r.content->findSession("atelier-robots");
    REQUIRE(s != nullptr);
    CHECK_FALSE(s->image.has_value());
}

TEST_CASE("an unknown room is a warning and the room is cleared", "[validation][warning]") {
    FeedFixture f;
    f.sessions["sessions"][0]["room"] = "salle-z";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK_FALSE(r.diagnostics.hasErrors());
    const auto* d = findDiag(r.diagnostics, Severity::Warning, "sessions.json", "$.sessions[0].room");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "\"salle-z\""));
    const core::Session* s = r.content->findSession("atelier-robots");
    REQUIRE(s != nullptr);
    CHECK(s->roomId.empty());
    CHECK(s->placeId == "mairie");
    // A known room of the session's place is kept.
    CHECK(r.content->findSession("projection-nocturne")->roomId == "galerie");
}

TEST_CASE("a place outside the territory bounds is a warning", "[validation][warning]") {
    FeedFixture f;
    f.places["places"][1]["coordinates"] = {{"lat", 48.85}, {"lon", 2.35}};
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK_FALSE(r.diagnostics.hasErrors());
    CHECK(findDiag(r.diagnostics, Severity::Warning, "places.json", "$.places[?(@.id=='mediatheque')].coordinates") !=
          nullptr);
    CHECK(r.content->places.size() == 3u);
}

// ---------------------------------------------------------------- limits

TEST_CASE("a text longer than maxTextBytes is an item error", "[validation][limits]") {
    FeedFixture f;
    const core::FeedLimits limits;
    f.sessions["sessions"][0]["description"] = {{"fr", "Court."}, {"en", std::string(limits.maxTextBytes + 1, 'a')}};
    const auto r = f.load();
    INFO(describe(r.diagnostics).substr(0, 2000));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[0].description.en");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, std::to_string(limits.maxTextBytes + 1)));
    CHECK_FALSE(hasSession(*r.content, "atelier-robots"));
    CHECK(r.content->sessions.size() == 2u);

    SECTION("a text of exactly the limit is accepted") {
        FeedFixture g;
        g.sessions["sessions"][0]["description"] = std::string(limits.maxTextBytes, 'a');
        const auto ok = g.load();
        INFO(describe(ok.diagnostics));
        REQUIRE(ok.content != nullptr);
        CHECK(ok.diagnostics.empty());
        CHECK(ok.content->findSession("atelier-robots")->description.str(core::Lang::Fr).size() == limits.maxTextBytes);
    }
}

TEST_CASE("more sessions than FeedLimits.maxSessions is an error", "[validation][limits]") {
    FeedFixture f;
    core::LoadOptions options;
    options.limits.maxSessions = 2;
    const auto r = f.load(options);
    INFO(describe(r.diagnostics));
    CHECK(r.diagnostics.hasErrors());
    const auto it = std::find_if(r.diagnostics.all().begin(), r.diagnostics.all().end(), [](const core::Diagnostic& d) {
        return d.file == "sessions.json" && d.path == "$.sessions" && d.severity != Severity::Warning;
    });
    REQUIRE(it != r.diagnostics.all().end());
    CHECK(contains(it->message, "at most 2"));
    CHECK(contains(it->message, "got 3"));
    // Whatever the level, no session beyond the limit is ever used.
    if (r.content) CHECK(r.content->sessions.size() <= 2u);

    SECTION("exactly the limit is fine") {
        options.limits.maxSessions = 3;
        const auto ok = core::loadFeed(f.path(), options);
        INFO(describe(ok.diagnostics));
        REQUIRE(ok.content != nullptr);
        CHECK(ok.diagnostics.empty());
        CHECK(ok.content->sessions.size() == 3u);
    }
}

TEST_CASE("a sessions.json larger than maxDocumentBytes is fatal", "[validation][limits]") {
    FeedFixture f;
    core::LoadOptions options;
    options.limits.maxDocumentBytes = 4096;
    f.sessions["sessions"][0]["description"] = std::string(6000, 'x');
    const auto r = f.load(options);
    const auto* d = expectFatal(r, "sessions.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "more than the limit of 4096"));
    // The same feed is fine under the default limit.
    const auto ok = core::loadFeed(f.path());
    INFO(describe(ok.diagnostics));
    CHECK(ok.content != nullptr);
    CHECK(ok.diagnostics.empty());
}

TEST_CASE("an optional document larger than maxDocumentBytes is an item error", "[validation][limits]") {
    FeedFixture f;
    core::LoadOptions options;
    options.limits.maxDocumentBytes = 4096;
    f.demos["demos"][0]["description"]["fr"] = std::string(6000, 'x');
    const auto r = f.load(options);
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "demos.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "limit"));
    CHECK(r.content->demos.empty());
    CHECK(r.content->sessions.size() == 3u);
}

TEST_CASE("an image wider than maxImageSide is an item error when every file is verified", "[validation][limits]") {
    FeedFixture f;
    f.files["images/huge.png"] = test::pngHeaderOnly(17000, 10);
    f.sessions["sessions"][2]["image"] = {{"src", "images/huge.png"}, {"alt", {{"fr", "Une très grande image"}}}};
    core::LoadOptions verify;
    verify.verifyAllFiles = true;
    const auto r = f.load(verify);
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "images/huge.png");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "17000x10"));
    CHECK(contains(d->message, "16384"));
    CHECK(r.diagnostics.count(Severity::ItemError) == 1u);  // the small images pass

    SECTION("the kiosk's own load leaves images to its decode workers") {
        const auto quick = core::loadFeed(f.path());
        INFO(describe(quick.diagnostics));
        REQUIRE(quick.content != nullptr);
        CHECK(quick.diagnostics.empty());
    }
    SECTION("a smaller custom limit applies too") {
        core::LoadOptions strict = verify;
        strict.limits.maxImageSide = 5000;
        f.files["images/huge.png"] = test::pngHeaderOnly(10, 6000);
        const auto r2 = f.load(strict);
        INFO(describe(r2.diagnostics));
        const auto* d2 = findDiag(r2.diagnostics, Severity::ItemError, "images/huge.png");
        REQUIRE(d2 != nullptr);
        CHECK(contains(d2->message, "10x6000"));
    }
}

TEST_CASE("a file that is not an image under an image name is an item error when verified", "[validation][limits]") {
    FeedFixture f;
    f.files["images/robot.png"] = "this is not a PNG";
    core::LoadOptions verify;
    verify.verifyAllFiles = true;
    const auto r = f.load(verify);
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "images/robot.png");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "PNG or JPEG"));
}

TEST_CASE("an image listed in the manifest but missing is an item error when verified", "[validation][limits]") {
    FeedFixture f;
    f.writeDocuments();
    f.writeManifest();
    std::filesystem::remove(f.dir / "images/plan.png");
    core::LoadOptions verify;
    verify.verifyAllFiles = true;
    const auto r = core::loadFeed(f.path(), verify);
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "images/plan.png");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "missing"));
}
