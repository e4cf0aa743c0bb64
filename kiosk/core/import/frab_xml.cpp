// frab / Pentabarf / pretalx schedule.xml importer (pugixml): schedule > day > room >
// event. Old Pentabarf exports lack guid and date: ids are derived (schedule_common.hpp).
#include <pugixml.hpp>

#include "core/import/schedule_common.hpp"

namespace kiosk::core::import {
namespace {

std::string child(const pugi::xml_node& n, const char* name) { return n.child(name).text().as_string(); }

detail::ScheduleItem readEvent(const pugi::xml_node& ev, const pugi::xml_node& day, const pugi::xml_node& room,
                               const std::string& path) {
    detail::ScheduleItem item;
    item.path = path;
    item.guid = ev.attribute("guid").as_string();
    item.legacyId = ev.attribute("id").as_string();
    item.date = child(ev, "date");
    item.dayDate = day.attribute("date").as_string();
    item.dayStart = day.attribute("start").as_string();
    item.start = child(ev, "start");
    item.duration = child(ev, "duration");
    item.room = child(ev, "room").empty() ? room.attribute("name").as_string() : child(ev, "room");
    item.title = child(ev, "title");
    item.subtitle = child(ev, "subtitle");
    item.track = child(ev, "track");
    item.type = child(ev, "type");
    item.language = child(ev, "language");
    item.abstract = child(ev, "abstract");
    item.description = child(ev, "description");
    item.url = child(ev, "url");
    for (const pugi::xml_node& p : ev.child("persons").children("person"))
        item.persons.emplace_back(p.text().as_string(), "");
    return item;
}

}  // namespace

Imported importFrabXml(std::string_view bytes, const ImportOptions& options) {
    Imported out;
    auto tz = TimeZone::locate(options.timeZone);
    if (!tz) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "", tz.error());
        return out;
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size());
    if (!parsed) {
        // offset to a line number, so the message points where an editor can go
        std::size_t line = 1;
        for (std::ptrdiff_t i = 0; i < parsed.offset && static_cast<std::size_t>(i) < bytes.size(); ++i)
            line += bytes[i] == '\n';
        out.diagnostics.add(Severity::Fatal, options.sourceName, "line " + std::to_string(line),
                            std::string("not valid XML: ") + parsed.description());
        return out;
    }
    const pugi::xml_node schedule = doc.child("schedule");
    if (!schedule) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "/",
                            "expected a frab schedule.xml with a <schedule> root");
        return out;
    }
    const std::string title = child(schedule.child("conference"), "title");
    if (!title.empty()) out.eventName.set("fr", title);
    int d = 0;
    for (const pugi::xml_node& day : schedule.children("day")) {
        ++d;
        for (const pugi::xml_node& room : day.children("room")) {
            int i = 0;
            for (const pugi::xml_node& ev : room.children("event")) {
                ++i;
                const std::string path = "/schedule/day[" + std::to_string(d) + "]/room[@name='" +
                                         room.attribute("name").as_string() + "']/event[" + std::to_string(i) + "]";
                detail::addScheduleItem(out, readEvent(ev, day, room, path), tz.value(), options.sourceName,
                                        options.venue);
            }
        }
    }
    detail::noteDays(out, tz.value());
    return out;
}

}  // namespace kiosk::core::import
