// The idle warning and the return to the attract loop, on the real loop with a driven
// clock: on time, counting down each second, in normal and accessibility mode, and with
// no frame drawn while nothing changes.
#include <catch2/catch.hpp>

#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;

namespace {
const char* kStillThere = "Vous êtes toujours là\u202F?";

// Wakes the kiosk with a tap and lands on Home.
void wake(LoopHarness& h) {
    REQUIRE(h.ui().currentScreen() == "attract");
    h.tap(640, 400);
    REQUIRE(h.ui().currentScreen() == "home");
}
}  // namespace

TEST_CASE("the idle warning appears on time and counts down every second", "[loop][idle]") {
    LoopSetup s;
    s.idleSeconds = 10;
    LoopHarness h(s);
    REQUIRE(h.ok());
    wake(h);
    h.runFor(9.5);
    CHECK_FALSE(h.shows(kStillThere));
    h.runFor(1.0);  // 10.5 s after the last touch
    REQUIRE(h.shows(kStillThere));
    CHECK(h.shows("Retour à l’accueil dans 20 s"));
    for (int left = 19; left >= 1; --left) {
        h.runFor(1.0);
        INFO("at " << 10.5 + 20 - left << " s: " << h.allText());
        CHECK(h.shows("Retour à l’accueil dans " + std::to_string(left) + " s"));
    }
    h.runFor(0.4);  // 29.9 s: still there
    CHECK(h.ui().currentScreen() == "home");
    h.runFor(0.2);  // 30.1 s: back to the loop, reset for the next visitor
    CHECK(h.ui().currentScreen() == "attract");
    CHECK_FALSE(h.shows(kStillThere));
    CHECK(h.presentedIsCurrent());
}

TEST_CASE("Continuer on the idle warning gives the visitor more time", "[loop][idle]") {
    LoopSetup s;
    s.idleSeconds = 10;
    LoopHarness h(s);
    REQUIRE(h.ok());
    wake(h);
    h.runFor(12);
    REQUIRE(h.shows(kStillThere));
    REQUIRE(h.tapItem("Continuer"));
    CHECK_FALSE(h.shows(kStillThere));
    CHECK(h.presentedIsCurrent());
    h.runFor(9.5);
    CHECK_FALSE(h.shows(kStillThere));
    h.runFor(1);
    CHECK(h.shows(kStillThere));
}

TEST_CASE("in accessibility mode the warning waits ten times longer without busy redraws", "[loop][idle][a11y]") {
    LoopSetup s;
    s.idleSeconds = 10;
    LoopHarness h(s);
    REQUIRE(h.ok());
    wake(h);
    auto a11y = h.ui().accessibility();
    a11y.reducedMotion = true;  // any setting turns the mode on
    h.ui().setAccessibility(a11y);
    h.settle();
    REQUIRE(h.ui().accessibility().active());
    const auto frames = h.app().framesPresented();
    h.runFor(95);
    CHECK_FALSE(h.shows(kStillThere));
    // 95 s with nothing moving: the clock's minute, at most, and its settle frames.
    CHECK(h.app().framesPresented() - frames <= 8);
    h.runFor(6);  // 101 s
    CHECK(h.shows(kStillThere));
    h.runFor(20);  // 121 s
    CHECK(h.ui().currentScreen() == "attract");
    CHECK_FALSE(h.ui().accessibility().active());
}

TEST_CASE("a still screen asks for no frame until its next due time", "[loop][idle]") {
    LoopHarness h;
    REQUIRE(h.ok());
    for (const char* screen : {"home", "programme", "maps", "showroom", "info", "accessibility"}) {
        INFO(screen);
        h.show(screen);
        const double due = h.app().secondsUntilDue();
        CHECK(due > 0.5);
        const auto frames = h.app().framesPresented();
        h.runFor(std::min(due * 0.9, 30.0));
        CHECK(h.app().framesPresented() == frames);
    }
}

TEST_CASE("the attract loop draws only while it moves", "[loop][idle][attract]") {
    LoopHarness h;
    REQUIRE(h.ok());
    REQUIRE(h.ui().currentScreen() == "attract");
    const auto frames = h.app().framesPresented();
    h.runFor(60);
    const auto drawn = h.app().framesPresented() - frames;
    INFO("frames in 60 s of attract loop: " << drawn);
    CHECK(drawn > 0);        // slides change
    CHECK(drawn < 60 * 30);  // but never every frame flat out
    CHECK(h.presentedIsCurrent());
}
