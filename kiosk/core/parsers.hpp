// Internal to the feed loader: one parser per feed document. Each reads a parsed JSON
// document, reports problems into the context's diagnostics and returns what is usable.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/diagnostics.hpp"
#include "core/json_reader.hpp"
#include "core/limits.hpp"
#include "core/model.hpp"
#include "core/targeting.hpp"  // readTargeting: validity and groups of every item

namespace kiosk::core::detail {

struct ParseContext {
    Diagnostics& diags;
    const FeedLimits& limits;
    const Manifest& manifest;
    const std::vector<Place>* places = nullptr;             // for references from sessions and demos
    const std::vector<FloorPlan>* floorPlans = nullptr;     // for room references
    const std::set<std::string>* rejectedPlaces = nullptr;  // places skipped for their own errors
    const Event* event = nullptr;                           // for sessions outside the event's dates
    const TimeZone* timeZone = nullptr;                     // the event's zone, with `event`
    std::string root = {};                                  // the feed folder: is a missing file there?
};

// A second item with the same id is an item error: only the first is used.
void requireUnique(JsonItem& item, std::set<std::string>& seen, const std::string& id);
// An id that must name a place: an item error when unknown.
void requirePlace(JsonItem& item, const char* key, const std::string& placeId, const ParseContext& ctx);

// The top-level object of a document; a non-object is reported at `level` and gives nullopt.
std::optional<JsonItem> documentRoot(const nlohmann::json& doc, const char* file, const ParseContext& ctx,
                                     Severity level);

// Reads {"src", "alt"}; a src not listed in the manifest is a warning and gives nullopt.
std::optional<Image> readImage(JsonItem& parent, const char* key, const ParseContext& ctx);
std::optional<Image> readImageObject(JsonItem& item, const ParseContext& ctx);
AccessSet readAccess(JsonItem& item, const char* key = "access");

std::optional<Manifest> parseManifest(const nlohmann::json& doc, Diagnostics& diags, const FeedLimits& limits);
std::optional<Event> parseEvent(const nlohmann::json& doc, const ParseContext& ctx);
std::vector<Session> parseSessions(const nlohmann::json& doc, const ParseContext& ctx);
std::vector<Place> parsePlaces(const nlohmann::json& doc, const ParseContext& ctx,
                               std::set<std::string>* rejected = nullptr);
void parseMaps(const nlohmann::json& doc, const ParseContext& ctx, std::optional<TerritoryMap>& territory,
               std::vector<FloorPlan>& plans);
std::vector<Demo> parseDemos(const nlohmann::json& doc, const ParseContext& ctx);
std::vector<Page> parsePages(const nlohmann::json& doc, const ParseContext& ctx);
std::vector<Announcement> parseAnnouncements(const nlohmann::json& doc, const ParseContext& ctx);
std::vector<Slide> parsePlaylist(const nlohmann::json& doc, const ParseContext& ctx);

}  // namespace kiosk::core::detail
