// The crash guard's state file as JSON, shared by its decisions (crash_guard.cpp) and its
// read-only view (crash_guard_state.cpp). Internal to kiosk_sync: nothing else includes it.
//   {"starts": [{"key": "7", "at": "...", "pid": 812, "drawn": true, "stable": false,
//                "crash": "signal 11 (SIGSEGV)"}, ...],           newest last
//    "drawn": ["6", "7"],                                          keys that drew here
//    "set_aside": [{"version": 7, "at": "...", "retry_at": "...", "why": "..."}],
//    "crashing": {"key": "7", "crashes": 3},                       kept though it crashes
//    "last_crash": "signal 11 (SIGSEGV) while showing version 7 (2027-10-01T10:00:00Z)"}
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/sync/crash_guard_state.hpp"

namespace kiosk::core::sync::guard_json {

// The state file as an object; missing or corrupt: an empty object (logged when corrupt).
nlohmann::json read(const std::filesystem::path& file);
// "7", or "bundled-3" for the bundled feed's manifest version.
std::string keyOf(std::int64_t version, bool bundled);
// The cache version a key names; nullopt for the bundled feed's keys.
std::optional<std::int64_t> cacheVersionOf(const std::string& key);
// `j[name]`, made an array when it is not one.
nlohmann::json& arrayAt(nlohmann::json& j, const char* name);
bool listHas(const nlohmann::json& list, const std::string& key);
// The state for staff: the file's object, the cache's bad versions and current version.
GuardState stateFrom(const nlohmann::json& j, const std::vector<std::int64_t>& bad, std::int64_t current);

}  // namespace kiosk::core::sync::guard_json
