// Event kind names and the token guard (see event.hpp).
#include "core/stats/event.hpp"

#include <array>
#include <utility>

namespace kiosk::core::stats {
namespace {
constexpr std::array<std::pair<EventKind, const char*>, 8> kNames{{
    {EventKind::VisitStarted, "visit_start"},
    {EventKind::VisitEnded, "visit_end"},
    {EventKind::Screen, "screen"},
    {EventKind::Item, "item"},
    {EventKind::Qr, "qr"},
    {EventKind::Filter, "filter"},
    {EventKind::Language, "language"},
    {EventKind::Accessibility, "accessibility"},
}};
}  // namespace

const char* kindName(EventKind kind) {
    for (const auto& [k, name] : kNames) {
        if (k == kind) return name;
    }
    return "screen";
}

std::optional<EventKind> parseKind(std::string_view name) {
    for (const auto& [k, n] : kNames) {
        if (name == n) return k;
    }
    return std::nullopt;
}

bool isSafeToken(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == ':' || c == '/' || c == '-';
        if (!ok) return false;
    }
    return true;
}

std::int64_t minuteOf(Instant t) {
    const auto secs = t.time_since_epoch().count();
    return secs >= 0 ? secs / 60 : (secs - 59) / 60;
}

Instant instantOfMinute(std::int64_t minute) { return Instant(std::chrono::seconds(minute * 60)); }

}  // namespace kiosk::core::stats
