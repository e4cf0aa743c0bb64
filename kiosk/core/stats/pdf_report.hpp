// The one-page report for organisers and elected officials: key figures and six plots
// (visits per day and per hour, per kiosk, most viewed sessions and demos, languages and
// accessibility) drawn with cairo on an A4 landscape PDF page, in French or English.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "core/stats/report_data.hpp"

namespace kiosk::core::stats {

struct PdfOptions {
    Lang lang = Lang::Fr;
    std::string eventName;                      // under the title; empty: none
    std::map<std::string, std::string> titles;  // itemTitles(); missing ones show the id
    std::string generatedOn;                    // "2027-10-22", printed in the footer
};

Status writePdfReport(const Figures& figures, const std::filesystem::path& file, const PdfOptions& options);

}  // namespace kiosk::core::stats
