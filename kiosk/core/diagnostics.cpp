// Collection and formatting of feed problems (see diagnostics.hpp).
#include "core/diagnostics.hpp"

#include <algorithm>

#include "core/limits.hpp"
#include "core/text_safety.hpp"

namespace kiosk::core {

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::ItemError: return "error";
        case Severity::Fatal: return "fatal";
    }
    return "?";
}

std::string Diagnostic::toString() const {
    std::string out = file;
    if (!path.empty()) out += ": " + path;
    out += ": " + message;
    return out;
}

Diagnostics::Diagnostics() : Diagnostics(0) {}

Diagnostics::Diagnostics(std::size_t maxListed) : maxListed_(maxListed ? maxListed : kMaxListedDiagnostics) {}

void Diagnostics::updateSummary() {
    if (notListed() == 0) return;
    std::string line = std::to_string(notListed()) + " more problems not listed (" + std::to_string(notListed_[1]) +
                       " errors, " + std::to_string(notListed_[0]) + " warnings); fix the ones above first";
    const Severity worst = notListed_[1] ? Severity::ItemError : Severity::Warning;
    if (!hasSummary_) {
        items_.push_back({worst, "", "", std::move(line)});
        hasSummary_ = true;
        return;
    }
    items_.back().message = std::move(line);
    items_.back().severity = worst;
}

void Diagnostics::add(Severity severity, std::string file, std::string path, std::string message) {
    const std::size_t listed = items_.size() - (hasSummary_ ? 1 : 0);
    if (severity != Severity::Fatal && listed >= maxListed_) {
        ++notListed_[severity <= Severity::Warning ? 0 : 1];
        updateSummary();
        return;
    }
    Diagnostic d{severity, printable(file), printable(path), printable(message)};
    if (hasSummary_) {
        items_.insert(items_.end() - 1, std::move(d));
    } else {
        items_.push_back(std::move(d));
    }
}

void Diagnostics::append(const Diagnostics& other) {
    const std::size_t n = other.items_.size() - (other.hasSummary_ ? 1 : 0);
    for (std::size_t i = 0; i < n; ++i) {
        const Diagnostic& d = other.items_[i];
        add(d.severity, d.file, d.path, d.message);
    }
    notListed_[0] += other.notListed_[0];
    notListed_[1] += other.notListed_[1];
    updateSummary();
}

std::size_t Diagnostics::count(Severity severity) const {
    std::size_t n =
        static_cast<std::size_t>(std::count_if(items_.begin(), items_.end() - (hasSummary_ ? 1 : 0),
                                               [&](const Diagnostic& d) { return d.severity == severity; }));
    if (severity == Severity::Warning) n += notListed_[0];
    if (severity == Severity::ItemError) n += notListed_[1];
    return n;
}

}  // namespace kiosk::core
