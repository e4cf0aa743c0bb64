// Routes between screens: a screen id and its typed parameter, parsed and printed in one
// place for navigation, `kiosk --headless --screen NAME:PARAM` and tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kiosk::ui {

enum class ScreenId { Attract, Home, Programme, Session, Maps, Place, Showroom, Demo, Info, Page, Accessibility };

// The screen's name in routes and on the command line ("session", "maps"...).
const char* screenName(ScreenId id);
const std::vector<ScreenId>& allScreens();

struct Route {
    ScreenId screen = ScreenId::Attract;
    std::string id;    // session, demo, page or place id; on maps, the place to show
    std::string room;  // place and maps: a room of the place `id`
    int slide = 0;     // attract: the slide to start at
    bool now = false;  // programme: open on "what is on now"

    static Route to(ScreenId screen) { return Route{screen, {}, {}, 0, false}; }
    static Route session(std::string id) { return Route{ScreenId::Session, std::move(id), {}, 0, false}; }
    static Route demo(std::string id) { return Route{ScreenId::Demo, std::move(id), {}, 0, false}; }
    static Route page(std::string id) { return Route{ScreenId::Page, std::move(id), {}, 0, false}; }
    static Route place(std::string id, std::string room = {}) {
        return Route{ScreenId::Place, std::move(id), std::move(room), 0, false};
    }
    static Route maps(std::string place = {}, std::string room = {}) {
        return Route{ScreenId::Maps, std::move(place), std::move(room), 0, false};
    }
    static Route attract(int slide = 0) { return Route{ScreenId::Attract, {}, {}, slide, false}; }
    static Route programmeNow() { return Route{ScreenId::Programme, {}, {}, 0, true}; }

    // "session:ID", "place:ID/ROOM", "attract:2", "programme:now", "home"...
    std::string str() const;
    bool operator==(const Route& other) const {
        return screen == other.screen && id == other.id && room == other.room && slide == other.slide &&
               now == other.now;
    }
    bool operator!=(const Route& other) const { return !(*this == other); }
};

// Parses NAME or NAME:PARAM, with an error naming what is accepted.
core::Result<Route> parseRoute(std::string_view text);
// What --help says the screens and their parameters are.
std::string routeHelp();

}  // namespace kiosk::ui
