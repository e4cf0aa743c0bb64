// What pretalx/frab schedule.json and schedule.xml share: one event of a day and a room,
// turned into a session; each room becomes a place (staff add commune and coordinates).
#pragma once

#include <string>
#include <vector>

#include "core/import/common.hpp"

namespace kiosk::core::import::detail {

struct ScheduleItem {
    std::string path;  // where it was read, for diagnostics
    std::string guid, legacyId;
    std::string date;      // ISO 8601 with offset (may be empty in old Pentabarf exports)
    std::string dayDate;   // the day's date, "2027-10-20"
    std::string dayStart;  // the day's start, with offset, when given
    std::string start, duration, end;
    std::string room, title, subtitle, track, type, language, abstract, description, url;
    std::vector<std::pair<std::string, std::string>> persons;  // name, biography
};

// Adds the session (and its room as a place). Stable id: "pt-" + guid, else derived
// from the day, start, room and title ("frab-" + slug + hash), as documented.
void addScheduleItem(Imported& out, const ScheduleItem& item, const TimeZone& tz, const std::string& sourceName,
                     const std::string& venue = {});

}  // namespace kiosk::core::import::detail
