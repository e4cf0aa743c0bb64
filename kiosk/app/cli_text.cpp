// French for CLI11's headings and errors (see cli_text.hpp). CLI11 2.1 builds its error
// messages from fixed English sentences; each is matched whole, names and values kept.
#include "app/cli_text.hpp"

#include <CLI/CLI.hpp>

#include <regex>
#include <utility>
#include <vector>

#include "app/feed_text.hpp"

namespace kiosk::app {

std::string frenchCliError(const std::string& english) {
    struct Rule {
        std::regex pattern;
        const char* french;
    };
    static const std::vector<Rule> rules = [] {
        std::vector<Rule> r;
        auto add = [&](const char* re, const char* fr) { r.push_back({std::regex(re), fr}); };
        add(R"(^A subcommand is required$)", "il faut une sous-commande (voir la liste avec --help)");
        add(R"(^Requires at least (\d+) subcommands$)", "il faut au moins $1 sous-commandes");
        add(R"(^(.+) is required$)", "$1 est obligatoire");
        add(R"(^The following arguments? (?:was|were) not expected: (.*)$)", "argument inattendu : $1");
        add(R"(^(\S+): Value (.*) not in range \[?(.*?) (?:-|to) (.*?)\]?$)",
            "$1 : la valeur $2 n'est pas entre $3 et $4");
        add(R"(^(\S+): Directory does not exist: (.*)$)", "$1 : le dossier n'existe pas : $2");
        add(R"(^(\S+): File does not exist: (.*)$)", "$1 : le fichier n'existe pas : $2");
        add(R"(^(\S+): Path does not exist: (.*)$)", "$1 : le chemin n'existe pas : $2");
        add(R"(^(\S+): (.*) not in \{(.*)\}$)", "$1 : $2 n'est pas une des valeurs permises ($3)");
        add(R"(^Could not convert: (.*) = (.*)$)", "valeur illisible : $1 = $2");
        add(R"(^The value (.*) is not an allowed value for (.*)$)", "la valeur $1 n'est pas permise pour $2");
        add(R"(^Expected exactly (\d+) arguments? to (.*), got (\d+)$)", "$2 attend exactement $1 valeur(s), reçu $3");
        add(R"(^Expected at least (\d+) arguments? to (.*), got (\d+)$)", "$2 attend au moins $1 valeur(s), reçu $3");
        add(R"(^(.*): (\d+) required (.*) missing$)", "$1 : il manque $2 valeur(s) ($3)");
        add(R"(^(\S+): too many inputs for a flag$)", "$1 : trop de valeurs pour une option sans valeur");
        add(R"(^(.*) requires (.*)$)", "$1 demande aussi $2");
        add(R"(^(.*) excludes (.*)$)", "$1 exclut $2");
        return r;
    }();
    for (const Rule& rule : rules) {
        if (std::regex_match(english, rule.pattern)) return std::regex_replace(english, rule.pattern, rule.french);
    }
    return english;
}

void nameSubcommandGroup(CLI::App& app) {
    if (!frenchMessages()) return;
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) sub->group("Sous-commandes");
}

void useStaffLanguage(CLI::App& app) {
    if (!frenchMessages()) return;
    auto formatter = app.get_formatter();
    for (const auto& [key, value] : std::vector<std::pair<const char*, const char*>>{
             {"Usage", "Utilisation"},
             {"OPTIONS", "OPTIONS"},
             {"SUBCOMMAND", "SOUS-COMMANDE"},
             {"SUBCOMMANDS", "SOUS-COMMANDES"},
             {"Positionals", "Arguments"},
             {"Options", "Options"},
             {"Subcommands", "Sous-commandes"},
             {"REQUIRED", "OBLIGATOIRE"},
             {"Needs", "Demande"},
             {"Excludes", "Exclut"},
             {"TEXT", "TEXTE"},
             {"INT", "ENTIER"},
             {"UINT", "ENTIER"},
             {"FLOAT", "NOMBRE"},
             {"DIR", "DOSSIER"},
             {"FILE", "FICHIER"},
             {"PATH(existing)", "CHEMIN(existant)"},
             {"TEXT:FILE", "TEXTE:FICHIER"},
             {"TEXT:DIR", "TEXTE:DOSSIER"},
             {"INT:INT in [1 - 3650]", "ENTIER de 1 à 3650"},
             {"TEXT:{sensitive,interactive}", "TEXTE:{sensitive,interactive}"},
             {"TEXT:{fr,en}", "TEXTE:{fr,en}"},
         }) {
        formatter->label(key, value);
    }
    app.set_help_flag("-h,--help", "affiche cette aide et s'arrête");
    app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
        std::string out = "Erreur : " + frenchCliError(e.what()) + "\n";
        if (failed && failed->get_help_ptr() != nullptr) {
            out += "Lancez avec " + failed->get_help_ptr()->get_name() + " pour plus d'informations.\n";
        }
        return out;
    });
}

}  // namespace kiosk::app
