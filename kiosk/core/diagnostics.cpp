// Collection and formatting of feed problems (see diagnostics.hpp).
#include "core/diagnostics.hpp"

#include <algorithm>

namespace kiosk::core {

const char* severityName(Severity s) {
    switch (s) {
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

void Diagnostics::add(Severity severity, std::string file, std::string path, std::string message) {
    items_.push_back({severity, std::move(file), std::move(path), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::count(Severity severity) const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
        [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace kiosk::core
