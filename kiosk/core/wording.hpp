// How the programme is said to visitors: a time with its day when it is not today,
// counts with singular and plural, an event's dates (one day or several), what moved
// in a changed session, and which languages the content is written in.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/localized_text.hpp"
#include "core/model.hpp"
#include "core/time.hpp"

namespace kiosk::core {

// "" on `today`, "demain" / "tomorrow", "hier" / "yesterday", else "jeu. 21" / "Thu 21".
std::string dayLabel(const CivilDate& day, const CivilDate& today, Lang lang);

// A session's start as a list shows it: "14 h 30" today, "demain 9 h", "jeu. 21 9 h"
// (the day and time joined by a no-break space), in programme days (see schedule.hpp).
std::string formatStartFrom(const Session& s, Instant now, const TimeZone& tz, Lang lang);

enum class Noun { Session, Place, Commune, Demo, Seat };
// "1 séance", "0 séance", "2 séances"; "1 session", "0 sessions" (French: 0 and 1 are
// singular). The number and the noun are joined by a no-break space.
std::string countOf(std::size_t n, Noun noun, Lang lang);
const char* nounForm(std::size_t n, Noun noun, Lang lang);  // the noun alone: "lieu", "lieux"

// Sessions that take place: cancelled ones are shown but never counted.
std::size_t countTakingPlace(const std::vector<const Session*>& sessions);
std::size_t countTakingPlace(const Content& c);

// "le mardi 19 mai 2027" / "du lundi 18 octobre au dimanche 24 octobre 2027";
// "Tuesday 19 May 2027" / "from Monday 18 October to Sunday 24 October 2027".
std::string formatEventDates(const CivilDate& first, const CivilDate& last, Lang lang);

// For a changed session with a "previous" slot: what it was, naming only what changed,
// e.g. "Initialement : 10 h 30, Salle des associations" / "Originally: 10:30, Club room".
// "" when nothing is known.
std::string previousSlotText(const Content& c, const Session& s, Instant now, Lang lang);

// Languages the content is written in, "fr" first: the event's `languages` when given,
// else "en" is added when the event's name or any session title has an English text.
std::vector<std::string> contentLanguages(const Content& c);
bool contentHasLanguage(const Content& c, Lang lang);

}  // namespace kiosk::core
