// The staff mode's parts on their own: the PIN's Argon2id hash and the growing delay
// (core), and the corner gesture's state machine (ui, no ImGui needed).
#include <catch2/catch.hpp>

#include "core/staff/staff_pin.hpp"
#include "ui/staff/corner_gesture.hpp"

using namespace kiosk;

TEST_CASE("a staff PIN hashes to an Argon2id string that only the same PIN verifies") {
    auto hash = core::staff::hashPin("2468");
    REQUIRE(hash);
    CHECK(hash.value().rfind("$argon2id$", 0) == 0);
    CHECK(core::staff::isPinHash(hash.value()));
    CHECK(core::staff::verifyPin(hash.value(), "2468"));
    CHECK_FALSE(core::staff::verifyPin(hash.value(), "2469"));
    CHECK_FALSE(core::staff::verifyPin(hash.value(), ""));
    CHECK_FALSE(core::staff::verifyPin("not a hash", "2468"));
    auto again = core::staff::hashPin("2468");
    REQUIRE(again);
    CHECK(again.value() != hash.value());  // salted
}

TEST_CASE("a staff PIN is 4 to 12 digits") {
    CHECK(core::staff::isValidPin("0000"));
    CHECK(core::staff::isValidPin("123456789012"));
    CHECK_FALSE(core::staff::isValidPin("123"));
    CHECK_FALSE(core::staff::isValidPin("1234567890123"));
    CHECK_FALSE(core::staff::isValidPin("12a4"));
    CHECK_FALSE(core::staff::hashPin("12").ok());
}

TEST_CASE("wrong PINs make the next try wait 1, 2, 4, 8 seconds, up to 5 minutes") {
    core::staff::PinThrottle t;
    CHECK(t.waitSeconds(0) == 0);
    t.failed(10);
    CHECK(t.waitSeconds(10) == Approx(1));
    t.failed(11);
    CHECK(t.waitSeconds(11) == Approx(2));
    t.failed(13);
    CHECK(t.waitSeconds(13) == Approx(4));
    CHECK(t.waitSeconds(15) == Approx(2));
    t.failed(17);
    CHECK(t.waitSeconds(17) == Approx(8));
    CHECK(core::staff::PinThrottle::delayAfter(20) == Approx(300));
    t.succeeded();
    CHECK(t.failures() == 0);
    CHECK(t.waitSeconds(17) == 0);
}

namespace {
using G = ui::staff::CornerGesture;
// A press at (x, y) held `hold` seconds from `t`; returns whether it completed the gesture.
bool press(G& g, float x, float y, double t, double hold, std::int64_t id = 1) {
    g.down(id, x, y, t);
    return g.up(id, x, y, t + hold);
}
}  // namespace

TEST_CASE("the staff gesture: 3 s in one corner, then a tap in the opposite one") {
    G g;
    g.setScreen(1280, 800);
    CHECK_FALSE(press(g, 10, 10, 0, 3.2));     // long press top left
    CHECK(press(g, 1270, 790, 4.0, 0.1));      // tap bottom right
    CHECK_FALSE(press(g, 1270, 10, 10, 3.5));  // top right...
    CHECK(press(g, 10, 790, 15, 0.2));         // ...then bottom left
}

TEST_CASE("the staff gesture does not happen by chance") {
    G g;
    g.setScreen(1280, 800);
    SECTION("a short press in a corner") {
        CHECK_FALSE(press(g, 10, 10, 0, 1.0));
        CHECK_FALSE(press(g, 1270, 790, 1.5, 0.1));
    }
    SECTION("the tap in a corner that is not the opposite one") {
        CHECK_FALSE(press(g, 10, 10, 0, 3.5));
        CHECK_FALSE(press(g, 1270, 10, 4, 0.1));
        CHECK_FALSE(press(g, 1270, 790, 4.5, 0.1));  // the arming is gone
    }
    SECTION("the tap too late") {
        CHECK_FALSE(press(g, 10, 10, 0, 3.5));
        CHECK_FALSE(press(g, 1270, 790, 8.0, 0.1));
    }
    SECTION("a long press that slides out of its corner (a scroll)") {
        g.down(1, 10, 10, 0);
        g.move(1, 400, 300);
        CHECK_FALSE(g.up(1, 400, 300, 3.5));
        CHECK_FALSE(press(g, 1270, 790, 4, 0.1));
    }
    SECTION("ordinary taps in the middle") {
        for (int i = 0; i < 10; ++i) CHECK_FALSE(press(g, 640, 400, i, 0.1 + i));
    }
    SECTION("a second finger spoils it") {
        g.down(1, 10, 10, 0);
        g.down(2, 600, 400, 1);
        g.up(2, 600, 400, 1.5);
        CHECK_FALSE(g.up(1, 10, 10, 3.5));
        CHECK_FALSE(press(g, 1270, 790, 4, 0.1));
    }
}
