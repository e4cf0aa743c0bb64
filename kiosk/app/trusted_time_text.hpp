// The trusted time in words for staff, in French or English: one text for `kiosk status`
// and the staff panel, so that both say the same thing (docs/sync.md, "Clock safety").
#pragma once

#include <filesystem>
#include <string>

#include "app/runtime.hpp"
#include "core/sync/trusted_time.hpp"

namespace kiosk::app {

// The one trusted time file: in the state folder the sync uses (stateDirFor), for the
// sync, `kiosk status` and `kiosk --reset-time` alike.
std::filesystem::path trustedTimePathFor(const Runtime& rt);

// "2027-10-18T10:00:00Z from https://host (ahead of the system clock by 3 h)", with a
// warning and the way out when it is more than a day ahead; "none (...)" when unknown.
std::string trustedTimeText(const core::sync::TrustedTimeRecord& record, core::Instant systemNow, bool french);

}  // namespace kiosk::app
