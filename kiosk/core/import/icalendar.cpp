// iCalendar (RFC 5545) importer on libical: folded lines and escapes are libical's;
// TZID resolved with the file's VTIMEZONE (else the tz database); RRULE expanded.
#include <libical/ical.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "core/import/common.hpp"

namespace kiosk::core::import {
namespace {
using namespace detail;

constexpr int kMaxOccurrences = 500;

struct Reader {
    const ImportOptions& options;
    const TimeZone& tz;
    Imported& out;

    // An instant from an iCalendar time: zoned (VTIMEZONE or UTC) by libical, a TZID
    // libical could not resolve by the tz database, floating in the event's zone.
    std::optional<Instant> instantOf(const icaltimetype& t, icalproperty* prop) const {
        if (icaltime_is_null_time(t)) return std::nullopt;
        if (t.is_date)
            return tz.fromLocal(CivilDate{t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)}, 0, 0);
        if (icaltime_is_utc(t) || t.zone) {
            return Instant{std::chrono::seconds(
                icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone()))};
        }
        const TimeZone* zone = &tz;
        std::optional<TimeZone> named;
        if (prop) {
            if (icalparameter* p = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER)) {
                if (auto z = TimeZone::locate(icalparameter_get_tzid(p))) {
                    named = z.value();
                    zone = &*named;
                }
            }
        }
        return zone->fromLocal(CivilDate{t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)}, t.hour,
                               t.minute, t.second);
    }

    std::string where(icalcomponent* ev) const {
        const char* uid = icalcomponent_get_uid(ev);
        return std::string("VEVENT ") + (uid ? std::string("UID ") + uid : std::string("without UID"));
    }

    void reportParseErrors(icalcomponent* ev) {
        // where() reads the UID, which moves the component's one property iterator: called
        // inside the loop, an error after the UID was found again forever (fuzz_import_icalendar).
        const std::string path = where(ev);
        for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY); p;
             p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
            out.diagnostics.add(
                Severity::Warning, options.sourceName, path,
                std::string("a line could not be read and was ignored: ") + icalproperty_get_xlicerror(p));
        }
    }

    Session base(icalcomponent* ev) {
        Session s;
        if (const char* v = icalcomponent_get_summary(ev)) s.title.set("fr", trim(v));
        if (const char* v = icalcomponent_get_description(ev)) {
            const std::string text = plainText(v);
            if (!text.empty()) s.description.set("fr", text);
        }
        std::string words;
        for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
             p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
            if (const char* c = icalproperty_get_categories(p)) words += std::string(c) + " ";
        }
        s.type = typeFromWords(words).value_or(typeFromWords(s.title.str(Lang::Fr)).value_or(SessionType::Other));
        if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) {
            s.status = SessionStatus::Cancelled;
            s.statusNote.set("fr", "Annulé");
            s.statusNote.set("en", "Cancelled");
        }
        if (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY)) {
            if (const char* u = icalproperty_get_url(p)) s.registration.url = u;
        }
        if (!trim(options.venue).empty()) {  // LOCATION is a room of the one venue
            const char* loc = icalcomponent_get_location(ev);
            if (loc && !trim(loc).empty()) s.roomName = trim(loc);
            s.placeId = venuePlace();
        } else {
            s.placeId = placeOf(ev);
        }
        return s;
    }

    std::string venuePlace() {
        const std::string name = trim(options.venue);
        const std::string id = sourceId("lieu", name);
        for (const Place& q : out.places) {
            if (q.id == id) return id;
        }
        Place p;
        p.id = id;
        p.name.set("fr", name);
        out.places.push_back(p);
        return id;
    }

    std::string placeOf(icalcomponent* ev) {
        const char* loc = icalcomponent_get_location(ev);
        const std::string name = loc && *trim(loc).c_str() ? trim(loc) : std::string("Lieu à préciser");
        Place p;
        p.id = sourceId("lieu", name);
        p.name.set("fr", name);
        if (icalproperty* g = icalcomponent_get_first_property(ev, ICAL_GEO_PROPERTY)) {
            const icalgeotype geo = icalproperty_get_geo(g);
            p.coordinates = GeoPoint{geo.lat, geo.lon};
        }
        for (Place& q : out.places) {
            if (q.id != p.id) continue;
            if (!q.coordinates) q.coordinates = p.coordinates;
            return p.id;
        }
        out.places.push_back(p);
        return p.id;
    }

    std::string occurrenceId(const std::string& uid, Instant start) const {
        const LocalTime lt = tz.toLocal(start);
        char when[64];
        std::snprintf(when, sizeof when, "%04d%02u%02ut%02d%02d", lt.date.year, lt.date.month, lt.date.day, lt.hour,
                      lt.minute);
        return sourceId("ics", uid + "-" + when);
    }

    bool inWindow(Instant start) const {
        const CivilDate day = tz.toLocal(start).date;
        if (options.firstDay && day < *options.firstDay) return false;
        if (options.lastDay && day > *options.lastDay) return false;
        return true;
    }

    void add(Session s, Instant start, std::chrono::seconds length) {
        s.start = inZone(start, tz);
        s.end = inZone(start + length, tz);
        out.sessions.push_back(std::move(s));
    }

    void read(icalcomponent* ev, const std::set<std::pair<std::string, Instant>>& overridden) {
        reportParseErrors(ev);
        const char* uidText = icalcomponent_get_uid(ev);
        const std::string uid = uidText ? uidText : "";
        icalproperty* dtstartProp = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
        const auto start = instantOf(icalcomponent_get_dtstart(ev), dtstartProp);
        Session s = base(ev);
        if (uid.empty() || s.title.empty() || !start) {
            out.diagnostics.add(Severity::ItemError, options.sourceName, where(ev),
                                "expected UID, SUMMARY and DTSTART; event skipped");
            return;
        }
        // DURATION is exact time (RFC 5545 3.3.6): added to the instant, not to the wall clock
        std::optional<Instant> end;
        if (icalproperty* dur = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY)) {
            end = *start + std::chrono::seconds(icaldurationtype_as_int(icalproperty_get_duration(dur)));
        } else {
            end = instantOf(icalcomponent_get_dtend(ev), icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY));
        }
        if (!end || *end <= *start) end = *start + std::chrono::hours(1);
        const std::chrono::seconds length = *end - *start;

        if (icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
            const auto when = instantOf(icalproperty_get_recurrenceid(rid), rid);  // one changed occurrence
            s.id = occurrenceId(uid, when.value_or(*start));
            if (s.status != SessionStatus::Cancelled) s.status = SessionStatus::Changed;
            add(std::move(s), *start, length);
            return;
        }
        icalproperty* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
        if (!rrule) {
            s.id = sourceId("ics", uid);
            add(std::move(s), *start, length);
            return;
        }
        std::set<Instant> excluded;
        for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p;
             p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
            if (auto t = instantOf(icalproperty_get_exdate(p), p)) excluded.insert(*t);
        }
        const icaltimetype dtstart = icalcomponent_get_dtstart(ev);
        std::unique_ptr<icalrecur_iterator, void (*)(icalrecur_iterator*)> it(
            icalrecur_iterator_new(icalproperty_get_rrule(rrule), dtstart), icalrecur_iterator_free);
        if (!it) {
            out.diagnostics.add(Severity::ItemError, options.sourceName, where(ev) + " RRULE",
                                "a recurrence rule that could not be read");
            return;
        }
        int count = 0;
        for (icaltimetype t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
             t = icalrecur_iterator_next(it.get())) {
            const auto when = instantOf(t, dtstartProp);
            if (!when) break;
            if (options.lastDay && tz.toLocal(*when).date > *options.lastDay) break;
            if (++count > kMaxOccurrences) {
                out.diagnostics.add(
                    Severity::Warning, options.sourceName, where(ev) + " RRULE",
                    "more than " + std::to_string(kMaxOccurrences) + " occurrences: only the first are imported");
                break;
            }
            if (excluded.count(*when) || overridden.count({uid, *when}) || !inWindow(*when)) continue;
            Session occ = s;
            occ.id = occurrenceId(uid, *when);
            add(std::move(occ), *when, length);
        }
    }
};

}  // namespace

Imported importICalendar(std::string_view bytes, const ImportOptions& options) {
    Imported out;
    auto tz = TimeZone::locate(options.timeZone);
    if (!tz) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "", tz.error());
        return out;
    }
    static std::once_flag quiet;
    std::call_once(quiet, [] { icalerror_set_errors_are_fatal(0); });  // libical aborts on errors by default
    const std::string text(bytes);                                     // libical wants a terminated string
    std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalparser_parse_string(text.c_str()),
                                                                 icalcomponent_free);
    if (!cal || icalcomponent_isa(cal.get()) != ICAL_VCALENDAR_COMPONENT) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "",
                            "expected an iCalendar file starting with BEGIN:VCALENDAR");
        return out;
    }
    for (icalproperty* p = icalcomponent_get_first_property(cal.get(), ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(cal.get(), ICAL_X_PROPERTY)) {
        const char* name = icalproperty_get_x_name(p);
        const char* value = icalproperty_get_x(p);
        if (name && value && std::string(name) == "X-WR-CALNAME") out.eventName.set("fr", trim(value));
    }
    Reader reader{options, tz.value(), out};
    std::set<std::pair<std::string, Instant>> overridden;  // occurrences a RECURRENCE-ID event replaces
    for (icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
        icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
        const char* uid = icalcomponent_get_uid(ev);
        if (rid && uid) {
            if (auto t = reader.instantOf(icalproperty_get_recurrenceid(rid), rid)) overridden.insert({uid, *t});
        }
    }
    for (icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
        reader.read(ev, overridden);
    }
    detail::noteDays(out, tz.value());
    return out;
}

}  // namespace kiosk::core::import
