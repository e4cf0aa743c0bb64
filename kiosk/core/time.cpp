// ISO 8601 parsing and time-zone conversion on top of date/tz (see time.hpp).
#include "core/time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>
#include <exception>
#include <sstream>

namespace kiosk::core {
namespace {

bool parsedWholeInput(std::istringstream& in) {
    if (in.fail()) return false;
    in.peek();
    return in.eof();
}

template <class Duration>
bool tryParse(const std::string& text, const char* format, date::sys_time<Duration>& out,
              std::chrono::minutes& offset) {
    std::istringstream in(text);
    in >> date::parse(format, out, offset);
    return parsedWholeInput(in);
}

date::year_month_day toYmd(const CivilDate& d) { return date::year{d.year} / date::month{d.month} / date::day{d.day}; }
CivilDate fromYmd(const date::year_month_day& ymd) {
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

std::string offsetText(int minutes) {
    char buf[24];
    const int a = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

}  // namespace

std::optional<DateTime> parseDateTimeWithOffset(std::string_view view) {
    std::string text(view);
    if (text.size() < 16 || text.size() > 40) return std::nullopt;
    if (text.back() == 'Z') text.replace(text.size() - 1, 1, "+00:00");
    // date::parse applies the offset: out is UTC.
    date::sys_seconds t;
    std::chrono::minutes offset{0};
    if (!tryParse(text, "%Y-%m-%dT%H:%M:%S%Ez", t, offset) && !tryParse(text, "%Y-%m-%dT%H:%M%Ez", t, offset)) {
        return std::nullopt;
    }
    if (offset.count() < -14 * 60 || offset.count() > 14 * 60) return std::nullopt;
    return DateTime{t, static_cast<int>(offset.count())};
}

std::optional<CivilDate> parseDate(std::string_view view) {
    std::istringstream in{std::string(view)};
    date::year_month_day ymd{};
    in >> date::parse("%Y-%m-%d", ymd);
    if (view.size() != 10 || !parsedWholeInput(in) || !ymd.ok()) return std::nullopt;
    return fromYmd(ymd);
}

std::string formatDate(const CivilDate& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
}

CivilDate addDays(const CivilDate& d, int days) {
    return fromYmd(date::year_month_day{date::sys_days{toYmd(d)} + date::days{days}});
}

int daysBetween(const CivilDate& from, const CivilDate& to) {
    return static_cast<int>((date::sys_days{toYmd(to)} - date::sys_days{toYmd(from)}).count());
}

Result<TimeZone> TimeZone::locate(const std::string& name) {
    try {
        TimeZone tz;
        tz.zone_ = date::locate_zone(name);
        tz.name_ = name;
        return tz;
    } catch (const std::exception& e) {
        return fail("unknown time zone \"" + name + "\" (is the tzdata package installed?): " + e.what());
    }
}

LocalTime TimeZone::toLocal(Instant t) const {
    const auto info = zone_->get_info(t);
    const auto local = date::local_seconds{t.time_since_epoch() + info.offset};
    const auto day = date::floor<date::days>(local);
    const date::hh_mm_ss hms{local - day};
    LocalTime out;
    out.date = fromYmd(date::year_month_day{day});
    out.hour = static_cast<int>(hms.hours().count());
    out.minute = static_cast<int>(hms.minutes().count());
    out.second = static_cast<int>(hms.seconds().count());
    out.weekday = date::weekday{day}.c_encoding();
    out.offsetMinutes = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
    return out;
}

Instant TimeZone::fromLocal(const CivilDate& d, int hour, int minute, int second) const {
    const auto local = date::local_days{toYmd(d)} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
                       std::chrono::seconds{second};
    const auto info = zone_->get_info(local);
    switch (info.result) {
        case date::local_info::unique:
        case date::local_info::ambiguous:  // first.offset is the earlier (summer) offset
            return Instant{local.time_since_epoch() - info.first.offset};
        case date::local_info::nonexistent:  // skipped hour: shift forward by the gap
            return Instant{local.time_since_epoch() - info.first.offset};
    }
    return Instant{local.time_since_epoch() - info.first.offset};
}

Result<Instant> parseNowOption(std::string_view view, const TimeZone& tz) {
    if (auto dt = parseDateTimeWithOffset(view)) return dt->instant;
    std::string text(view);
    const std::string withOffset = text + "+00:00";  // reuse the strict parser for wall time
    if (auto wall = parseDateTimeWithOffset(withOffset)) {
        const auto day = date::floor<date::days>(wall->instant);
        const date::hh_mm_ss hms{wall->instant - day};
        return tz.fromLocal(fromYmd(date::year_month_day{day}), static_cast<int>(hms.hours().count()),
                            static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    }
    if (auto d = parseDate(text)) return tz.fromLocal(*d, 9, 0);
    return fail("expected a date-time like 2027-10-20T14:30 (in " + tz.name() +
                "), 2027-10-20T14:30+02:00 or a date like 2027-10-20, got \"" + text + "\"");
}

std::string formatIsoUtc(Instant t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

std::string formatIsoLocal(Instant t, const TimeZone& tz) {
    const LocalTime l = tz.toLocal(t);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", formatDate(l.date).c_str(), l.hour, l.minute, l.second);
    return buf + offsetText(l.offsetMinutes);
}

}  // namespace kiosk::core
