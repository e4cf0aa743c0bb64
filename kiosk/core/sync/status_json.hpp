// Instants in the kiosk's JSON status files (status.json, live_source.json): ISO 8601 in
// UTC, null when unknown; read back leniently (a missing or unreadable value is unknown).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/time.hpp"

namespace kiosk::core::sync::status_json {

inline nlohmann::json instant(const std::optional<Instant>& t) {
    return t ? nlohmann::json(formatIsoUtc(*t)) : nlohmann::json(nullptr);
}

inline std::optional<Instant> readInstant(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
    auto dt = parseDateTimeWithOffset(j[key].get<std::string>());
    if (!dt) return std::nullopt;
    return dt->instant;
}

}  // namespace kiosk::core::sync::status_json
