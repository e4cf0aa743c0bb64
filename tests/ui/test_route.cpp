// Routes: the one parser behind navigation and `--screen` accepts every screen with its
// parameter, prints back what it parsed, and refuses what no screen can show.
#include <catch2/catch.hpp>

#include "ui/route.hpp"

using kiosk::ui::parseRoute;
using kiosk::ui::Route;
using kiosk::ui::ScreenId;

TEST_CASE("every screen name parses and prints back", "[route]") {
    for (ScreenId id : kiosk::ui::allScreens()) {
        const std::string name = kiosk::ui::screenName(id);
        const bool needsParam =
            id == ScreenId::Session || id == ScreenId::Demo || id == ScreenId::Page || id == ScreenId::Place;
        auto r = parseRoute(needsParam ? name + ":x" : name);
        REQUIRE(r.ok());
        CHECK(r.value().screen == id);
        CHECK(parseRoute(r.value().str()).value() == r.value());
    }
}

TEST_CASE("route parameters are typed", "[route]") {
    auto place = parseRoute("place:hotel-departement/salle-dome");
    REQUIRE(place.ok());
    CHECK(place.value().id == "hotel-departement");
    CHECK(place.value().room == "salle-dome");
    CHECK(place.value() == Route::place("hotel-departement", "salle-dome"));

    auto maps = parseRoute("maps:musee");
    REQUIRE(maps.ok());
    CHECK(maps.value() == Route::maps("musee"));

    auto slide = parseRoute("attract:3");
    REQUIRE(slide.ok());
    CHECK(slide.value().slide == 3);
    CHECK(slide.value().str() == "attract:3");

    auto now = parseRoute("programme:now");
    REQUIRE(now.ok());
    CHECK(now.value() == Route::programmeNow());
    CHECK(Route::session("a:b").str() == "session:a:b");
    CHECK(parseRoute("session:a:b").value().id == "a:b");
}

TEST_CASE("routes no screen can show are refused with a reason", "[route]") {
    CHECK_FALSE(parseRoute("sessions:x").ok());
    CHECK(parseRoute("sessions:x").error().find("no screen named") != std::string::npos);
    CHECK_FALSE(parseRoute("session").ok());
    CHECK(parseRoute("session").error().find("session id") != std::string::npos);
    CHECK_FALSE(parseRoute("attract:two").ok());
    CHECK_FALSE(parseRoute("attract:-1").ok());
    CHECK_FALSE(parseRoute("programme:tomorrow").ok());
    CHECK_FALSE(parseRoute("home:x").ok());
    CHECK_FALSE(parseRoute("place:/room").ok());
    CHECK_FALSE(parseRoute("").ok());
}
