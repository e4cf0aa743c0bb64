// What the kiosk counts, with no personal data: the kinds of events, the one record they
// share, and the guard that keeps free text and fine timestamps out of the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace kiosk::core::stats {

enum class EventKind {
    VisitStarted,   // the wake-up touch
    VisitEnded,     // the idle return; `seconds` is the visit's length
    Screen,         // a screen shown: subject = screen name ("programme", "maps"...)
    Item,           // an item viewed: subject = kind ("session", "place", "demo", "page"), item = its id
    Qr,             // a QR code shown: item = what it leads to (a session id...)
    Filter,         // a filter used: subject = filter name ("type:workshop", "now"...)
    Language,       // a language chosen: subject = "fr" or "en"
    Accessibility,  // an accessibility feature turned on: subject = feature ("larger_text"...)
};

// Stable names stored in the database and used in exports ("visit_start", "screen"...).
const char* kindName(EventKind kind);
std::optional<EventKind> parseKind(std::string_view name);

struct Event {
    EventKind kind = EventKind::Screen;
    std::int64_t minute = 0;          // Unix time in whole minutes (UTC); never finer
    std::string subject;              // see EventKind
    std::string item;                 // see EventKind
    std::int64_t seconds = 0;         // VisitEnded only: the visit's length, whole seconds
    std::int64_t contentVersion = 0;  // the feed version shown (0: bundled / unknown)
    std::int64_t visit = 0;           // visit number local to one database (0: outside a visit); set by the store
};

// Names and ids from the kiosk's fixed vocabulary and the feed's ids: 1 to 64 characters of
// [A-Za-z0-9._:/-]. Anything else (spaces, accents, @...) could be free text and is refused.
bool isSafeToken(std::string_view text);

// The minute an instant falls in, and back (the start of that minute).
std::int64_t minuteOf(Instant t);
Instant instantOfMinute(std::int64_t minute);

}  // namespace kiosk::core::stats
