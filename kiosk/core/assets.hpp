// The kiosk's own artwork and sounds (the top-level assets/ folder, installed to
// /usr/share/kiosk/assets), verified like a feed: a manifest.json in the feed format
// lists each file's size and SHA-256, and a file that does not match is refused with a
// log line so the caller falls back to what it draws or synthesises itself.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/result.hpp"

namespace kiosk::core {

struct AssetSet {
    std::string root;  // the folder; empty when no assets were found
    Manifest manifest;

    bool empty() const { return manifest.files.empty(); }
    const ManifestEntry* find(std::string_view path) const { return manifest.find(std::string(path)); }
    std::string pathOf(const ManifestEntry& e) const { return root + "/" + e.path; }
};

// Reads `dir`/manifest.json (the feed manifest format). Error when it is missing or
// malformed; the kiosk then runs on its built-in fallbacks. Files are not read here:
// images are hash-checked by the image decoder, sounds by readVerifiedAsset.
Result<AssetSet> loadAssets(const std::filesystem::path& dir);

// An asset's bytes after checking its size and SHA-256 against the manifest. Error (and a
// warning in the log naming the file) when it is not listed, missing or altered. Any thread.
Result<std::string> readVerifiedAsset(const AssetSet& assets, std::string_view path);

}  // namespace kiosk::core
