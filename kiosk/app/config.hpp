// The kiosk's configuration file (JSON with comments, see config/kiosk.jsonc): screen
// size and physical dimensions, content and cache folders, language, idle timeout.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kiosk::app {

struct ScreenConfig {
    int width = 1920, height = 1080;   // pixels (headless and windowed; full screen uses the display's)
    float diagonalInches = 43.0f;      // physical size: gives the DPI, so sizes in mm are real
    float viewingDistanceMm = 900.0f;  // text size follows it (capital H >= 0.5 degree, >= 4.8 mm)
    int rotation = 0;                  // 0, 90, 180 or 270: panels mounted sideways
    float mountingHeightMm = 800.0f;   // screen's bottom edge above the floor
};

struct Config {
    std::string path;                  // the file this came from ("" for defaults)
    std::string contentDir;            // the bundled / default feed folder
    std::string cacheDir;              // where downloaded feeds are kept
    std::string language = "fr";
    double idleSeconds = 90;
    std::string herePlace;             // "you are here": a place id of the content
    ScreenConfig screen;
    std::string fontRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string fontBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    // Content sync (docs/sync.md): no feed_url, no sync.
    std::string feedUrl;                          // the feed's manifest URL, http(s):// or file://
    double pollSeconds = 300;                     // between polls (jittered), at least 10
    std::vector<std::string> allowedFileRoots;    // folders file:// feeds may come from (default none)
    std::string caFile;                           // extra trusted CA (PEM); empty: system CAs only
    std::uint64_t maxDownloadBytes = 64u << 20;   // largest single file downloaded (default 64 MiB)
    std::uint64_t maxFeedBytes = std::uint64_t{512} << 20;  // largest whole feed (default 512 MiB)
    std::uint64_t minFreeBytes = std::uint64_t{64} << 20;   // free space kept on the cache's disk (default 64 MiB)
    std::vector<std::string> warnings;  // unknown keys and the like, for the log
};

// Reads the file; relative folder paths are relative to the file's folder. Errors name
// the key and what was expected.
core::Result<Config> loadConfig(const std::string& path);
Config defaultConfig();  // when no file is given and none is installed

// $XDG_CACHE_HOME/kiosk, else ~/.cache/kiosk, else /tmp/kiosk-cache.
std::string defaultCacheDir();

}  // namespace kiosk::app
