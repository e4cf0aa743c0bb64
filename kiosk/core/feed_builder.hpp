// Staff side of the feed: validate a folder and write its manifest (sizes, SHA-256 and a
// version that only goes up), so nobody edits hashes by hand.
#pragma once

#include <filesystem>
#include <string>

#include "core/feed_loader.hpp"

namespace kiosk::core {

struct BuildOutcome {
    LoadResult load;          // what validation found
    Manifest manifest;        // the manifest written (or that would have been)
    bool written = false;     // false on errors, or when nothing changed
    bool unchanged = false;   // files identical to the current manifest: version kept
    std::string error;        // a problem before validation (unreadable folder...)
};

// Scans `dir`, validates it as a feed with every file verified, and when there is no
// fatal or item error writes manifest.json atomically with version = previous + 1 and
// `published` = now. Files only; callable from any thread.
BuildOutcome buildFeed(const std::filesystem::path& dir, Instant now, const LoadOptions& options = {});

std::string serializeManifest(const Manifest& manifest);

}  // namespace kiosk::core
