// kiosk-feed import: reads each source file with its importer, prints what it found and
// every problem with its line or path, then merges it into the feed's documents.
#include "app/feed_import.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/feed_text.hpp"
#include "core/files.hpp"
#include "core/import/feed_writer.hpp"

namespace kiosk::app {
namespace {
using namespace kiosk::core;
namespace fs = std::filesystem;

struct ImportArgs {
    std::string format = "auto";
    std::vector<std::string> files;
    std::string into;
    std::string source;
    std::string timeZone, venue;
    bool keepMissing = false;
};

void printDiagnostics(const Diagnostics& diags) {
    for (const Diagnostic& d : diags.all()) std::cout << "  " << levelName(d.severity) << ": " << describe(d) << "\n";
}

void append(import::Imported& all, import::Imported&& one) {
    for (auto& s : one.sessions) all.sessions.push_back(std::move(s));
    for (auto& p : one.places) {
        auto known = std::find_if(all.places.begin(), all.places.end(), [&](const Place& q) { return q.id == p.id; });
        if (known == all.places.end()) {
            all.places.push_back(std::move(p));
            continue;
        }
        // the same place from two sheets (sessions, then places): each fills what the other lacks
        Place& k = *known;
        if (k.commune.empty()) k.commune = p.commune;
        if (k.address.empty()) k.address = p.address;
        if (k.postcode.empty()) k.postcode = p.postcode;
        if (!k.coordinates) k.coordinates = p.coordinates;
        if (k.shortName.empty()) k.shortName = p.shortName;
        if (k.openingHours.empty()) k.openingHours = p.openingHours;
        if (k.accessNote.empty()) k.accessNote = p.accessNote;
        if (k.transport.empty()) k.transport = p.transport;
        if (k.floorPlanId.empty()) k.floorPlanId = p.floorPlanId;
        k.access |= p.access;
    }
    for (auto& d : one.demos) all.demos.push_back(std::move(d));
    all.diagnostics.append(one.diagnostics);
    if (all.eventName.empty()) all.eventName = one.eventName;
    if (one.firstDay && (!all.firstDay || *one.firstDay < *all.firstDay)) all.firstDay = one.firstDay;
    if (one.lastDay && (!all.lastDay || *one.lastDay > *all.lastDay)) all.lastDay = one.lastDay;
}

void printCounts(const std::string& what, const import::MergeCounts& c) {
    std::cout << "  " << what << tr(" : ", ": ") << c.added << tr(" ajouté(s), ", " added, ") << c.updated
              << tr(" mis à jour, ", " updated, ") << c.unchanged << tr(" inchangé(s), ", " unchanged, ") << c.removed
              << tr(" retiré(s) (plus dans la source), ", " removed (no longer in the source), ") << c.kept
              << tr(" ajouté(s) à la main et gardé(s)", " added by hand and kept") << "\n";
    for (const auto& id : c.removedIds) std::cout << "    - " << id << "\n";
}

int run(const ImportArgs& a) {
    import::Format requested{};
    const bool autoFormat = a.format == "auto";
    if (!autoFormat && !import::parseFormat(a.format, requested)) {
        std::cerr << tr("kiosk-feed import : format inconnu « ", "kiosk-feed import: unknown format \"") << a.format
                  << tr(" » (openagenda, pretalx-json, frab-xml, ics, csv, csv-places, csv-demos, auto)\n",
                        "\" (openagenda, pretalx-json, frab-xml, ics, csv, csv-places, csv-demos, auto)\n");
        return 2;
    }
    import::ImportOptions options;
    import::readEventWindow(a.into, options);
    if (!a.timeZone.empty()) options.timeZone = a.timeZone;
    options.venue = a.venue;
    import::Imported all;
    for (std::size_t i = 0; i < a.files.size(); ++i) {
        const std::string& file = a.files[i];
        auto bytes = readFile(file, 64u << 20);
        if (!bytes) {
            std::cerr << tr("kiosk-feed import : ", "kiosk-feed import: ") << coreMessage(bytes.error()) << "\n";
            return 1;
        }
        auto format = autoFormat ? import::guessFormat(file, bytes.value()) : std::optional(requested);
        // a CSV sheet named "lieux"/"places" or "demos" is read as that sheet
        if (!autoFormat && requested == import::Format::CsvSessions) {
            if (auto g = import::guessFormat(file, bytes.value()); g && *g != import::Format::CsvSessions) format = g;
        }
        if (!format) {
            std::cerr << tr("kiosk-feed import : impossible de deviner le format de ",
                            "kiosk-feed import: cannot tell the format of ")
                      << file
                      << tr(" ; donnez-le (par exemple : kiosk-feed import csv ...)\n",
                            "; name it (for example: kiosk-feed import csv ...)\n");
            return 2;
        }
        options.sourceName = fs::path(file).filename().string();
        import::Imported one = import::importBytes(*format, bytes.value(), options);
        std::cout << "[" << i + 1 << "/" << a.files.size() << "] " << file << " (" << import::formatName(*format)
                  << tr(") : ", "): ") << one.sessions.size() << tr(" séances, ", " sessions, ") << one.places.size()
                  << tr(" lieux, ", " places, ") << one.demos.size() << tr(" démos\n", " demos\n");
        printDiagnostics(one.diagnostics);
        if (one.nextPage) {
            std::cout << tr("  note : l'API OpenAgenda a d'autres pages (after=",
                            "  note: the OpenAgenda API has more pages (after=")
                      << *one.nextPage
                      << tr(") : importez-les dans la même commande\n", "): import them in the same command\n");
        }
        append(all, std::move(one));
    }
    if (all.diagnostics.hasFatal()) {
        std::cout << tr("rien n'a été écrit : corrigez les erreurs « fatal » ci-dessus et relancez l'import\n",
                        "nothing written: fix the fatal problems above and import again\n");
        return 1;
    }
    import::WriteOptions w;
    w.sourceKey = a.source.empty() ? (autoFormat ? std::string("import") : a.format) : a.source;
    w.keepMissing = a.keepMissing;
    w.timeZone = options.timeZone;
    auto report = import::writeImport(a.into, all, w);
    if (!report) {
        std::cerr << tr("kiosk-feed import : ", "kiosk-feed import: ") << coreMessage(report.error()) << "\n";
        return 1;
    }
    std::cout << tr("écrit dans ", "written to ") << a.into << tr(" :\n", ":\n");
    printCounts(tr("séances", "sessions"), report.value().sessions);
    printCounts(tr("lieux", "places"), report.value().places);
    if (!all.demos.empty()) printCounts(tr("démos", "demos"), report.value().demos);
    for (const auto& r : report.value().renamed)
        std::cout << tr("  identifiant gardé : ", "  id kept: ") << coreMessage(r) << "\n";
    for (const auto& n : report.value().notes)
        std::cout << tr("  à compléter : ", "  to complete: ") << coreMessage(n) << "\n";
    const std::size_t refused = all.diagnostics.count(Severity::ItemError);
    if (refused > 0) {
        std::cout
            << refused
            << tr(" ligne(s) ou élément(s) de la source laissé(s) de côté, nommé(s) ci-dessus « erreur » : "
                  "corrigez-les dans la source et relancez l'import (kiosk-feed validate les rappelle d'ici là)\n",
                  " row(s) or item(s) of the source left out, each named above as \"error\": fix them in the "
                  "source and import again (kiosk-feed validate lists them until then)\n");
    }
    std::cout << tr("ensuite : kiosk-feed validate ", "next: kiosk-feed validate ") << a.into
              << tr(" puis kiosk-feed build ", " then kiosk-feed build ") << a.into << "\n";
    return refused > 0 ? 3 : 0;
}

}  // namespace

std::function<std::optional<int>()> addImportCommand(CLI::App& app) {
    auto args = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand(
        "import",
        tr("Lit un programme venant d'OpenAgenda (events.json ou réponses de l'API), de pretalx/frab (schedule.json, "
           "schedule.xml), d'iCalendar (.ics) ou d'un tableur (CSV) et le fusionne dans un dossier de flux, chaque "
           "élément reconnu par son identifiant : ce que l'équipe a ajouté à la main (texte facile à lire, "
           "accessibilité, salles, images) est gardé. Codes de sortie : 0 écrit, 1 rien n'a été écrit (une source n'a "
           "pas pu être lue), 2 commande mal écrite, 3 écrit, mais des lignes de la source ont été laissées de côté "
           "(chacune est nommée).",
           "Read a programme from OpenAgenda (events.json or API answers), pretalx/frab (schedule.json, "
           "schedule.xml), iCalendar (.ics) or a spreadsheet (CSV) and merge it into a feed folder by stable id: "
           "fields staff added by hand (easy-read text, access, rooms, images) are kept. Exit codes: 0 written, "
           "1 nothing written (a source could not be read), 2 usage error, 3 written but rows of the source were "
           "left out (each is named)."));
    cmd->add_option("FORMAT", args->format,
                    tr("openagenda, pretalx-json, frab-xml, ics, csv (feuille des séances), csv-places, csv-demos, ou "
                       "auto (d'après le nom de chaque fichier)",
                       "openagenda, pretalx-json, frab-xml, ics, csv (sessions sheet), csv-places, csv-demos, or auto "
                       "(from each file's name)"))
        ->required();
    cmd->add_option("FILE", args->files,
                    tr("un ou plusieurs fichiers (toutes les pages d'une réponse de l'API OpenAgenda, ou les feuilles "
                       "d'un tableur)",
                       "one or more files (all pages of an OpenAgenda API answer, or the sheets of a spreadsheet)"))
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--into", args->into,
                    tr("le dossier du flux à écrire (créé s'il n'existe pas)",
                       "the feed folder to write (created when missing)"))
        ->required();
    cmd->add_option("--source", args->source,
                    tr("un nom pour cette source (par défaut : le format) ; les séances qu'un import suivant de la "
                       "même source ne contient plus sont retirées",
                       "a name for this source (default: the format); sessions a later import of the same source no "
                       "longer has are removed"));
    cmd->add_option("--time-zone", args->timeZone,
                    tr("le fuseau horaire IANA de l'événement (par défaut : celui d'event.json, sinon Europe/Paris)",
                       "the event's IANA time zone (default: event.json's, else Europe/Paris)"));
    cmd->add_option("--venue", args->venue,
                    tr("pretalx, frab, iCalendar : le lieu unique de l'événement ; ses salles deviennent des salles de "
                       "ce lieu (par défaut : un lieu par salle)",
                       "pretalx, frab, iCalendar: the event's one venue; its rooms become rooms of that place "
                       "(default: a place per room)"));
    cmd->add_flag("--keep-missing", args->keepMissing,
                  tr("garder les séances que la source ne liste plus", "keep sessions the source no longer lists"));
    return [cmd, args]() -> std::optional<int> {
        if (!*cmd) return std::nullopt;
        return run(*args);
    };
}

}  // namespace kiosk::app
