// Programme queries on a content model built in memory: days, sessions of a day, what is
// on now and next, and where the event stands.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/schedule.hpp"
#include "core/time.hpp"

using namespace kiosk;

namespace {

core::DateTime dt(const char* iso) {
    const auto d = core::parseDateTimeWithOffset(iso);
    REQUIRE(d.has_value());
    return *d;
}

core::Session session(const std::string& id, const char* start, const char* end,
                      core::SessionStatus status = core::SessionStatus::Scheduled) {
    core::Session s;
    s.id = id;
    s.title = core::LocalizedText(id);
    s.type = core::SessionType::Talk;
    s.start = dt(start);
    s.end = dt(end);
    s.status = status;
    s.placeId = "mairie";
    return s;
}

// Sessions in start order, as the loader leaves them.
core::Content programme() {
    core::Content c;
    c.event.id = "fete-test";
    c.event.startDate = {2027, 10, 18};
    c.event.endDate = {2027, 10, 31};
    auto tz = core::TimeZone::locate("Europe/Paris");
    REQUIRE(tz.ok());
    c.timeZone = tz.value();
    c.sessions = {
        session("ouverture", "2027-10-18T10:00:00+02:00", "2027-10-18T11:00:00+02:00"),
        session("matin-20", "2027-10-20T09:00:00+02:00", "2027-10-20T12:00:00+02:00"),
        session("annule-20", "2027-10-20T10:00:00+02:00", "2027-10-20T11:00:00+02:00", core::SessionStatus::Cancelled),
        session("atelier-20", "2027-10-20T10:30:00+02:00", "2027-10-20T11:30:00+02:00", core::SessionStatus::Changed),
        session("midi-20", "2027-10-20T12:00:00+02:00", "2027-10-20T13:00:00+02:00"),
        session("apres-midi-20", "2027-10-20T14:00:00+02:00", "2027-10-20T15:00:00+02:00"),
        session("annule-soir-20", "2027-10-20T18:00:00+02:00", "2027-10-20T19:00:00+02:00",
                core::SessionStatus::Cancelled),
        session("soiree-20", "2027-10-20T21:00:00+02:00", "2027-10-21T02:00:00+02:00"),
        session("nuit-20", "2027-10-21T01:00:00+02:00", "2027-10-21T03:00:00+02:00"),
        session("matin-21", "2027-10-21T09:30:00+02:00", "2027-10-21T10:30:00+02:00"),
        session("cloture", "2027-10-31T11:00:00+01:00", "2027-10-31T13:00:00+01:00"),
    };
    REQUIRE(std::is_sorted(c.sessions.begin(), c.sessions.end(),
                           [](const auto& a, const auto& b) { return a.start.instant < b.start.instant; }));
    return c;
}

std::vector<std::string> ids(const std::vector<const core::Session*>& list) {
    std::vector<std::string> out;
    for (const auto* s : list) out.push_back(s->id);
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("programmeDays lists each day with a session once, in order", "[schedule]") {
    const auto c = programme();
    const std::vector<core::CivilDate> expected = {{2027, 10, 18}, {2027, 10, 20}, {2027, 10, 21}, {2027, 10, 31}};
    CHECK(core::programmeDays(c) == expected);
    CHECK(core::programmeDays(core::Content{}).empty());
}

TEST_CASE("sessionsOnDay lists a day's sessions in start order, cancelled ones included", "[schedule]") {
    const auto c = programme();
    CHECK(ids(core::sessionsOnDay(c, {2027, 10, 20})) == Ids{"matin-20", "annule-20", "atelier-20", "midi-20",
                                                             "apres-midi-20", "annule-soir-20", "soiree-20",
                                                             "nuit-20"});
    CHECK(ids(core::sessionsOnDay(c, {2027, 10, 21})) == Ids{"matin-21"});
    CHECK(core::sessionsOnDay(c, {2027, 10, 19}).empty());
}

TEST_CASE("a session starting at 01:00 local belongs to the previous programme day", "[schedule]") {
    const auto c = programme();
    const core::Session* s = c.findSession("nuit-20");
    REQUIRE(s != nullptr);
    CHECK(c.timeZone.toLocal(s->start.instant).date == core::CivilDate{2027, 10, 21});
    CHECK(core::programmeDay(s->start.instant, c.timeZone) == core::CivilDate{2027, 10, 20});
    const auto day21 = ids(core::sessionsOnDay(c, {2027, 10, 21}));
    CHECK(std::find(day21.begin(), day21.end(), "nuit-20") == day21.end());
}

TEST_CASE("nowAndNext puts running sessions in now and later ones in next, without cancelled ones", "[schedule]") {
    const auto c = programme();

    SECTION("mid-morning on 20 October") {
        const auto r = core::nowAndNext(c, dt("2027-10-20T10:45:00+02:00").instant);
        // annule-20 runs 10:00-11:00 but is cancelled.
        CHECK(ids(r.now) == Ids{"matin-20", "atelier-20"});
        CHECK(ids(r.next) == Ids{"midi-20", "apres-midi-20", "soiree-20", "nuit-20", "matin-21", "cloture"});
    }
    SECTION("maxNext bounds the next list, soonest first") {
        const auto r = core::nowAndNext(c, dt("2027-10-20T10:45:00+02:00").instant, 2);
        CHECK(ids(r.next) == Ids{"midi-20", "apres-midi-20"});
        CHECK(r.now.size() == 2u);
        const auto none = core::nowAndNext(c, dt("2027-10-20T10:45:00+02:00").instant, 0);
        CHECK(none.next.empty());
    }
    SECTION("a session starting exactly now is running; one ending exactly now is not") {
        const auto r = core::nowAndNext(c, dt("2027-10-20T12:00:00+02:00").instant);
        CHECK(ids(r.now) == Ids{"midi-20"});
        CHECK(ids(r.next).front() == "apres-midi-20");
    }
    SECTION("a cancelled session is never next") {
        const auto r = core::nowAndNext(c, dt("2027-10-20T16:00:00+02:00").instant);
        CHECK(r.now.empty());
        CHECK(ids(r.next) == Ids{"soiree-20", "nuit-20", "matin-21", "cloture"});
    }
    SECTION("after midnight both evening sessions run") {
        const auto r = core::nowAndNext(c, dt("2027-10-21T01:30:00+02:00").instant);
        CHECK(ids(r.now) == Ids{"soiree-20", "nuit-20"});
        CHECK(ids(r.next) == Ids{"matin-21", "cloture"});
    }
    SECTION("after the last session nothing is on") {
        const auto r = core::nowAndNext(c, dt("2027-10-31T13:00:00+01:00").instant);
        CHECK(r.now.empty());
        CHECK(r.next.empty());
    }
}

TEST_CASE("isRunning and hasEnded", "[schedule]") {
    const auto c = programme();
    const core::Session& cancelled = *c.findSession("annule-20");
    const core::Session& morning = *c.findSession("matin-20");
    const auto t = dt("2027-10-20T10:30:00+02:00").instant;
    CHECK(core::isRunning(morning, t));
    CHECK_FALSE(core::isRunning(cancelled, t));
    CHECK_FALSE(core::hasEnded(morning, t));
    CHECK(core::hasEnded(morning, morning.end.instant));
    CHECK_FALSE(core::isRunning(morning, morning.end.instant));
}

TEST_CASE("eventPhase and daysUntilStart follow programme days in the event's zone", "[schedule]") {
    const auto c = programme();
    const auto at = [](const char* iso) { return dt(iso).instant; };

    CHECK(core::eventPhase(c, at("2027-10-01T12:00:00+02:00")) == core::EventPhase::Before);
    CHECK(core::daysUntilStart(c, at("2027-10-01T12:00:00+02:00")) == 17);
    CHECK(core::eventPhase(c, at("2027-10-17T23:30:00+02:00")) == core::EventPhase::Before);
    CHECK(core::daysUntilStart(c, at("2027-10-17T23:30:00+02:00")) == 1);
    // 03:00 on the first day still belongs to the day before.
    CHECK(core::eventPhase(c, at("2027-10-18T03:00:00+02:00")) == core::EventPhase::Before);
    CHECK(core::daysUntilStart(c, at("2027-10-18T03:00:00+02:00")) == 1);
    CHECK(core::eventPhase(c, at("2027-10-18T09:00:00+02:00")) == core::EventPhase::During);
    CHECK(core::daysUntilStart(c, at("2027-10-18T09:00:00+02:00")) == 0);
    CHECK(core::eventPhase(c, at("2027-10-25T12:00:00+02:00")) == core::EventPhase::During);
    CHECK(core::daysUntilStart(c, at("2027-10-25T12:00:00+02:00")) == -7);
    // The last evening runs on past midnight.
    CHECK(core::eventPhase(c, at("2027-11-01T03:30:00+01:00")) == core::EventPhase::During);
    CHECK(core::eventPhase(c, at("2027-11-01T04:00:00+01:00")) == core::EventPhase::After);
    CHECK(core::eventPhase(c, at("2027-12-01T12:00:00+01:00")) == core::EventPhase::After);
}
