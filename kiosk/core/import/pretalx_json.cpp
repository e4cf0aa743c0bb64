// pretalx / frab schedule.json importer (schema c3voc.de/schedule/schema.json):
// schedule.conference.days[].rooms{room: [event...]}; fields may be null.
#include <nlohmann/json.hpp>

#include "core/import/schedule_common.hpp"

namespace kiosk::core::import {
namespace {
using nlohmann::json;

std::string str(const json& j, const char* key) {
    if (!j.is_object()) return "";
    auto it = j.find(key);
    if (it == j.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return "";
}

detail::ScheduleItem readEvent(const json& ev, const json& day, const std::string& roomName, const std::string& path) {
    detail::ScheduleItem item;
    item.path = path;
    item.guid = str(ev, "guid");
    item.legacyId = str(ev, "id");
    item.date = str(ev, "date");
    item.dayDate = str(day, "date");
    item.dayStart = str(day, "day_start");
    item.start = str(ev, "start");
    item.duration = str(ev, "duration");
    item.end = str(ev, "end");
    item.room = str(ev, "room").empty() ? roomName : str(ev, "room");
    item.title = str(ev, "title");
    item.subtitle = str(ev, "subtitle");
    item.track = str(ev, "track");
    item.type = str(ev, "type");
    item.language = str(ev, "language");
    item.abstract = str(ev, "abstract");
    item.description = str(ev, "description");
    item.url = str(ev, "url");
    if (auto it = ev.find("persons"); it != ev.end() && it->is_array()) {
        for (const json& p : *it) {
            std::string name = str(p, "public_name");
            if (name.empty()) name = str(p, "name");
            item.persons.emplace_back(name, str(p, "biography"));
        }
    }
    return item;
}

}  // namespace

Imported importPretalxJson(std::string_view bytes, const ImportOptions& options) {
    Imported out;
    auto tz = TimeZone::locate(options.timeZone);
    if (!tz) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "", tz.error());
        return out;
    }
    // the depth-limited parse of the feed; a document it refuses is read as no schedule
    auto parsed = parseJsonChecked(bytes, detail::importJsonOptions());
    const json doc = parsed ? std::move(parsed).value() : json();
    const json* conf = nullptr;
    if (doc.is_object() && doc.contains("schedule") && doc["schedule"].is_object()) {
        auto it = doc["schedule"].find("conference");
        if (it != doc["schedule"].end() && it->is_object()) conf = &*it;
    }
    if (!conf) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "$.schedule.conference",
                            "expected a pretalx/frab schedule.json with schedule.conference");
        return out;
    }
    if (!str(*conf, "title").empty()) out.eventName.set("fr", str(*conf, "title"));
    auto days = conf->find("days");
    if (days == conf->end() || !days->is_array()) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "$.schedule.conference.days",
                            "expected a list of days");
        return out;
    }
    for (std::size_t d = 0; d < days->size(); ++d) {
        const json& day = (*days)[d];
        if (!day.is_object() || !day.contains("rooms") || !day["rooms"].is_object()) continue;
        for (const auto& [room, events] : day["rooms"].items()) {
            if (!events.is_array()) continue;
            for (std::size_t i = 0; i < events.size(); ++i) {
                const std::string path = "$.schedule.conference.days[" + std::to_string(d) + "].rooms[\"" + room +
                                         "\"][" + std::to_string(i) + "]";
                if (!events[i].is_object()) continue;
                detail::addScheduleItem(out, readEvent(events[i], day, room, path), tz.value(), options.sourceName,
                                        options.venue);
            }
        }
    }
    detail::noteDays(out, tz.value());
    return out;
}

}  // namespace kiosk::core::import
