// ISO 8601 parsing, civil dates and the event's time zone, including both daylight
// saving changes of 2027 in Europe/Paris (28 March and 31 October).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "core/schedule.hpp"
#include "core/time.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

core::TimeZone paris() {
    auto tz = core::TimeZone::locate("Europe/Paris");
    REQUIRE(tz.ok());
    return tz.value();
}

// A UTC instant from its parts, independent of the parser under test.
core::Instant utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
    const auto day = std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{mo} / std::chrono::day{d}};
    return core::Instant{day + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s}};
}

}  // namespace

TEST_CASE("parseDateTimeWithOffset accepts date-times with an offset", "[time]") {
    SECTION("with seconds") {
        const auto dt = core::parseDateTimeWithOffset("2027-10-20T14:30:00+02:00");
        REQUIRE(dt.has_value());
        CHECK(dt->instant == utc(2027, 10, 20, 12, 30));
        CHECK(dt->offsetMinutes == 120);
    }
    SECTION("without seconds") {
        const auto dt = core::parseDateTimeWithOffset("2027-10-20T14:30+02:00");
        REQUIRE(dt.has_value());
        CHECK(dt->instant == utc(2027, 10, 20, 12, 30));
        CHECK(dt->offsetMinutes == 120);
    }
    SECTION("with Z") {
        const auto a = core::parseDateTimeWithOffset("2027-10-20T14:30:00Z");
        REQUIRE(a.has_value());
        CHECK(a->instant == utc(2027, 10, 20, 14, 30));
        CHECK(a->offsetMinutes == 0);
        const auto b = core::parseDateTimeWithOffset("2027-10-20T14:30Z");
        REQUIRE(b.has_value());
        CHECK(b->instant == utc(2027, 10, 20, 14, 30));
    }
    SECTION("with seconds that count") {
        const auto dt = core::parseDateTimeWithOffset("2027-10-20T14:30:45+02:00");
        REQUIRE(dt.has_value());
        CHECK(dt->instant == utc(2027, 10, 20, 12, 30, 45));
    }
    SECTION("with a negative or half-hour offset") {
        const auto west = core::parseDateTimeWithOffset("2027-10-20T09:00:00-04:00");
        REQUIRE(west.has_value());
        CHECK(west->instant == utc(2027, 10, 20, 13, 0));
        CHECK(west->offsetMinutes == -240);
        const auto india = core::parseDateTimeWithOffset("2027-10-20T18:00+05:30");
        REQUIRE(india.has_value());
        CHECK(india->instant == utc(2027, 10, 20, 12, 30));
        CHECK(india->offsetMinutes == 330);
    }
    SECTION("across midnight UTC") {
        const auto dt = core::parseDateTimeWithOffset("2027-10-21T01:30:00+02:00");
        REQUIRE(dt.has_value());
        CHECK(dt->instant == utc(2027, 10, 20, 23, 30));
    }
}

TEST_CASE("parseDateTimeWithOffset refuses what is not a date-time with offset", "[time]") {
    const std::string text = GENERATE(as<std::string>{},
                                      "14h30",                               // the documented example
                                      "2027-10-20T14:30",                    // no offset
                                      "2027-10-20T14:30:00",                 // no offset, with seconds
                                      "2027-10-20",                          // a date
                                      "2027-13-01T00:00+02:00",              // month 13
                                      "2027-10-32T00:00+02:00",              // day 32
                                      "2027-10-20T25:00+02:00",              // hour 25
                                      "2027-10-20T14:30:00+02:00 trailing",  // trailing garbage
                                      "2027-10-20T14:30:00+02:00Z",          // two offsets
                                      "2027-10-20T14:30+02:00x",             // trailing character
                                      " 2027-10-20T14:30+02:00",             // leading space
                                      "2027-10-20 14:30+02:00x",             // space and garbage
                                      "");
    INFO("\"" << text << "\"");
    CHECK_FALSE(core::parseDateTimeWithOffset(text).has_value());
}

TEST_CASE("parseDate reads YYYY-MM-DD and refuses impossible dates", "[time]") {
    const auto d = core::parseDate("2027-10-20");
    REQUIRE(d.has_value());
    CHECK(d->year == 2027);
    CHECK(d->month == 10u);
    CHECK(d->day == 20u);
    CHECK(core::parseDate("2028-02-29").has_value());  // leap year

    const std::string bad =
        GENERATE(as<std::string>{}, "2027-02-30", "2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-10-00",
                 "2027-10-20T10:00", "27-10-20", "2027-10-2", "", "2027-10-20x");
    INFO("\"" << bad << "\"");
    CHECK_FALSE(core::parseDate(bad).has_value());
}

TEST_CASE("civil date helpers format, add and count days", "[time]") {
    CHECK(core::formatDate({2027, 10, 20}) == "2027-10-20");
    CHECK(core::formatDate({2027, 1, 5}) == "2027-01-05");
    CHECK(core::addDays({2027, 10, 31}, 1) == core::CivilDate{2027, 11, 1});
    CHECK(core::addDays({2027, 3, 1}, -1) == core::CivilDate{2027, 2, 28});
    CHECK(core::addDays({2027, 12, 31}, 1) == core::CivilDate{2028, 1, 1});
    CHECK(core::daysBetween({2027, 10, 18}, {2027, 10, 31}) == 13);
    CHECK(core::daysBetween({2027, 10, 31}, {2027, 10, 18}) == -13);
    CHECK(core::CivilDate{2027, 10, 20} < core::CivilDate{2027, 11, 1});
}

TEST_CASE("TimeZone::locate knows Europe/Paris and refuses unknown names", "[time]") {
    auto tz = core::TimeZone::locate("Europe/Paris");
    REQUIRE(tz.ok());
    CHECK(tz.value().name() == "Europe/Paris");
    auto bad = core::TimeZone::locate("Europe/Atlantis");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("Europe/Atlantis") != std::string::npos);
}

TEST_CASE("toLocal in Europe/Paris across the October 2027 change", "[time][dst]") {
    const auto tz = paris();

    SECTION("summer time: UTC+2") {
        const auto l = tz.toLocal(utc(2027, 10, 20, 12, 30));
        CHECK(l.date == core::CivilDate{2027, 10, 20});
        CHECK(l.hour == 14);
        CHECK(l.minute == 30);
        CHECK(l.second == 0);
        CHECK(l.weekday == 3u);  // Wednesday
        CHECK(l.offsetMinutes == 120);
    }
    SECTION("00:30Z on 31 October is 02:30 summer time") {
        const auto l = tz.toLocal(utc(2027, 10, 31, 0, 30));
        CHECK(l.date == core::CivilDate{2027, 10, 31});
        CHECK(l.hour == 2);
        CHECK(l.minute == 30);
        CHECK(l.offsetMinutes == 120);
        CHECK(l.weekday == 0u);  // Sunday
    }
    SECTION("01:30Z on 31 October is 02:30 again, winter time") {
        const auto l = tz.toLocal(utc(2027, 10, 31, 1, 30));
        CHECK(l.date == core::CivilDate{2027, 10, 31});
        CHECK(l.hour == 2);
        CHECK(l.minute == 30);
        CHECK(l.offsetMinutes == 60);
    }
    SECTION("the change itself at 01:00Z") {
        CHECK(tz.toLocal(utc(2027, 10, 31, 0, 59, 59)).offsetMinutes == 120);
        CHECK(tz.toLocal(utc(2027, 10, 31, 1, 0)).offsetMinutes == 60);
        CHECK(tz.toLocal(utc(2027, 10, 31, 1, 0)).hour == 2);
    }
    SECTION("local date differs from the UTC date late in the evening") {
        const auto l = tz.toLocal(utc(2027, 10, 20, 22, 30));
        CHECK(l.date == core::CivilDate{2027, 10, 21});
        CHECK(l.hour == 0);
        CHECK(l.minute == 30);
    }
}

TEST_CASE("fromLocal picks the earlier instant in the repeated hour and moves past the skipped hour", "[time][dst]") {
    const auto tz = paris();
    SECTION("an ordinary time") {
        CHECK(tz.fromLocal({2027, 10, 20}, 14, 30) == utc(2027, 10, 20, 12, 30));
        CHECK(tz.fromLocal({2027, 12, 24}, 18, 0) == utc(2027, 12, 24, 17, 0));
        CHECK(tz.fromLocal({2027, 10, 20}, 14, 30, 15) == utc(2027, 10, 20, 12, 30, 15));
    }
    SECTION("31 October 02:30 happens twice: the first, summer-time one is chosen") {
        CHECK(tz.fromLocal({2027, 10, 31}, 2, 30) == utc(2027, 10, 31, 0, 30));
        CHECK(tz.fromLocal({2027, 10, 31}, 3, 0) == utc(2027, 10, 31, 2, 0));
        CHECK(tz.fromLocal({2027, 10, 31}, 1, 59) == utc(2027, 10, 30, 23, 59));
    }
    SECTION("28 March 02:30 does not exist: it is moved forward to 03:30 summer time") {
        const auto t = tz.fromLocal({2027, 3, 28}, 2, 30);
        CHECK(t == utc(2027, 3, 28, 1, 30));
        const auto l = tz.toLocal(t);
        CHECK(l.hour == 3);
        CHECK(l.minute == 30);
        CHECK(l.offsetMinutes == 120);
        CHECK(tz.fromLocal({2027, 3, 28}, 1, 59) == utc(2027, 3, 28, 0, 59));
        CHECK(tz.fromLocal({2027, 3, 28}, 3, 0) == utc(2027, 3, 28, 1, 0));
    }
    SECTION("round trip through toLocal on ordinary times") {
        for (int h = 0; h < 24; ++h) {
            const auto t = tz.fromLocal({2027, 10, 20}, h, 15);
            const auto l = tz.toLocal(t);
            CHECK(l.hour == h);
            CHECK(l.minute == 15);
            CHECK(l.date == core::CivilDate{2027, 10, 20});
        }
    }
}

TEST_CASE("a session across the October change lasts its real duration", "[time][dst]") {
    const auto start = core::parseDateTimeWithOffset("2027-10-30T23:00:00+02:00");
    const auto end = core::parseDateTimeWithOffset("2027-10-31T10:00:00+01:00");
    REQUIRE(start.has_value());
    REQUIRE(end.has_value());
    CHECK(end->instant - start->instant == std::chrono::hours(12));
    CHECK(start->offsetMinutes == 120);
    CHECK(end->offsetMinutes == 60);
    // The zone agrees with the offsets written in the feed.
    const auto tz = paris();
    CHECK(tz.toLocal(start->instant).offsetMinutes == start->offsetMinutes);
    CHECK(tz.toLocal(end->instant).offsetMinutes == end->offsetMinutes);
    CHECK(tz.toLocal(end->instant).hour == 10);
}

TEST_CASE("parseNowOption reads wall times in the event's zone", "[time]") {
    const auto tz = paris();
    SECTION("a summer wall time") {
        auto t = core::parseNowOption("2027-10-20T14:30", tz);
        REQUIRE(t.ok());
        CHECK(t.value() == utc(2027, 10, 20, 12, 30));
    }
    SECTION("a winter wall time after the change") {
        auto t = core::parseNowOption("2027-10-31T12:00", tz);
        REQUIRE(t.ok());
        CHECK(t.value() == utc(2027, 10, 31, 11, 0));
    }
    SECTION("with seconds") {
        auto t = core::parseNowOption("2027-10-20T14:30:20", tz);
        REQUIRE(t.ok());
        CHECK(t.value() == utc(2027, 10, 20, 12, 30, 20));
    }
    SECTION("with an explicit offset the offset wins") {
        auto t = core::parseNowOption("2027-10-20T14:30+00:00", tz);
        REQUIRE(t.ok());
        CHECK(t.value() == utc(2027, 10, 20, 14, 30));
        auto z = core::parseNowOption("2027-10-20T14:30:00Z", tz);
        REQUIRE(z.ok());
        CHECK(z.value() == utc(2027, 10, 20, 14, 30));
    }
    SECTION("a bare date means 09:00 that day") {
        auto t = core::parseNowOption("2027-10-20", tz);
        REQUIRE(t.ok());
        CHECK(t.value() == utc(2027, 10, 20, 7, 0));
        auto w = core::parseNowOption("2027-11-02", tz);
        REQUIRE(w.ok());
        CHECK(w.value() == utc(2027, 11, 2, 8, 0));
    }
    SECTION("anything else is an error naming the accepted forms") {
        const std::string bad = GENERATE(as<std::string>{}, "14h30", "tomorrow", "2027-10-20T14h30", "2027-02-30", "");
        auto t = core::parseNowOption(bad, tz);
        INFO("\"" << bad << "\"");
        REQUIRE_FALSE(t.ok());
        CHECK(t.error().find("2027-10-20T14:30") != std::string::npos);
    }
}

TEST_CASE("formatIsoUtc and formatIsoLocal write ISO 8601", "[time]") {
    const auto tz = paris();
    CHECK(core::formatIsoUtc(utc(2027, 10, 20, 12, 30)) == "2027-10-20T12:30:00Z");
    CHECK(core::formatIsoLocal(utc(2027, 10, 20, 12, 30), tz) == "2027-10-20T14:30:00+02:00");
    CHECK(core::formatIsoLocal(utc(2027, 10, 31, 1, 30), tz) == "2027-10-31T02:30:00+01:00");
    // What formatIsoLocal writes, parseDateTimeWithOffset reads back.
    const auto back = core::parseDateTimeWithOffset(core::formatIsoLocal(utc(2027, 10, 31, 0, 30), tz));
    REQUIRE(back.has_value());
    CHECK(back->instant == utc(2027, 10, 31, 0, 30));
    CHECK(back->offsetMinutes == 120);
}

TEST_CASE("a programme day runs from 04:00 to 04:00 local time", "[time][schedule]") {
    const auto tz = paris();
    const auto night = core::parseDateTimeWithOffset("2027-10-21T01:30:00+02:00");
    REQUIRE(night.has_value());
    CHECK(core::programmeDay(night->instant, tz) == core::CivilDate{2027, 10, 20});
    CHECK(core::programmeDay(tz.fromLocal({2027, 10, 21}, 3, 59), tz) == core::CivilDate{2027, 10, 20});
    CHECK(core::programmeDay(tz.fromLocal({2027, 10, 21}, 4, 0), tz) == core::CivilDate{2027, 10, 21});
    CHECK(core::programmeDay(tz.fromLocal({2027, 10, 20}, 23, 59), tz) == core::CivilDate{2027, 10, 20});
    // On the night of the change the repeated 02:30 is still the previous day's.
    CHECK(core::programmeDay(utc(2027, 10, 31, 1, 30), tz) == core::CivilDate{2027, 10, 30});
    CHECK(core::programmeDay(utc(2027, 10, 31, 3, 0), tz) == core::CivilDate{2027, 10, 31});  // 04:00 CET
}
