// Command-line options of the `kiosk` program.
#pragma once

#include <optional>
#include <string>

namespace kiosk::app {

struct Options {
    std::string contentDir;  // --content (overrides the config)
    std::string configFile;  // --config
    bool windowed = false;
    int width = 0, height = 0;  // --size, 0: from config or display
    std::string now;            // --now, parsed once the event's time zone is known
    std::string lang;           // --lang
    bool headless = false;
    std::string screenshot;  // --screenshot FILE
    std::string textsFile;   // --texts FILE: the texts drawn by the headless render
    int textPercent = 100;   // --text-size 100|125|150|200: the visitor's larger text (headless)
    std::string screen = "programme";
    bool check = false;
    bool verbose = false;
    bool syncOnce = false;   // `kiosk sync` (alias --sync-once): one content sync, no display
    bool status = false;     // `kiosk status` (alias --status): the sync status of the cache
    bool rollback = false;   // `kiosk rollback` (alias --rollback): previous version becomes current
    bool resetTime = false;  // --reset-time: forget the trusted time floor
    bool pin = false;        // `kiosk pin`: asks for a staff PIN, prints its config line
    bool shortPin = false;   // `kiosk pin --short`: 4 or 5 digits accepted
    std::string feedUrl;     // --feed (overrides feed_url)
    std::string cacheDir;    // --cache (overrides cache_dir)
};

// Parses argv. Returns the options, or an exit code when the program must stop now
// (--help, --version: 0; a bad option: 2, with the message already printed).
struct ParsedOptions {
    std::optional<Options> options;
    int exitCode = 0;
};
ParsedOptions parseOptions(int argc, char** argv);

// Why these options cannot run together (two staff commands, or one with --check or
// --headless); nullopt when they can.
std::optional<std::string> staffConflict(const Options& options);

}  // namespace kiosk::app
