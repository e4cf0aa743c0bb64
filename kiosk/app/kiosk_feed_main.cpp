// kiosk-feed: the staff tool for content feeds. `validate` prints every problem of a feed
// folder; `build` writes its manifest; `keygen`, `sign`, `verify` (app/feed_sign.cpp) sign
// it in minisign's format. Links core only (no display).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "app/feed_sign.hpp"
#include "app/feed_stats.hpp"
#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
// kiosk-feed subcommands of issue 11, one file each
#include "app/feed_checks.hpp"
#include "app/feed_import.hpp"
#include "app/feed_preview.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "kiosk-feed: prepare and check the content feed of the event kiosk.\n"
        "A feed is a folder of JSON documents and images described in docs/feed-format.md."};
    app.set_version_flag("--version", std::string("kiosk-feed ") + KIOSK_VERSION);
    app.require_subcommand(1);

    std::string validateDir;
    bool strict = false;
    auto* validate = app.add_subcommand("validate",
                                        "Check a feed folder and print every problem with its file and "
                                        "JSON path. Exit code 1 on fatal or item errors.");
    validate->add_option("DIR", validateDir, "the feed folder (with its manifest.json)")->required();
    validate->add_flag("--strict", strict, "also fail on warnings");

    std::string buildDir;
    auto* build = app.add_subcommand("build",
                                     "Validate a feed folder and write its manifest.json (file sizes, SHA-256, "
                                     "a version one higher than before). Nothing is written on errors.");
    build->add_option("DIR", buildDir, "the feed folder")->required();
    const auto runImport = kiosk::app::addImportCommand(app);             // import from other tools (issue 11)
    const auto runInit = kiosk::app::addInitCommand(app);                 // a new feed folder (issue 11)
    const auto runChecks = kiosk::app::addStaffChecks(app);               // validate and build for staff (issue 11)
    const auto runDiff = kiosk::app::addDiffCommand(app);                 // diff OLD NEW in words (issue 11)
    const auto runPreview = kiosk::app::addPreviewCommand(app, argv[0]);  // PNG of every screen (issue 11)

    const auto runStats = kiosk::app::addStatsCommand(app);  // statistics reports (issue 14)
    std::optional<int> signExit;                             // keygen, sign, verify (app/feed_sign.cpp)
    kiosk::app::addSignCommands(app, signExit);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, the version, or the error
        return code == 0 ? 0 : 2;
    }
    if (signExit) return *signExit;
    if (const auto code = runImport()) return *code;
    if (const auto code = runInit()) return *code;
    if (const auto code = runChecks()) return *code;
    if (const auto code = runDiff()) return *code;
    if (const auto code = runPreview()) return *code;
    if (const auto code = runStats()) return *code;
    return 2;
}
