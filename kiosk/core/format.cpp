// French and English date and time wording (see format.hpp). Non-breaking spaces keep
// "14 h 30" on one line.
#include "core/format.hpp"

#include <cstdio>

namespace kiosk::core {
namespace {
const char* const kDaysFr[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
const char* const kDaysEn[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kDaysFrShort[] = {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."};
const char* const kDaysEnShort[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
const char* const kNbsp = "\u00A0";
}  // namespace

unsigned weekdayOf(const CivilDate& d) {
    // Days since 1970-01-01 (a Thursday).
    const int days = daysBetween(CivilDate{1970, 1, 1}, d);
    return static_cast<unsigned>(((days % 7) + 7 + 4) % 7);
}

std::string formatDayLong(const CivilDate& d, Lang lang) {
    const unsigned wd = weekdayOf(d);
    const unsigned m = (d.month >= 1 && d.month <= 12) ? d.month - 1 : 0;
    if (lang == Lang::En) return std::string(kDaysEn[wd]) + " " + std::to_string(d.day) + " " + kMonthsEn[m];
    const std::string day = d.day == 1 ? "1er" : std::to_string(d.day);
    return std::string(kDaysFr[wd]) + " " + day + " " + kMonthsFr[m];
}

std::string formatDayShort(const CivilDate& d, Lang lang) {
    const unsigned wd = weekdayOf(d);
    return std::string(lang == Lang::En ? kDaysEnShort[wd] : kDaysFrShort[wd]) + kNbsp + std::to_string(d.day);
}

std::string formatTime(int hour, int minute, Lang lang) {
    char buf[32];
    if (lang == Lang::En) {
        std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    } else if (minute == 0) {
        std::snprintf(buf, sizeof buf, "%d%sh", hour, kNbsp);
    } else {
        std::snprintf(buf, sizeof buf, "%d%sh%s%02d", hour, kNbsp, kNbsp, minute);
    }
    return buf;
}

std::string formatTime(Instant t, const TimeZone& tz, Lang lang) {
    const LocalTime l = tz.toLocal(t);
    return formatTime(l.hour, l.minute, lang);
}

std::string formatTimeRange(Instant start, Instant end, const TimeZone& tz, Lang lang) {
    return formatTime(start, tz, lang) + kNbsp + "\u2013 " + formatTime(end, tz, lang);
}

}  // namespace kiosk::core
