// Earcons through the real loop: with speech on, each keypad move, activation and Back
// plays its earcon before the words; a move with nowhere to go is the end of the list;
// with speech off the keypad stays silent.
#include <catch2/catch.hpp>

#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::ui::Earcon;

TEST_CASE("earcons follow the keypad when speech is on", "[wayfinding][earcons]") {
    LoopHarness h;
    REQUIRE(h.ok());
    h.show("home");
    h.key(SDLK_DOWN);
    CHECK(h.earcons().played().empty());  // speech off: silent

    h.key(SDLK_F1);  // the keypad's speech key
    h.earcons().clear();
    h.key(SDLK_DOWN);
    REQUIRE(h.earcons().played().size() == 1);
    CHECK(h.earcons().played().back() == Earcon::FocusMoved);
    CHECK_FALSE(h.speech().spoken().empty());  // and the words still come

    // Up until nothing is above: the last press is the end of the list.
    for (int i = 0; i < 30; ++i) h.key(SDLK_UP);
    CHECK(h.earcons().played().back() == Earcon::EndOfList);
    CHECK(h.earcons().count(Earcon::FocusMoved) >= 1);

    h.earcons().clear();
    h.key(SDLK_RETURN);
    CHECK(h.earcons().count(Earcon::Activated) == 1);
    h.earcons().clear();
    h.key(SDLK_ESCAPE);
    CHECK(h.earcons().count(Earcon::Back) == 1);
}
