// State and shortcuts on the real loop: Back brings the visitor to the programme as they
// left it (day, filters, scroll) and to the map as they left it (zoom and position); a
// new visit starts clean; Home's "Now" opens what is on now and next in one tap.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <algorithm>
#include <string>

#include "core/model.hpp"
#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;

namespace {

LoopSetup landscape() { return LoopSetup::landscape(); }

bool isSession(LoopHarness& h, const std::string& label) {
    for (const auto& s : h.ui().content()->sessions) {
        if (LoopHarness::plainSpaces(s.title.str(kiosk::core::Lang::Fr)) == LoopHarness::plainSpaces(label))
            return true;
    }
    return false;
}

// The session row lowest on screen, fully in view: after a scroll it is not the first.
const kiosk::ui::InteractiveItem* lowestSession(LoopHarness& h) {
    const kiosk::ui::InteractiveItem* best = nullptr;
    for (const auto& i : kiosk::ui::InteractiveLog::items()) {
        if (!isSession(h, i.label) || i.max.y > static_cast<float>(h.video().height()) * 0.8f || i.min.y < 0) continue;
        if (!best || i.min.y > best->min.y) best = &i;
    }
    return best;
}

void drag(LoopHarness& h, float x, float fromY, float toY) {
    h.finger(SDL_FINGERDOWN, x, fromY);
    h.settle();
    for (int k = 1; k <= 6; ++k) {
        h.finger(SDL_FINGERMOTION, x, fromY + (toY - fromY) * static_cast<float>(k) / 6.0f);
        h.settle();
    }
    h.finger(SDL_FINGERUP, x, toY);
    h.settle();
    h.runFor(3);  // inertia ends
    h.settle();
}

}  // namespace

TEST_CASE("Back brings the programme back with its day, filters and scroll", "[loop][state]") {
    LoopHarness h(landscape());
    REQUIRE(h.ok());
    h.show("programme");
    REQUIRE(h.tapItem("jeu. 21"));
    REQUIRE(h.tapItem("Filtres"));
    REQUIRE(h.tapItem("Masquer les séances terminées"));  // the panel stays open, above the rows
    const auto* chip = h.item("Afficher les séances terminées");
    REQUIRE(chip != nullptr);
    const float chipY = chip->min.y;
    drag(h, 900, 900, 350);
    chip = h.item("Afficher les séances terminées");
    REQUIRE(chip != nullptr);
    REQUIRE(chip->min.y < chipY - 100);  // the list did scroll
    const auto* scrolled = lowestSession(h);
    REQUIRE(scrolled != nullptr);
    const std::string label = scrolled->label;
    const float y = scrolled->min.y;

    REQUIRE(h.tapItem(label));
    REQUIRE(h.ui().currentScreen() == "session");
    REQUIRE(h.tapItem("Retour"));
    REQUIRE(h.ui().currentScreen() == "programme");
    CHECK(h.item("Filtres \u2713") != nullptr);  // the filter is still on, its panel open
    CHECK(h.item("Afficher les séances terminées") != nullptr);
    const auto* again = h.item(label);
    REQUIRE(again != nullptr);
    CHECK(again->min.y == Approx(y).margin(2));
    std::string why;
    CHECK(h.presentedIsCurrent(&why));
    INFO(why);

    // A new way in (through Home) starts clean.
    REQUIRE(h.tapItem("Accueil"));
    REQUIRE(h.ui().currentScreen() == "home");
    REQUIRE(h.tapItem("Programme"));
    CHECK(h.item("Filtres") != nullptr);
    CHECK(h.item("Filtres \u2713") == nullptr);
}

TEST_CASE("Back brings the map back zoomed and moved as it was left", "[loop][state]") {
    LoopHarness h(landscape());
    REQUIRE(h.ok());
    h.show("maps");
    REQUIRE(h.tapItem("+"));
    REQUIRE(h.tapItem("+"));
    // A marker still in view after zooming, away from the buttons.
    const kiosk::ui::InteractiveItem* marker = nullptr;
    for (const auto& i : kiosk::ui::InteractiveLog::items()) {
        const bool place =
            std::any_of(h.ui().content()->places.begin(), h.ui().content()->places.end(), [&](const auto& p) {
                return i.label.find((p.shortName.empty() ? p.name : p.shortName).str(kiosk::core::Lang::Fr)) !=
                       std::string::npos;
            });
        if (place && i.min.x > 0 && i.max.x < 1500 && i.min.y > 200 && i.max.y < 900) marker = &i;
    }
    REQUIRE(marker != nullptr);
    const std::string label = marker->label;
    const ImVec2 at = marker->min;
    REQUIRE(h.tapItem(label));
    REQUIRE(h.ui().currentScreen() == "place");
    REQUIRE(h.tapItem("Retour"));
    REQUIRE(h.ui().currentScreen() == "maps");
    const auto* again = h.item(label);
    REQUIRE(again != nullptr);
    CHECK(again->min.x == Approx(at.x).margin(2));
    CHECK(again->min.y == Approx(at.y).margin(2));
}

TEST_CASE("Home's Now opens what is on now and next in one tap", "[loop][state]") {
    for (const LoopSetup& s : {landscape(), LoopSetup{}}) {
        LoopHarness h(s);
        REQUIRE(h.ok());
        h.show("home");
        INFO(s.width << "x" << s.height);
        REQUIRE(h.tapItem("Maintenant"));
        CHECK(h.ui().currentRoute() == kiosk::ui::Route::programmeNow());
        CHECK(h.shows("En ce moment"));
        CHECK(h.shows("À suivre"));
    }
}
