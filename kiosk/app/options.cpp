// Parsing the kiosk's command line with CLI11 (see options.hpp).
#include "app/options.hpp"

#include <CLI/CLI.hpp>

#include <regex>

#include "ui/kiosk_ui.hpp"

namespace kiosk::app {

ParsedOptions parseOptions(int argc, char** argv) {
    std::string screens;
    for (const auto& s : ui::KioskUi::screenNames()) screens += (screens.empty() ? "" : ", ") + s;

    CLI::App app{"kiosk: the interactive kiosk for event venues. Without options it opens full screen on the "
                 "content named in the configuration (the bundled event by default)."};
    app.set_version_flag("--version", std::string("kiosk ") + KIOSK_VERSION);
    Options o;
    std::string size;
    app.add_option("--content", o.contentDir, "a feed folder to show instead of the configured one");
    app.add_option("--config", o.configFile, "the configuration file (default: " KIOSK_DEFAULT_CONFIG ")");
    app.add_flag("--windowed", o.windowed, "open in a window instead of full screen");
    app.add_option("--size", size, "window or screenshot size in pixels, e.g. 1080x1920");
    app.add_option("--now", o.now,
                   "simulated clock start, e.g. 2027-10-20T14:30 (in the event's time zone unless an offset is given); "
                   "for previews and tests");
    app.add_option("--lang", o.lang, "language at start: fr or en")->check(CLI::IsMember({"fr", "en"}));
    app.add_flag("--headless", o.headless, "render one screen with the software renderer, no display needed");
    app.add_option("--screenshot", o.screenshot, "with --headless: write the screen to this PNG file and exit");
    app.add_option("--screen", o.screen,
                   "with --headless: the screen to render, one of: " + screens +
                       "; NAME:ID opens it on an item, e.g. session:table-ronde-inclusion-rurale, demo:<id>, "
                       "place:<id>, page:<id>, maps:<place>/<room>, attract:<slide number>")
        ->check([](const std::string& value) -> std::string {
            const std::string name = value.substr(0, value.find(':'));
            for (const auto& s : ui::KioskUi::screenNames()) {
                if (s == name) return {};
            }
            return "--screen: " + name + " not in {" + [] {
                std::string all;
                for (const auto& s : ui::KioskUi::screenNames()) all += (all.empty() ? "" : ",") + s;
                return all;
            }() + "}";
        });
    app.add_flag("--check", o.check, "technician's self-test: renderer, screen size and DPI, fonts, content, cache");
    app.add_flag("-v,--verbose", o.verbose, "log debug messages too");
    app.add_flag("--sync-once", o.syncOnce,
                 "sync the content feed once into the cache, print what was done and exit (no display needed)");
    app.add_option("--feed", o.feedUrl, "the feed's manifest URL for --sync-once (default: feed_url of the configuration)");
    app.add_option("--cache", o.cacheDir,
                   "the cache folder for --sync-once, --status, --rollback, --reset-time and --check (default: cache_dir of the "
                   "configuration)");
    app.add_flag("--status", o.status, "staff: print the content sync status of the cache (versions, last sync, last error)");
    app.add_flag("--rollback", o.rollback,
                 "staff: make the previous content version current again (a running kiosk shows it at its next start)");
    app.add_flag("--reset-time", o.resetTime,
                 "staff: forget the trusted time (the clock floor learnt from verified servers) when it is wrong, e.g. "
                 "certificates are reported expired; stop the kiosk first");
    app.footer(
        "Exit codes: 0 success; 1 failure (--check: a check failed; --sync-once: the sync failed; --status: the last "
        "sync attempt failed); 2 unusable options, configuration or cache (--status: no cache yet). --status also: 3 no "
        "successful sync for 12 hours, 4 less than min_free_bytes free on the cache's disk, 5 a content version "
        "crashed the kiosk and was set aside (when several apply: 4, 5, 1, 3).");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, the version, or the error
        return {std::nullopt, code == 0 ? 0 : 2};
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
