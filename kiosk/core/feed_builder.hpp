// Staff side of the feed: validate a folder and write its manifest (sizes, SHA-256 and a
// version that only goes up), so nobody edits hashes by hand.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/feed_loader.hpp"

namespace kiosk::core {

struct BuildOutcome {
    LoadResult load;                  // what validation found
    Manifest manifest;                // the manifest written (or that would have been)
    bool written = false;             // false on errors, or when nothing changed
    bool unchanged = false;           // files identical to the current manifest: version kept
    std::string error;                // a problem before validation (unreadable folder...)
    std::vector<std::string> unused;  // files no document uses: left out of the manifest
};

// The files of a scanned folder a feed publishes: its documents and every file a
// document names as "src"; the others (notes, *.md, stray images) go to `unused`.
std::vector<ManifestEntry> usedFiles(const std::filesystem::path& dir, std::vector<ManifestEntry> files,
                                     std::vector<std::string>& unused);

// Diagnostics as staff tools grade them: an unknown room or access value, which the
// kiosk only warns about and drops, is an error, so build refuses it.
Diagnostics gradeForStaff(const Diagnostics& diags);

// Scans `dir`, validates it as a feed with every file verified, and when there is no
// fatal or item error writes manifest.json atomically with version = previous + 1 (and
// above `versionFloor`, the version a server already published) and `published` = now.
// Only used files are listed. Files only; callable from any thread.
BuildOutcome buildFeed(const std::filesystem::path& dir, Instant now, const LoadOptions& options = {},
                       std::int64_t versionFloor = 0);

std::string serializeManifest(const Manifest& manifest);

}  // namespace kiosk::core
