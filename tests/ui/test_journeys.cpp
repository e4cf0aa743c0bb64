// Scripted visitor journeys with touches injected through the platform layer: from
// Home to a session and its place on the map, scrolling by dragging, zooming with the
// buttons and with two fingers, a demo's gallery by swipe and buttons, and back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "harness.hpp"

using namespace kiosk;

namespace {
test::Harness makeHarness(int w = 1920, int h = 1080, float diag = 43, float dist = 900) {
    return test::Harness(w, h, diag, dist, test::at("2027-10-20T14:30:00+02:00"));
}

void tapLabel(test::Harness& h, const std::string& label) {
    ImVec2 c;
    INFO("looking for a control labelled «" << label << "»");
    REQUIRE(h.centreOf(label, c));
    h.tap(c.x, c.y);
}

// The last control drawn with `label`: a grouped marker's list is drawn over the map and
// its tabs (a place's button and its floor plan's tab can share a name).
void tapLastLabel(test::Harness& h, const std::string& label) {
    const ui::InteractiveItem* last = nullptr;
    for (const auto& item : ui::InteractiveLog::items()) {
        if (test::plain(item.label) == test::plain(label)) last = &item;
    }
    INFO("looking for a control labelled «" << label << "»");
    REQUIRE(last);
    h.tap((last->min.x + last->max.x) * 0.5f, (last->min.y + last->max.y) * 0.5f);
}

float distance(const ui::InteractiveItem* a, const ui::InteractiveItem* b) {
    return std::hypot(a->min.x - b->min.x, a->min.y - b->min.y);
}
}  // namespace

TEST_CASE("Home, Programme, a session, its place on the map, then Back and Home", "[journey]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("home");
    h.frame(2);
    tapLabel(h, "Programme");
    REQUIRE(h.ui().currentScreen() == "programme");
    tapLabel(h, "Les enfants et les écrans : repères pour les familles");
    REQUIRE(h.ui().currentScreen() == "session");
    CHECK(h.ui().currentRoute().id == "enfants-ecrans-reperes");
    tapLabel(h, "Voir sur le plan");
    REQUIRE(h.ui().currentScreen() == "maps");
    CHECK(h.ui().currentRoute().id == "hotel-departement");
    tapLabel(h, "Retour");
    CHECK(h.ui().currentScreen() == "session");
    tapLabel(h, "Accueil");
    CHECK(h.ui().currentScreen() == "home");
}

TEST_CASE("the programme list scrolls by dragging and keeps moving after the finger lifts", "[journey][scroll]") {
    // The small screen, where the day's list is long; in the morning, so today's list
    // opens at its first session (at 14:30 it opens at what runs, near its end).
    // At 150 % text, so the day's list is long enough for a fling.
    test::Harness h(1280, 800, 10.1f, 450, test::at("2027-10-20T09:00:00+02:00"));
    REQUIRE(h.ok());
    ui::AccessibilitySettings larger;
    larger.textStep = 2;
    h.ui().setAccessibility(larger);
    h.ui().show("programme");
    h.frame(2);
    const std::string title = "Ciné-débat : « Derrière l’écran »";  // compared without no-break spaces
    const auto* before = h.item(title);
    REQUIRE(before);
    const float y0 = before->min.y;
    h.drag(640, 650, 640, 450, 6);  // not to the list's end: inertia must have room to go on
    const auto* during = h.item(title);
    REQUIRE(during);
    const float y1 = during->min.y;
    CHECK(y1 < y0 - 120);  // followed the finger
    h.frame(10);           // inertia: it goes on a little
    const auto* after = h.item(title);
    REQUIRE(after);
    CHECK(after->min.y < y1);
    CHECK(h.ui().currentScreen() == "programme");  // a drag is not a tap
}

TEST_CASE("the territory map zooms with the + and − buttons and with two fingers", "[journey][maps]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("maps");
    h.frame(2);
    const auto spread = [&] {
        const auto* a = h.item("Médiathèque de Riom");
        const auto* b = h.item("La Forge numérique");
        REQUIRE(a);
        REQUIRE(b);
        return distance(a, b);
    };
    const float d0 = spread();
    tapLabel(h, "+");
    const float d1 = spread();
    CHECK(d1 > d0 * 1.3f);
    tapLabel(h, "\u2212");
    CHECK(spread() == Approx(d0).epsilon(0.05));

    // Two fingers moving apart around the map's centre.
    h.finger_(SDL_FINGERDOWN, 860, 560, 1);
    h.finger_(SDL_FINGERDOWN, 1000, 560, 2);
    h.frame();
    for (int i = 1; i <= 6; ++i) {
        h.finger_(SDL_FINGERMOTION, 860.0f - 30.0f * static_cast<float>(i), 560, 1);
        h.finger_(SDL_FINGERMOTION, 1000.0f + 30.0f * static_cast<float>(i), 560, 2);
        h.frame();
    }
    h.finger_(SDL_FINGERUP, 680, 560, 1);
    h.finger_(SDL_FINGERUP, 1180, 560, 2);
    h.frame(3);
    CHECK(spread() > d0 * 1.5f);
    CHECK(h.ui().currentScreen() == "maps");
    tapLabel(h, "Recentrer");
    CHECK(spread() == Approx(d0).epsilon(0.05));
}

TEST_CASE("a marker opens its place, with what happens there", "[journey][maps]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("maps");
    h.frame(2);
    tapLabel(h, "Salle des fêtes d’Ambert");
    REQUIRE(h.ui().currentScreen() == "place");
    CHECK(h.ui().currentRoute().id == "salle-fetes-ambert");
    CHECK(h.item("Inclusion numérique dans les territoires ruraux"));
}

TEST_CASE("a floor plan's room opens what happens in that room", "[journey][maps]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("maps");
    h.frame(2);
    tapLabel(h, "Hôtel du Département");
    h.frame(2);
    const auto* room = h.item("Salle Puy-de-Dôme");
    REQUIRE(room);
    h.tap((room->min.x + room->max.x) * 0.5f, (room->min.y + room->max.y) * 0.5f);
    REQUIRE(h.ui().currentScreen() == "place");
    CHECK(h.ui().currentRoute().str() == "place:hotel-departement/salle-dome");
}

TEST_CASE("a demo's gallery moves by swipe and by buttons", "[journey][showroom]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("showroom");
    h.frame(2);
    tapLabel(h, "Visite virtuelle de l’oppidum de Gergovie");
    REQUIRE(h.ui().currentScreen() == "demo");
    const auto lastImage = [&] {
        h.images_.requested.clear();
        h.frame();
        REQUIRE_FALSE(h.images_.requested.empty());
        return h.images_.requested.back();
    };
    const std::string first = lastImage();
    CHECK(first.find("demo-casque-vr-1.png") != std::string::npos);
    h.drag(700, 500, 200, 500, 8);  // swipe left over the gallery
    CHECK(lastImage().find("demo-casque-vr-2.png") != std::string::npos);
    tapLabel(h, "Image suivante →");
    CHECK(lastImage().find("demo-casque-vr-1.png") != std::string::npos);  // wraps round
    tapLabel(h, "← Image précédente");
    CHECK(lastImage().find("demo-casque-vr-2.png") != std::string::npos);
}

TEST_CASE("every session, place and demo is within three taps of Home", "[journey]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    const auto content = test::bundledContent();
    std::set<std::string> seen;
    const auto collect = [&] {
        for (const auto& i : ui::InteractiveLog::items()) seen.insert(i.label);
    };
    // Sessions: Programme (1), a day tab (2), the session (3).
    h.ui().show("home");
    h.frame(2);
    tapLabel(h, "Programme");
    std::vector<std::string> tabs;
    for (const auto& i : ui::InteractiveLog::items()) {
        for (const char* day : {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."}) {
            if (i.label.rfind(day, 0) == 0) tabs.push_back(i.label);
        }
    }
    CHECK(tabs.size() == 14);
    for (const auto& tab : tabs) {
        tapLabel(h, tab);
        collect();
    }
    for (const auto& s : content->sessions) {
        INFO(s.title.str(core::Lang::Fr));
        CHECK(seen.count(s.title.str(core::Lang::Fr)));
    }
    // Places: Maps (1), the marker (2).
    h.ui().show("home");
    h.frame(2);
    tapLabel(h, "Plans");
    collect();
    // Places closer than a finger share one marker ("Clermont-Ferrand · 3 lieux"): it
    // opens their list (2), and a place in it opens that place (3).
    std::vector<std::string> groups;
    for (const auto& label : seen) {
        const std::string l = test::plain(label);
        const bool group =
            l.size() > 6 && l.compare(l.size() - 6, 6, " lieux") == 0 && l.find(" \u00B7 ") != std::string::npos;
        if (group && std::find(groups.begin(), groups.end(), label) == groups.end()) groups.push_back(label);
    }
    CHECK_FALSE(groups.empty());    // the three Clermont venues share one
    std::set<std::string> reached;  // place ids opened through a group's list
    for (const auto& g : groups) {
        INFO("grouped marker «" << g << "»");
        tapLabel(h, g);
        h.frame(2);
        REQUIRE(h.ui().currentScreen() == "maps");
        std::vector<std::string> members;
        for (const auto& p : content->places) {
            const std::string label = (p.shortName.empty() ? p.name : p.shortName).str(core::Lang::Fr);
            if (h.item(label) || h.item("Vous êtes ici · " + label)) members.push_back(p.id);
        }
        CHECK(members.size() >= 2);
        for (const auto& id : members) {
            const core::Place* p = content->findPlace(id);
            REQUIRE(p);
            const std::string label = (p->shortName.empty() ? p->name : p->shortName).str(core::Lang::Fr);
            if (!h.item(label) && !h.item("Vous êtes ici · " + label)) {  // the list again, from the map
                tapLabel(h, g);
                h.frame(2);
            }
            tapLastLabel(h, h.item(label) ? label : "Vous êtes ici · " + label);
            h.frame(2);
            INFO(label);
            CHECK(h.ui().currentScreen() == "place");
            CHECK(h.ui().currentRoute().id == id);
            if (h.ui().currentScreen() == "place" && h.ui().currentRoute().id == id) reached.insert(id);
            tapLabel(h, "Retour");
            h.frame(2);
            REQUIRE(h.ui().currentScreen() == "maps");
        }
    }
    for (const auto& p : content->places) {
        const std::string label = (p.shortName.empty() ? p.name : p.shortName).str(core::Lang::Fr);
        INFO(label);
        CHECK((seen.count(label) || seen.count("Vous êtes ici · " + label) || reached.count(p.id)));
    }
    // Demos: Showroom (1), the card (2).
    h.ui().show("home");
    h.frame(2);
    tapLabel(h, "Showroom");
    collect();
    for (const auto& d : content->demos) CHECK(seen.count(d.title.str(core::Lang::Fr)));
}
