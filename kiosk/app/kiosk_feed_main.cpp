// kiosk-feed: the staff tool for content feeds. `validate` prints every problem of a feed
// folder; `build` writes its manifest; `keygen`, `sign`, `verify` (app/feed_sign.cpp) sign
// it in minisign's format. Links core only (no display).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "app/cli_text.hpp"
#include "app/feed_publish.hpp"
#include "app/feed_sign.hpp"
#include "app/feed_stats.hpp"
#include "app/feed_text.hpp"
#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
// kiosk-feed subcommands of issue 11, one file each
#include "app/feed_checks.hpp"
#include "app/feed_import.hpp"
#include "app/feed_preview.hpp"

int main(int argc, char** argv) {
    using kiosk::app::tr;
    CLI::App app{
        tr("kiosk-feed : préparer, vérifier et publier le flux de contenu de la borne.\n"
           "Un flux est un dossier de documents JSON et d'images (voir docs/guide-personnel.md).",
           "kiosk-feed: prepare, check and publish the content feed of the event kiosk.\n"
           "A feed is a folder of JSON documents and images described in docs/feed-format.md.")};
    kiosk::app::useStaffLanguage(app);  // French headings and argument errors under a French locale
    app.set_version_flag("--version", std::string("kiosk-feed ") + KIOSK_VERSION,
                         tr("affiche la version et s'arrête", "Display program version information and exit"));
    app.require_subcommand(1);

    std::string validateDir;
    bool strict = false;
    auto* validate = app.add_subcommand("validate");  // described in app/feed_checks.cpp
    validate->add_option("DIR", validateDir, tr("le dossier du flux", "the feed folder (with its manifest.json)"))
        ->required();
    validate->add_flag("--strict", strict, tr("échoue aussi sur les avertissements", "also fail on warnings"));

    std::string buildDir;
    auto* build = app.add_subcommand("build");  // described in app/feed_checks.cpp
    build->add_option("DIR", buildDir, tr("le dossier du flux", "the feed folder"))->required();
    const auto runImport = kiosk::app::addImportCommand(app);             // import from other tools (issue 11)
    const auto runInit = kiosk::app::addInitCommand(app);                 // a new feed folder (issue 11)
    const auto runChecks = kiosk::app::addStaffChecks(app);               // validate and build for staff (issue 11)
    const auto runDiff = kiosk::app::addDiffCommand(app);                 // diff OLD NEW in words (issue 11)
    const auto runPreview = kiosk::app::addPreviewCommand(app, argv[0]);  // PNG of every screen (issue 11)

    const auto runPublish = kiosk::app::addPublishCommand(app);  // build, sign, copy (issue 20)
    const auto runStats = kiosk::app::addStatsCommand(app);      // statistics reports (issue 14)
    std::optional<int> signExit;                                 // keygen, sign, verify (app/feed_sign.cpp)
    kiosk::app::addSignCommands(app, signExit);

    kiosk::app::nameSubcommandGroup(app);
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
    if (const auto code = runPublish()) return *code;
    if (const auto code = runStats()) return *code;
    return 2;
}
