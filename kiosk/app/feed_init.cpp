// kiosk-feed init: a new feed folder that validates at once (an event, an empty
// programme) with a README in French showing an example of every document.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/feed_import.hpp"
#include "app/feed_text.hpp"
#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/files.hpp"
#include "core/import/common.hpp"
#include "core/import/feed_writer.hpp"

namespace kiosk::app {
namespace {
using namespace kiosk::core;
namespace fs = std::filesystem;

const char* const kReadme = R"(# Flux de contenu de la borne

Ce dossier est un *flux* : les documents JSON que la borne affiche. Créé par
`kiosk-feed init`, il est déjà valide (un événement, un programme vide).

Trois façons de le remplir (voir docs/guide-personnel.md) :

1. depuis OpenAgenda : `kiosk-feed import openagenda events.json --into CE_DOSSIER`
2. depuis un tableur (CSV) : `kiosk-feed import csv programme.csv lieux.csv --into CE_DOSSIER`
3. à la main, en suivant les exemples ci-dessous.

Puis, à chaque modification : `kiosk-feed validate CE_DOSSIER` (vérifie tout et dit où
est le problème), puis `kiosk-feed build CE_DOSSIER` (écrit manifest.json, la version
monte de un). Une nouvelle importation garde ce que vous avez ajouté à la main (texte
facile à lire, accessibilité, salles, images).

Les fichiers `*.md` de ce dossier ne sont jamais publiés.

## Exemples de chaque document

Les heures s'écrivent toujours avec leur décalage : `2027-10-20T14:30:00+02:00`
(attention : le 31 octobre 2027, Paris passe à `+01:00`). Un texte est soit une chaîne
(français), soit `{ "fr": "...", "en": "..." }`.

### event.json (obligatoire)
```json
{ "id": "mon-evenement-2027", "name": { "fr": "Mon événement", "en": "My event" },
  "start_date": "2027-10-18", "end_date": "2027-10-24", "time_zone": "Europe/Paris",
  "organiser": { "name": "Mairie d'Exemple", "url": "https://exemple.org" } }
```

### sessions.json (obligatoire) : le programme
```json
{ "sessions": [ {
  "id": "atelier-tablette-mardi", "title": { "fr": "Atelier tablette" }, "type": "workshop",
  "start": "2027-10-19T14:30:00+02:00", "end": "2027-10-19T16:00:00+02:00",
  "place": "mediatheque", "room": "salle-1",
  "audience": ["general_public", "families"],
  "speakers": [ { "name": "Camille Exemple", "role": { "fr": "médiatrice" } } ],
  "description": { "fr": "Apprendre à se servir d'une tablette." },
  "easy_read": { "fr": "Vous apprenez à utiliser une tablette. C'est gratuit." },
  "access": ["step_free", "induction_loop"],
  "registration": { "required": true, "url": "https://exemple.org/inscription", "capacity": 12 }
} ] }
```
Types : `talk`, `round_table`, `workshop`, `showroom`, `convivial`, `screening`,
`exhibition`, `other`. Accessibilité : `step_free` (plain-pied), `induction_loop`
(boucle magnétique), `sign_language` (LSF), `audio_description`, `quiet_room`.

### places.json : les lieux
```json
{ "places": [ { "id": "mediatheque", "name": { "fr": "Médiathèque" }, "commune": "Exemple-sur-Loire",
  "address": "1 place de la Mairie", "postcode": "00000",
  "coordinates": { "lat": 45.77, "lon": 3.08 }, "access": ["step_free"],
  "floor_plan": "plan-mediatheque" } ] }
```

### maps.json : carte du territoire et plans des lieux (images dans images/)
```json
{ "floor_plans": [ { "id": "plan-mediatheque", "place": "mediatheque", "name": { "fr": "Rez-de-chaussée" },
  "width": 1600, "height": 1000,
  "image": { "src": "images/plan-mediatheque.png", "alt": { "fr": "Plan du rez-de-chaussée" } },
  "rooms": [ { "id": "salle-1", "name": { "fr": "Salle 1" }, "polygon": [[100,100],[700,100],[700,600],[100,600]] } ] } ] }
```

### demos.json : le showroom
```json
{ "demos": [ { "id": "casque-vr", "title": { "fr": "Casque de réalité virtuelle" }, "partner": "Association Exemple",
  "description": { "fr": "Visiter un château en 3D." }, "place": "mediatheque" } ] }
```

### pages.json : pages pratiques
```json
{ "pages": [ { "id": "acces", "icon": "transport", "title": { "fr": "Venir" }, "body": { "fr": "Bus ligne 1, arrêt Mairie." } } ] }
```

### announcements.json : annonces (urgent : sur tous les écrans)
```json
{ "announcements": [ { "id": "bienvenue", "text": { "fr": "Bienvenue !" }, "priority": "normal",
  "valid_from": "2027-10-18T08:00:00+02:00", "valid_until": "2027-10-24T19:00:00+02:00" } ] }
```

### playlist.json : la boucle d'attente
```json
{ "slides": [ { "kind": "welcome", "seconds": 10 }, { "kind": "now_next", "seconds": 15 } ] }
```
)";

struct InitArgs {
    std::string dir, name, start, end, timeZone = "Europe/Paris";
};

std::string dump(const import::Json& j) { return j.dump(2) + "\n"; }

int run(const InitArgs& a) {
    std::error_code ec;
    if (fs::exists(a.dir / fs::path("event.json"), ec) || fs::exists(a.dir / fs::path("manifest.json"), ec)) {
        std::cerr << tr("kiosk-feed init : ", "kiosk-feed init: ") << a.dir
                  << tr(" contient déjà un flux ; rien n'a été changé\n", " already holds a feed; nothing changed\n");
        return 1;
    }
    const auto start = parseDate(a.start);
    const auto end = parseDate(a.end.empty() ? a.start : a.end);
    if (!start || !end || *end < *start) {
        std::cerr << tr(
            "kiosk-feed init : dates attendues AAAA-MM-JJ (--start 2027-10-18 --end 2027-10-24), fin après début\n",
            "kiosk-feed init: expected dates as YYYY-MM-DD (--start 2027-10-18 --end 2027-10-24), end after start\n");
        return 2;
    }
    if (!TimeZone::locate(a.timeZone)) {
        std::cerr << tr("kiosk-feed init : ", "kiosk-feed init: ") << a.timeZone
                  << tr(" n'est pas un fuseau IANA (Europe/Paris)\n", " is not an IANA time zone (Europe/Paris)\n");
        return 2;
    }
    fs::create_directories(a.dir, ec);
    const std::string name = a.name.empty() ? fs::absolute(a.dir).filename().string() : a.name;
    std::string id = import::detail::slugId(name);
    if (id.empty()) id = "evenement";
    import::Json event = {{"id", id},
                          {"name",
                           { { "fr",
                               name } }},
                          {"start_date", formatDate(*start)},
                          {"end_date", formatDate(*end)},
                          {"time_zone", a.timeZone},
                          { "organiser",
                            { { "name",
                                tr("À compléter", "To be completed") } } }};
    const std::pair<const char*, std::string> files[] = {
        {"event.json", dump(event)},
        {"sessions.json", dump({{"sessions", import::Json::array()}})},
        {"places.json", dump({{"places", import::Json::array()}})},
        {"LISEZMOI.md", kReadme},
    };
    for (const auto& [file, text] : files) {
        if (auto st = writeFileAtomically(fs::path(a.dir) / file, text); !st) {
            std::cerr << tr("kiosk-feed init : ", "kiosk-feed init: ") << coreMessage(st.error()) << "\n";
            return 1;
        }
    }
    const BuildOutcome out = buildFeed(a.dir, SystemClock().now());
    if (!out.error.empty() || out.load.diagnostics.hasErrors()) {
        std::cerr << tr("kiosk-feed init : ", "kiosk-feed init: ") << coreMessage(out.error) << "\n";
        return 1;
    }
    std::cout << tr("nouveau flux dans ", "new feed in ") << a.dir << tr(" (version 1). Lisez ", " (version 1). Read ")
              << a.dir
              << tr("/LISEZMOI.md, puis importez un programme ou écrivez sessions.json.\n",
                    "/LISEZMOI.md, then import a programme or write sessions.json.\n");
    return 0;
}

}  // namespace

std::function<std::optional<int>()> addInitCommand(CLI::App& app) {
    auto args = std::make_shared<InitArgs>();
    auto* cmd = app.add_subcommand(
        "init", tr("Crée un nouveau dossier de flux, valide d'emblée : event.json, un programme vide, son "
                   "manifeste, et LISEZMOI.md avec un exemple de chaque document. Codes de sortie : 0 créé, "
                   "1 le dossier contient déjà un flux ou ne peut pas être écrit, 2 commande mal écrite.",
                   "Create a new feed folder that validates at once: event.json, an empty programme, "
                   "its manifest, and LISEZMOI.md (in French) with an example of every document. "
                   "Exit codes: 0 created, 1 the folder already holds a feed or cannot be written, 2 usage error."));
    cmd->add_option("DIR", args->dir, tr("le nouveau dossier de flux", "the new feed folder"))->required();
    cmd->add_option(
        "--name", args->name,
        tr("le nom de l'événement (par défaut : le nom du dossier)", "the event's name (default: the folder's name)"));
    cmd->add_option("--start", args->start, tr("premier jour, AAAA-MM-JJ", "first day, YYYY-MM-DD"))->required();
    cmd->add_option(
        "--end", args->end,
        tr("dernier jour, AAAA-MM-JJ (par défaut : le premier jour)", "last day, YYYY-MM-DD (default: the first day)"));
    cmd->add_option("--time-zone", args->timeZone,
                    tr("le fuseau horaire IANA de l'événement (par défaut Europe/Paris)",
                       "the event's IANA time zone (default Europe/Paris)"));
    return [cmd, args]() -> std::optional<int> {
        if (!*cmd) return std::nullopt;
        return run(*args);
    };
}

}  // namespace kiosk::app
