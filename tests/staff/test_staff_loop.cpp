// The staff mode through the real loop (tests/loop/loop_harness.hpp): the gesture and
// what does not open it, wrong PINs and the growing delay, the right PIN, the keyboard
// path, the panel's actions without a feed, and the timeout back to the visitors.
#include <catch2/catch.hpp>

#include "core/stats/sink.hpp"
#include "staff/staff_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the corner gesture opens the PIN keypad") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    staffGesture(h);
    CHECK(h.app().staff().keypadShown());
    CHECK(h.shows("Entrez le code du personnel"));
    for (const char* key : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}) {
        const auto* i = h.item(key);
        REQUIRE(i);
        // Large keys: at least 44 CSS px (WCAG 2.5.5), here far more.
        CHECK(i->max.x - i->min.x >= h.ui().metrics().cssPx(44));
        CHECK(i->max.y - i->min.y >= h.ui().metrics().cssPx(44));
    }
    CHECK(h.presentedIsCurrent());
    h.tapItem("Annuler");
    CHECK_FALSE(h.app().staff().active());
    CHECK(h.ui().currentScreen() == "attract");
}

TEST_CASE("a visitor's taps and a short corner press do not open the staff mode") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    h.tap(640, 400);  // wakes the kiosk: Home
    h.tap(8, 8);
    h.tap(1272, 792);
    press(h, 8, 8, 1.0);  // too short
    h.tap(1272, 792);
    press(h, 1272, 8, 3.5);  // long, then the wrong corner
    h.tap(1272, 792);
    press(h, 8, 792, 3.5);  // long, then the opposite corner too late
    h.runFor(5);
    h.tap(1272, 8);
    CHECK_FALSE(h.app().staff().active());
    CHECK_FALSE(h.shows("Entrez le code du personnel"));
}

namespace {
// Counts the visits the UI reports (the statistics' entry point).
struct VisitCounter final : core::stats::NullSink {
    int started = 0, ended = 0;
    void visitStarted() override { ++started; }
    void visitEnded() override { ++ended; }
};
}  // namespace

TEST_CASE("the gesture's long press wakes the kiosk without counting a visit") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    VisitCounter visits;
    h.ui().setStatsSink(&visits);
    REQUIRE(h.ui().currentScreen() == "attract");
    staffGesture(h);
    REQUIRE(h.app().staff().keypadShown());
    CHECK(visits.started == 0);
    CHECK(visits.ended == 0);
    h.tapItem("Annuler");
    REQUIRE(h.ui().currentScreen() == "attract");
    h.tap(640, 400);  // a visitor now: counted
    CHECK(visits.started == 1);
}

TEST_CASE("a long corner press with no tap after it is a visitor, counted from then") {
    LoopSetup setup = staffSetup();
    setup.idleSeconds = 10;  // the idle return sooner: the attract loop is costly to run through
    LoopHarness h(setup);
    REQUIRE(h.ok());
    VisitCounter visits;
    h.ui().setStatsSink(&visits);
    press(h, 8, 8, 3.5);  // the first step only: wakes the kiosk
    CHECK(h.ui().currentScreen() != "attract");
    CHECK(visits.started == 0);  // held while the tap may still come
    h.runFor(5);                 // it does not: the loop wakes by itself at the gesture's end
    CHECK(visits.started == 1);
    for (int i = 0; i < 120 && h.ui().currentScreen() != "attract"; ++i) h.runFor(1);  // the idle return...
    CHECK(h.ui().currentScreen() == "attract");                                        // ...ends the visit
    CHECK(visits.ended == 1);
    CHECK_FALSE(h.app().staff().active());
}

TEST_CASE("wrong PINs wait 1, 2, 4 s, shown as a countdown, then the right PIN opens the panel") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    // Speech on for the visitor before: the keypad never speaks a digit.
    h.key(SDLK_F1);
    staffGesture(h);
    REQUIRE(h.app().staff().keypadShown());
    h.speech().clearRecord();

    enterPin(h, "1111");
    CHECK(h.app().staff().wrongTries() == 1);
    CHECK(h.shows("Code incorrect. Nouvel essai dans 1 s"));
    typePin(h, "2");  // ignored while the delay runs
    CHECK(h.app().staff().view().digits == 0);
    h.runFor(1.05);
    CHECK(h.shows("Code incorrect."));  // still says it was wrong...
    typePin(h, "2");                    // ...but takes digits again
    CHECK(h.app().staff().view().digits == 1);
    h.tapItem("\u2190");
    CHECK(h.app().staff().view().digits == 0);

    enterPin(h, "9999");
    CHECK(h.app().staff().wrongTries() == 2);
    CHECK(h.shows("Nouvel essai dans 2 s"));
    const auto before = h.app().framesPresented();
    h.runFor(1.05);
    CHECK(h.shows("Nouvel essai dans 1 s"));         // the countdown moves by itself...
    CHECK(h.app().framesPresented() - before <= 8);  // ...drawn at its seconds, not flat out
    h.runFor(1.05);

    enterPin(h, "24680");
    CHECK(h.app().staff().wrongTries() == 3);
    CHECK(h.shows("Nouvel essai dans 4 s"));
    h.runFor(4.05);
    CHECK(h.app().staff().keypadShown());

    enterPin(h, kStaffPin);
    CHECK(h.app().staff().panelShown());
    CHECK(h.app().staff().wrongTries() == 0);
    CHECK(h.shows("Panneau du personnel"));
    CHECK(h.speech().spoken().empty());
}

TEST_CASE("Ctrl+Alt+Q opens the same keypad (no direct exit) and a keyboard types the PIN") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_q;
    e.key.keysym.mod = KMOD_LCTRL | KMOD_LALT;
    SDL_PushEvent(&e);
    h.settle();
    CHECK(h.app().running());
    REQUIRE(h.app().staff().keypadShown());
    for (SDL_Keycode k : {SDLK_2, SDLK_4, SDLK_6, SDLK_8}) h.key(k);
    CHECK(h.app().staff().view().digits == 4);
    h.key(SDLK_RETURN);
    waitFor(h, [&] { return !h.app().workersBusy(); });
    CHECK(h.app().staff().panelShown());
}

TEST_CASE("without a staff PIN in the config the keypad says so and never opens the panel") {
    LoopSetup s;
    LoopHarness h(s);
    REQUIRE(h.ok());
    staffGesture(h);
    REQUIRE(h.app().staff().keypadShown());
    CHECK(h.shows("Aucun code n’est défini sur cette borne"));
    typePin(h, "2468");
    h.tapItem("OK");
    h.settle();
    CHECK_FALSE(h.app().staff().panelShown());
}

namespace {
void openPanel(LoopHarness& h) {
    staffGesture(h);
    enterPin(h, kStaffPin);
    REQUIRE(h.app().staff().panelShown());
}
}  // namespace

TEST_CASE("the panel shows the kiosk's status") {
    LoopSetup setup = staffSetup(1920, 1080);  // the 43" reference screen
    setup.diagonal = 43;
    setup.distance = 900;
    LoopHarness h(setup);
    REQUIRE(h.ok());
    openPanel(h);
    waitFor(h, [&] { return !h.app().workersBusy(); });
    for (const char* label : {"Borne", "Groupes", "Contenu", "Signature", "Heure de confiance", "Dernière synchro",
                              "Dernière erreur", "Flux", "Réseau", "Disque libre", "En marche depuis", "Logiciel"}) {
        INFO(label);
        CHECK(h.shows(label));
    }
    CHECK(h.shows(std::string("kiosk ") + KIOSK_VERSION));
    CHECK(h.shows("non signé (pas de feed_public_keys"));      // the core's message in French
    CHECK(h.shows("aucune (l'horloge du système fait foi)"));  // no feed: no trusted time
    CHECK(h.app().staff().view().warningRows.empty());
    CHECK(h.shows("GB"));  // free disk, measured on a worker
    h.tapItem("English");
    CHECK(h.shows("Staff panel"));
    CHECK(h.shows("Free disk"));
    CHECK(h.shows("unsigned (no feed_public_keys"));
}

// Where the panel row with this label is drawn in the last frame (-1: not drawn).
static float rowY(LoopHarness& h, const char* label) {
    for (const auto& t : h.texts())
        if (t.text == label) return t.pos.y;
    return -1;
}

TEST_CASE("on the tablet every status row can be brought into view and no text is cut") {
    LoopSetup setup = staffSetup(1280, 800);  // the 10.1" tablet: the compact class
    setup.configure = [](app::Runtime& rt) {
        rt.config.staffPinHash = staffPinHash();
        rt.config.kioskId = "mediatheque-de-saint-germain-lembron-salle-des-fetes-accueil";
        rt.config.groups = {"mediatheques", "communaute-de-communes-agglo-pays-d-issoire", "salles-des-fetes"};
        // Nothing listens on port 9: the sync fails and the panel has a long error too.
        rt.config.feedUrl = "http://127.0.0.1:9/flux/semaine-culture-numerique/edition-2027/bornes/manifest.json";
    };
    LoopHarness h(setup);
    REQUIRE(h.ok());
    openPanel(h);
    waitFor(h, [&] { return !h.app().workersBusy(); });
    ui::OverflowLog::clear();  // from here on: the panel's frames only
    const float screenH = 800;
    CHECK(rowY(h, "Logiciel") > 0);
    for (int i = 0; i < 12 && rowY(h, "Logiciel") + 30 > screenH; ++i) {  // drag the rows up, as a finger does
        h.finger(SDL_FINGERDOWN, 300, 500);
        h.settle();
        for (int step = 1; step <= 6; ++step) {
            h.finger(SDL_FINGERMOTION, 300, 500 - 40.0f * step);
            h.settle();
        }
        h.finger(SDL_FINGERUP, 300, 260);
        h.settle();
    }
    const float last = rowY(h, "Logiciel");
    CHECK(last >= 0);
    CHECK(last + 20 < screenH);  // the last row is on the screen
    CHECK(h.shows(std::string("kiosk ") + KIOSK_VERSION));
    std::string clipped;
    for (const auto& o : ui::OverflowLog::all()) clipped += "\n  " + o.text + " (" + o.why + ")";
    INFO("clipped texts:" << clipped);
    CHECK(clipped.empty());
    for (const char* action : {"Synchroniser maintenant", "Quitter la borne"}) {
        const auto* i = h.item(action);
        REQUIRE(i);
        CHECK(i->max.y <= screenH);
    }
    CHECK(h.presentedIsCurrent());
}

TEST_CASE("panel actions without a feed: sync says why not, reload reloads, preview and back") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    openPanel(h);
    h.tapItem("Synchroniser maintenant");
    CHECK(h.shows("Pas de flux configuré"));
    h.tapItem("Recharger le contenu");
    waitFor(h, [&] { return !h.app().workersBusy(); });
    CHECK(h.shows("Contenu rechargé : version"));
    CHECK(h.app().showingContent());

    const float fullW = h.ui().metrics().width();
    h.tapItem("Aperçu 1080×1920");
    REQUIRE(h.app().staff().previewing());
    CHECK(h.ui().metrics().width() < fullW);
    CHECK(h.ui().metrics().height() == Approx(800));
    CHECK(h.ui().metrics().width() == Approx(450));
    CHECK(h.ui().currentScreen() == "attract");  // the visitor view, at the totem's proportions
    CHECK(h.item("✕ Retour au panneau"));
    h.tap(1200, 400);  // beside the preview: back to the panel
    CHECK(h.app().staff().panelShown());
    CHECK(h.ui().metrics().width() == Approx(fullW));
    h.tapItem("Aperçu 1920×1080");
    REQUIRE(h.app().staff().previewing());
    h.tapItem("✕ Retour au panneau");
    h.settle();
    CHECK(h.app().staff().panelShown());
}

TEST_CASE("the panel's restart and exit end the loop with their exit codes") {
    SECTION("restart: 75, which systemd restarts") {
        LoopHarness h(staffSetup());
        REQUIRE(h.ok());
        openPanel(h);
        h.tapItem("Redémarrer la borne");
        CHECK_FALSE(h.app().running());
        CHECK(h.app().exitCode() == app::kExitRestart);
        CHECK(app::kExitRestart == 75);
    }
    SECTION("exit: 0, the only way a person at the screen leaves the kiosk") {
        LoopHarness h(staffSetup());
        REQUIRE(h.ok());
        openPanel(h);
        h.tapItem("Quitter la borne");
        CHECK_FALSE(h.app().running());
        CHECK(h.app().exitCode() == 0);
    }
}

TEST_CASE("the panel goes back to a fresh visitor view after 2 minutes without a touch") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    openPanel(h);
    waitFor(h, [&] { return !h.app().workersBusy(); });
    const auto before = h.app().framesPresented();
    h.runFor(110);
    CHECK(h.app().staff().panelShown());
    CHECK(h.app().framesPresented() - before <= 12);  // the uptime's minutes, nothing more
    h.tap(640, 700);                                  // a touch on the panel restarts the two minutes
    h.runFor(100);
    CHECK(h.app().staff().panelShown());
    h.runFor(25);
    CHECK_FALSE(h.app().staff().active());
    CHECK(h.ui().currentScreen() == "attract");
    CHECK_FALSE(h.shows("Panneau du personnel"));
}

TEST_CASE("the keypad left alone goes back to the visitors too") {
    LoopHarness h(staffSetup());
    REQUIRE(h.ok());
    staffGesture(h);
    REQUIRE(h.app().staff().keypadShown());
    h.runFor(61);
    CHECK_FALSE(h.app().staff().active());
    CHECK(h.ui().currentScreen() == "attract");
}
