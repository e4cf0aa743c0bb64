// `kiosk-feed stats DB... [--csv DIR] [--pdf FILE]`: reads one or several kiosks'
// statistics databases and writes the spreadsheets and the one-page report.
// Exit codes: 0 done, 1 a database, the feed or an output could not be read or written,
// 2 wrong usage.
#include "app/feed_stats.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/feed_text.hpp"
#include "core/clock.hpp"
#include "core/feed_loader.hpp"
#include "core/stats/csv_export.hpp"
#include "core/stats/pdf_report.hpp"
#include "core/stats/report_data.hpp"

namespace kiosk::app {
namespace {
using namespace kiosk::core;

struct StatsArgs {
    std::vector<std::string> databases;
    std::string csvDir, pdfFile, contentDir, lang = "fr", timeZone;
};

int runStats(const StatsArgs& a) {
    Lang lang = Lang::Fr;
    if (!parseLang(a.lang, lang)) {
        std::cerr << tr("kiosk-feed stats : --lang : attendu fr ou en, trouvé \"",
                        "kiosk-feed stats: --lang: expected fr or en, got \"")
                  << a.lang << "\"\n";
        return 2;
    }
    std::vector<stats::KioskData> kiosks;
    for (const std::string& db : a.databases) {
        auto data = stats::readKioskDatabase(db);
        if (!data) {
            std::cerr << tr("kiosk-feed stats : ", "kiosk-feed stats: ") << coreMessage(data.error()) << "\n";
            return 1;
        }
        kiosks.push_back(std::move(data).value());
    }
    std::shared_ptr<const Content> content;
    if (!a.contentDir.empty()) {
        LoadResult load = loadFeed(a.contentDir);
        if (!load.content) {
            std::cerr << tr("kiosk-feed stats : impossible de lire le flux ", "kiosk-feed stats: cannot read the feed ")
                      << a.contentDir
                      << tr(" pour les titres (vérifiez-le avec kiosk-feed validate)\n",
                            " for the titles (check it with kiosk-feed validate)\n");
            return 1;
        }
        content = load.content;
    }
    std::string zoneName = a.timeZone;
    if (zoneName.empty()) zoneName = content ? content->timeZone.name() : "Europe/Paris";
    auto tz = TimeZone::locate(zoneName);
    if (!tz) {
        std::cerr << tr("kiosk-feed stats : ", "kiosk-feed stats: ") << coreMessage(tz.error()) << "\n";
        return 2;
    }
    const stats::Figures figures = stats::computeFigures(kiosks, tz.value());
    const auto titles = content ? stats::itemTitles(*content, lang) : std::map<std::string, std::string>{};

    std::int64_t visits = 0;
    for (const auto& [key, h] : figures.hours) visits += h.visits;
    std::cout << kiosks.size() << tr(" base(s) de données, ", " database(s), ") << figures.kiosks.size()
              << tr(" borne(s), ", " kiosk(s), ") << visits << tr(" visites, heures du fuseau ", " visits, times in ")
              << zoneName << "\n";
    if (!a.csvDir.empty()) {
        auto files = stats::writeCsvReports(figures, a.csvDir, {lang, titles});
        if (!files) {
            std::cerr << tr("kiosk-feed stats : ", "kiosk-feed stats: ") << coreMessage(files.error()) << "\n";
            return 1;
        }
        for (const auto& f : files.value()) std::cout << tr("écrit : ", "wrote ") << f.string() << "\n";
    }
    if (!a.pdfFile.empty()) {
        stats::PdfOptions o;
        o.lang = lang;
        o.titles = titles;
        if (content) o.eventName = content->event.name.str(lang);
        const LocalTime today = tz.value().toLocal(SystemClock().now());
        o.generatedOn = formatDate(today.date);
        if (auto s = stats::writePdfReport(figures, a.pdfFile, o); !s) {
            std::cerr << tr("kiosk-feed stats : ", "kiosk-feed stats: ") << coreMessage(s.error()) << "\n";
            return 1;
        }
        std::cout << tr("écrit : ", "wrote ") << a.pdfFile << "\n";
    }
    return 0;
}

}  // namespace

std::function<std::optional<int>()> addStatsCommand(CLI::App& app) {
    auto args = std::make_shared<StatsArgs>();
    auto* cmd = app.add_subcommand(
        "stats",
        tr("Lit les bases de statistiques des bornes (le fichier stats.database de chaque borne, copié ou atteint "
           "par le réseau) et écrit des tableurs (--csv) et un rapport PDF d'une page (--pdf). Uniquement des "
           "comptages anonymes ; voir docs/privacy.md. Code de sortie 1 quand une base, le flux ou un fichier de "
           "sortie ne peut pas être lu ou écrit.",
           "Read kiosks' statistics databases (the stats.database file of each kiosk, copied or reached over the "
           "network) and write spreadsheets (--csv) and a one-page PDF report (--pdf). Anonymous counts only; see "
           "docs/privacy.md. Exit code 1 when a database, the feed or an output cannot be read or written."));
    cmd->add_option("DB", args->databases,
                    tr("une base de statistiques par borne (fichiers SQLite)",
                       "one statistics database per kiosk (SQLite files)"))
        ->required();
    cmd->add_option("--csv", args->csvDir,
                    tr("écrit per-hour.csv, per-item.csv et per-kiosk.csv dans ce dossier (UTF-8 avec BOM, "
                       "séparateur ';', virgule décimale en français : ils s'ouvrent tels quels dans un tableur "
                       "français)",
                       "write per-hour.csv, per-item.csv and per-kiosk.csv into this folder (UTF-8 with BOM, ';' "
                       "separator, decimal comma in French: they open as they are in a French spreadsheet)"));
    cmd->add_option(
        "--pdf", args->pdfFile,
        tr("écrit le rapport A4 d'une page dans ce fichier PDF", "write the one-page A4 report to this PDF file"));
    cmd->add_option("--content", args->contentDir,
                    tr("le dossier du flux de l'événement : titres des éléments et fuseau horaire de l'événement "
                       "pour le rapport",
                       "the event's feed folder: item titles and the event's time zone for the report"));
    cmd->add_option("--lang", args->lang,
                    tr("langue des en-têtes et du rapport : fr (par défaut) ou en",
                       "language of the headers and the report: fr (default) or en"));
    cmd->add_option("--tz", args->timeZone,
                    tr("fuseau horaire des heures (par défaut : celui du flux, sinon Europe/Paris), par exemple "
                       "Europe/Paris",
                       "time zone of the hours (default: the feed's, else Europe/Paris), e.g. Europe/Paris"));
    return [cmd, args]() -> std::optional<int> {
        if (!*cmd) return std::nullopt;
        return runStats(*args);
    };
}

}  // namespace kiosk::app
