// Targeting and validity (issue 12): one feed serves several venues; each kiosk, with its
// id and groups, shows the sessions, demos, slides, announcements and pages meant for it,
// each within its validity window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "core/model.hpp"

namespace kiosk::core {

// Who the kiosk is (config kiosk_id and groups). Empty: a kiosk that only shows what is
// for everyone (items with no groups).
struct KioskIdentity {
    std::string id;
    std::vector<std::string> groups;
};

// An item with these groups is for this kiosk: no groups, or one of them is the kiosk's
// id or one of its groups.
bool isForKiosk(const std::vector<std::string>& itemGroups, const KioskIdentity& kiosk);

// The content as this kiosk shows it at `now`: items for other kiosks and items outside
// their validity window left out (places, maps and the event are never targeted). When
// every slide is left out the playlist falls back to a welcome slide, so the attract loop
// always has something to show. Pure function; any thread.
Content targetFor(const Content& content, const KioskIdentity& kiosk, Instant now);

// The first valid_from / valid_until after `now` among the items for this kiosk: when
// targetFor() must be called again. nullopt: nothing changes with time any more.
std::optional<Instant> nextTargetingChange(const Content& content, const KioskIdentity& kiosk, Instant now);

namespace detail {
// Reads "valid_from", "valid_until" (date-times with offset, until after from) and
// "groups" (a list of ids) of one feed item; problems are item errors.
Targeting readTargeting(JsonItem& item);
}  // namespace detail

}  // namespace kiosk::core
