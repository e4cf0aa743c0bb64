// Which items a kiosk shows, and when (see targeting.hpp), and the feed fields behind it.
#include "core/targeting.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace kiosk::core {

bool isForKiosk(const std::vector<std::string>& itemGroups, const KioskIdentity& kiosk) {
    if (itemGroups.empty()) return true;
    for (const std::string& g : itemGroups) {
        if (!kiosk.id.empty() && g == kiosk.id) return true;
        if (std::find(kiosk.groups.begin(), kiosk.groups.end(), g) != kiosk.groups.end()) return true;
    }
    return false;
}

namespace {
template <class T>
void keepTargeted(std::vector<T>& items, const KioskIdentity& kiosk, Instant now) {
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const T& item) {
                                   return !isForKiosk(item.targeting.groups, kiosk) || !item.targeting.validAt(now);
                               }),
                items.end());
}

void consider(const std::optional<Instant>& t, Instant now, std::optional<Instant>& next) {
    if (t && *t > now && (!next || *t < *next)) next = t;
}

template <class T>
void nextOf(const std::vector<T>& items, const KioskIdentity& kiosk, Instant now, std::optional<Instant>& next) {
    for (const T& item : items) {
        if (!isForKiosk(item.targeting.groups, kiosk)) continue;
        consider(item.targeting.validFrom, now, next);
        consider(item.targeting.validUntil, now, next);
    }
}
}  // namespace

Content targetFor(const Content& content, const KioskIdentity& kiosk, Instant now) {
    Content out = content;
    keepTargeted(out.sessions, kiosk, now);
    keepTargeted(out.demos, kiosk, now);
    keepTargeted(out.pages, kiosk, now);
    const bool hadSlides = !out.playlist.empty();
    keepTargeted(out.playlist, kiosk, now);
    if (hadSlides && out.playlist.empty()) out.playlist.push_back(Slide{SlideKind::Welcome, 10, {}});
    out.announcements.erase(
        std::remove_if(out.announcements.begin(), out.announcements.end(),
                       [&](const Announcement& a) { return !isForKiosk(a.groups, kiosk) || !a.validAt(now); }),
        out.announcements.end());
    return out;
}

std::optional<Instant> nextTargetingChange(const Content& content, const KioskIdentity& kiosk, Instant now) {
    std::optional<Instant> next;
    nextOf(content.sessions, kiosk, now, next);
    nextOf(content.demos, kiosk, now, next);
    nextOf(content.pages, kiosk, now, next);
    nextOf(content.playlist, kiosk, now, next);
    for (const Announcement& a : content.announcements) {
        if (!isForKiosk(a.groups, kiosk)) continue;
        consider(a.validFrom, now, next);
        consider(a.validUntil, now, next);
    }
    return next;
}

namespace detail {
Targeting readTargeting(JsonItem& item) {
    Targeting t;
    if (auto f = item.dateTime("valid_from", false)) t.validFrom = f->instant;
    if (auto u = item.dateTime("valid_until", false)) t.validUntil = u->instant;
    if (t.validFrom && t.validUntil && *t.validUntil <= *t.validFrom) {
        item.error(item.path() + ".valid_until", "expected a date-time after valid_from");
    }
    if (const nlohmann::json* groups = item.rawArray("groups", false, 64)) {
        for (std::size_t i = 0; i < groups->size(); ++i) {
            const auto& g = (*groups)[i];
            const std::string at = item.path() + ".groups[" + std::to_string(i) + "]";
            if (!g.is_string() || !isValidId(g.get<std::string>())) {
                item.error(at, "expected a group or kiosk id (1 to 64 of a-z 0-9 - _), got " + describeJson(g));
                continue;
            }
            t.groups.push_back(g.get<std::string>());
        }
    }
    return t;
}
}  // namespace detail

}  // namespace kiosk::core
