// kiosk-feed validate and build for people who are not programmers (see feed_checks.hpp).
#include "app/feed_checks.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <regex>

#include <nlohmann/json.hpp>

#include "app/feed_sign.hpp"
#include "app/feed_text.hpp"
#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/files.hpp"
#include "core/import/feed_writer.hpp"
#include "core/json_parse.hpp"
#include "core/sync/http_client.hpp"

namespace kiosk::app {
namespace {
using namespace kiosk::core;
namespace fs = std::filesystem;
using nlohmann::json;

// nlohmann's parse error in words a person can act on, keeping line and column.
std::string plainJsonError(const std::string& message) {
    std::smatch m;
    std::string where;
    static const std::regex at(R"(line (\d+), column (\d+))");
    if (std::regex_search(message, m, at))
        where = tr("ligne ", "line ") + m[1].str() + tr(", colonne ", ", column ") + m[2].str() + ": ";
    auto has = [&](const char* s) { return message.find(s) != std::string::npos; };
    std::string why;
    if (has("unexpected end of input")) {
        why = tr("le fichier s'arrête trop tôt : il manque une } ou un ] ou un guillemet fermant",
                 "the file ends too early: a closing }, ] or quote is missing");
    } else if ((has("unexpected '}'") || has("unexpected ']'")) &&
               (has("expected string literal") || has("expected value") || has("or a literal"))) {
        why = tr("une virgule de trop juste avant ce } ou ce ] (après le dernier élément, pas de virgule)",
                 "one comma too many just before this } or ] (no comma after the last item)");
    } else if (has("expected '}'") || has("expected ']'") || has("expected ',' or")) {
        why = tr("il manque une virgule entre deux éléments, ou une accolade n'est pas fermée",
                 "a comma is missing between two items, or a bracket is not closed");
    } else if (has("expected end of input")) {
        why = tr("quelque chose après la fin du document : une virgule ou une accolade de trop",
                 "something after the end of the document: a comma or a bracket too many");
    } else if (has("invalid literal")) {
        why = tr(
            "un mot sans guillemets : un texte s'écrit \"entre guillemets\" (seuls true, false et null s'en passent)",
            "a word without quotes: text is written \"in quotes\" (only true, false and null are bare)");
    } else if (has("control character")) {
        why = tr("un retour à la ligne dans un texte : écrivez \\n à la place",
                 "a line break inside a text: write \\n instead");
    } else if (has("invalid string")) {
        why = tr("un texte mal fermé ou un \\ seul : écrivez \\\\ pour une barre oblique inverse",
                 "a text not closed properly or a lone \\: write \\\\ for a backslash");
    } else {
        return where + message;
    }
    return where + why + " (" + message + ")";
}

bool isSyntaxError(const Diagnostic& d) { return d.message.rfind("not valid JSON: ", 0) == 0; }

// " (id "x", « Title »)" for "$.sessions[12]..." paths, read from the document itself.
class ItemNames {
public:
    explicit ItemNames(const fs::path& dir) : dir_(dir) {}
    std::string describe(const Diagnostic& d) {
        static const std::regex item(R"(^\$\.(\w+)\[(\d+)\])");
        std::smatch m;
        if (!std::regex_search(d.path, m, item)) return "";
        const json& doc = load(d.file);
        const std::string list = m[1].str();
        const std::size_t index = std::stoul(m[2].str());
        if (!doc.is_object() || !doc.contains(list) || !doc[list].is_array() || index >= doc[list].size()) return "";
        const json& it = doc[list][index];
        std::string out;
        if (it.is_object() && it.contains("id") && it["id"].is_string())
            out = "id \"" + it["id"].get<std::string>() + "\"";
        for (const char* key : {"title", "name"}) {
            if (!it.is_object() || !it.contains(key)) continue;
            const json& t = it[key];
            const std::string title = t.is_string() ? t.get<std::string>()
                                      : t.is_object() && t.contains("fr") && t["fr"].is_string()
                                          ? t["fr"].get<std::string>()
                                          : "";
            if (!title.empty()) out += (out.empty() ? "" : ", ") + std::string(tr("« ", "\"")) + title + tr(" »", "\"");
            break;
        }
        return out.empty() ? "" : " [" + out + "]";
    }

private:
    const json& load(const std::string& file) {
        auto it = docs_.find(file);
        if (it != docs_.end()) return it->second;
        json doc;
        if (auto text = readFile(dir_ / file, 4u << 20)) {
            if (auto parsed = parseJsonChecked(text.value())) doc = std::move(parsed).value();
        }
        return docs_[file] = std::move(doc);
    }
    fs::path dir_;
    std::map<std::string, json> docs_;
};

void print(const Diagnostics& diags, const fs::path& dir, const std::vector<std::string>& unused) {
    ItemNames names(dir);
    for (const Diagnostic& d : diags.all()) {
        // the loader's "not in the manifest" for files build leaves out on purpose
        if (std::find(unused.begin(), unused.end(), d.file) != unused.end()) continue;
        std::string text = d.file;
        if (!d.path.empty()) text += ": " + d.path;
        text += ": " + (isSyntaxError(d) ? plainJsonError(d.message.substr(16)) : coreMessage(d.message));
        text += names.describe(d);  // after the message, so the path and message read as one line
        std::cout << levelName(d.severity) << ": " << text << "\n";
    }
}

void summary(const Diagnostics& diags) {
    std::cout << diags.count(Severity::Fatal) << tr(" bloquant(s), ", " fatal, ") << diags.count(Severity::ItemError)
              << tr(" erreur(s), ", " errors, ") << diags.count(Severity::Warning)
              << tr(" avertissement(s)\n", " warnings\n");
}

// Syntax errors first and alone: what follows from an unreadable document is noise.
bool stopAtSyntaxErrors(const Diagnostics& diags, const fs::path& dir) {
    Diagnostics syntax;
    for (const Diagnostic& d : diags.all()) {
        if (isSyntaxError(d)) syntax.add(d.severity, d.file, d.path, d.message);
    }
    if (syntax.empty()) return false;
    print(syntax, dir, {});
    std::cout << tr("les autres vérifications reprendront quand ce JSON sera corrigé\n",
                    "the other checks resume once this JSON is fixed\n");
    summary(syntax);
    return true;
}

// Pipes, sockets and devices in the folder: skipped (reading one could block forever).
void printNotRegular(const std::vector<std::string>& paths) {
    for (const auto& p : paths) {
        std::cout << levelName(Severity::Warning) << ": " << p
                  << tr(" : pas un fichier ordinaire (un tube, une socket ou un périphérique) : ignoré, pas publié\n",
                        ": not a regular file (a pipe, socket or device): skipped, not published\n");
    }
}

int validate(const std::string& dirText, bool strict) {
    const fs::path dir(dirText);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::cout << levelName(Severity::Fatal) << ": " << dirText
                  << tr(" n'est pas un dossier\n", " is not a folder\n");
        return 1;
    }
    std::vector<std::string> notRegular;
    auto scanned = scanFeedFolder(dir, FeedLimits{}, &notRegular);
    if (!scanned) {
        std::cout << levelName(Severity::Fatal) << ": " << coreMessage(scanned.error()) << "\n";
        return 1;
    }
    auto readManifest = readCurrentManifest(dir);
    const std::optional<Manifest> current = readManifest ? readManifest.value() : std::nullopt;
    std::vector<std::string> unused;
    Manifest fresh;
    fresh.files = usedFiles(dir, std::move(scanned).value(), unused);
    fresh.version = current ? current->version : 0;
    LoadOptions options;
    options.verifyAllFiles = true;
    const LoadResult result = loadFeedWithManifest(dir, fresh, options);
    Diagnostics diags = gradeForStaff(result.diagnostics);
    if (!readManifest) {  // build refuses it (never restarts at version 1): an error of its own
        const std::string& e = readManifest.error();
        diags.add(Severity::ItemError, "manifest.json", "",
                  (e.rfind("manifest.json: ", 0) == 0 ? e.substr(15) : e) + "; build refuses until it is fixed");
    }
    if (stopAtSyntaxErrors(diags, dir)) return 1;
    diags.append(import::refusedByLastImports(dir));  // rows a source had that the feed does not
    print(diags, dir, unused);
    printNotRegular(notRegular);
    for (const auto& u : unused) {
        std::cout << tr("note : ", "note: ") << u
                  << tr(" : utilisé par aucun document, pas publié\n", ": used by no document, not published\n");
    }
    bool stale = !current || current->files.size() != fresh.files.size();
    for (std::size_t i = 0; !stale && i < fresh.files.size(); ++i) {
        stale = current->files[i].path != fresh.files[i].path || current->files[i].sha256 != fresh.files[i].sha256;
    }
    if (!current && readManifest) {
        std::cout << tr("note : pas encore de manifest.json : kiosk-feed build ",
                        "note: no manifest.json yet: kiosk-feed build ")
                  << dirText << tr(" l'écrira\n", " writes it\n");
    } else if (current && stale) {
        std::cout << tr("note : manifest.json n'est plus à jour (fichiers modifiés depuis la version ",
                        "note: manifest.json is out of date (files changed since version ")
                  << current->version << tr(") : lancez kiosk-feed build ", "): run kiosk-feed build ") << dirText
                  << "\n";
    }
    if (const std::string stale = current ? staleSignatureWarning(dirText) : ""; !stale.empty()) {
        std::cout << tr("note : ", "note: ") << stale << "\n";
    }
    if (result.content) {
        const Content& c = *result.content;
        std::cout << tr("flux ", "feed ") << dirText << ": " << c.sessions.size() << tr(" séances, ", " sessions, ")
                  << c.places.size() << tr(" lieux, ", " places, ") << c.demos.size() << tr(" démos, ", " demos, ")
                  << c.pages.size() << tr(" pages, ", " pages, ") << c.floorPlans.size()
                  << tr(" plans\n", " floor plans\n");
    }
    summary(diags);
    if (diags.hasErrors()) return 1;
    if (strict && (!diags.empty() || !notRegular.empty())) return 1;
    return 0;
}

// The version a server publishes: URL (a feed folder's URL or its manifest.json).
Result<std::int64_t> publishedVersion(const std::string& url) {
    sync::HttpOptions http;
    http.userAgent = "kiosk-feed";
    http.totalTimeoutSeconds = 30;
    sync::HttpClient client(http);
    sync::HttpRequest request;
    request.url = url.ends_with(".json") ? url : (url.ends_with("/") ? url : url + "/") + "manifest.json";
    auto response = client.get(request);
    if (!response) return fail(response.error());
    if (response.value().status == 404) return std::int64_t{0};  // nothing published yet
    if (!response.value().success()) return fail(request.url + ": HTTP " + std::to_string(response.value().status));
    auto parsed = parseJsonChecked(response.value().body);
    const json doc = parsed ? std::move(parsed).value() : json();
    if (!doc.is_object() || !doc.contains("version") || !doc["version"].is_number_integer() ||
        !isFeedVersion(doc["version"].get<std::int64_t>())) {
        return fail(request.url + tr(" n'est pas un manifeste de flux (version entière de 1 à 2^53-1)",
                                     " is not a feed manifest (a whole version from 1 to 2^53-1)"));
    }
    return doc["version"].get<std::int64_t>();
}

}  // namespace

int buildFolder(const std::string& dir, const std::string& after, std::int64_t floor) {
    if (!after.empty()) {
        std::cout << tr("lecture de la version publiée sur ", "reading the version published at ") << after << " ...\n";
        auto v = publishedVersion(after);
        if (!v) {
            std::cerr << "kiosk-feed build: --after " << after << ": " << v.error() << "\n";
            return 1;
        }
        floor = std::max(floor, v.value());
        std::cout << tr("  version publiée : ", "  published version: ") << floor << "\n";
    }
    std::cout << tr("vérification de chaque fichier de ", "checking every file of ") << dir << " ...\n";
    const BuildOutcome out = buildFeed(dir, SystemClock().now(), {}, floor);
    if (!out.error.empty()) {
        std::cerr << "kiosk-feed build: " << coreMessage(out.error) << "\n";
        return 1;
    }
    if (stopAtSyntaxErrors(out.load.diagnostics, dir)) return 1;
    Diagnostics shown = out.load.diagnostics;
    shown.append(import::refusedByLastImports(dir));  // rows a source had that the feed does not
    print(shown, dir, out.unused);
    printNotRegular(out.notRegular);
    summary(shown);
    for (const auto& u : out.unused) {
        std::cout << tr("non publié (utilisé par aucun document) : ", "not published (used by no document): ") << u
                  << "\n";
    }
    if (out.load.diagnostics.hasErrors()) {
        std::cout << tr("manifest non écrit : corrigez les erreurs ci-dessus et relancez kiosk-feed build\n",
                        "manifest not written: fix the errors above and run kiosk-feed build again\n");
        return 1;
    }
    if (out.unchanged) {
        std::cout << tr("aucun fichier n'a changé depuis la version ", "no file changed since version ")
                  << out.manifest.version << tr(" : manifest gardé tel quel\n", ": manifest kept as it is\n");
    } else {
        std::cout << tr("écrit ", "wrote ") << dir << "/manifest.json: version " << out.manifest.version << ", "
                  << out.manifest.files.size() << tr(" fichiers\n", " files\n");
    }
    // A signature made before this build no longer fits: say so now, not at the kiosk.
    if (const std::string stale = staleSignatureWarning(dir); !stale.empty()) {
        std::cout << levelName(Severity::Warning) << ": " << stale << "\n";
    }
    return 0;
}

namespace {

struct Args {
    std::string after;
};

}  // namespace

std::function<std::optional<int>()> addStaffChecks(CLI::App& app) {
    auto args = std::make_shared<Args>();
    CLI::App* validateCmd = app.get_subcommand("validate");
    CLI::App* buildCmd = app.get_subcommand("build");
    validateCmd->description(
        tr("Vérifie un dossier de flux tel que build le publierait et affiche chaque problème avec son fichier, son "
           "chemin JSON et l'identifiant ou le titre de l'élément. Un manifeste absent ou périmé est une remarque. "
           "Codes de sortie : 0 utilisable, 1 erreurs (ou avertissements avec --strict), 2 arguments inutilisables.",
           "Check a feed folder as build would publish it and print every problem with its file, JSON path and the "
           "item's id or title (French messages when LANG is fr_*). An out-of-date or missing manifest is a note. "
           "Exit codes: 0 usable, 1 errors (or warnings with --strict), 2 usage error."));
    buildCmd->description(
        tr("Vérifie un dossier de flux et écrit son manifest.json avec les fichiers utilisés par les documents (les "
           "autres sont listés, pas publiés) et une version au-dessus de la précédente et de celle de --after. Rien "
           "n'est écrit en cas d'erreur ; une signature antérieure doit être refaite (kiosk-feed sign). Codes de "
           "sortie : 0 écrit ou inchangé, 1 erreurs, 2 arguments inutilisables.",
           "Validate a feed folder and write its manifest.json with the files documents use (others are listed, "
           "not published) and a version above the previous one and above --after's. Nothing is written on errors; "
           "an earlier signature must be redone (kiosk-feed sign). Exit codes: 0 written or unchanged, 1 errors, "
           "2 usage error."));
    buildCmd->add_option("--after", args->after,
                         tr("une adresse où le flux est publié (son dossier ou manifest.json) : la nouvelle version "
                            "est au-dessus de celle qui s'y trouve",
                            "a URL where the feed is published (its folder or manifest.json): the new version is "
                            "above the version found there"));
    return [=]() -> std::optional<int> {
        if (*validateCmd) {
            return validate(validateCmd->get_option("DIR")->as<std::string>(), validateCmd->count("--strict") > 0);
        }
        if (*buildCmd) return buildFolder(buildCmd->get_option("DIR")->as<std::string>(), args->after);
        return std::nullopt;
    };
}

}  // namespace kiosk::app
