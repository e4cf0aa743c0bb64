// The staff's spreadsheets: per-hour.csv, per-item.csv and per-kiosk.csv, written so a
// French spreadsheet opens them as they are (UTF-8 with BOM, ";" between fields, decimal
// comma, ISO dates, CRLF line ends, RFC 4180 quoting). English headers with Lang::En
// (then still ";" but a decimal point).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/stats/report_data.hpp"

namespace kiosk::core::stats {

struct CsvOptions {
    Lang lang = Lang::Fr;
    std::map<std::string, std::string> titles;  // itemTitles(); empty: the title column stays empty
};

// Writes the three files into `dir` (created when missing); returns their paths.
Result<std::vector<std::filesystem::path>> writeCsvReports(const Figures& figures, const std::filesystem::path& dir,
                                                           const CsvOptions& options);

// One field, quoted when it holds ';', '"' or a line break.
std::string csvField(const std::string& text);

}  // namespace kiosk::core::stats
