// Programme queries (see schedule.hpp).
#include "core/schedule.hpp"

#include <algorithm>

namespace kiosk::core {

CivilDate programmeDay(Instant t, const TimeZone& tz) {
    const LocalTime local = tz.toLocal(t);
    return local.hour < kDayStartHour ? addDays(local.date, -1) : local.date;
}

std::vector<CivilDate> programmeDays(const Content& c) {
    std::vector<CivilDate> days;
    for (const Session& s : c.sessions) days.push_back(programmeDay(s.start.instant, c.timeZone));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

std::vector<const Session*> sessionsOnDay(const Content& c, const CivilDate& day) {
    std::vector<const Session*> out;
    for (const Session& s : c.sessions) {
        if (programmeDay(s.start.instant, c.timeZone) == day) out.push_back(&s);
    }
    return out;
}

NowNext nowAndNext(const Content& c, Instant now, std::size_t maxNext) {
    NowNext out;
    for (const Session& s : c.sessions) {  // sessions are sorted by start
        if (s.status == SessionStatus::Cancelled) continue;
        if (isRunning(s, now)) {
            out.now.push_back(&s);
        } else if (s.start.instant > now && out.next.size() < maxNext) {
            out.next.push_back(&s);
        }
    }
    return out;
}

EventPhase eventPhase(const Content& c, Instant now) {
    const CivilDate today = programmeDay(now, c.timeZone);
    if (today < c.event.startDate) return EventPhase::Before;
    if (c.event.endDate < today) return EventPhase::After;
    return EventPhase::During;
}

int daysUntilStart(const Content& c, Instant now) {
    return daysBetween(programmeDay(now, c.timeZone), c.event.startDate);
}

AccessSet sessionAccess(const Content& c, const Session& s) {
    if (const Room* room = c.findRoom(s.placeId, s.roomId)) return static_cast<AccessSet>(s.access | room->access);
    const Place* place = c.findPlace(s.placeId);
    return static_cast<AccessSet>(s.access | (place ? place->access : 0));
}

std::size_t firstCurrentIndex(const std::vector<const Session*>& sessions, Instant now) {
    const Instant recent = now - std::chrono::hours(2);
    std::size_t first = sessions.size();
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        if (hasEnded(*sessions[i], now)) continue;
        if (sessions[i]->start.instant >= recent) return i;
        first = std::min(first, i);
    }
    return first;
}

}  // namespace kiosk::core
