// Reading CSV with libcsv and matching its header (see csv_table.hpp).
#include "core/import/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <cctype>

#include "core/import/common.hpp"

namespace kiosk::core::import::detail {
namespace {

struct Collector {
    CsvTable table;
    CsvRow current;
    int records = 0;  // records ended so far, blank ones included
};

// "a\r\nb" (Windows line breaks inside a quoted cell) and a lone "\r" become "\n".
std::string withoutCarriageReturns(const char* data, std::size_t len) {
    std::string cell;
    cell.reserve(len);
    for (std::size_t i = 0; i < len; ++i) {
        if (data[i] != '\r') {
            cell += data[i];
        } else if (i + 1 >= len || data[i + 1] != '\n') {
            cell += '\n';
        }
    }
    return cell;
}

void onField(void* data, std::size_t len, void* user) {
    auto* c = static_cast<Collector*>(user);
    c->current.cells.push_back(data ? withoutCarriageReturns(static_cast<const char*>(data), len) : std::string());
}

void onRow(int, void* user) {
    auto* c = static_cast<Collector*>(user);
    c->current.row = ++c->records;
    const bool blank = std::all_of(c->current.cells.begin(), c->current.cells.end(),
                                   [](const std::string& s) { return trim(s).empty(); });
    if (!blank) c->table.rows.push_back(std::move(c->current));
    c->current = CsvRow{};
}

char guessDelimiter(std::string_view bytes) {
    std::size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (char ch : bytes) {
        if (ch == '"') quoted = !quoted;
        if (quoted) continue;
        if (ch == '\n') break;
        counts[0] += ch == ';';
        counts[1] += ch == ',';
        counts[2] += ch == '\t';
    }
    if (counts[0] >= counts[1] && counts[0] >= counts[2] && counts[0] > 0) return ';';
    if (counts[2] > counts[1]) return '\t';
    return ',';
}

}  // namespace

CsvTable readCsv(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    Collector c;
    c.table.delimiter = guessDelimiter(bytes);
    csv_parser p;
    if (csv_init(&p, CSV_APPEND_NULL) != 0) return c.table;
    csv_set_delim(&p, static_cast<unsigned char>(c.table.delimiter));
    // Strict mode is off, so libcsv stops early only when memory runs out: the rows read
    // so far are kept.
    csv_parse(&p, bytes.data(), bytes.size(), onField, onRow, &c);
    csv_fini(&p, onField, onRow, &c);
    csv_free(&p);
    return c.table;
}

std::string columnKey(std::string_view header) {
    std::string out;
    for (char ch : foldAccents(header)) {
        if (std::isalnum(static_cast<unsigned char>(ch))) out += ch;
    }
    return out;
}

std::map<std::string, std::size_t> matchColumns(const CsvRow& header, const std::vector<ColumnSpec>& specs,
                                                const std::string& file, Diagnostics& diags) {
    std::map<std::string, std::size_t> out;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string key = columnKey(header.cells[i]);
        if (key.empty()) continue;
        const auto spec = std::find_if(specs.begin(), specs.end(), [&](const ColumnSpec& s) {
            return key == columnKey(s.field) ||
                   std::any_of(s.aliases.begin(), s.aliases.end(), [&](const char* a) { return key == a; });
        });
        if (spec == specs.end()) {
            std::string known;
            for (const ColumnSpec& s : specs) known += (known.empty() ? "" : ", ") + std::string(s.field);
            diags.add(Severity::Warning, file, "row " + std::to_string(header.row),
                      "unknown column \"" + trim(header.cells[i]) + "\" ignored (known columns: " + known + ")");
        } else if (!out.count(spec->field)) {
            out[spec->field] = i;
        }
    }
    return out;
}

}  // namespace kiosk::core::import::detail
