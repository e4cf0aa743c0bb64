// Problems found in a feed, at four levels: fatal (feed unusable), item error (that
// item is skipped), warning (nothing skipped, something to fix) and note (nothing wrong,
// but worth knowing: a place without coordinates has no pin). Each names file, JSON path and cause.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::core {

enum class Severity { Note, Warning, ItemError, Fatal };

const char* severityName(Severity s);  // "note", "warning", "error", "fatal"

struct Diagnostic {
    Severity severity = Severity::Warning;
    std::string file;     // e.g. "sessions.json"
    std::string path;     // JSON path, e.g. "$.sessions[12].start"; empty for the whole file
    std::string message;  // what was expected and what was found

    // "sessions.json: $.sessions[12].start: expected ..., got "14h30""
    std::string toString() const;
};

// Messages are made printable (valid UTF-8, control characters escaped). Past
// kMaxListedDiagnostics (limits.hpp) warnings and item errors are counted, not listed:
// all() then ends with one line "N more problems not listed". count() counts them all.
class Diagnostics {
public:
    Diagnostics();                                // lists up to kMaxListedDiagnostics
    explicit Diagnostics(std::size_t maxListed);  // 0: kMaxListedDiagnostics
    void add(Severity severity, std::string file, std::string path, std::string message);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t count(Severity severity) const;
    std::size_t notListed() const { return notListed_[0] + notListed_[1]; }
    bool hasFatal() const { return count(Severity::Fatal) > 0; }
    bool hasErrors() const { return hasFatal() || count(Severity::ItemError) > 0; }
    bool empty() const { return items_.empty(); }

private:
    void updateSummary();

    std::vector<Diagnostic> items_;
    std::size_t maxListed_;
    std::size_t notListed_[2] = {0, 0};  // warnings, item errors past the cap
    bool hasSummary_ = false;            // items_.back() is the "N more" line
};

}  // namespace kiosk::core
