// Importers: pure functions from the bytes of a programme another tool publishes
// (OpenAgenda, pretalx/frab, iCalendar, spreadsheet CSV) to the kiosk's model.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/model.hpp"

namespace kiosk::core::import {

enum class Format { OpenAgenda, PretalxJson, FrabXml, ICalendar, CsvSessions, CsvPlaces, CsvDemos };

// "openagenda", "pretalx-json" (or "frab-json"), "frab-xml" (or "pretalx-xml"), "ics",
// "csv" (sessions), "csv-places", "csv-demos"; "pretalx" and "frab" are short for
// pretalx-json and frab-xml. False for anything else.
bool parseFormat(std::string_view name, Format& out);
const char* formatName(Format f);
// The format a file name suggests (".ics", ".xml", ".csv", ".json" read as OpenAgenda
// unless the text looks like a frab schedule). nullopt when nothing fits.
std::optional<Format> guessFormat(std::string_view fileName, std::string_view bytes);

struct ImportOptions {
    std::string sourceName = "source";      // the file name diagnostics carry
    std::string timeZone = "Europe/Paris";  // the event's IANA zone: offsets are written in it
    // Recurrences (iCalendar RRULE) are expanded within these dates when given.
    std::optional<CivilDate> firstDay, lastDay;
    // A conference in one building (pretalx, frab, iCalendar): its rooms become rooms of
    // this one place, named so, instead of one place per room. Empty: a place per room.
    std::string venue;
};

// What a source gave. Every session's place is in `places` (or in the feed already);
// instants carry the offset of `timeZone` at that instant.
struct Imported {
    std::vector<Session> sessions;
    std::vector<Place> places;
    std::vector<Demo> demos;
    LocalizedText eventName;                     // when the source names its event
    std::optional<CivilDate> firstDay, lastDay;  // of the sessions found
    std::optional<std::string> nextPage;         // OpenAgenda API: the `after` cursor, when more pages follow
    Diagnostics diagnostics;                     // path: "$.events[3].timings[0]" or "row 12"
    // Where each session came from in the source, as staff find it there: "row 12" of a
    // sheet, "UID abc@x" of a calendar, "$.events[3] (uid 42)" of OpenAgenda.
    std::map<std::string, std::string> origins;
    // For ids derived from a title (no id in the source): the session's slot (day, start,
    // place). writeImport keeps the first id of a slot when only the title changes.
    std::map<std::string, std::string> slots;
};

// Fuzz-friendly entry points: any bytes, never throw, never abort.
Imported importOpenAgenda(std::string_view bytes, const ImportOptions& options);
Imported importPretalxJson(std::string_view bytes, const ImportOptions& options);
Imported importFrabXml(std::string_view bytes, const ImportOptions& options);
Imported importICalendar(std::string_view bytes, const ImportOptions& options);
Imported importCsvSessions(std::string_view bytes, const ImportOptions& options);
Imported importCsvPlaces(std::string_view bytes, const ImportOptions& options);
Imported importCsvDemos(std::string_view bytes, const ImportOptions& options);
Imported importBytes(Format format, std::string_view bytes, const ImportOptions& options);

}  // namespace kiosk::core::import
