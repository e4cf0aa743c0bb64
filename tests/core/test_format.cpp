// Dates and times as visitors read them, in French and English, without system locales.
#include <catch2/catch.hpp>

#include <string>

#include "core/format.hpp"
#include "core/localized_text.hpp"
#include "core/time.hpp"

using namespace kiosk;
using core::Lang;

namespace {

const std::string kNbsp = "\u00A0";
const std::string kEnDash = "\u2013";

core::TimeZone paris() {
    auto tz = core::TimeZone::locate("Europe/Paris");
    REQUIRE(tz.ok());
    return tz.value();
}

core::Instant instant(const char* iso) {
    const auto dt = core::parseDateTimeWithOffset(iso);
    REQUIRE(dt.has_value());
    return dt->instant;
}

}  // namespace

TEST_CASE("formatDayLong in French", "[format]") {
    CHECK(core::formatDayLong({2027, 10, 20}, Lang::Fr) == "mercredi 20 octobre");
    CHECK(core::formatDayLong({2027, 11, 1}, Lang::Fr) == "lundi 1er novembre");
    CHECK(core::formatDayLong({2027, 10, 31}, Lang::Fr) == "dimanche 31 octobre");
    CHECK(core::formatDayLong({2027, 10, 18}, Lang::Fr) == "lundi 18 octobre");
    CHECK(core::formatDayLong({2027, 8, 15}, Lang::Fr) == "dimanche 15 août");
    CHECK(core::formatDayLong({2027, 2, 2}, Lang::Fr) == "mardi 2 février");
    CHECK(core::formatDayLong({2027, 12, 1}, Lang::Fr) == "mercredi 1er décembre");
}

TEST_CASE("formatDayLong in English", "[format]") {
    CHECK(core::formatDayLong({2027, 10, 20}, Lang::En) == "Wednesday 20 October");
    CHECK(core::formatDayLong({2027, 11, 1}, Lang::En) == "Monday 1 November");
    CHECK(core::formatDayLong({2027, 10, 23}, Lang::En) == "Saturday 23 October");
}

TEST_CASE("formatDayShort keeps the day and number together", "[format]") {
    CHECK(core::formatDayShort({2027, 10, 20}, Lang::Fr) == "mer." + kNbsp + "20");
    CHECK(core::formatDayShort({2027, 10, 20}, Lang::En) == "Wed" + kNbsp + "20");
    CHECK(core::formatDayShort({2027, 10, 24}, Lang::Fr) == "dim." + kNbsp + "24");
}

TEST_CASE("formatTime writes French hours with non-breaking spaces and English on 24 hours", "[format]") {
    CHECK(core::formatTime(14, 30, Lang::Fr) == "14\u00A0h\u00A030");
    CHECK(core::formatTime(9, 0, Lang::Fr) == "9\u00A0h");
    CHECK(core::formatTime(9, 5, Lang::Fr) == "9\u00A0h\u00A005");
    CHECK(core::formatTime(0, 0, Lang::Fr) == "0\u00A0h");
    CHECK(core::formatTime(14, 30, Lang::En) == "14:30");
    CHECK(core::formatTime(9, 0, Lang::En) == "09:00");
    CHECK(core::formatTime(23, 5, Lang::En) == "23:05");
}

TEST_CASE("formatTime of an instant uses the zone's local time", "[format]") {
    const auto tz = paris();
    CHECK(core::formatTime(instant("2027-10-20T12:30:00Z"), tz, Lang::Fr) == "14\u00A0h\u00A030");
    CHECK(core::formatTime(instant("2027-10-20T12:30:00Z"), tz, Lang::En) == "14:30");
    CHECK(core::formatTime(instant("2027-11-02T12:30:00Z"), tz, Lang::En) == "13:30");
}

TEST_CASE("weekdayOf gives 0 for Sunday to 6 for Saturday", "[format]") {
    CHECK(core::weekdayOf({1970, 1, 1}) == 4u);    // Thursday
    CHECK(core::weekdayOf({1969, 12, 31}) == 3u);  // Wednesday, before the epoch
    CHECK(core::weekdayOf({1969, 12, 28}) == 0u);  // Sunday, before the epoch
    CHECK(core::weekdayOf({2000, 2, 29}) == 2u);   // Tuesday
    CHECK(core::weekdayOf({2027, 10, 20}) == 3u);  // Wednesday
    CHECK(core::weekdayOf({2027, 10, 31}) == 0u);  // Sunday
    CHECK(core::weekdayOf({2027, 11, 1}) == 1u);   // Monday
    CHECK(core::weekdayOf({2027, 3, 28}) == 0u);   // Sunday
    CHECK(core::weekdayOf({2028, 1, 1}) == 6u);    // Saturday
}

TEST_CASE("formatTimeRange on an ordinary evening", "[format]") {
    const auto tz = paris();
    const auto start = instant("2027-10-20T14:30:00+02:00");
    const auto end = instant("2027-10-20T16:00:00+02:00");
    CHECK(core::formatTimeRange(start, end, tz, Lang::Fr) ==
          "14" + kNbsp + "h" + kNbsp + "30" + kNbsp + kEnDash + " 16" + kNbsp + "h");
    CHECK(core::formatTimeRange(start, end, tz, Lang::En) == "14:30" + kNbsp + kEnDash + " 16:00");
}

TEST_CASE("formatTimeRange across the October daylight saving change shows local times", "[format][dst]") {
    const auto tz = paris();
    SECTION("a night from 23:00 summer time to 10:00 winter time") {
        const auto start = instant("2027-10-30T23:00:00+02:00");
        const auto end = instant("2027-10-31T10:00:00+01:00");
        CHECK(core::formatTimeRange(start, end, tz, Lang::Fr) ==
              "23" + kNbsp + "h" + kNbsp + kEnDash + " 10" + kNbsp + "h");
        CHECK(core::formatTimeRange(start, end, tz, Lang::En) == "23:00" + kNbsp + kEnDash + " 10:00");
    }
    SECTION("one real hour inside the repeated hour reads 02:30 to 02:30") {
        const auto start = instant("2027-10-31T02:30:00+02:00");
        const auto end = instant("2027-10-31T02:30:00+01:00");
        REQUIRE(end - start == std::chrono::hours(1));
        CHECK(core::formatTimeRange(start, end, tz, Lang::En) == "02:30" + kNbsp + kEnDash + " 02:30");
        CHECK(core::formatTimeRange(start, end, tz, Lang::Fr) ==
              "2" + kNbsp + "h" + kNbsp + "30" + kNbsp + kEnDash + " 2" + kNbsp + "h" + kNbsp + "30");
    }
    SECTION("written in UTC, shown in Paris time") {
        const auto start = instant("2027-10-31T00:00:00Z");  // 02:00 summer time
        const auto end = instant("2027-10-31T03:00:00Z");    // 04:00 winter time
        CHECK(core::formatTimeRange(start, end, tz, Lang::En) == "02:00" + kNbsp + kEnDash + " 04:00");
    }
}
