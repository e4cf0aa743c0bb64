// Every control of every screen, tapped on the real loop: once the loop has settled with
// no further input, the presented picture is the one drawing afresh gives (no stale day
// tab, half-slid gallery or blank list waiting for the next touch).
#include <catch2/catch.hpp>

#include <set>

#include "core/model.hpp"
#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;

namespace {

std::string firstId(LoopHarness& h, const std::string& screen) {
    const kiosk::core::Content& c = *h.ui().content();
    if (screen == "session") return c.sessions.front().id;
    if (screen == "demo") return c.demos.front().id;
    if (screen == "place") return c.places.front().id;
    if (screen == "page") return c.pages.front().id;
    return {};
}

// Taps each control the screen shows (at most `limit`, spread over the list) from a fresh
// visit, and checks the picture once the loop has settled.
void tapEveryControl(const std::string& screen, const LoopSetup& setup = {}, std::size_t limit = 14) {
    LoopHarness h(setup);
    REQUIRE(h.ok());
    const std::string param = firstId(h, screen);
    h.show(screen, param);
    REQUIRE(h.ui().currentScreen() == screen);
    REQUIRE(h.presentedIsCurrent());
    std::vector<kiosk::ui::InteractiveItem> items;
    const float w = static_cast<float>(h.video().width()), hh = static_cast<float>(h.video().height());
    for (const auto& i : kiosk::ui::InteractiveLog::items()) {
        const float cx = (i.min.x + i.max.x) * 0.5f, cy = (i.min.y + i.max.y) * 0.5f;
        if (cx > 0 && cy > 0 && cx < w && cy < hh) items.push_back(i);
    }
    REQUIRE_FALSE(items.empty());
    const std::size_t step = std::max<std::size_t>(1, items.size() / limit);
    for (std::size_t k = 0; k < items.size(); k += step) {
        const auto& i = items[k];
        h.show(screen, param);
        h.tap((i.min.x + i.max.x) * 0.5f, (i.min.y + i.max.y) * 0.5f);
        std::string why;
        INFO(screen << ": after a tap on \"" << i.label << "\" (now on " << h.ui().currentScreen() << ")");
        CHECK(h.presentedIsCurrent(&why));
        INFO(why);
    }
}

}  // namespace

TEST_CASE("every control of home leaves an up-to-date picture", "[loop][taps]") { tapEveryControl("home"); }
TEST_CASE("every control of the programme leaves an up-to-date picture", "[loop][taps]") {
    tapEveryControl("programme", {}, 20);
}
TEST_CASE("every control of a session leaves an up-to-date picture", "[loop][taps]") { tapEveryControl("session"); }
TEST_CASE("every control of the maps leaves an up-to-date picture", "[loop][taps]") { tapEveryControl("maps"); }
TEST_CASE("every control of a place leaves an up-to-date picture", "[loop][taps]") { tapEveryControl("place"); }
TEST_CASE("every control of the showroom leaves an up-to-date picture", "[loop][taps]") { tapEveryControl("showroom"); }
TEST_CASE("every control of a demo leaves an up-to-date picture", "[loop][taps]") { tapEveryControl("demo"); }
TEST_CASE("every control of the practical pages leaves an up-to-date picture", "[loop][taps]") {
    tapEveryControl("info");
}
TEST_CASE("every control of a page leaves an up-to-date picture", "[loop][taps]") { tapEveryControl("page"); }
TEST_CASE("every control of the accessibility panel leaves an up-to-date picture", "[loop][taps]") {
    tapEveryControl("accessibility", {}, 20);
}

TEST_CASE("every control of the programme on a landscape 43 inch screen leaves an up-to-date picture", "[loop][taps]") {
    LoopSetup s;
    s.width = 1920;
    s.height = 1080;
    s.diagonal = 43;
    s.distance = 900;
    tapEveryControl("programme", s, 10);
}

TEST_CASE("a gallery swipe ends on the new picture without another touch", "[loop][taps]") {
    LoopHarness h;
    REQUIRE(h.ok());
    const kiosk::core::Content& c = *h.ui().content();
    std::string demo;
    for (const auto& d : c.demos) {
        if (d.gallery.size() >= 2 && demo.empty()) demo = d.id;
    }
    REQUIRE_FALSE(demo.empty());
    h.show("demo", demo);
    // A finger swipes right to left across the middle of the gallery.
    const float y = static_cast<float>(h.video().height()) * 0.45f;
    h.finger(SDL_FINGERDOWN, 900, y);
    for (int i = 1; i <= 8; ++i) h.finger(SDL_FINGERMOTION, 900.0f - 60.0f * static_cast<float>(i), y);
    h.finger(SDL_FINGERUP, 420, y);
    h.settle();
    h.runFor(1.0);  // the slide animation runs on the loop's own frames
    h.settle();
    std::string why;
    CHECK(h.presentedIsCurrent(&why));
    INFO(why);
}
