// The feed the kiosk ships with (content/): it must build and load cleanly with the same
// code as any downloaded feed, and hold enough of a programme to show every screen.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
#include "core/schedule.hpp"
#include "feed_fixture.hpp"

using namespace kiosk;
using core::Lang;
using core::Severity;
using test::describe;
namespace fs = std::filesystem;

namespace {

const fs::path kBundled = KIOSK_BUNDLED_CONTENT;

// A copy of content/ in a temporary folder, built there (never in the source tree) and
// loaded from its fresh manifest.
struct BuiltCopy {
    test::TempDir dir{"bundled"};
    core::BuildOutcome build;
    core::LoadResult load;

    BuiltCopy() {
        fs::copy(kBundled, dir.path(), fs::copy_options::recursive);
        build = core::buildFeed(dir.path(), test::at("2027-09-30T10:00:00+02:00"));
        load = core::loadFeed(dir.path());
    }
};

}  // namespace

TEST_CASE("the bundled content builds and loads with no diagnostics", "[bundled]") {
    REQUIRE(fs::is_directory(kBundled));
    BuiltCopy copy;
    INFO("build error: " << copy.build.error << "\nbuild:\n"
                         << describe(copy.build.load.diagnostics) << "\nload:\n"
                         << describe(copy.load.diagnostics));
    CHECK(copy.build.error.empty());
    CHECK_FALSE(copy.build.load.diagnostics.hasErrors());
    CHECK(copy.build.load.diagnostics.empty());
    CHECK((copy.build.written || copy.build.unchanged));
    REQUIRE(copy.load.content != nullptr);
    CHECK(copy.load.diagnostics.empty());
    // Every image is verified (size, hash, pixels) as kiosk-feed validate would.
    core::LoadOptions all;
    all.verifyAllFiles = true;
    const auto verified = core::loadFeed(copy.dir.path(), all);
    INFO(describe(verified.diagnostics));
    CHECK(verified.diagnostics.empty());
}

TEST_CASE("the committed manifest of the bundled content is fresh", "[bundled]") {
    const auto r = core::loadFeed(kBundled);
    INFO(describe(r.diagnostics));
    if (fs::exists(kBundled / "manifest.json")) {
        CHECK(r.content != nullptr);
        CHECK(r.diagnostics.empty());
    } else {
        // Without a manifest the folder is refused, and says how to make one.
        CHECK(r.content == nullptr);
        const auto* d = test::findDiag(r.diagnostics, Severity::Fatal, "manifest.json");
        REQUIRE(d != nullptr);
        CHECK(test::contains(d->message, "kiosk-feed build"));
    }
}

TEST_CASE("the bundled content holds a full programme", "[bundled]") {
    BuiltCopy copy;
    INFO(describe(copy.load.diagnostics));
    REQUIRE(copy.load.content != nullptr);
    const core::Content& c = *copy.load.content;

    SECTION("sessions over several days") {
        CHECK(c.sessions.size() >= 40u);
        CHECK(core::programmeDays(c).size() >= 5u);
        CHECK(core::sessionsOnDay(c, {2027, 10, 20}).size() >= 5u);
        for (const auto& s : c.sessions) {
            INFO(s.id);
            CHECK_FALSE(s.title.empty());
            CHECK((s.title.has("fr") || s.title.has("en")));
            for (const auto& [lang, text] : s.title.all()) {
                INFO(lang);
                CHECK_FALSE(text.empty());
            }
            CHECK_FALSE(s.title.str(Lang::Fr).empty());
            CHECK_FALSE(s.title.str(Lang::En).empty());
            CHECK(s.end.instant > s.start.instant);
            CHECK(c.findPlace(s.placeId) != nullptr);
        }
    }

    SECTION("places in several communes, inside the territory map") {
        CHECK(c.places.size() >= 6u);
        std::set<std::string> communes;
        for (const auto& p : c.places) communes.insert(p.commune);
        CHECK(communes.size() >= 4u);
        REQUIRE(c.territory.has_value());
        const core::GeoBounds& b = c.territory->bounds;
        CHECK(b.north > b.south);
        CHECK(b.east > b.west);
        CHECK(c.territory->image.has_value());
        for (const auto& p : c.places) {
            INFO(p.id << " at " << p.coordinates->lat << ", " << p.coordinates->lon);
            REQUIRE(p.coordinates);
            CHECK(p.coordinates->lat <= b.north);
            CHECK(p.coordinates->lat >= b.south);
            CHECK(p.coordinates->lon >= b.west);
            CHECK(p.coordinates->lon <= b.east);
        }
    }

    SECTION("a showroom with pictures and at least one floor plan") {
        CHECK(c.demos.size() >= 12u);
        for (const auto& d : c.demos) {
            INFO(d.id);
            CHECK(d.gallery.size() >= 1u);
        }
        CHECK(c.floorPlans.size() >= 1u);
        for (const auto& plan : c.floorPlans) {
            INFO(plan.id);
            CHECK(c.findPlace(plan.placeId) != nullptr);
            CHECK_FALSE(plan.rooms.empty());
        }
    }

    SECTION("offsets follow the change to winter time on 31 October") {
        for (const auto& s : c.sessions) {
            INFO(s.id << " starts " << core::formatIsoLocal(s.start.instant, c.timeZone));
            const core::CivilDate day = c.timeZone.toLocal(s.start.instant).date;
            const int expected = day >= core::CivilDate{2027, 10, 31} ? 60 : 120;
            CHECK(s.start.offsetMinutes == expected);
            CHECK(c.timeZone.toLocal(s.start.instant).offsetMinutes == expected);
            // The offset written for the end is the zone's offset at that instant.
            CHECK(s.end.offsetMinutes == c.timeZone.toLocal(s.end.instant).offsetMinutes);
        }
        CHECK_FALSE(core::sessionsOnDay(c, {2027, 10, 31}).empty());
    }
}
