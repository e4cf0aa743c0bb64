// Route names and parameters: the one parser behind navigation, --screen and tests.
#include "ui/route.hpp"

#include <charconv>

namespace kiosk::ui {
namespace {

struct ScreenInfo {
    ScreenId id;
    const char* name;
    const char* param;  // what its parameter is, for messages; null: none
    bool needsParam;
};

const ScreenInfo kScreens[] = {
    {ScreenId::Attract, "attract", "a slide number", false},
    {ScreenId::Home, "home", nullptr, false},
    {ScreenId::Programme, "programme", "now", false},
    {ScreenId::Session, "session", "a session id", true},
    {ScreenId::Maps, "maps", "a place id or place/room", false},
    {ScreenId::Place, "place", "a place id or place/room", true},
    {ScreenId::Showroom, "showroom", nullptr, false},
    {ScreenId::Demo, "demo", "a demo id", true},
    {ScreenId::Info, "info", nullptr, false},
    {ScreenId::Page, "page", "a page id", true},
    {ScreenId::Accessibility, "accessibility", nullptr, false},
};

const ScreenInfo& info(ScreenId id) {
    for (const auto& s : kScreens) {
        if (s.id == id) return s;
    }
    return kScreens[0];
}

void splitRoom(std::string_view param, Route& r) {
    const auto slash = param.find('/');
    r.id = std::string(param.substr(0, slash));
    if (slash != std::string_view::npos) r.room = std::string(param.substr(slash + 1));
}

}  // namespace

const char* screenName(ScreenId id) { return info(id).name; }

const std::vector<ScreenId>& allScreens() {
    static const std::vector<ScreenId> all = [] {
        std::vector<ScreenId> v;
        for (const auto& s : kScreens) v.push_back(s.id);
        return v;
    }();
    return all;
}

std::string Route::str() const {
    std::string out = screenName(screen);
    std::string param;
    switch (screen) {
        case ScreenId::Attract: param = slide > 0 ? std::to_string(slide) : ""; break;
        case ScreenId::Programme: param = now ? "now" : ""; break;
        default: param = room.empty() ? id : id + "/" + room; break;
    }
    return param.empty() ? out : out + ":" + param;
}

core::Result<Route> parseRoute(std::string_view text) {
    const auto colon = text.find(':');
    const std::string_view name = text.substr(0, colon);
    const std::string_view param = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    const ScreenInfo* found = nullptr;
    for (const auto& s : kScreens) {
        if (name == s.name) found = &s;
    }
    if (!found) return core::Error{"no screen named \"" + std::string(name) + "\"; screens: " + routeHelp()};
    Route r = Route::to(found->id);
    const std::string what = std::string(found->name) + ": ";
    if (param.empty()) {
        if (found->needsParam) return core::Error{what + "needs " + found->param + ", e.g. " + found->name + ":ID"};
        return r;
    }
    switch (found->id) {
        case ScreenId::Attract: {
            int n = -1;
            const auto [end, ec] = std::from_chars(param.data(), param.data() + param.size(), n);
            if (ec != std::errc() || end != param.data() + param.size() || n < 0) {
                return core::Error{what + "the slide must be a number from 0, not \"" + std::string(param) + "\""};
            }
            r.slide = n;
            return r;
        }
        case ScreenId::Programme:
            if (param != "now") return core::Error{what + "the only parameter is \"now\""};
            r.now = true;
            return r;
        case ScreenId::Session:
        case ScreenId::Demo:
        case ScreenId::Page: r.id = std::string(param); return r;
        case ScreenId::Maps:
        case ScreenId::Place:
            splitRoom(param, r);
            if (r.id.empty()) return core::Error{what + "the place id is missing before the room"};
            return r;
        default: return core::Error{what + "takes no parameter"};
    }
}

std::string routeHelp() {
    std::string out;
    for (const auto& s : kScreens) {
        if (!out.empty()) out += ", ";
        out += s.name;
        if (s.param) out += std::string(s.needsParam ? ":<" : "[:<") + s.param + (s.needsParam ? ">" : ">]");
    }
    return out;
}

}  // namespace kiosk::ui
