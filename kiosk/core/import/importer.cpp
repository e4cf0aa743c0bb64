// Format names, guessing a file's format, and the one entry point over all importers.
#include "core/import/importer.hpp"

#include <algorithm>
#include <cctype>

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

Imported importBytes(Format format, std::string_view bytes, const ImportOptions& options) {
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

}  // namespace kiosk::core::import
