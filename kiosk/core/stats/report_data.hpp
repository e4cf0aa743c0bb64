// The figures staff reports are made of: hourly counts read from one or several kiosks'
// databases, turned to the event's local time and summed per day, hour, kiosk and item.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/localized_text.hpp"
#include "core/result.hpp"
#include "core/stats/store.hpp"
#include "core/time.hpp"

namespace kiosk::core {
struct Content;
}

namespace kiosk::core::stats {

struct KioskData {
    std::string kioskId;  // from the database's meta table, else the file name
    std::filesystem::path file;
    std::vector<HourlyRow> rows;
};

// Reads without changing anything the kiosk would notice; errors name the file.
Result<KioskData> readKioskDatabase(const std::filesystem::path& file);

// One local hour of one kiosk.
struct HourFigures {
    std::int64_t visits = 0, endedVisits = 0, visitSeconds = 0;
    std::int64_t screens = 0, items = 0, qr = 0, filters = 0, languages = 0, accessibility = 0;
};

struct ItemKey {
    std::string kiosk;
    EventKind kind;
    std::string subject, item;
    auto operator<=>(const ItemKey&) const = default;
};

struct Figures {
    // (kiosk, local date, local hour) -> figures
    std::map<std::tuple<std::string, CivilDate, int>, HourFigures> hours;
    std::map<ItemKey, std::int64_t> items;  // every kind but the visits themselves
    std::vector<std::string> kiosks;        // in the order given
};

Figures computeFigures(const std::vector<KioskData>& kiosks, const TimeZone& tz);

// Titles of the feed's items in `lang`, by "session/<id>", "place/<id>", "demo/<id>",
// "page/<id>"; QR codes use the session's title.
std::map<std::string, std::string> itemTitles(const Content& content, Lang lang);

// "2,5": one decimal with a decimal comma (French spreadsheets), or a point for English.
std::string formatDecimal(double value, int decimals, Lang lang);

}  // namespace kiosk::core::stats
