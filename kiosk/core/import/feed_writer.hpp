// Writing what an importer found into a feed folder's JSON documents, merged by stable
// id with what staff wrote by hand: an import never erases a hand-added field.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/import/importer.hpp"
#include "core/result.hpp"

namespace kiosk::core::import {

using Json = nlohmann::ordered_json;

// The feed format's JSON for one item (docs/feed-format.md); empty fields are left out
// so that merging them cannot blank what staff typed.
Json sessionJson(const Session& s);
Json placeJson(const Place& p);
Json demoJson(const Demo& d);

struct MergeCounts {
    int added = 0, updated = 0, unchanged = 0, removed = 0, kept = 0;  // kept: hand-made items left alone
    std::vector<std::string> removedIds;
};

// Merges `imported` items into `list` (a feed document's array) by "id": fields the
// import gives replace the feed's (per language for texts; access and audience lists
// are united), fields it lacks stay. Items of `previousIds` (what the last import of
// this source gave) that the source no longer has are removed unless `keepMissing`;
// other items are hand-made and always kept. Pure: no files.
MergeCounts mergeItems(Json& list, const std::vector<Json>& imported, const std::set<std::string>& previousIds,
                       bool keepMissing);

struct WriteOptions {
    std::string sourceKey;  // which source this is, for removals ("openagenda", ...)
    bool keepMissing = false;
    std::string timeZone = "Europe/Paris";  // for a new event.json
};

struct WriteReport {
    MergeCounts sessions, places, demos;
    std::vector<std::string> notes;    // what staff should complete by hand
    std::vector<std::string> renamed;  // "row 7: ..." sessions that kept their first id
    bool createdEvent = false;
};

// Reads DIR's sessions.json, places.json and demos.json (missing ones start empty),
// merges and writes them back atomically, writes event.json when there is none, and
// records in DIR/.kiosk-import.json, per source, the imported ids, the slot of each id
// derived from a title (so a retitled session keeps its first id) and the rows the
// import refused (kiosk-feed validate repeats them until the next import). An unreadable
// or invalid JSON document is an error and nothing is written.
Result<WriteReport> writeImport(const std::filesystem::path& dir, const Imported& imported,
                                const WriteOptions& options);

// The event dates and zone of DIR/event.json when it has them (to expand recurrences).
void readEventWindow(const std::filesystem::path& dir, ImportOptions& options);

// What the last import of each source refused, as recorded in DIR/.kiosk-import.json:
// warnings "source: row 7, column date: ..." for kiosk-feed validate.
Diagnostics refusedByLastImports(const std::filesystem::path& dir);

}  // namespace kiosk::core::import
