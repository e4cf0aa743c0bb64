// Format names, guessing a file's format, and the one entry point over all importers.
#include "core/import/importer.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/import/common.hpp"

namespace kiosk::core::import {
namespace {
struct Name {
    const char* name;
    Format format;
};
const Name kNames[] = {
    {"openagenda", Format::OpenAgenda}, {"pretalx-json", Format::PretalxJson}, {"frab-json", Format::PretalxJson},
    {"frab-xml", Format::FrabXml},      {"pretalx-xml", Format::FrabXml},      {"ics", Format::ICalendar},
    {"ical", Format::ICalendar},        {"csv", Format::CsvSessions},          {"csv-sessions", Format::CsvSessions},
    {"csv-places", Format::CsvPlaces},  {"csv-demos", Format::CsvDemos},       {"pretalx", Format::PretalxJson},
    {"frab", Format::FrabXml},  // short names in the kiosk's live_source
};
}  // namespace

bool parseFormat(std::string_view name, Format& out) {
    for (const Name& n : kNames) {
        if (name == n.name) {
            out = n.format;
            return true;
        }
    }
    return false;
}

const char* formatName(Format f) {
    for (const Name& n : kNames) {
        if (n.format == f) return n.name;
    }
    return "?";
}

std::optional<Format> guessFormat(std::string_view fileName, std::string_view bytes) {
    std::string lower(fileName);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    auto ends = [&](std::string_view s) {
        return lower.size() >= s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".ics") || ends(".ical")) return Format::ICalendar;
    if (ends(".xml")) return Format::FrabXml;
    if (ends(".csv")) {
        if (lower.find("lieux") != std::string::npos || lower.find("places") != std::string::npos)
            return Format::CsvPlaces;
        if (lower.find("demo") != std::string::npos) return Format::CsvDemos;
        return Format::CsvSessions;
    }
    if (ends(".json")) {
        const auto head = bytes.substr(0, 4096);
        if (head.find("\"schedule\"") != std::string_view::npos &&
            head.find("\"conference\"") != std::string_view::npos) {
            return Format::PretalxJson;
        }
        return Format::OpenAgenda;
    }
    return std::nullopt;
}

namespace {

Imported importAny(Format format, std::string_view bytes, const ImportOptions& options) {
    switch (format) {
        case Format::OpenAgenda: return importOpenAgenda(bytes, options);
        case Format::PretalxJson: return importPretalxJson(bytes, options);
        case Format::FrabXml: return importFrabXml(bytes, options);
        case Format::ICalendar: return importICalendar(bytes, options);
        case Format::CsvSessions: return importCsvSessions(bytes, options);
        case Format::CsvPlaces: return importCsvPlaces(bytes, options);
        case Format::CsvDemos: return importCsvDemos(bytes, options);
    }
    return Imported{};
}

// A room or location called "En ligne" (a calendar's LOCATION, a pretalx room) is how
// the session is followed: the session is online and that "place" is not kept.
void onlineNotPlaces(Imported& in) {
    std::set<std::string> online;
    for (const Place& p : in.places) {
        if (detail::isOnlinePlaceName(p.name.str(Lang::Fr))) online.insert(p.id);
    }
    if (online.empty()) return;
    for (Session& s : in.sessions) {
        if (!online.count(s.placeId)) continue;
        s.online = true;
        s.placeId.clear();
        s.roomName.clear();
    }
    std::erase_if(in.places, [&](const Place& p) { return online.count(p.id) > 0; });
}

// Two sessions with one id would be merged into one by the feed: the second is refused,
// named by where it came from.
void refuseDuplicateIds(Imported& in, const std::string& sourceName) {
    std::set<std::string> seen;
    std::vector<Session> kept;
    for (Session& s : in.sessions) {
        if (seen.insert(s.id).second) {
            kept.push_back(std::move(s));
            continue;
        }
        const auto origin = in.origins.find(s.id);
        in.diagnostics.add(Severity::ItemError, sourceName, origin == in.origins.end() ? s.id : origin->second,
                           "a second session with the id \"" + s.id + "\" (the source gives it twice); skipped");
    }
    in.sessions = std::move(kept);
}

}  // namespace

Imported importBytes(Format format, std::string_view bytes, const ImportOptions& options) {
    Imported out = importAny(format, bytes, options);
    onlineNotPlaces(out);
    refuseDuplicateIds(out, options.sourceName);
    return out;
}

}  // namespace kiosk::core::import
