// Loads a feed folder into the content model, with validation at three levels. The
// bundled content and every downloaded feed go through this one code path.
#pragma once

#include <filesystem>
#include <memory>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace kiosk::core {

struct LoadOptions {
    FeedLimits limits;
    // Also check size, SHA-256 and pixel dimensions of every image now (kiosk-feed
    // validate and build). The kiosk itself verifies images on its decode workers.
    bool verifyAllFiles = false;
    // Staff validation: a document whose size or hash differs from the manifest is still
    // reported as fatal, but parsed too, so that every problem is listed in one run.
    bool diagnoseChangedFiles = false;
};

struct LoadResult {
    std::shared_ptr<const Content> content;  // null when there is a fatal problem
    Diagnostics diagnostics;
};

// Reads manifest.json, verifies each document's size and SHA-256 against it, parses and
// cross-checks everything. Never throws; any thread; reads files only.
LoadResult loadFeed(const std::filesystem::path& dir, const LoadOptions& options = {});

// The same checks against a manifest the caller provides (kiosk-feed build computes
// one from the folder before it has written manifest.json).
LoadResult loadFeedWithManifest(const std::filesystem::path& dir, Manifest manifest, const LoadOptions& options);

// Lists every regular file under `dir` except manifest.json, hidden files and *.tmp,
// with size and SHA-256, sorted by path. Errors on unreadable files, symbolic links,
// unsafe names or more files than the limit. Pipes, sockets and devices are skipped (never
// opened: a pipe would block) and their paths added to `notRegular` when given.
Result<std::vector<ManifestEntry>> scanFeedFolder(const std::filesystem::path& dir, const FeedLimits& limits,
                                                  std::vector<std::string>* notRegular = nullptr);

}  // namespace kiosk::core
