// Instants, ISO 8601 parsing and the event's IANA time zone (Howard Hinnant's date/tz
// reading the system tz database). All times in the model are UTC instants.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace date {
class time_zone;
}

namespace kiosk::core {

using Instant = std::chrono::sys_seconds;

// A date-time as written in a feed: the instant plus the offset it was written with.
struct DateTime {
    Instant instant{};
    int offsetMinutes = 0;
};

// "2027-10-20T14:30:00+02:00", "2027-10-20T14:30+02:00" or with "Z". No offset: nullopt.
std::optional<DateTime> parseDateTimeWithOffset(std::string_view text);

struct CivilDate {
    int year = 0;
    unsigned month = 0;  // 1..12
    unsigned day = 0;    // 1..31
    auto operator<=>(const CivilDate&) const = default;
};
// "2027-10-20"; rejects impossible dates such as 2027-02-30.
std::optional<CivilDate> parseDate(std::string_view text);
std::string formatDate(const CivilDate& d);  // "2027-10-20"
CivilDate addDays(const CivilDate& d, int days);
int daysBetween(const CivilDate& from, const CivilDate& to);

struct LocalTime {
    CivilDate date;
    int hour = 0, minute = 0, second = 0;
    unsigned weekday = 0;  // 0 = Sunday ... 6 = Saturday
    int offsetMinutes = 0;
};

class TimeZone {
public:
    // Error when the name is not in the system's tz database (package tzdata).
    static Result<TimeZone> locate(const std::string& name);

    const std::string& name() const { return name_; }
    LocalTime toLocal(Instant t) const;
    // Local wall time to an instant: in the repeated hour the earlier instant is
    // chosen, a time in the skipped hour is moved forward by the gap.
    Instant fromLocal(const CivilDate& d, int hour, int minute, int second = 0) const;

private:
    const date::time_zone* zone_ = nullptr;
    std::string name_;
};

// The --now option: "2027-10-20T14:30" (wall time in `tz`), with seconds, with an
// offset, or a bare date (09:00 that day). Error message names the accepted forms.
Result<Instant> parseNowOption(std::string_view text, const TimeZone& tz);

std::string formatIsoUtc(Instant t);                        // "2027-10-20T12:30:00Z"
std::string formatIsoLocal(Instant t, const TimeZone& tz);  // "2027-10-20T14:30:00+02:00"

}  // namespace kiosk::core
