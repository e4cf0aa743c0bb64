// Questions visitors ask of the programme: which days, what is on that day, what is on
// now and next, whether the event has started or ended. Pure functions of the content.
#pragma once

#include <cstddef>
#include <vector>

#include "core/model.hpp"

namespace kiosk::core {

// A programme day runs from 04:00 to 04:00 local time, so an evening that goes past
// midnight stays on its own day.
inline constexpr int kDayStartHour = 4;
CivilDate programmeDay(Instant t, const TimeZone& tz);

// Days with at least one session, in order.
std::vector<CivilDate> programmeDays(const Content& c);
// Sessions of that day, in start order (cancelled ones included: visitors must see them).
std::vector<const Session*> sessionsOnDay(const Content& c, const CivilDate& day);

struct NowNext {
    std::vector<const Session*> now;   // started, not ended, not cancelled
    std::vector<const Session*> next;  // not started yet, not cancelled, soonest first
};
NowNext nowAndNext(const Content& c, Instant now, std::size_t maxNext = 6);

enum class EventPhase { Before, During, After };
EventPhase eventPhase(const Content& c, Instant now);
// Whole days from `now`'s programme day to the first day of the event (0 on the day).
int daysUntilStart(const Content& c, Instant now);

inline bool hasEnded(const Session& s, Instant now) { return now >= s.end.instant; }
inline bool isRunning(const Session& s, Instant now) {
    return s.status != SessionStatus::Cancelled && now >= s.start.instant && now < s.end.instant;
}

// A session's access features: its own plus those of its room when it names one, else
// those of its place. Never the whole venue's for a session in one room: an induction
// loop in the main hall says nothing of the workshop room (docs/feed-format.md).
AccessSet sessionAccess(const Content& c, const Session& s);

// Where a list of today should open: the first session running or still to come (a
// cancelled one too, so the visitor sees it is off); sessions.size() when all have ended.
// A session that started more than two hours ago (a showroom open all day) is passed
// over when a later one is running or to come: it would pin the list to the morning.
std::size_t firstCurrentIndex(const std::vector<const Session*>& sessions, Instant now);

}  // namespace kiosk::core
