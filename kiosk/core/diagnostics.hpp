// Problems found in a feed, at three levels: fatal (feed unusable), item error (that
// item is skipped) and warning (nothing skipped). Each names file, JSON path and cause.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::core {

enum class Severity { Warning, ItemError, Fatal };

const char* severityName(Severity s);  // "warning", "error", "fatal"

struct Diagnostic {
    Severity severity = Severity::Warning;
    std::string file;     // e.g. "sessions.json"
    std::string path;     // JSON path, e.g. "$.sessions[12].start"; empty for the whole file
    std::string message;  // what was expected and what was found

    // "sessions.json: $.sessions[12].start: expected ..., got "14h30""
    std::string toString() const;
};

class Diagnostics {
public:
    void add(Severity severity, std::string file, std::string path, std::string message);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t count(Severity severity) const;
    bool hasFatal() const { return count(Severity::Fatal) > 0; }
    bool hasErrors() const { return hasFatal() || count(Severity::ItemError) > 0; }
    bool empty() const { return items_.empty(); }

private:
    std::vector<Diagnostic> items_;
};

}  // namespace kiosk::core
