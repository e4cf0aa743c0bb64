// New content from a sync never changes what a visitor is reading: it appears at the
// attract loop's next slide or when the visitor returns Home; an urgent announcement
// appears at once.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "ui/contrast.hpp"

using namespace kiosk;

namespace {
std::shared_ptr<const core::Content> withRoomChange() {
    auto next = std::make_shared<core::Content>(*test::bundledContent());
    next->manifest.version += 1;
    for (auto& s : next->sessions) {
        if (s.id == "table-ronde-inclusion-rurale") s.statusNote = core::LocalizedText("Déplacée en salle du Conseil");
    }
    return next;
}
}  // namespace

TEST_CASE("new content waits while a visitor reads, and shows once they return Home", "[live]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T10:00:00+02:00"));
    REQUIRE(h.ok());
    const auto before = test::bundledContent();
    h.ui().show("session", "table-ronde-inclusion-rurale");
    h.frame(2);
    const auto next = withRoomChange();
    h.ui().offerContent(next);
    h.frame(2);
    CHECK(h.ui().content() == before.get());  // the visitor keeps reading what they had
    ImVec2 c;
    REQUIRE(h.centreOf("Accueil", c));
    h.tap(c.x, c.y);
    REQUIRE(h.ui().currentScreen() == "home");
    CHECK(h.ui().content() == next.get());
}

TEST_CASE("on the attract loop new content comes in at the next slide", "[live]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T10:00:00+02:00"));
    REQUIRE(h.ok());
    const auto before = test::bundledContent();
    h.frame(2);
    const auto next = withRoomChange();
    h.ui().offerContent(next);
    h.frame();
    CHECK(h.ui().content() == before.get());
    h.clock().advance(30);  // longer than any slide
    h.frame(2);
    CHECK(h.ui().content() == next.get());
}

TEST_CASE("an urgent announcement appears at once", "[live]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T10:00:00+02:00"));
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    auto next = std::make_shared<core::Content>(*test::bundledContent());
    core::Announcement a;
    a.id = "alerte-evacuation-exercice";
    a.text = core::LocalizedText("Exercice d’évacuation à 11 h : suivez le personnel.");
    a.priority = core::Priority::Urgent;
    next->announcements.push_back(a);
    h.ui().offerContent(next);
    h.frame();
    CHECK(h.ui().content() == next.get());
    CHECK(h.ui().currentScreen() == "programme");
    h.frame();
    bool shown = false;
    for (const auto& p : ui::ContrastLog::pairs())
        shown = shown || p.what.find("Exercice d’évacuation") != std::string::npos;
    CHECK(shown);  // on the programme screen, under the header
}

TEST_CASE("old content says how old it is", "[live]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-22T10:00:00+02:00"));
    REQUIRE(h.ok());
    h.ui().show("programme");
    h.frame(2);
    const auto shows = [&](const std::string& needle) {
        for (const auto& p : ui::ContrastLog::pairs()) {
            if (p.what.find(needle) != std::string::npos) return true;
        }
        return false;
    };
    CHECK_FALSE(shows("Programme au"));
    h.ui().setContentAsOf(test::at("2027-10-20T14:30:00+02:00"));
    h.frame();
    CHECK(shows("Programme au mercredi 20 octobre, 14"));
}
