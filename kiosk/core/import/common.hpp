// Helpers the importers share: stable ids, local times in the event's zone, keyword
// mapping to session types and access features, light Markdown/HTML to plain text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/import/importer.hpp"
#include "core/json_parse.hpp"
#include "core/text_fold.hpp"
#include "core/time.hpp"

namespace kiosk::core::import::detail {

// JSON programmes (OpenAgenda, pretalx) go through the kiosk's depth-limited parser: the
// feed's depth, and more entries per array (an agenda may list thousands of events).
inline JsonParseOptions importJsonOptions() {
    JsonParseOptions o;
    o.maxEntries = 200000;
    return o;
}

using core::foldAccents;  // core/text_fold.hpp
using core::slugId;
// prefix + "-" + slug of key, within 64 characters.
std::string sourceId(std::string_view prefix, std::string_view key);
// The instant with the offset the event's zone has at that instant.
DateTime inZone(Instant t, const TimeZone& tz);
// "2027-10-20T14:30:00+02:00": the instant written with its own offset.
std::string formatWithOffset(const DateTime& t);
// "2027-10-20T14:30:00+0200", "...+02:00", "...Z", "...T14:30:00.000+02:00".
std::optional<DateTime> parseOffsetDateTime(std::string_view text);
// "19/05/2026", "19.05.2026", "2026-05-19".
std::optional<CivilDate> parseLooseDate(std::string_view text);
// "14h30", "14h", "14:30", "14 h 30", "14H30", "9:05:00": minutes after midnight.
std::optional<int> parseLooseTime(std::string_view text);
// "1:30", "01:30:00", "90" (minutes), "PT1H30M": minutes.
std::optional<int> parseDurationMinutes(std::string_view text);
// Words such as "atelier", "table ronde", "workshop", "projection" to a session type.
std::optional<SessionType> typeFromWords(std::string_view words);
// "plain-pied", "step_free", "boucle magnétique", "LSF"... to one access feature.
std::optional<AccessFeature> accessFromWord(std::string_view word);
std::optional<AudienceFlag> audienceFromWord(std::string_view word);
// Markdown or HTML to the feed's plain text (paragraphs separated by a blank line).
std::string plainText(std::string_view text);
std::string trim(std::string_view text);
// "En ligne", "Online", "Distanciel", "Visio"...: a way to follow a session, not a place.
bool isOnlinePlaceName(std::string_view name);
// Sets firstDay/lastDay of `out` from its sessions, in `tz`.
void noteDays(Imported& out, const TimeZone& tz);

}  // namespace kiosk::core::import::detail
