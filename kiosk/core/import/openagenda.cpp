// OpenAgenda importer: the portal's events.json export and API v2 answers
// ({ total, events, after }). One session per timing; the event's location becomes a place.
#include <nlohmann/json.hpp>

#include "core/import/common.hpp"

namespace kiosk::core::import {
namespace {
using nlohmann::json;
using namespace detail;

// A language map {"fr": ..., "en": ...} (values may be null) or a plain string.
LocalizedText languageMap(const json& j, bool plain = false) {
    LocalizedText t;
    if (j.is_string()) {
        if (!trim(j.get<std::string>()).empty())
            t.set("fr", plain ? plainText(j.get<std::string>()) : trim(j.get<std::string>()));
    } else if (j.is_object()) {
        for (const auto& [lang, value] : j.items()) {
            if (!value.is_string() || lang.size() > 8) continue;
            std::string v = plain ? plainText(value.get<std::string>()) : trim(value.get<std::string>());
            if (!v.empty()) t.set(lang, std::move(v));
        }
    }
    return t;
}

const json& field(const json& j, const char* key) {
    static const json null;
    if (!j.is_object()) return null;
    auto it = j.find(key);
    return it == j.end() ? null : *it;
}

std::string str(const json& j) {
    if (j.is_string()) return trim(j.get<std::string>());
    if (j.is_number_integer()) return std::to_string(j.get<long long>());
    if (j.is_number()) return std::to_string(j.get<double>());
    return "";
}

// The OpenAgenda accessibility flags, mapped to what the kiosk shows. "ii"
// (intellectual) has no counterpart in the kiosk's access list: the easy-read text is.
AccessSet accessFlags(const json& a) {
    AccessSet set = 0;
    if (!a.is_object()) return set;
    auto on = [&](const char* k) { return field(a, k).is_boolean() && field(a, k).get<bool>(); };
    if (on("mi")) set |= kStepFree;
    if (on("hi")) set |= kInductionLoop;
    if (on("vi")) set |= kAudioDescription;
    if (on("pi")) set |= kQuietRoom;
    return set;
}

std::string placeIdFor(const json& loc) {
    const std::string uid = str(field(loc, "uid"));
    if (!uid.empty()) return sourceId("oa-lieu", uid);
    return slugId(str(field(loc, "name")) + " " + str(field(loc, "city")));
}

std::optional<Place> readLocation(const json& loc) {
    if (!loc.is_object()) return std::nullopt;
    Place p;
    p.id = placeIdFor(loc);
    if (p.id.empty()) return std::nullopt;
    p.name = languageMap(field(loc, "name"));
    p.address = str(field(loc, "address"));
    p.postcode = str(field(loc, "postalCode"));
    p.commune = str(field(loc, "city"));
    const json& lat = field(loc, "latitude");
    const json& lon = field(loc, "longitude");
    if (lat.is_number() && lon.is_number()) p.coordinates = GeoPoint{lat.get<double>(), lon.get<double>()};
    p.access = accessFlags(field(loc, "accessibility"));
    return p;
}

struct EventReader {
    const ImportOptions& options;
    const TimeZone& tz;
    Imported& out;

    void readTimings(const json& ev, const std::string& path, Session base, const std::string& uid) {
        const json& timings = field(ev, "timings");
        if (!timings.is_array() || timings.empty()) {
            out.diagnostics.add(Severity::ItemError, options.sourceName, path + ".timings",
                                "expected at least one timing {begin, end}; event skipped");
            return;
        }
        for (std::size_t i = 0; i < timings.size(); ++i) {
            const std::string tpath = path + ".timings[" + std::to_string(i) + "]";
            const auto begin = parseOffsetDateTime(str(field(timings[i], "begin")));
            const auto end = parseOffsetDateTime(str(field(timings[i], "end")));
            if (!begin || !end || end->instant <= begin->instant) {
                out.diagnostics.add(Severity::ItemError, options.sourceName, tpath,
                                    "expected begin and end date-times with offset, end after begin; timing skipped");
                continue;
            }
            Session s = base;
            s.start = inZone(begin->instant, tz);
            s.end = inZone(end->instant, tz);
            if (timings.size() > 1) {  // one id per timing: uid + the timing's local begin
                const LocalTime lt = tz.toLocal(begin->instant);
                char when[64];
                std::snprintf(when, sizeof when, "%04d%02u%02ut%02d%02d", lt.date.year, lt.date.month, lt.date.day,
                              lt.hour, lt.minute);
                s.id = sourceId("oa", uid + "-" + when);
            }
            out.sessions.push_back(std::move(s));
        }
    }

    void statusOf(const json& ev, Session& s) {
        const json& status = field(ev, "status");
        const int code = status.is_number_integer() ? status.get<int>() : 1;
        struct Note {
            int code;
            SessionStatus status;
            const char *fr, *en;
        };
        static const Note notes[] = {
            {2, SessionStatus::Changed, "Nouvel horaire", "Rescheduled"},
            {3, SessionStatus::Changed, "Se tient en ligne", "Moved online"},
            {4, SessionStatus::Changed, "Reporté", "Postponed"},
            {5, SessionStatus::Scheduled, "Complet", "Fully booked"},
            {6, SessionStatus::Cancelled, "Annulé", "Cancelled"},
        };
        for (const Note& n : notes) {
            if (n.code != code) continue;
            s.status = n.status;
            s.statusNote.set("fr", n.fr);
            s.statusNote.set("en", n.en);
        }
    }

    void registrationOf(const json& ev, Session& s) {
        const json& regs = field(ev, "registration");
        if (regs.is_array()) {
            for (const json& r : regs) {
                const std::string type = str(field(r, "type"));
                const std::string value = str(field(r, "value"));
                if (value.empty()) continue;
                s.registration.required = true;
                if (!s.registration.url.empty()) continue;
                if (type == "email")
                    s.registration.url = "mailto:" + value;
                else if (type == "phone")
                    s.registration.url = "tel:" + value;
                else
                    s.registration.url = value;
            }
        }
        const std::string online = str(field(ev, "onlineAccessLink"));
        if (s.registration.url.empty() && !online.empty()) s.registration.url = online;
    }

    void read(const json& ev, const std::string& index) {
        const std::string uid = str(field(ev, "uid"));
        // named by the source's own id, as OpenAgenda shows it, with its place in the file
        const std::string path = uid.empty() ? index : index + " (uid " + uid + ")";
        Session s;
        s.title = languageMap(field(ev, "title"));
        if (uid.empty() || s.title.empty()) {
            out.diagnostics.add(Severity::ItemError, options.sourceName, path,
                                "expected an event with \"uid\" and \"title\"; event skipped");
            return;
        }
        s.id = sourceId("oa", uid);
        LocalizedText longText = languageMap(field(ev, "longDescription"), true);
        s.description = longText.empty() ? languageMap(field(ev, "description"), true) : longText;
        const LocalizedText conditions = languageMap(field(ev, "conditions"));
        if (!conditions.empty()) {
            for (const auto& [lang, text] : conditions.all()) {
                const auto it = s.description.all().find(lang);
                const std::string before = it == s.description.all().end() ? "" : it->second + "\n\n";
                s.description.set(lang, before + text);
            }
        }
        if (s.title.has("fr"))
            s.language = "fr";
        else if (!s.title.all().empty())
            s.language = s.title.all().begin()->first;
        std::string words;
        const json& kw = field(ev, "keywords");
        if (kw.is_object()) {
            for (const auto& [lang, list] : kw.items()) {
                if (!list.is_array()) continue;
                for (const json& k : list) words += str(k) + " ";
            }
        }
        s.type = typeFromWords(words).value_or(typeFromWords(s.title.str(Lang::Fr)).value_or(SessionType::Other));
        statusOf(ev, s);
        registrationOf(ev, s);
        s.access = accessFlags(field(ev, "accessibility"));
        const json& age = field(ev, "age");
        const json& maxAge = field(age, "max");
        if (maxAge.is_number() && maxAge.get<double>() < 18) s.audience = kFamilies | kYoungPeople;

        // attendanceMode 1 on site, 2 online, 3 both: online is a way to follow, not a place
        const json& mode = field(ev, "attendanceMode");
        const int attendance = mode.is_number_integer() ? mode.get<int>() : 1;
        const bool hasLocation = field(ev, "location").is_object();
        s.online = attendance == 2 || attendance == 3 || !hasLocation;
        if (attendance != 2 && hasLocation) {
            std::optional<Place> place = readLocation(field(ev, "location"));
            if (!place) {
                out.diagnostics.add(Severity::ItemError, options.sourceName, path + ".location",
                                    "expected a location with a uid or a name; event skipped");
                return;
            }
            s.placeId = place->id;
            addPlace(std::move(*place));
        }
        readTimings(ev, path, std::move(s), uid);
    }

    void addPlace(Place p) {
        for (const Place& q : out.places) {
            if (q.id == p.id) return;
        }
        out.places.push_back(std::move(p));
    }
};

}  // namespace

Imported importOpenAgenda(std::string_view bytes, const ImportOptions& options) {
    Imported out;
    auto tz = TimeZone::locate(options.timeZone);
    if (!tz) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "", tz.error());
        return out;
    }
    auto parsed = parseJsonChecked(bytes, importJsonOptions());
    if (!parsed) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, "",
                            parsed.error() + ": is it an OpenAgenda events export?");
        return out;
    }
    json doc = std::move(parsed).value();
    const json* events = &doc;
    std::string base = "$";
    if (doc.is_object()) {
        events = &field(doc, "events");
        base = "$.events";
        const json& after = field(doc, "after");
        if (after.is_array() && !after.empty()) {
            std::string cursor;
            for (const json& a : after) cursor += (cursor.empty() ? "" : ",") + str(a);
            out.nextPage = cursor;
        } else if (!after.is_null() && !str(after).empty()) {
            out.nextPage = str(after);
        }
    }
    if (!events->is_array()) {
        out.diagnostics.add(Severity::Fatal, options.sourceName, base,
                            "expected a list of events (an OpenAgenda export, or an API answer with \"events\")");
        return out;
    }
    EventReader reader{options, tz.value(), out};
    for (std::size_t i = 0; i < events->size(); ++i) {
        reader.read((*events)[i], base + "[" + std::to_string(i) + "]");
    }
    detail::noteDays(out, tz.value());
    return out;
}

}  // namespace kiosk::core::import
