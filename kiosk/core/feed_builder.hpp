// Staff side of the feed: validate a folder and write its manifest (sizes, SHA-256 and a
// version that only goes up), so nobody edits hashes by hand.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/feed_loader.hpp"

namespace kiosk::core {

struct BuildOutcome {
    LoadResult load;                      // what validation found
    Manifest manifest;                    // the manifest written (or that would have been)
    bool written = false;                 // false on errors, or when nothing changed
    bool unchanged = false;               // files identical to the current manifest: version kept
    std::string error;                    // a problem before validation (unreadable folder...)
    std::vector<std::string> unused;      // files no document uses: left out of the manifest
    std::vector<std::string> notRegular;  // pipes, sockets, devices: skipped, never opened
};

// The folder's manifest.json: nullopt when there is none; an error when it is there but
// unreadable or without a version in [1, kMaxFeedVersion] (build must not restart at 1).
Result<std::optional<Manifest>> readCurrentManifest(const std::filesystem::path& dir, const FeedLimits& limits = {});

// The files of a scanned folder a feed publishes: its documents and every file a
// document names as "src"; the others (notes, *.md, stray images) go to `unused`.
std::vector<ManifestEntry> usedFiles(const std::filesystem::path& dir, std::vector<ManifestEntry> files,
                                     std::vector<std::string>& unused);

// Diagnostics as staff tools grade them: an unknown access value or floor plan and an
// image missing from the folder, which the kiosk only warns about and drops, are errors,
// so build refuses them. A room not on a floor plan is a name shown as text: a warning.
Diagnostics gradeForStaff(const Diagnostics& diags);

// Staff: any item error stops the build (gradeForStaff). Kiosk: only what leaves no
// usable feed stops it; bad items are left out as the kiosk's loader leaves them out
// (a live sheet's one bad row must not hide the others).
enum class BuildRules { Staff, Kiosk };

// Scans `dir`, validates it as a feed with every file verified, and when `rules` allow
// writes manifest.json atomically with version = previous + 1 (and above `versionFloor`,
// the version a server already published) and `published` = now. Only used files are
// listed. Files only; callable from any thread.
BuildOutcome buildFeed(const std::filesystem::path& dir, Instant now, const LoadOptions& options = {},
                       std::int64_t versionFloor = 0, BuildRules rules = BuildRules::Staff);

std::string serializeManifest(const Manifest& manifest);

}  // namespace kiosk::core
