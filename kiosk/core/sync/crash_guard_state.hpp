// What the crash guard knows, for staff: read from <cache>/crash_guard.json and the
// cache's bad_versions, said in one line (kiosk status, the staff panel) and as a state
// name (metrics). Reading only; the decisions are in crash_guard.hpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace kiosk::core::sync {

struct SetAsideVersion {
    std::int64_t version = 0;
    std::optional<Instant> since;    // unknown for versions set aside by an older kiosk
    std::optional<Instant> retryAt;  // from then on sync may install it again
    std::string why;                 // "crashed the kiosk 2 times in a row within 60 s of being shown (...)"
};

struct GuardState {
    enum class Level {
        Ok,        // nothing to do
        Crashing,  // a version keeps crashing but stays on screen: nothing else has drawn here
        SetAside,  // a version that crashed is set aside and nothing newer replaced it
    };
    Level level = Level::Ok;
    std::vector<SetAsideVersion> setAside;  // every version set aside, oldest first
    std::string crashingKey;                // Level::Crashing: "7" or "bundled-3"
    int crashingCount = 0;                  // its crashes in a row
    std::string lastCrash;                  // "signal 11 (SIGSEGV) while showing version 7 (<date>)"; empty: none
    std::int64_t currentVersion = 0;        // the cache's, 0: none
    bool operator==(const GuardState&) const = default;
};

// Files only, any thread (the staff socket's, the CLI); a missing cache is Level::Ok.
GuardState readGuardState(const std::filesystem::path& cacheDir);
// One line in English for staff (core messages are translated by frenchMessage).
std::string describeGuard(const GuardState& state);
// "ok", "crashing", "set_aside" (the metric's state label).
const char* guardLevelName(GuardState::Level level);
// Versions set aside that nothing newer replaced (what makes Level::SetAside).
int activeSetAside(const GuardState& state);

// "version 7", "the bundled content (version 3)" for a state file key.
std::string describeGuardKey(const std::string& key);

}  // namespace kiosk::core::sync
