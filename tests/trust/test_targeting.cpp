// Targeting and validity windows: one feed, two kiosks (the museum's and the town hall's)
// with different groups, a driven clock; what each shows, when it changes, and how bad
// "groups" / windows are reported.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../core/feed_fixture.hpp"
#include "core/clock.hpp"
#include "core/schedule.hpp"
#include "core/targeting.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {
template <class T>
std::vector<std::string> ids(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.id);
    return out;
}

// The fixture feed shared by two venues.
void makeTwoVenueFeed(FeedFixture& f) {
    f.announcements = json::parse(R"({ "announcements": [
      { "id": "bienvenue", "text": "Bienvenue !" },
      { "id": "navette-musee", "text": "Navette pour le musée à 14 h", "groups": ["musee"],
        "valid_from": "2027-10-20T08:00:00+02:00", "valid_until": "2027-10-20T14:00:00+02:00" },
      { "id": "mairie-fermee", "text": "La mairie ferme à 17 h", "groups": ["mairie"], "priority": "urgent" },
      { "id": "borne-hall", "text": "Pour cette borne seulement", "groups": ["borne-hall-musee"] }
    ] })");
    f.sessions["sessions"][2]["groups"] = {"musee"};                         // the night screening, at the museum only
    f.sessions["sessions"][1]["valid_until"] = "2027-10-19T12:00:00+02:00";  // withdrawn after its day
    f.demos["demos"][1]["groups"] = {"musee", "lezoux"};
    f.pages = json::parse(R"({ "pages": [
      { "id": "acces", "title": "Venir", "body": "Tram A." },
      { "id": "vestiaire", "title": "Vestiaire", "body": "Au sous-sol.", "groups": ["mairie"],
        "valid_from": "2027-10-19T00:00:00+02:00" }
    ] })");
    f.playlist = json::parse(R"({ "slides": [
      { "kind": "welcome", "seconds": 10 },
      { "kind": "countdown", "seconds": 8, "valid_until": "2027-10-18T09:00:00+02:00" },
      { "kind": "demos", "seconds": 12, "groups": ["musee"] }
    ] })");
}

const core::KioskIdentity kMuseum{"borne-hall-musee", {"musee", "lezoux"}};
const core::KioskIdentity kTownHall{"borne-mairie", {"mairie", "clermont"}};
}  // namespace

TEST_CASE("targeting: groups, validity and item ids are read from every kind of item", "[targeting]") {
    FeedFixture f;
    makeTwoVenueFeed(f);
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content);
    CHECK_FALSE(r.diagnostics.hasErrors());
    const core::Content& c = *r.content;
    const auto* night = c.findSession("projection-nocturne");
    REQUIRE(night);
    CHECK(night->targeting.groups == std::vector<std::string>{"musee"});
    CHECK(c.findSession("conference-ia")->targeting.validUntil == at("2027-10-19T12:00:00+02:00"));
    CHECK(c.demos[1].targeting.groups.size() == 2);
    CHECK(c.pages[1].targeting.validFrom == at("2027-10-19T00:00:00+02:00"));
    CHECK(c.playlist[2].targeting.groups == std::vector<std::string>{"musee"});
    CHECK(c.announcements[2].groups == std::vector<std::string>{"mairie"});
}

TEST_CASE("targeting: two kiosks show their own items from one feed as the clock moves", "[targeting]") {
    FeedFixture f;
    makeTwoVenueFeed(f);
    const auto r = f.load();
    REQUIRE(r.content);
    core::ManualClock clock(at("2027-10-18T08:30:00+02:00"));

    auto museum = core::targetFor(*r.content, kMuseum, clock.now());
    auto townHall = core::targetFor(*r.content, kTownHall, clock.now());
    CHECK(ids(museum.announcements) == std::vector<std::string>{"bienvenue", "borne-hall"});
    CHECK(ids(townHall.announcements) == std::vector<std::string>{"bienvenue", "mairie-fermee"});
    CHECK(ids(museum.sessions).size() == 3);
    CHECK(ids(townHall.sessions) == std::vector<std::string>{"conference-ia", "atelier-robots"});
    CHECK(ids(museum.demos) == std::vector<std::string>{"robot-guide", "casque-vr"});
    CHECK(ids(townHall.demos) == std::vector<std::string>{"robot-guide"});
    CHECK(ids(museum.pages) == std::vector<std::string>{"acces"});  // vestiaire: town hall, and not yet
    CHECK(ids(townHall.pages) == std::vector<std::string>{"acces"});
    CHECK(museum.playlist.size() == 3);
    CHECK(townHall.playlist.size() == 2);
    // The next change the town hall must wait for: the countdown slide ends at 09:00.
    CHECK(core::nextTargetingChange(*r.content, kTownHall, clock.now()) == at("2027-10-18T09:00:00+02:00"));

    clock.advance(24 * 3600.0);  // 19 Oct 08:30: vestiaire appears at the town hall, countdown gone
    townHall = core::targetFor(*r.content, kTownHall, clock.now());
    CHECK(ids(townHall.pages) == std::vector<std::string>{"acces", "vestiaire"});
    CHECK(townHall.playlist.size() == 1);
    CHECK(core::targetFor(*r.content, kMuseum, clock.now()).playlist.size() == 2);

    clock.advance(4 * 3600.0);  // 19 Oct 12:30: the withdrawn talk is gone everywhere
    museum = core::targetFor(*r.content, kMuseum, clock.now());
    const auto museumSessions = ids(museum.sessions);
    CHECK(museumSessions == std::vector<std::string>{"atelier-robots", "projection-nocturne"});
    CHECK(ids(core::targetFor(*r.content, kTownHall, clock.now()).sessions) ==
          std::vector<std::string>{"atelier-robots"});
    // Schedule queries on the targeted content: the town hall's programme has no museum screening.
    for (const auto& day : core::programmeDays(core::targetFor(*r.content, kTownHall, clock.now()))) {
        CHECK(day != core::programmeDay(at("2027-10-21T20:00:00+02:00"), r.content->timeZone));
    }

    clock.advance(20 * 3600.0);  // 20 Oct 08:30: the museum's shuttle announcement, museum only
    museum = core::targetFor(*r.content, kMuseum, clock.now());
    CHECK(ids(museum.announcements) == std::vector<std::string>{"bienvenue", "navette-musee", "borne-hall"});
    CHECK(ids(core::targetFor(*r.content, kTownHall, clock.now()).announcements) ==
          std::vector<std::string>{"bienvenue", "mairie-fermee"});
    CHECK(core::nextTargetingChange(*r.content, kMuseum, clock.now()) == at("2027-10-20T14:00:00+02:00"));
    clock.advance(6 * 3600.0);  // 14:30: over
    CHECK(ids(core::targetFor(*r.content, kMuseum, clock.now()).announcements) ==
          std::vector<std::string>{"bienvenue", "borne-hall"});
    CHECK_FALSE(core::nextTargetingChange(*r.content, kMuseum, clock.now()));
}

TEST_CASE("targeting: a kiosk without id or groups shows only what is for everyone", "[targeting]") {
    FeedFixture f;
    makeTwoVenueFeed(f);
    const auto r = f.load();
    REQUIRE(r.content);
    const auto plain = core::targetFor(*r.content, {}, at("2027-10-18T08:30:00+02:00"));
    CHECK(ids(plain.announcements) == std::vector<std::string>{"bienvenue"});
    CHECK(ids(plain.demos) == std::vector<std::string>{"robot-guide"});
    CHECK(plain.places.size() == r.content->places.size());  // places are never targeted
}

TEST_CASE("targeting: every slide left out falls back to a welcome slide", "[targeting]") {
    FeedFixture f;
    f.playlist = json::parse(R"({ "slides": [ { "kind": "demos", "seconds": 12, "groups": ["musee"] } ] })");
    const auto r = f.load();
    REQUIRE(r.content);
    const auto c = core::targetFor(*r.content, kTownHall, at("2027-10-18T08:30:00+02:00"));
    REQUIRE(c.playlist.size() == 1);
    CHECK(c.playlist[0].kind == core::SlideKind::Welcome);
}

TEST_CASE("targeting: bad groups and windows are item errors naming the path", "[targeting]") {
    FeedFixture f;
    f.demos["demos"][0]["groups"] = {"Musée"};
    f.pages["pages"][0]["valid_from"] = "2027-10-20T10:00:00+02:00";
    f.pages["pages"][0]["valid_until"] = "2027-10-20T09:00:00+02:00";
    f.sessions["sessions"][0]["groups"] = "musee";
    const auto r = f.load();
    REQUIRE(r.content);
    CHECK(findDiag(r.diagnostics, core::Severity::ItemError, "demos.json", "$.demos[0].groups[0]"));
    CHECK(findDiag(r.diagnostics, core::Severity::ItemError, "pages.json", "$.pages[0].valid_until"));
    CHECK(findDiag(r.diagnostics, core::Severity::ItemError, "sessions.json", "$.sessions[0].groups"));
    CHECK(ids(r.content->demos) == std::vector<std::string>{"casque-vr"});
    CHECK(r.content->pages.empty());
}
