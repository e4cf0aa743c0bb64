// Turning one frab/pretalx event into a session (see schedule_common.hpp).
#include "core/import/schedule_common.hpp"

#include "core/files.hpp"

namespace kiosk::core::import::detail {
namespace {

// When there is no full date-time: the day's date plus the start time, and an event
// that starts before the day's own start (a 00:30 talk of a day starting at 10:00)
// belongs to the next calendar day.
std::optional<DateTime> startOf(const ScheduleItem& item, const TimeZone& tz) {
    if (!item.date.empty()) {
        if (auto dt = parseOffsetDateTime(item.date)) return inZone(dt->instant, tz);
    }
    const auto day = parseLooseDate(item.dayDate);
    const auto minutes = parseLooseTime(item.start);
    if (!day || !minutes) return std::nullopt;
    CivilDate date = *day;
    if (auto dayStart = parseOffsetDateTime(item.dayStart)) {
        const LocalTime ls = tz.toLocal(dayStart->instant);
        if (*minutes < ls.hour * 60 + ls.minute) date = addDays(date, 1);
    }
    return inZone(tz.fromLocal(date, *minutes / 60, *minutes % 60), tz);
}

void addRoomPlace(Imported& out, const std::string& id, const std::string& name) {
    for (const Place& p : out.places) {
        if (p.id == id) return;
    }
    Place p;
    p.id = id;
    p.name.set("fr", name);
    out.places.push_back(std::move(p));
}

}  // namespace

void addScheduleItem(Imported& out, const ScheduleItem& item, const TimeZone& tz, const std::string& sourceName,
                     const std::string& venue) {
    Session s;
    s.title.set("fr", trim(item.title));
    if (s.title.str(Lang::Fr).empty()) {
        out.diagnostics.add(Severity::ItemError, sourceName, item.path, "expected a title; event skipped");
        return;
    }
    const auto start = startOf(item, tz);
    if (!start) {
        out.diagnostics.add(Severity::ItemError, sourceName, item.path,
                            "expected a date with offset, or the day's date and a start time; event skipped");
        return;
    }
    s.start = *start;
    std::optional<DateTime> end;
    if (auto minutes = parseDurationMinutes(item.duration)) {
        end = inZone(start->instant + std::chrono::minutes(*minutes), tz);
    } else if (auto e = parseOffsetDateTime(item.end)) {
        end = inZone(e->instant, tz);
    }
    if (!end || end->instant <= start->instant) {
        out.diagnostics.add(Severity::Warning, sourceName, item.path + ".duration",
                            "no usable duration or end: the session is shown as lasting one hour");
        end = inZone(start->instant + std::chrono::hours(1), tz);
    }
    s.end = *end;
    if (!trim(item.guid).empty()) {
        s.id = sourceId("pt", trim(item.guid));
    } else {
        const std::string key = item.dayDate + "|" + item.start + "|" + item.room + "|" + trim(item.title);
        s.id = "frab-" + slugId(item.title, 40) + "-" + sha256Hex(key).substr(0, 8);
    }
    if (!trim(item.subtitle).empty()) s.subtitle.set("fr", trim(item.subtitle));
    s.type = typeFromWords(item.type + " " + item.track).value_or(SessionType::Talk);
    if (!trim(item.language).empty()) s.language = slugId(item.language, 8);
    std::string text = plainText(item.abstract);
    const std::string more = plainText(item.description);
    if (!more.empty() && more != text) text += (text.empty() ? "" : "\n\n") + more;
    if (!text.empty()) s.description.set(s.language == "en" ? "en" : "fr", text);
    if (s.language == "en" && !s.description.has("fr")) s.description.set("fr", text);
    for (const auto& [name, bio] : item.persons) {
        if (trim(name).empty()) continue;
        s.speakers.push_back(Speaker{trim(name), {}});
    }
    if (!trim(item.url).empty()) s.registration.url = trim(item.url);
    const std::string room = trim(item.room).empty() ? std::string("Salle") : trim(item.room);
    if (!trim(venue).empty()) {  // rooms of one building: the room is shown with the place
        s.placeId = sourceId("lieu", trim(venue));
        addRoomPlace(out, s.placeId, trim(venue));
        if (!trim(item.room).empty()) s.roomName = room;
    } else {
        s.placeId = sourceId("salle", room);
        addRoomPlace(out, s.placeId, room);
    }
    out.sessions.push_back(std::move(s));
}

}  // namespace kiosk::core::import::detail
