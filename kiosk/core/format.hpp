// Dates and times written the way visitors read them, without system locales:
// "mercredi 20 octobre", "14 h 30" in French; "Wednesday 20 October", "14:30" in English.
#pragma once

#include <string>

#include "core/localized_text.hpp"
#include "core/time.hpp"

namespace kiosk::core {

std::string formatDayLong(const CivilDate& d, Lang lang);   // "mercredi 20 octobre"
std::string formatDayShort(const CivilDate& d, Lang lang);  // "mer. 20"
std::string formatTime(int hour, int minute, Lang lang);    // "14 h 30", "9 h", "14:30"
std::string formatTime(Instant t, const TimeZone& tz, Lang lang);
std::string formatTimeRange(Instant start, Instant end, const TimeZone& tz, Lang lang);  // "14 h 30 – 16 h"
unsigned weekdayOf(const CivilDate& d);                                                  // 0 = Sunday

}  // namespace kiosk::core
