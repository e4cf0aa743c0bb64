// frenchMessage (core/messages_fr.hpp): core diagnostics in French for kiosk-feed, with
// quoted values (titles, ids, what the file holds) never translated.
#include <catch2/catch.hpp>

#include "core/messages_fr.hpp"

using kiosk::core::frenchMessage;

TEST_CASE("French diagnostics: phrases translated, quoted values kept") {
    CHECK(frenchMessage("expected ISO 8601 date-time with offset, got \"14h30\"") ==
          "attendu une date-heure ISO 8601 avec son décalage, trouvé \"14h30\"");
    CHECK(frenchMessage("missing: expected a string") == "manquant : attendu une chaîne");
    // a value that looks like a phrase stays as written
    CHECK(frenchMessage("expected one of \"a list\", got \"expected or got\"") ==
          "attendu l'une des valeurs \"a list\", trouvé \"expected or got\"");
    CHECK(frenchMessage("unknown column \"Couleur\" ignored (known columns: date, debut)") ==
          "colonne inconnue \"Couleur\" ignorée (colonnes connues : date, debut)");
    // a phrase is matched at a word's start only
    CHECK(frenchMessage("unexpected thing") == "unexpected thing");
    // an unpaired quote: the rest is a value
    CHECK(frenchMessage("expected a string, got \"a list") == "attendu une chaîne, trouvé \"a list");
}
