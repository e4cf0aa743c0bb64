// The kiosk's configuration file (JSON with comments, see config/kiosk.jsonc): screen
// size and physical dimensions, content and cache folders, language, idle timeout.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/targeting.hpp"

namespace kiosk::app {

struct ScreenConfig {
    int width = 1920, height = 1080;   // pixels (headless and windowed; full screen uses the display's)
    float diagonalInches = 43.0f;      // physical size: gives the DPI, so sizes in mm are real
    float viewingDistanceMm = 900.0f;  // text size follows it (capital H >= 0.5 degree, >= 4.8 mm)
    int rotation = 0;                  // 0, 90, 180 or 270: panels mounted sideways
    float mountingHeightMm = 800.0f;   // screen's bottom edge above the floor
};

// Statistics (issue 14, docs/privacy.md): anonymous visit and view counts in a local
// SQLite file, optionally uploaded to Matomo or a JSON endpoint. No database: no statistics.
struct StatsConfig {
    std::string database;          // e.g. /var/lib/kiosk/stats.sqlite (default "": off)
    std::string kioskId;           // this kiosk in reports and uploads (default: the host name)
    std::string matomoUrl;         // https://stats.example.org/matomo.php (default "": no Matomo)
    int matomoSiteId = 0;          // required with matomo_url
    std::string matomoToken;       // token_auth with write access, required with matomo_url
    int matomoKioskDimension = 1;  // custom dimension ids (default 1 and 2)
    int matomoContentDimension = 2;
    std::string postUrl;         // plain JSON POST instead of Matomo (default "": none)
    double uploadSeconds = 300;  // between uploads (default 300, at least 10)
    int rawDays = 30;            // raw events kept this long; hourly counts 800 days
};

// A live source (issue 11, docs/import.md): a programme URL the kiosk polls and merges
// with its feed's other files. No url (default): off.
struct LiveConfig {
    std::string url;             // http(s):// (or file:// under allowed_file_roots)
    std::string format = "csv";  // csv, openagenda, pretalx (JSON), frab (XML), ical
    double pollSeconds = 60;     // between polls (jittered), at least 5
};

struct Config {
    std::string path;        // the file this came from ("" for defaults)
    std::string contentDir;  // the bundled / default feed folder
    std::string cacheDir;    // where downloaded feeds are kept (see defaultCacheDir)
    std::string stateDir;    // trusted time, rollback marker, queued heartbeats; "": see stateDirFor
    std::string language = "fr";
    double idleSeconds = 90;
    std::string herePlace;  // "you are here": a place id of the content
    std::string hereRoom;   // optional: the room of that place's floor plan
    ScreenConfig screen;
    std::string fontFamily = "DejaVu Sans";  // found through fontconfig (app/font_lookup.hpp)
    std::string fontRegular, fontBold;       // font files; empty (default): fontFamily's
    // Content sync (docs/sync.md): no feed_url, no sync.
    std::string feedUrl;                         // the feed's manifest URL, http(s):// or file://
    double pollSeconds = 300;                    // between polls (jittered), at least 10
    std::vector<std::string> allowedFileRoots;   // folders file:// feeds may come from (default none)
    std::string caFile;                          // extra trusted CA (PEM); empty: system CAs only
    std::uint64_t maxDownloadBytes = 64u << 20;  // largest single file downloaded (default 64 MiB)
    StatsConfig stats;
    LiveConfig live;  // "live_source"
    // Supervision (issue 13, docs/supervision.md): node_exporter textfile metrics and a
    // heartbeat POSTed to the office. Empty path / URL (default): off.
    struct Supervision {
        std::string metricsFile;       // e.g. /var/lib/prometheus/node-exporter/kiosk.prom
        std::string heartbeatUrl;      // http(s):// URL the heartbeat JSON is POSTed to
        std::string heartbeatToken;    // sent as "Authorization: Bearer <token>"; empty: none
        double heartbeatSeconds = 60;  // between heartbeats (default 60, at least 5)
    } supervision;
    // Trust and control (issue 12, docs/trust.md).
    // Signed feeds: minisign public keys (base64 "RWQ...", one or two for rotation); with
    // any, only feeds signed by one of them are installed. Default none: unsigned feeds.
    std::vector<std::string> feedPublicKeys;
    // Targeting (core/targeting.hpp): who this kiosk is. Items of the feed with "groups"
    // are shown only by kiosks whose id or one of whose groups is listed. Default: no id,
    // no group (only items for everyone).
    std::string kioskId;              // e.g. "musee-hall"
    std::vector<std::string> groups;  // e.g. ["musee", "lezoux"]
    // Staff mode on the screen (docs/staff-mode.md): the PIN's Argon2id hash, printed by
    // `kiosk pin`. Default "": the keypad says no PIN is set and the panel stays closed.
    std::string staffPinHash;
    std::uint64_t maxFeedBytes = std::uint64_t{512} << 20;  // largest whole feed (default 512 MiB)
    std::uint64_t minFreeBytes = std::uint64_t{64} << 20;   // free space kept on the cache's disk (default 64 MiB)
    std::vector<std::string> warnings;                      // unknown keys and the like, for the log
};

// Reads the file; relative folder paths are relative to the file's folder. Errors name
// the key and what was expected.
core::Result<Config> loadConfig(const std::string& path);
Config defaultConfig();  // when no file is given and none is installed

// The kiosk's id and groups for core::targetFor (issue 12).
inline core::KioskIdentity kioskIdentity(const Config& c) { return {c.kioskId, c.groups}; }

// $CACHE_DIRECTORY (systemd's CacheDirectory=), else $XDG_CACHE_HOME/kiosk, else
// ~/.cache/kiosk, else /tmp/kiosk-cache.
std::string defaultCacheDir();
// $STATE_DIRECTORY (systemd's StateDirectory=), else $XDG_STATE_HOME/kiosk, else
// ~/.local/state/kiosk, else /tmp/kiosk-state. State must survive a wiped cache.
std::string defaultStateDir();
// The state folder in use: state_dir when configured; else the cache folder given by hand
// (--cache DIR keeps a self-contained folder, as staff and tests expect); else defaultStateDir().
std::string stateDirFor(const Config& config, const std::string& cacheOverride = {});

}  // namespace kiosk::app
