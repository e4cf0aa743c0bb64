// Grouped markers through the real loop: the three Clermont venues are one labelled
// marker; a tap opens their list, a tap in the list opens that place; Fermer goes back
// to the map.
#include <catch2/catch.hpp>

#include <tuple>

#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::ui::ScreenId;

namespace {
// The first interactive item whose label contains `needle`.
const kiosk::ui::InteractiveItem* itemWith(const std::string& needle) {
    for (const auto& i : kiosk::ui::InteractiveLog::items()) {
        if (LoopHarness::plainSpaces(i.label).find(needle) != std::string::npos) return &i;
    }
    return nullptr;
}
}  // namespace

TEST_CASE("close places are one marker that opens a list", "[wayfinding]") {
    for (auto [w, h, diag] :
         {std::tuple{1280, 800, 10.1f}, std::tuple{1920, 1080, 43.0f}, std::tuple{1080, 1920, 55.0f}}) {
        kiosk::test::LoopSetup s;
        s.width = w;
        s.height = h;
        s.diagonal = diag;
        s.now = "2027-10-21T10:00:00+02:00";  // no urgent band: the map has its full height
        LoopHarness k(s);
        REQUIRE(k.ok());
        k.show("maps");
        INFO(w << "x" << h << ": " << k.allText());
        // On the big screens the three Clermont venues are one marker; the tablet's small
        // map groups more (its layout is sized in issue 10, point 1).
        if (w != 1280) CHECK(k.shows("Clermont-Ferrand · 3 lieux"));
        const auto* group = itemWith(" lieux");
        REQUIRE(group);
        k.tap((group->min.x + group->max.x) * 0.5f,
              (group->min.y + group->max.y) * 0.5f + static_cast<float>(k.video().viewportTop()));
        CHECK(k.shows("Choisissez un lieu"));
        CHECK(k.item("Archives départementales"));
        CHECK(k.item("Maison de l’Habitat"));
        REQUIRE(k.item("Fermer"));
        k.tapItem("Fermer");
        CHECK_FALSE(k.shows("Choisissez un lieu"));
        const auto* again = itemWith(" lieux");
        REQUIRE(again);
        k.tap((again->min.x + again->max.x) * 0.5f,
              (again->min.y + again->max.y) * 0.5f + static_cast<float>(k.video().viewportTop()));
        REQUIRE(k.tapItem("Archives départementales"));
        CHECK(k.ui().currentId() == ScreenId::Place);
        CHECK(k.shows("Archives départementales"));  // the place page's title (it may wrap)
    }
}
