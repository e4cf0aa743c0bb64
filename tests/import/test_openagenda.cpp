// OpenAgenda importer on an events export with a recurring workshop, a cancelled, an
// online and a night event across the end of summer time, null fields and "+0200".
#include "import_fixture.hpp"

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::importData;

namespace {
import::Imported load(){import::ImportOptions o;
o.sourceName = "openagenda-events.json";
return import::importOpenAgenda(importData("openagenda-events.json"), o);
}  // namespace
}  // namespace

TEST_CASE("OpenAgenda: one session per timing, each with its own stable id") {
    const auto in = load();
    int workshops = 0;
    for (const auto& s : in.sessions) workshops += s.title.str(Lang::Fr) == "Atelier robotique en famille";
    CHECK(workshops == 3);
    const Session* second = test::sessionById(in, "oa-48213371-20271020t1430");
    REQUIRE(second);
    CHECK(test::iso(second->start) == "2027-10-20T14:30:00+02:00");
    CHECK(second->start.offsetMinutes == 120);
    CHECK(second->type == SessionType::Workshop);
    CHECK(second->title.str(Lang::En) == "Family robotics workshop");
    CHECK(second->registration.required);
    CHECK(second->registration.url == "https://example.org/inscription/robot");
    CHECK(second->audience == (kFamilies | kYoungPeople));
    CHECK(second->access == (kStepFree | kInductionLoop));
    // Markdown to plain text, conditions appended; the null English text is absent
    CHECK(second->description.str(Lang::Fr).find("Construire un petit robot") == 0);
    CHECK(second->description.str(Lang::Fr).find("accompagnés") != std::string::npos);
    CHECK(second->description.str(Lang::Fr).find("Gratuit, sur inscription.") != std::string::npos);
    CHECK_FALSE(second->description.has("en"));
    CHECK(test::sessionById(in, "oa-48213371-20271020t1000"));
    CHECK(test::sessionById(in, "oa-48213371-20271022t1430"));
}

TEST_CASE("OpenAgenda: status 6 is cancelled, an online event is online with no place") {
    const auto in = load();
    const Session* cancelled = test::sessionById(in, "oa-48213372");
    REQUIRE(cancelled);
    CHECK(cancelled->status == SessionStatus::Cancelled);
    CHECK(cancelled->type == SessionType::Talk);
    CHECK(cancelled->access == 0);  // accessibility: null
    const Session* online = test::sessionById(in, "oa-48213373");
    REQUIRE(online);
    CHECK(online->online);
    CHECK(online->placeId.empty());
    CHECK(online->status == SessionStatus::Changed);  // 3: moved online
    CHECK(online->registration.url == "https://visio.example.org/musee");
    CHECK(online->access == kAudioDescription);
}

TEST_CASE("OpenAgenda: a location becomes a place with its coordinates, once") {
    const auto in = load();
    int count = 0;
    for (const auto& p : in.places) {
        if (p.id != "oa-lieu-7781") continue;
        ++count;
        CHECK(p.commune == "Volvic");
        CHECK(p.postcode == "63530");
        CHECK(p.coordinates->lat == Approx(45.8721));
        CHECK(p.name.str(Lang::Fr) == "Médiathèque des Sources");
    }
    CHECK(count == 1);
}

TEST_CASE("OpenAgenda: an event across the 31 October 2027 change keeps both offsets") {
    const auto in = load();
    const Session* night = test::sessionById(in, "oa-48213374");
    REQUIRE(night);
    CHECK(test::iso(night->start) == "2027-10-30T22:00:00+02:00");
    CHECK(test::iso(night->end) == "2027-10-31T02:30:00+01:00");
    CHECK(night->end.offsetMinutes == 60);
    CHECK(night->end.instant - night->start.instant == std::chrono::minutes(5 * 60 + 30));
}

TEST_CASE("OpenAgenda: an event without timing is reported by path, the paging cursor kept") {
    const auto in = load();
    CHECK(test::hasDiagnostic(in, "$.events[4] (uid ", "at least one timing"));  // named by OpenAgenda's uid too
    CHECK(test::hasDiagnostic(in, ").timings", "at least one timing"));
    CHECK_FALSE(in.diagnostics.hasFatal());
    REQUIRE(in.nextPage);
    CHECK(*in.nextPage == "1789000000,48213377");
    REQUIRE(in.firstDay);
    CHECK(formatDate(*in.firstDay) == "2027-10-20");
    CHECK(formatDate(*in.lastDay) == "2027-10-31");
}

TEST_CASE("OpenAgenda: the last API page has after null, and broken bytes are one fatal diagnostic") {
    import::ImportOptions o;
    const auto last = import::importOpenAgenda(R"({"total":0,"events":[],"after":null})", o);
    CHECK_FALSE(last.nextPage);
    CHECK(last.diagnostics.empty());
    const auto broken = import::importOpenAgenda("{\"events\": [", o);
    CHECK(broken.diagnostics.hasFatal());
    CHECK(broken.sessions.empty());
}
