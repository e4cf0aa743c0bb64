// Spreadsheet importer: three sheets exported as CSV (sessions, places, demos), with
// the documented French and English column names (docs/import.md).
#include <algorithm>
#include <functional>
#include <map>

#include "core/files.hpp"
#include "core/import/common.hpp"
#include "core/import/csv_table.hpp"

namespace kiosk::core::import {
namespace {
using namespace detail;

const std::vector<ColumnSpec> kSessionColumns = {
    {"id", {"identifiant", "ref", "reference"}},
    {"date", {"jour", "day"}},
    {"debut", {"start", "heuredebut", "heurededebut", "debuta", "starttime", "heure", "horaire", "time", "begin"}},
    {"fin", {"end", "heurefin", "heuredefin", "fina", "endtime"}},
    {"titre", {"title", "intitule", "nom", "name"}},
    {"titre_en", {"titleen", "titreanglais", "englishtitle"}},
    {"sous_titre", {"soustitre", "subtitle"}},
    {"type", {"format", "categorie", "category", "genre"}},
    {"lieu", {"place", "venue", "site", "lieux"}},
    {"commune", {"ville", "city", "town"}},
    {"salle", {"room", "espace"}},
    {"public", {"audience", "publics"}},
    {"intervenants", {"intervenant", "speakers", "speaker", "animateur", "animateurs", "avec"}},
    {"description", {"resume", "texte", "summary", "presentation"}},
    {"description_en", {"descriptionen", "descriptionanglais", "englishdescription"}},
    {"facile_a_lire", {"falc", "facilealire", "easyread", "textefacile", "easytoread"}},
    {"facile_a_lire_en", {"falcen", "easyreaden"}},
    {"inscription",
     {"lieninscription", "liendinscription", "registration", "registrationlink", "lien", "link", "url", "billetterie"}},
    {"inscription_obligatoire", {"inscriptionobligatoire", "surinscription", "registrationrequired", "booking"}},
    {"jauge", {"capacite", "capacity", "places", "nombredeplaces"}},
    {"accessibilite", {"acces", "access", "accessibility"}},
    {"statut", {"status", "etat"}},
    {"note_statut", {"notestatut", "statusnote", "remarque"}},
    {"langue", {"language", "lang"}},
};
const std::vector<ColumnSpec> kPlaceColumns = {
    {"id", {"identifiant", "ref"}},
    {"nom", {"name", "lieu", "place", "titre"}},
    {"nom_court", {"nomcourt", "shortname"}},
    {"adresse", {"address", "rue"}},
    {"code_postal", {"codepostal", "cp", "postcode", "postalcode", "zip"}},
    {"commune", {"ville", "city", "town"}},
    {"latitude", {"lat"}},
    {"longitude", {"lon", "lng", "long"}},
    {"horaires", {"horairesdouverture", "openinghours", "hours", "ouverture"}},
    {"accessibilite", {"acces", "access", "accessibility"}},
    {"note_acces", {"noteacces", "accessnote", "infosacces"}},
    {"transport", {"transports", "acceder", "commentvenir", "gettingthere"}},
    {"plan", {"floorplan", "plandusite"}},
};
const std::vector<ColumnSpec> kDemoColumns = {
    {"id", {"identifiant", "ref"}},
    {"titre", {"title", "nom", "name"}},
    {"partenaire", {"partner", "exposant", "structure"}},
    {"description", {"resume", "texte", "summary"}},
    {"facile_a_lire", {"falc", "facilealire", "easyread"}},
    {"lien", {"link", "url", "site", "siteweb", "website"}},
    {"lieu", {"place", "venue"}},
    {"stand", {"emplacement", "booth"}},
    {"accessibilite", {"acces", "access", "accessibility"}},
};

struct Sheet {
    const ImportOptions& options;
    Imported& out;
    CsvTable table;
    std::map<std::string, std::size_t> columns;

    std::string cell(const CsvRow& row, const char* field) const {
        auto it = columns.find(field);
        if (it == columns.end() || it->second >= row.cells.size()) return "";
        return trim(row.cells[it->second]);
    }
    std::string at(const CsvRow& row, const char* field) const {
        return "row " + std::to_string(row.row) + ", column " + field;
    }
    void error(const CsvRow& row, const char* field, const std::string& message) {
        out.diagnostics.add(Severity::ItemError, options.sourceName, at(row, field), message + "; row skipped");
    }
    void warn(const CsvRow& row, const char* field, const std::string& message) {
        out.diagnostics.add(Severity::Warning, options.sourceName, at(row, field), message);
    }
    bool open(std::string_view bytes, const std::vector<ColumnSpec>& specs, std::vector<const char*> required) {
        table = readCsv(bytes);
        if (table.rows.empty()) {
            out.diagnostics.add(Severity::Fatal, options.sourceName, "row 1",
                                "the sheet is empty: expected a header row");
            return false;
        }
        columns = matchColumns(table.rows[0], specs, options.sourceName, out.diagnostics);
        for (const char* r : required) {
            if (!columns.count(r)) {
                out.diagnostics.add(Severity::Fatal, options.sourceName, "row " + std::to_string(table.rows[0].row),
                                    std::string("no column \"") + r + "\": the header row must name it");
                return false;
            }
        }
        return true;
    }

    // Splits "a, b; c" or one value a line, then maps each with `map`; unknown values warn.
    template <class T>
    std::vector<T> list(const CsvRow& row, const char* field, std::function<std::optional<T>(std::string_view)> map,
                        const char* what, const char* known) {
        std::vector<T> values;
        std::string value = cell(row, field);
        std::replace_if(
            value.begin(), value.end(), [](char c) { return c == ';' || c == '\n' || c == '/'; }, ',');
        std::size_t pos = 0;
        while (pos <= value.size()) {
            const std::size_t next = std::min(value.find(',', pos), value.size());
            const std::string word = trim(value.substr(pos, next - pos));
            pos = next + 1;
            if (word.empty()) continue;
            if (auto v = map(word))
                values.push_back(*v);
            else
                warn(row, field, std::string("unknown ") + what + " \"" + word + "\" ignored (known: " + known + ")");
        }
        return values;
    }
    AccessSet access(const CsvRow& row) {
        AccessSet set = 0;
        for (AccessFeature f :
             list<AccessFeature>(row, "accessibilite", accessFromWord, "access value",
                                 "plain-pied, boucle magnétique, LSF, audiodescription, espace calme")) {
            set |= f;
        }
        return set;
    }
    LocalizedText text(const CsvRow& row, const char* fr, const char* en) {
        LocalizedText t;
        if (const std::string v = cell(row, fr); !v.empty()) t.set("fr", v);
        if (en) {
            if (const std::string v = cell(row, en); !v.empty()) t.set("en", v);
        }
        return t;
    }
};

// A cell that names a place: an id as written, anything else slugged the same way
// the places sheet derives its ids, so both sheets agree.
std::string placeKey(const std::string& value) { return slugId(value); }

void addPlace(Imported& out, Place p) {
    for (Place& q : out.places) {
        if (q.id == p.id) {
            if (q.commune.empty()) q.commune = p.commune;
            return;
        }
    }
    out.places.push_back(std::move(p));
}

std::optional<bool> yesNo(const std::string& v) {
    const std::string k = columnKey(v);
    if (k == "oui" || k == "yes" || k == "x" || k == "1" || k == "true" || k == "obligatoire") return true;
    if (k == "non" || k == "no" || k == "0" || k == "false" || k.empty()) return false;
    return std::nullopt;
}

std::optional<double> number(std::string v) {
    std::replace(v.begin(), v.end(), ',', '.');
    try {
        std::size_t used = 0;
        const double d = std::stod(v, &used);
        if (used == v.size()) return d;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// "Anne Martin (médiatrice, Le Bief); Paul Roux": people are separated by , ; or a line
// break outside parentheses; what the parentheses hold is the person's role.
std::vector<std::string> speakerParts(const std::string& value) {
    std::vector<std::string> parts(1);
    int depth = 0;
    for (char c : value) {
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth == 0 && (c == ',' || c == ';' || c == '\n')) {
            parts.emplace_back();
        } else {
            parts.back() += c;
        }
    }
    return parts;
}

void readSpeakers(const std::string& value, Session& s) {
    for (std::string part : speakerParts(value)) {
        part = trim(part);
        if (part.empty()) continue;
        Speaker sp;
        if (auto open = part.find('('); open != std::string::npos && part.back() == ')') {  // "Name (role)"
            sp.role.set("fr", trim(part.substr(open + 1, part.size() - open - 2)));
            part = trim(part.substr(0, open));
        }
        sp.name = part;
        s.speakers.push_back(std::move(sp));
    }
}

struct SessionRow {
    Session session;
    std::string baseId;
    std::string slot;  // day, start and place: how a retitled row keeps its id
    bool hasOwnId = false;
    int row = 0;
};

constexpr int kLongestNightMinutes = 12 * 60;

std::optional<SessionRow> readSessionRow(Sheet& sh, const CsvRow& row, const TimeZone& tz) {
    SessionRow r;
    Session& s = r.session;
    s.title = sh.text(row, "titre", "titre_en");
    if (!s.title.has("fr")) return sh.error(row, "titre", "expected a title"), std::nullopt;
    const auto date = parseLooseDate(sh.cell(row, "date"));
    if (!date)
        return sh.error(row, "date",
                        "expected a date such as 19/05/2026 or 2026-05-19, got \"" + sh.cell(row, "date") + "\""),
               std::nullopt;
    const auto start = parseLooseTime(sh.cell(row, "debut"));
    if (!start)
        return sh.error(row, "debut",
                        "expected a time such as 14h30, 14:30 or 14 h 30, got \"" + sh.cell(row, "debut") + "\""),
               std::nullopt;
    s.start = inZone(tz.fromLocal(*date, *start / 60, *start % 60), tz);
    if (const std::string endText = sh.cell(row, "fin"); !endText.empty()) {
        const auto end = parseLooseTime(endText);
        if (!end) return sh.error(row, "fin", "expected a time such as 16h00, got \"" + endText + "\""), std::nullopt;
        // An end before the start is the next morning (a night from 20 h to 2 h), as long
        // as that makes 12 hours at most: 14h00 to 10h00 is a typing mistake, not a night.
        if (*end <= *start && *end + 24 * 60 - *start > kLongestNightMinutes)
            return sh.error(row, "fin",
                            "ends at " + endText + ", before it starts at " + sh.cell(row, "debut") +
                                ": a session past midnight lasts 12 hours at most; fix the end time"),
                   std::nullopt;
        const CivilDate endDay = *end <= *start ? addDays(*date, 1) : *date;
        s.end = inZone(tz.fromLocal(endDay, *end / 60, *end % 60), tz);
    } else {
        sh.warn(row, "fin", "no end time: the session is shown as lasting one hour");
        s.end = inZone(s.start.instant + std::chrono::hours(1), tz);
    }
    const std::string placeName = sh.cell(row, "lieu");
    if (placeName.empty()) return sh.error(row, "lieu", "expected a place, or \"en ligne\""), std::nullopt;
    if (isOnlinePlaceName(placeName)) {
        s.online = true;  // a way to follow, not a place: no pin, no commune
    } else {
        s.placeId = placeKey(placeName);
        Place p;
        p.id = s.placeId;
        p.name.set("fr", placeName);
        p.commune = sh.cell(row, "commune");
        addPlace(sh.out, std::move(p));
    }
    s.roomName = sh.cell(row, "salle");  // a name; on the floor plan when the place has that room
    s.subtitle = sh.text(row, "sous_titre", nullptr);
    if (const std::string t = sh.cell(row, "type"); !t.empty()) {
        auto type = typeFromWords(t);
        if (!type)
            sh.warn(row, "type",
                    "unknown type \"" + t +
                        "\": shown as other (known: conférence, table ronde, atelier, showroom, convivial, projection, "
                        "exposition)");
        s.type = type.value_or(SessionType::Other);
    } else {
        s.type = typeFromWords(s.title.str(Lang::Fr)).value_or(SessionType::Other);
    }
    if (!sh.cell(row, "public").empty()) {
        s.audience = 0;
        for (AudienceFlag a : sh.list<AudienceFlag>(row, "public", audienceFromWord, "audience",
                                                    "tout public, professionnels, familles, jeunes"))
            s.audience |= a;
        if (s.audience == 0) s.audience = kGeneralPublic;
    }
    readSpeakers(sh.cell(row, "intervenants"), s);
    s.description = sh.text(row, "description", "description_en");
    s.easyRead = sh.text(row, "facile_a_lire", "facile_a_lire_en");
    s.access = sh.access(row);
    s.registration.url = sh.cell(row, "inscription");
    const auto required = yesNo(sh.cell(row, "inscription_obligatoire"));
    if (!required)
        sh.warn(row, "inscription_obligatoire",
                "expected oui or non, got \"" + sh.cell(row, "inscription_obligatoire") + "\"");
    s.registration.required = required.value_or(false);
    if (const std::string cap = sh.cell(row, "jauge"); !cap.empty()) {
        const auto n = number(cap);
        if (n && *n >= 1 && *n <= 100000)
            s.registration.capacity = static_cast<int>(*n);
        else
            sh.warn(row, "jauge", "expected a number of seats, got \"" + cap + "\"");
    }
    const std::string status = columnKey(sh.cell(row, "statut"));
    if (status.rfind("annul", 0) == 0 || status.rfind("cancel", 0) == 0)
        s.status = SessionStatus::Cancelled;
    else if (status.rfind("modif", 0) == 0 || status.rfind("change", 0) == 0 || status.rfind("report", 0) == 0 ||
             status.rfind("deplac", 0) == 0)
        s.status = SessionStatus::Changed;
    else if (!status.empty() && status != "prevu" && status != "scheduled" && status != "confirme")
        sh.warn(row, "statut", "unknown status \"" + sh.cell(row, "statut") + "\" (known: prévu, modifié, annulé)");
    s.statusNote = sh.text(row, "note_statut", nullptr);
    if (const std::string lang = sh.cell(row, "langue"); !lang.empty()) {
        const std::string k = columnKey(lang);
        s.language = k == "francais" || k == "french"   ? "fr"
                     : k == "anglais" || k == "english" ? "en"
                                                        : slugId(lang, 8);
    }
    r.hasOwnId = !sh.cell(row, "id").empty();
    r.row = row.row;
    char day[48];
    std::snprintf(day, sizeof day, "%04d%02u%02u", date->year, date->month, date->day);
    const std::string where = s.online && s.placeId.empty() ? "en-ligne" : s.placeId;
    r.baseId = r.hasOwnId ? slugId(sh.cell(row, "id"))
                          : slugId(s.title.str(Lang::Fr), 40) + "-" + day + "-" + sha256Hex(where).substr(0, 4);
    // what stays when a title is retyped: the day, the start and the place
    char hhmm[16];
    std::snprintf(hhmm, sizeof hhmm, "t%02d%02d@", *start / 60 % 100, *start % 60);
    r.slot = std::string(day) + hhmm + where;
    return r;
}

}  // namespace

Imported importCsvSessions(std::string_view bytes, const ImportOptions& options) {
    Imported out;
    auto tz = TimeZone::locate(options.timeZone);
    if (!tz) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "", tz.error());
        return out;
    }
    Sheet sh{options, out, {}, {}};
    if (!sh.open(bytes, kSessionColumns, {"date", "debut", "titre", "lieu"})) return out;
    std::vector<SessionRow> rows;
    std::map<std::string, int> ownIds;  // the id column's values, to the row that has them
    for (std::size_t i = 1; i < sh.table.rows.size(); ++i) {
        auto r = readSessionRow(sh, sh.table.rows[i], tz.value());
        if (!r) continue;
        if (r->hasOwnId) {
            const auto [first, added] = ownIds.emplace(r->baseId, r->row);
            if (!added) {
                sh.error(sh.table.rows[i], "id",
                         "the id \"" + r->baseId + "\" is already the one of row " + std::to_string(first->second) +
                             ": give each session its own id");
                continue;
            }
        }
        rows.push_back(std::move(*r));
    }
    // Derived ids: date + title + place; the same workshop twice that day also gets its start time.
    std::map<std::string, int> uses;
    for (const SessionRow& r : rows) ++uses[r.baseId];
    for (SessionRow& r : rows) {
        r.session.id = r.baseId;
        if (uses[r.baseId] > 1 && !r.hasOwnId) {
            const LocalTime lt = tz.value().toLocal(r.session.start.instant);
            char hm[32];
            std::snprintf(hm, sizeof hm, "-%02d%02d", lt.hour, lt.minute);
            r.session.id += hm;
        }
        if (!r.hasOwnId) out.slots[r.session.id] = r.slot;
        out.origins[r.session.id] = "row " + std::to_string(r.row);
        out.sessions.push_back(std::move(r.session));
    }
    detail::noteDays(out, tz.value());
    return out;
}

Imported importCsvPlaces(std::string_view bytes, const ImportOptions& options) {
    Imported out;
    Sheet sh{options, out, {}, {}};
    if (!sh.open(bytes, kPlaceColumns, {"nom", "commune"})) return out;
    for (std::size_t i = 1; i < sh.table.rows.size(); ++i) {
        const CsvRow& row = sh.table.rows[i];
        Place p;
        p.name.set("fr", sh.cell(row, "nom"));
        if (sh.cell(row, "nom").empty()) {
            sh.error(row, "nom", "expected the place's name");
            continue;
        }
        p.id = sh.cell(row, "id").empty() ? placeKey(sh.cell(row, "nom")) : slugId(sh.cell(row, "id"));
        if (const std::string v = sh.cell(row, "nom_court"); !v.empty()) p.shortName.set("fr", v);
        p.address = sh.cell(row, "adresse");
        p.postcode = sh.cell(row, "code_postal");
        p.commune = sh.cell(row, "commune");
        const auto lat = number(sh.cell(row, "latitude"));
        const auto lon = number(sh.cell(row, "longitude"));
        if (lat && lon) {
            p.coordinates = GeoPoint{*lat, *lon};
        } else if (!sh.cell(row, "latitude").empty() || !sh.cell(row, "longitude").empty()) {
            sh.warn(row, "latitude", "expected decimal degrees such as 45,7750 and 3,0865");
        }
        if (const std::string v = sh.cell(row, "horaires"); !v.empty()) p.openingHours.set("fr", v);
        p.access = sh.access(row);
        if (const std::string v = sh.cell(row, "note_acces"); !v.empty()) p.accessNote.set("fr", v);
        if (const std::string v = sh.cell(row, "transport"); !v.empty()) p.transport.set("fr", v);
        p.floorPlanId = sh.cell(row, "plan");
        addPlace(out, std::move(p));
    }
    return out;
}

Imported importCsvDemos(std::string_view bytes, const ImportOptions& options) {
    Imported out;
    Sheet sh{options, out, {}, {}};
    if (!sh.open(bytes, kDemoColumns, {"titre"})) return out;
    for (std::size_t i = 1; i < sh.table.rows.size(); ++i) {
        const CsvRow& row = sh.table.rows[i];
        Demo d;
        d.title = sh.text(row, "titre", nullptr);
        if (d.title.empty()) {
            sh.error(row, "titre", "expected a title");
            continue;
        }
        d.id = sh.cell(row, "id").empty() ? slugId(sh.cell(row, "titre")) : slugId(sh.cell(row, "id"));
        d.partner = sh.cell(row, "partenaire");
        d.description = sh.text(row, "description", nullptr);
        d.easyRead = sh.text(row, "facile_a_lire", nullptr);
        d.link = sh.cell(row, "lien");
        if (const std::string v = sh.cell(row, "lieu"); !v.empty()) d.placeId = placeKey(v);
        if (const std::string v = sh.cell(row, "stand"); !v.empty()) d.stand.set("fr", v);
        d.access = sh.access(row);
        out.demos.push_back(std::move(d));
    }
    return out;
}

}  // namespace kiosk::core::import
