// Spreadsheet importer on a French LibreOffice export: BOM, semicolons, CRLF, "14h30",
// "14 h 30", a multi-line cell, unknown columns and values; places and demos sheets.
#include "import_fixture.hpp"

#include "core/import/common.hpp"
#include "core/import/csv_table.hpp"

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::importData;

namespace {
import::Imported sessions(){import::ImportOptions o;
o.sourceName = "programme-libreoffice.csv";
return import::importCsvSessions(importData("programme-libreoffice.csv"), o);
}  // namespace
}  // namespace

TEST_CASE("CSV: times and dates as French spreadsheets write them") {
    using namespace import::detail;
    CHECK(parseLooseTime("14h30") == 14 * 60 + 30);
    CHECK(parseLooseTime("14 h 30") == 14 * 60 + 30);
    CHECK(parseLooseTime("14:30") == 14 * 60 + 30);
    CHECK(parseLooseTime("9h") == 9 * 60);
    CHECK(parseLooseTime("09:05:00") == 9 * 60 + 5);
    CHECK_FALSE(parseLooseTime("14"));
    CHECK_FALSE(parseLooseTime("25h00"));
    CHECK(formatDate(*parseLooseDate("19/05/2026")) == "2026-05-19");
    CHECK(formatDate(*parseLooseDate("2026-05-19")) == "2026-05-19");
    CHECK_FALSE(parseLooseDate("31/02/2026"));
}

TEST_CASE("CSV: a LibreOffice export with BOM, semicolons, CRLF and a multi-line cell") {
    const auto in = sessions();
    const Session* tablet = test::sessionTitled(in, "Atelier découverte de la tablette");
    REQUIRE(tablet);
    CHECK(test::iso(tablet->start) == "2027-10-19T14:30:00+02:00");
    CHECK(test::iso(tablet->end) == "2027-10-19T16:00:00+02:00");
    CHECK(tablet->description.str(Lang::Fr) ==
          "Première ligne de la description.\nDeuxième ligne, avec un ; point-virgule et des \"guillemets\".");
    CHECK(tablet->easyRead.str(Lang::Fr) == "Vous apprenez à utiliser une tablette.");
    CHECK(tablet->type == SessionType::Workshop);
    CHECK(tablet->access == (kStepFree | kInductionLoop));
    CHECK(tablet->audience == (kGeneralPublic | kFamilies));
    REQUIRE(tablet->speakers.size() == 1);
    CHECK(tablet->speakers[0].name == "Camille Roux");
    CHECK(tablet->speakers[0].role.str(Lang::Fr) == "médiatrice numérique");
    CHECK(tablet->placeId == "mediatheque-des-sources");
    CHECK(tablet->registration.url == "https://example.org/inscription/tablette");
    CHECK(tablet->id.rfind("atelier-decouverte-de-la-tablette-20271019-", 0) == 0);

    const Session* round = test::sessionTitled(in, "Table ronde : le numérique pour tous");
    REQUIRE(round);
    CHECK(round->type == SessionType::RoundTable);
    CHECK(round->speakers.size() == 2);
    CHECK(round->access == kSignLanguage);
    CHECK(round->audience == kProfessionals);
}

TEST_CASE("CSV: an end before the start is the next morning") {
    const auto in = sessions();
    const Session* night = test::sessionTitled(in, "Nuit des jeux vidéo");
    REQUIRE(night);
    CHECK(test::iso(night->start) == "2027-10-20T23:00:00+02:00");
    CHECK(test::iso(night->end) == "2027-10-21T01:00:00+02:00");
}

TEST_CASE("CSV: unknown columns and values are reported with their row, a bad row is skipped") {
    const auto in = sessions();
    CHECK(test::hasDiagnostic(in, "row 1", "unknown column \"Couleur\""));
    // the spreadsheet's rows, whatever line breaks the cells hold: the multi-line cell of
    // row 2 puts the fifth row on line 6 of the file
    CHECK(test::hasDiagnostic(in, "row 5, column accessibilite", "unknown access value \"escalier roulant\""));
    CHECK(test::hasDiagnostic(in, "row 6, column debut", "got \"quatorze heures\""));
    CHECK_FALSE(test::sessionTitled(in, "Horaire illisible"));
    CHECK(in.sessions.size() == 4);
    CHECK_FALSE(in.diagnostics.hasFatal());
}

TEST_CASE("CSV: the places of the sessions sheet are created, with their commune") {
    const auto in = sessions();
    bool found = false;
    for (const auto& p : in.places) {
        if (p.id == "cinema-le-rio") {
            found = true;
            CHECK(p.commune == "Clermont-Ferrand");
        }
    }
    CHECK(found);
}

TEST_CASE("CSV: a places sheet with commas, decimal commas and English-free French headers") {
    import::ImportOptions o;
    const auto in = import::importCsvPlaces(importData("lieux.csv"), o);
    REQUIRE(in.places.size() == 2);
    const Place& m = in.places[0];
    CHECK(m.id == "mediatheque-des-sources");  // the same id the sessions sheet derives
    CHECK(m.coordinates->lat == Approx(45.8721));
    CHECK(m.coordinates->lon == Approx(3.0389));
    CHECK(m.access == (kStepFree | kInductionLoop));
    CHECK(m.shortName.str(Lang::Fr) == "Médiathèque");
    CHECK(in.places[1].coordinates->lat == Approx(45.7750));
    CHECK(in.diagnostics.empty());
}

TEST_CASE("CSV: a demos sheet, and a sheet without the required columns is fatal") {
    import::ImportOptions o;
    const auto demos = import::importCsvDemos(importData("demos.csv"), o);
    REQUIRE(demos.demos.size() == 1);
    CHECK(demos.demos[0].placeId == "hotel-du-departement");
    CHECK(demos.demos[0].stand.str(Lang::Fr) == "Stand 4");
    const auto bad = import::importCsvSessions("Nom;Prénom\nA;B\n", o);
    CHECK(bad.diagnostics.hasFatal());
}

TEST_CASE("CSV: column names ignore case, accents and spaces, and English names work") {
    import::ImportOptions o;
    const auto in = import::importCsvSessions(
        "DATE,START TIME,End,Title,Place,City\n2027-10-20,10:00,11:00,Opening,Town hall,Riom\n", o);
    REQUIRE(in.sessions.size() == 1);
    CHECK(in.diagnostics.empty());
    CHECK(in.sessions[0].placeId == "town-hall");
    CHECK(import::detail::columnKey("Heure de Début") == "heurededebut");
}
