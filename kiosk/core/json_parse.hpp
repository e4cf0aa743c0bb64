// The one edge where JSON text from a feed (or a configuration file) becomes a value:
// structure limits are checked while parsing, before any value is built, and no
// exception of nlohmann::json ever leaves it.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/limits.hpp"
#include "core/result.hpp"

namespace kiosk::core {

struct JsonParseOptions {
    std::size_t maxDepth = FeedLimits{}.maxJsonDepth;
    std::size_t maxEntries = FeedLimits{}.maxJsonEntries;
    bool allowComments = false;  // the kiosk's .jsonc configuration files
};

inline JsonParseOptions jsonOptionsFor(const FeedLimits& limits) {
    return JsonParseOptions{limits.maxJsonDepth, limits.maxJsonEntries, false};
}

// The parsed document, or one sentence saying what is wrong and where, e.g.
// "not valid JSON at line 3, column 12: number overflow parsing '1e999'" or
// "nested more than 32 levels deep at $.floor_plans[0].rooms[0].polygon[0][0]...".
// Never throws (out of memory included); any thread.
Result<nlohmann::json> parseJsonChecked(std::string_view text, const JsonParseOptions& options = {});

}  // namespace kiosk::core
