// A spreadsheet exported as CSV, read with libcsv into rows with their line numbers,
// and its header matched against documented column names (case, accents, spaces ignored).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace kiosk::core::import::detail {

struct CsvRow {
    // The spreadsheet's row number, 1-based, the header being row 1: what staff see in
    // LibreOffice or Excel, whatever line breaks the cells above hold. A spreadsheet
    // exports an empty row as a line of separators, which counts.
    int row = 0;
    std::vector<std::string> cells;  // line breaks inside a cell are "\n", never "\r\n"
};

struct CsvTable {
    std::vector<CsvRow> rows;  // the header is rows[0]
    char delimiter = ',';
};

// UTF-8 with or without BOM; ';', ',' or tab (whichever the first line uses most);
// CRLF or LF; quoted cells may hold delimiters, quotes and line breaks (CR removed).
CsvTable readCsv(std::string_view bytes);

// "Heure de début", "heure_debut", "HEURE DEBUT" -> "heuredebut".
std::string columnKey(std::string_view header);

struct ColumnSpec {
    const char* field;                 // our name for the column
    std::vector<const char*> aliases;  // column keys (see columnKey) that mean it
};

// Maps each header cell to a field; unknown columns are warnings naming the cell and
// the accepted names. Returns field -> column index.
std::map<std::string, std::size_t> matchColumns(const CsvRow& header, const std::vector<ColumnSpec>& specs,
                                                const std::string& file, Diagnostics& diags);

}  // namespace kiosk::core::import::detail
