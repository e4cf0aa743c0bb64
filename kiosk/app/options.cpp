// Parsing the kiosk's command line with CLI11 (see options.hpp).
#include "app/options.hpp"

#include <CLI/CLI.hpp>

#include <regex>
#include <vector>

#include "app/cli_text.hpp"
#include "app/install_paths.hpp"
#include "ui/route.hpp"

namespace kiosk::app {

std::optional<std::string> staffConflict(const Options& o) {
    std::vector<std::string> staff, modes;
    if (o.status) staff.push_back("status");
    if (o.rollback) staff.push_back("rollback");
    if (o.syncOnce) staff.push_back("sync");
    if (o.check) modes.push_back("--check");
    if (o.headless) modes.push_back("--headless");
    if (staff.size() > 1) {
        return "give one staff command at a time, not " + staff[0] + " and " + staff[1] +
               " (e.g. `kiosk rollback`, then `kiosk status`)";
    }
    if (!staff.empty() && !modes.empty()) {
        return "the staff command " + staff[0] + " cannot be combined with " + modes[0] +
               ": run them one after the other";
    }
    return std::nullopt;
}

ParsedOptions parseOptions(int argc, char** argv) {
    CLI::App app{
        "kiosk: the interactive kiosk for event venues. Without options it opens full screen on the "
        "content named in the configuration (the bundled event by default)."};
    useStaffLanguage(app);  // staff run `kiosk status`: CLI11's headings and errors in French under fr_*
    app.set_version_flag("--version", std::string("kiosk ") + KIOSK_VERSION);
    Options o;
    std::string size;
    app.add_option("--content", o.contentDir, "a feed folder to show instead of the configured one");
    app.add_option("--config", o.configFile, "the configuration file (default: " + defaultPaths().config + ")");
    app.add_flag("--windowed", o.windowed, "open in a window instead of full screen");
    app.add_option("--size", size, "window or screenshot size in pixels, e.g. 1080x1920");
    app.add_option("--now", o.now,
                   "simulated clock start, e.g. 2027-10-20T14:30 (in the event's time zone unless an offset is given); "
                   "for previews and tests");
    app.add_option("--lang", o.lang, "language at start: fr or en")->check(CLI::IsMember({"fr", "en"}));
    app.add_flag("--headless", o.headless, "render one screen with the software renderer, no display needed");
    app.add_option("--screenshot", o.screenshot, "with --headless: write the screen to this PNG file and exit");
    app.add_option("--text-size", o.textPercent, "with --headless: render with the visitor's larger text, in percent")
        ->check(CLI::IsMember({100, 125, 150, 200}));
    app.add_option("--texts", o.textsFile,
                   "with --headless: also write every text drawn on that screen to this file, one a line (tests and "
                   "translators read it instead of the picture); in the running kiosk: the last frame's texts, "
                   "rewritten whenever they change");
    app.add_option("--screen", o.screen,
                   "with --headless: the screen to render, NAME or NAME:PARAM, one of: " + ui::routeHelp() +
                       "; e.g. session:table-ronde-inclusion-rurale, maps:<place>/<room>, attract:2")
        ->check([](const std::string& value) -> std::string {
            auto route = ui::parseRoute(value);
            return route ? std::string{} : "--screen: " + route.error();
        });
    app.add_flag("--check", o.check, "technician's self-test: renderer, screen size and DPI, fonts, content, cache");
    app.add_flag("-v,--verbose", o.verbose, "log debug messages too");
    app.add_flag("--sync-once", o.syncOnce, "staff: same as `kiosk sync`");
    app.add_option("--feed", o.feedUrl,
                   "the feed's manifest URL for `kiosk sync` (default: feed_url of the configuration)");
    app.add_option(
        "--cache", o.cacheDir,
        "the cache folder for `kiosk status`, `rollback` and `sync` (default: cache_dir of the configuration)");
    // Staff commands (issue 12): subcommands, with the old options kept as aliases. A
    // running kiosk does them itself (staff socket); otherwise they take the cache lock.
    app.add_flag("--status", o.status, "staff: same as `kiosk status`");
    app.add_flag("--rollback", o.rollback, "staff: same as `kiosk rollback`");
    app.fallthrough();  // --cache, --config... also after the subcommand
    auto* statusCmd = app.add_subcommand(
        "status",
        "staff: the content sync status (versions, last sync, signature, last error); from the running "
        "kiosk when there is one. Exit 1 when the last sync failed, 2 when there is no cache.");
    auto* rollbackCmd = app.add_subcommand(
        "rollback",
        "staff: make the previous content version current again; a running kiosk does it and shows it "
        "at once. Exit 1 when there is no previous version or the cache is busy.");
    auto* syncCmd = app.add_subcommand(
        "sync",
        "staff: one content sync now; a running kiosk does it itself, else it is done here without a "
        "display. Exit 1 on failure.");
    auto* pinCmd = app.add_subcommand(
        "pin",
        "staff: asks for a new staff PIN (6 to 12 digits) twice on the terminal and prints the "
        "\"staff_pin_hash\" line to put in the configuration (docs/staff-mode.md). Exit 1 when the two differ.");
    pinCmd->add_flag("--short", o.shortPin,
                     "accept a PIN of 4 or 5 digits (weaker: keep the configuration readable by root and kiosk only)");
    app.add_flag("--reset-time", o.resetTime,
                 "staff: forget the trusted time (the clock floor learnt from verified servers, in the state folder) "
                 "when it is wrong, e.g. certificates are reported expired or kiosk status warns; a running kiosk "
                 "forgets it at once");
    app.footer(
        "Exit codes: 0 success; 1 failure (--check: a check failed; sync: the sync failed; status: the last "
        "sync attempt failed); 2 unusable options, configuration or cache (status: no cache yet). status also: 3 no "
        "successful sync for 12 hours, 4 less than min_free_bytes free on the cache's disk, 5 a content version "
        "crashed the kiosk and was set aside (when several apply: 4, 5, 1, 3).");

    try {
        nameSubcommandGroup(app);
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, the version, or the error
        return {std::nullopt, code == 0 ? 0 : 2};
    }
    o.status = o.status || *statusCmd;
    o.rollback = o.rollback || *rollbackCmd;
    o.syncOnce = o.syncOnce || *syncCmd;
    o.pin = pinCmd->parsed();
    if (auto conflict = staffConflict(o)) {
        std::fprintf(stderr, "kiosk: %s\n", conflict->c_str());
        return {std::nullopt, 2};
    }
    if (!size.empty()) {
        std::smatch m;
        static const std::regex re("^([0-9]{3,5})x([0-9]{3,5})$");
        if (!std::regex_match(size, m, re)) {
            std::fprintf(stderr, "--size: expected WIDTHxHEIGHT such as 1920x1080, got \"%s\"\n", size.c_str());
            return {std::nullopt, 2};
        }
        o.width = std::stoi(m[1]);
        o.height = std::stoi(m[2]);
    }
    if (o.headless && o.screenshot.empty() && !o.check) {
        std::fprintf(stderr, "--headless needs --screenshot FILE (the PNG to write)\n");
        return {std::nullopt, 2};
    }
    if (!o.screenshot.empty() && !o.headless) {
        std::fprintf(stderr, "--screenshot works with --headless\n");
        return {std::nullopt, 2};
    }
    return {o, 0};
}

}  // namespace kiosk::app
