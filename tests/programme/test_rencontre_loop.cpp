// The second event through the real loop: at 10:45 today's programme opens at what is
// running, marked "En cours", with each parallel workshop's room, and no English button.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "core/feed_builder.hpp"
#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;
namespace fs = std::filesystem;

namespace {
// A built copy of tests/data/events/rencontre for this process.
std::string builtRencontre() {
    struct Dir {
        fs::path path;
        Dir() {
            path = fs::temp_directory_path() / ("kiosk-rencontre-loop-" + std::to_string(::getpid()));
            fs::remove_all(path);
            fs::copy(fs::path(KIOSK_TEST_DATA) / "events" / "rencontre", path, fs::copy_options::recursive);
            fs::remove(path / "manifest.json");
            (void)kiosk::core::buildFeed(path, kiosk::core::Instant{});
        }
        ~Dir() { fs::remove_all(path); }
    };
    static Dir dir;
    return dir.path.string();
}

const kiosk::ui::DrawnText* find(const LoopHarness& h, const std::string& text) {
    for (const auto& t : h.texts()) {
        if (t.text.find(text) != std::string::npos) return &t;
    }
    return nullptr;
}
}  // namespace

TEST_CASE("the one-day event's programme opens at what is running, with rooms", "[loop][programme][rencontre]") {
    struct Screen {
        int width, height;
        float diagonal, distance;
    };
    // The three reference screens (config/kiosk.jsonc, totem-55.jsonc, tablet-10.jsonc).
    for (const Screen size :
         {Screen{1920, 1080, 43, 900}, Screen{1080, 1920, 55, 1000}, Screen{1280, 800, 10.1f, 450}}) {
        LoopSetup s;
        s.width = size.width;
        s.height = size.height;
        s.diagonal = size.diagonal;
        s.distance = size.distance;
        s.now = "2027-05-18T10:45:00+02:00";
        s.contentDir = builtRencontre();
        LoopHarness h(s);
        REQUIRE(h.ok());
        h.show("programme");
        h.runFor(0.5);  // the scroll to the current session takes a few paced frames
        INFO(size.width << "x" << size.height << ": " << h.allText());
        const auto* coffee = find(h, "Accueil café");  // 9 h 30 - 10 h: over
        const auto* tablet = find(h, "Premiers pas");  // 10 h - 11 h 30: running
        REQUIRE(tablet != nullptr);
        REQUIRE(coffee != nullptr);
        CHECK(tablet->pos.y > 0);
        CHECK(tablet->pos.y < static_cast<float>(size.height) * 0.9f);  // in view
        if (coffee) CHECK(coffee->pos.y < tablet->pos.y - 10);          // scrolled above
        CHECK(h.shows("En cours"));
        CHECK(h.shows("associations"));  // the room (wrapped on narrow screens)
        CHECK(h.shows("Annulé"));
        CHECK_FALSE(h.shows("English"));
    }
}
