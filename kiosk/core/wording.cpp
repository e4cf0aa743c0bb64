// Programme wording for visitors (see wording.hpp). French typography: a no-break
// space (U+00A0) between a number and its noun, a narrow one (U+202F) before ":".
#include "core/wording.hpp"

#include <algorithm>

#include "core/format.hpp"
#include "core/schedule.hpp"

namespace kiosk::core {
namespace {
const char* const kNbsp = "\u00A0";
const char* const kNnbsp = "\u202F";

struct NounForms {
    const char *frOne, *frMany, *enOne, *enMany;
};
const NounForms kNouns[] = {
    {"séance", "séances", "session", "sessions"},
    {"lieu", "lieux", "venue", "venues"},
    {"commune", "communes", "town", "towns"},
    {"démonstration", "démonstrations", "demonstration", "demonstrations"},
    {"place", "places", "seat", "seats"},
};

const char* const kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
}  // namespace

std::string dayLabel(const CivilDate& day, const CivilDate& today, Lang lang) {
    const int delta = daysBetween(today, day);
    if (delta == 0) return {};
    if (delta == 1) return lang == Lang::En ? "tomorrow" : "demain";
    if (delta == -1) return lang == Lang::En ? "yesterday" : "hier";
    return formatDayShort(day, lang);
}

std::string formatStartFrom(const Session& s, Instant now, const TimeZone& tz, Lang lang) {
    const std::string time = formatTime(s.start.instant, tz, lang);
    const std::string day = dayLabel(programmeDay(s.start.instant, tz), programmeDay(now, tz), lang);
    return day.empty() ? time : day + kNbsp + time;
}

const char* nounForm(std::size_t n, Noun noun, Lang lang) {
    const NounForms& f = kNouns[static_cast<int>(noun)];
    const bool one = lang == Lang::En ? n == 1 : n <= 1;
    return lang == Lang::En ? (one ? f.enOne : f.enMany) : (one ? f.frOne : f.frMany);
}

std::string countOf(std::size_t n, Noun noun, Lang lang) { return std::to_string(n) + kNbsp + nounForm(n, noun, lang); }

std::size_t countTakingPlace(const std::vector<const Session*>& sessions) {
    return static_cast<std::size_t>(std::count_if(
        sessions.begin(), sessions.end(), [](const Session* s) { return s->status != SessionStatus::Cancelled; }));
}

std::size_t countTakingPlace(const Content& c) {
    return static_cast<std::size_t>(std::count_if(
        c.sessions.begin(), c.sessions.end(), [](const Session& s) { return s.status != SessionStatus::Cancelled; }));
}

std::string formatEventDates(const CivilDate& first, const CivilDate& last, Lang lang) {
    const bool en = lang == Lang::En;
    if (first == last) return (en ? "" : "le ") + formatDayLong(first, lang) + " " + std::to_string(first.year);
    std::string from = formatDayLong(first, lang);
    if (first.year != last.year) {
        from += " " + std::to_string(first.year);
    } else if (first.month == last.month && first.month >= 1 && first.month <= 12) {
        // "du lundi 18 au dimanche 24 octobre 2027": the month once.
        const std::string month = std::string(" ") + (en ? kMonthsEn : kMonthsFr)[first.month - 1];
        if (from.size() > month.size() && from.compare(from.size() - month.size(), month.size(), month) == 0) {
            from.erase(from.size() - month.size());
        }
    }
    const std::string to = formatDayLong(last, lang) + " " + std::to_string(last.year);
    return en ? "from " + from + " to " + to : "du " + from + " au " + to;
}

std::string previousSlotText(const Content& c, const Session& s, Instant now, Lang lang) {
    if (!s.previous) return {};
    const PreviousSlot& p = *s.previous;
    std::vector<std::string> parts;
    if (p.start && p.start->instant != s.start.instant) {
        Session before;
        before.start = *p.start;
        std::string when = formatStartFrom(before, now, c.timeZone, lang);
        const Instant end = p.end ? p.end->instant : p.start->instant + (s.end.instant - s.start.instant);
        when += std::string(kNbsp) + "\u2013 " + formatTime(end, c.timeZone, lang);
        // Moved to another day: say which day it was, even when that day is today.
        if (programmeDay(p.start->instant, c.timeZone) != programmeDay(s.start.instant, c.timeZone) &&
            dayLabel(programmeDay(p.start->instant, c.timeZone), programmeDay(now, c.timeZone), lang).empty()) {
            when = formatDayShort(programmeDay(p.start->instant, c.timeZone), lang) + kNbsp + when;
        }
        parts.push_back(when);
    }
    const std::string placeId = p.placeId.empty() ? s.placeId : p.placeId;
    if (placeId != s.placeId) {
        if (const Place* place = c.findPlace(placeId)) parts.push_back(place->name.str(lang));
    }
    if (!p.roomName.empty() && (p.roomName != s.roomName || placeId != s.placeId)) {
        parts.push_back(p.roomName);  // a room named as text, not on a floor plan
    } else if (!p.roomId.empty() && (p.roomId != s.roomId || placeId != s.placeId)) {
        if (const Room* room = c.findRoom(placeId, p.roomId)) parts.push_back(room->name.str(lang));
    }
    if (parts.empty()) return {};
    std::string out = lang == Lang::En ? "Originally: " : std::string("Initialement") + kNnbsp + ": ";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
}

std::vector<std::string> contentLanguages(const Content& c) {
    if (!c.event.languages.empty()) {
        std::vector<std::string> out = {"fr"};
        for (const auto& l : c.event.languages) {
            if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
        }
        return out;
    }
    bool english = c.event.name.has("en");
    for (const Session& s : c.sessions) english = english || s.title.has("en");
    return english ? std::vector<std::string>{"fr", "en"} : std::vector<std::string>{"fr"};
}

bool contentHasLanguage(const Content& c, Lang lang) {
    const auto langs = contentLanguages(c);
    return std::find(langs.begin(), langs.end(), langCode(lang)) != langs.end();
}

}  // namespace kiosk::core
