// Today's programme opens at what is running or next, through the real loop: the list's
// own (kinetic) scroll takes it there in a few paced frames, then the loop settles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;

namespace {
struct Size {
    int width, height;
    float diagonal, distance;
};
// The landscape panel and the tablet (config/kiosk.jsonc, tablet-10.jsonc).
const Size kSizes[] = {{1920, 1080, 43, 900}, {1280, 800, 10.1f, 450}};

const kiosk::ui::Surface* listSurface(LoopHarness& h) {
    const auto& surfaces = h.ui().frameState().records.surfaces;
    const auto it = std::find_if(surfaces.begin(), surfaces.end(),
                                 [](const kiosk::ui::Surface& s) { return s.kind == kiosk::ui::Surface::Kind::List; });
    return it == surfaces.end() ? nullptr : &*it;
}

// Where the list shows a row: the row's top in the list's height (0 top, 1 bottom).
float rowShare(LoopHarness& h, const std::string& title) {
    const auto* list = listSurface(h);
    const auto* row = h.item(title);
    if (!list || !row) return -1;
    return (row->min.y - list->min.y) / (list->max.y - list->min.y);
}
}  // namespace

TEST_CASE("today's programme opens at the running session and the loop settles there", "[loop][programme]") {
    for (const Size size : kSizes) {
        LoopSetup s;
        s.width = size.width;
        s.height = size.height;
        s.diagonal = size.diagonal;
        s.distance = size.distance;
        s.now = "2027-10-20T14:30:00+02:00";  // the 14 h conference runs; the 10 h workshop is over
        LoopHarness h(s);
        REQUIRE(h.ok());
        h.show("programme");
        // show() settles the loop: the scroll is done in the frames a change draws anyway.
        INFO(size.width << "x" << size.height << ": " << h.allText());
        // The conference that started at 14 h is the list's first row, or nearly.
        const std::string running = "Les enfants et les écrans : repères pour les familles";
        const float share = rowShare(h, running);
        CHECK(share >= -0.02f);
        CHECK(share <= 0.2f);
        // The morning's finished workshop is scrolled (at least partly) away above the list
        // (the tablet's list may reach its end first).
        const auto* list = listSurface(h);
        REQUIRE(list != nullptr);
        const auto* done = h.item("Éducation aux médias : vrai, faux ou trafiqué ?");
        const auto* now = h.item(running);
        REQUIRE(done != nullptr);
        REQUIRE(now != nullptr);
        CHECK(done->min.y < list->min.y);
        CHECK(done->max.y <= now->min.y);
        CHECK(h.shows("En cours"));
        // Settled: nothing is left to draw, and no frame comes until something changes
        // (the clock's minute, 30 s away at the most).
        CHECK(h.settle() == 0);
        const auto frames = h.app().framesPresented();
        h.runFor(20);
        CHECK(h.app().framesPresented() == frames);
        std::string why;
        CHECK(h.presentedIsCurrent(&why));
        INFO(why);
        // The list is still there (no scroll drifting back to the top).
        CHECK(rowShare(h, running) == Approx(share).margin(0.01));
    }
}

TEST_CASE("another day's tab opens at its first session and today's at what runs", "[loop][programme]") {
    LoopSetup s;
    s.now = "2027-10-20T14:30:00+02:00";
    LoopHarness h(s);
    REQUIRE(h.ok());
    h.show("programme");
    // Tomorrow opens at its start, not at a time of day.
    REQUIRE(h.tapItem("jeu. 21"));
    const auto* list = listSurface(h);
    REQUIRE(list != nullptr);
    float firstTop = 1e9f;
    for (const auto& i : kiosk::ui::InteractiveLog::items()) {
        if (i.inList) firstTop = std::min(firstTop, i.min.y);
    }
    CHECK(firstTop >= list->min.y - 1);
    // Back to today: at what runs again.
    REQUIRE(h.tapItem("mer. 20"));
    const float share = rowShare(h, "Les enfants et les écrans : repères pour les familles");
    CHECK(share >= -0.02f);
    CHECK(share <= 0.2f);
    CHECK(h.settle() == 0);
}
