// Touch journeys injected as SDL events through the platform layer, the same path as
// real hardware: a tap wakes the kiosk, buttons fire on release inside, sliding off
// cancels, touch-synthesised mouse events are ignored, nothing stays hovered, and the
// kiosk returns to its loop after the idle time on the test clock.
#include <catch2/catch.hpp>

#include <cfloat>

#include "harness.hpp"

using namespace kiosk;

namespace {
test::Harness makeHarness() { return test::Harness(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00")); }
}  // namespace

TEST_CASE("a tap on the attract loop only wakes the kiosk: it opens Home", "[input][journey]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.frame(2);
    REQUIRE(h.ui().currentScreen() == "attract");
    h.tap(900, 500);
    CHECK(h.ui().currentScreen() == "home");
    CHECK(h.ui().lang() == core::Lang::Fr);
}

TEST_CASE("the language switch on the attract loop acts at once", "[input][journey]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.frame(2);
    ImVec2 c;
    REQUIRE(h.centreOf("English", c));
    h.tap(c.x, c.y);
    CHECK(h.ui().lang() == core::Lang::En);
    CHECK(h.ui().currentScreen() == "attract");
}

TEST_CASE("mouse events synthesised from touch are ignored", "[input]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.frame(2);
    h.mouse(SDL_MOUSEBUTTONDOWN, 900, 500, SDL_TOUCH_MOUSEID);
    h.frame();
    h.mouse(SDL_MOUSEBUTTONUP, 900, 500, SDL_TOUCH_MOUSEID);
    h.frame(3);
    CHECK(h.ui().currentScreen() == "attract");
}

TEST_CASE("a mouse click works like a tap", "[input]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.frame(2);
    h.mouse(SDL_MOUSEBUTTONDOWN, 900, 500);
    h.frame();
    h.mouse(SDL_MOUSEBUTTONUP, 900, 500);
    h.frame(3);
    CHECK(h.ui().currentScreen() == "home");
}

TEST_CASE("the language button switches to English on release inside it", "[input][journey]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    ImVec2 c;
    REQUIRE(h.centreOf("English", c));
    h.tap(c.x, c.y);
    CHECK(h.ui().lang() == core::Lang::En);
    REQUIRE(h.centreOf("Français", c));  // the button now offers French
    h.tap(c.x, c.y);
    CHECK(h.ui().lang() == core::Lang::Fr);
}

TEST_CASE("sliding off a button before lifting the finger cancels it", "[input]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    ImVec2 c;
    REQUIRE(h.centreOf("English", c));
    h.finger_(SDL_FINGERDOWN, c.x, c.y, 1);
    h.frame();
    h.finger_(SDL_FINGERMOTION, c.x - 600, c.y + 400, 1);
    h.frame();
    h.finger_(SDL_FINGERUP, c.x - 600, c.y + 400, 1);
    h.frame(3);
    CHECK(h.ui().lang() == core::Lang::Fr);
}

TEST_CASE("a small finger jitter during a tap still counts as a tap", "[input]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    ImVec2 c;
    REQUIRE(h.centreOf("English", c));
    h.finger_(SDL_FINGERDOWN, c.x, c.y, 1);
    h.frame();
    h.finger_(SDL_FINGERMOTION, c.x + 3, c.y - 2, 1);
    h.frame();
    h.finger_(SDL_FINGERUP, c.x + 4, c.y - 2, 1);
    h.frame(3);
    CHECK(h.ui().lang() == core::Lang::En);
}

TEST_CASE("nothing stays hovered after the finger lifts", "[input]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    ImVec2 c;
    REQUIRE(h.centreOf("Tab-less probe", c) == false);
    REQUIRE(h.centreOf("English", c));
    h.tap(c.x, c.y);
    CHECK(ImGui::GetIO().MousePos.x == -FLT_MAX);
    CHECK_FALSE(ImGui::IsAnyItemHovered());
}

TEST_CASE("a second finger does not press buttons", "[input]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    ImVec2 c;
    REQUIRE(h.centreOf("English", c));
    h.finger_(SDL_FINGERDOWN, 200, 900, 1);  // first finger rests elsewhere
    h.frame();
    h.finger_(SDL_FINGERDOWN, c.x, c.y, 2);
    h.frame();
    h.finger_(SDL_FINGERUP, c.x, c.y, 2);
    h.frame();
    h.finger_(SDL_FINGERUP, 200, 900, 1);
    h.frame(3);
    CHECK(h.ui().lang() == core::Lang::Fr);
}

TEST_CASE("after the idle time a 20 s countdown runs, then the loop returns in the default language",
          "[input][journey]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.frame(2);
    h.tap(900, 500);
    REQUIRE(h.ui().currentScreen() == "home");
    ImVec2 c;
    REQUIRE(h.centreOf("English", c));
    h.tap(c.x, c.y);
    REQUIRE(h.ui().lang() == core::Lang::En);
    h.clock().advance(89);
    h.frame();
    CHECK_FALSE(h.ui().idleWarningShown());  // 90 s by default
    h.clock().advance(2);
    h.frame(2);
    CHECK(h.ui().idleWarningShown());
    CHECK(h.ui().currentScreen() == "home");
    REQUIRE(h.centreOf("Continue", c));
    h.clock().advance(18);  // the countdown still runs at 19 s
    h.frame();
    CHECK(h.ui().currentScreen() == "home");
    h.clock().advance(2);
    h.frame();
    CHECK(h.ui().currentScreen() == "attract");
    CHECK(h.ui().lang() == core::Lang::Fr);
}

TEST_CASE("the idle warning's Continue keeps the visitor where they are", "[input][journey]") {
    auto h = makeHarness();
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    h.clock().advance(95);
    h.frame(2);
    REQUIRE(h.ui().idleWarningShown());
    ImVec2 c;
    REQUIRE(h.centreOf("Continuer", c));
    h.tap(c.x, c.y);
    CHECK_FALSE(h.ui().idleWarningShown());
    h.clock().advance(30);
    h.frame();
    CHECK(h.ui().currentScreen() == "programme");
}
