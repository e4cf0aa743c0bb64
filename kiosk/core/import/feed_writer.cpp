// Model items to feed JSON and the merge by stable id (see feed_writer.hpp).
#include "core/import/feed_writer.hpp"

#include <algorithm>
#include <map>

#include "core/files.hpp"
#include "core/import/common.hpp"

namespace kiosk::core::import {
namespace fs = std::filesystem;

namespace {

void putText(Json& j, const char* key, const LocalizedText& t) {
    if (t.empty()) return;
    Json m = Json::object();
    for (const auto& [lang, text] : t.all()) m[lang] = text;
    j[key] = std::move(m);
}

Json accessList(AccessSet set) {
    Json a = Json::array();
    for (AccessFeature f : kAllAccessFeatures) {
        if (set & f) a.push_back(accessKey(f));
    }
    return a;
}

const char* statusKey(SessionStatus s) {
    return s == SessionStatus::Cancelled ? "cancelled" : s == SessionStatus::Changed ? "changed" : "scheduled";
}

// Lists a person edits as sets: an import adds what the source says, never removes.
bool isUnionList(const std::string& key) { return key == "access" || key == "audience"; }

void mergeValue(Json& into, const Json& from) {
    for (auto it = from.begin(); it != from.end(); ++it) {
        const std::string& key = it.key();
        auto existing = into.find(key);
        if (existing == into.end()) {
            into[key] = *it;
        } else if (existing->is_object() && it->is_object()) {
            mergeValue(*existing, *it);  // texts per language, registration per field
        } else if (existing->is_array() && it->is_array() && isUnionList(key)) {
            for (const Json& v : *it) {
                if (std::find(existing->begin(), existing->end(), v) == existing->end()) existing->push_back(v);
            }
        } else if (key == "type" && *it == "other") {
            // a guess: the type staff chose stays
        } else {
            *existing = *it;
        }
    }
}

Result<Json> readDocument(const fs::path& path, const char* listKey) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return Json{{listKey, Json::array()}};
    auto text = readFile(path, 4u << 20);
    if (!text) return fail(text.error());
    Json doc = Json::parse(text.value(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return fail(path.filename().string() +
                    " is not valid JSON: fix it (kiosk-feed validate shows where) and import again");
    }
    if (!doc.contains(listKey)) doc[listKey] = Json::array();
    if (!doc[listKey].is_array()) return fail(path.filename().string() + ": \"" + listKey + "\" is not a list");
    return doc;
}

std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

}  // namespace

Json sessionJson(const Session& s) {
    Json j;
    j["id"] = s.id;
    putText(j, "title", s.title);
    putText(j, "subtitle", s.subtitle);
    j["type"] = sessionTypeKey(s.type);
    j["start"] = detail::formatWithOffset(s.start);
    j["end"] = detail::formatWithOffset(s.end);
    j["status"] = statusKey(s.status);
    putText(j, "status_note", s.statusNote);
    if (!s.placeId.empty()) j["place"] = s.placeId;
    if (!s.roomName.empty())
        j["room"] = s.roomName;  // a name: the loader puts it on the floor plan when it is there
    else if (!s.roomId.empty())
        j["room"] = s.roomId;
    if (s.online) j["online"] = true;
    if (s.audience != kGeneralPublic) {
        Json a = Json::array();
        for (AudienceFlag f : kAllAudiences) {
            if (s.audience & f) a.push_back(audienceKey(f));
        }
        j["audience"] = std::move(a);
    }
    if (!s.speakers.empty()) {
        Json list = Json::array();
        for (const Speaker& sp : s.speakers) {
            Json p{{"name", sp.name}};
            putText(p, "role", sp.role);
            list.push_back(std::move(p));
        }
        j["speakers"] = std::move(list);
    }
    putText(j, "description", s.description);
    putText(j, "easy_read", s.easyRead);
    if (s.access) j["access"] = accessList(s.access);
    if (s.registration.required || !s.registration.url.empty() || s.registration.capacity) {
        Json r = Json::object();
        if (s.registration.required) r["required"] = true;
        if (!s.registration.url.empty()) r["url"] = s.registration.url;
        if (s.registration.capacity) r["capacity"] = s.registration.capacity;
        j["registration"] = std::move(r);
    }
    if (s.language != "fr") j["language"] = s.language;
    return j;
}

Json placeJson(const Place& p) {
    Json j;
    j["id"] = p.id;
    putText(j, "name", p.name);
    putText(j, "short_name", p.shortName);
    if (!p.address.empty()) j["address"] = p.address;
    if (!p.postcode.empty()) j["postcode"] = p.postcode;
    if (!p.commune.empty()) j["commune"] = p.commune;
    if (p.coordinates) j["coordinates"] = {{"lat", p.coordinates->lat}, {"lon", p.coordinates->lon}};
    putText(j, "opening_hours", p.openingHours);
    if (p.access) j["access"] = accessList(p.access);
    putText(j, "access_note", p.accessNote);
    putText(j, "transport", p.transport);
    if (!p.floorPlanId.empty()) j["floor_plan"] = p.floorPlanId;
    return j;
}

Json demoJson(const Demo& d) {
    Json j;
    j["id"] = d.id;
    putText(j, "title", d.title);
    if (!d.partner.empty()) j["partner"] = d.partner;
    putText(j, "description", d.description);
    putText(j, "easy_read", d.easyRead);
    if (!d.link.empty()) j["link"] = d.link;
    if (!d.placeId.empty()) j["place"] = d.placeId;
    putText(j, "stand", d.stand);
    if (d.access) j["access"] = accessList(d.access);
    return j;
}

MergeCounts mergeItems(Json& list, const std::vector<Json>& imported, const std::set<std::string>& previousIds,
                       bool keepMissing) {
    MergeCounts counts;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].is_object() && list[i].contains("id") && list[i]["id"].is_string()) index[list[i]["id"]] = i;
    }
    std::set<std::string> seen;
    for (const Json& item : imported) {
        const std::string id = item["id"];
        seen.insert(id);
        auto it = index.find(id);
        if (it == index.end()) {
            index[id] = list.size();
            list.push_back(item);
            ++counts.added;
            continue;
        }
        Json& existing = list[it->second];
        const Json before = existing;
        // a session back on schedule loses the note of its old status
        if (item.contains("status") && item["status"] == "scheduled" && existing.contains("status") &&
            existing["status"] != "scheduled" && !item.contains("status_note")) {
            existing.erase("status_note");
        }
        mergeValue(existing, item);
        ++(existing == before ? counts.unchanged : counts.updated);
    }
    Json kept = Json::array();
    for (Json& item : list) {
        const std::string id =
            item.is_object() && item.contains("id") && item["id"].is_string() ? item["id"].get<std::string>() : "";
        if (!seen.count(id) && previousIds.count(id) && !keepMissing) {
            ++counts.removed;
            counts.removedIds.push_back(id);
            continue;
        }
        if (!seen.count(id)) ++counts.kept;
        kept.push_back(std::move(item));
    }
    list = std::move(kept);
    return counts;
}

void readEventWindow(const fs::path& dir, ImportOptions& options) {
    auto text = readFile(dir / "event.json", 1u << 20);
    if (!text) return;
    const Json doc = Json::parse(text.value(), nullptr, false);
    if (!doc.is_object()) return;
    if (doc.contains("time_zone") && doc["time_zone"].is_string()) options.timeZone = doc["time_zone"];
    if (doc.contains("start_date") && doc["start_date"].is_string())
        options.firstDay = parseDate(doc["start_date"].get<std::string>());
    if (doc.contains("end_date") && doc["end_date"].is_string())
        options.lastDay = parseDate(doc["end_date"].get<std::string>());
}

namespace {

Json newEvent(const fs::path& dir, const Imported& in, const WriteOptions& options) {
    Json e;
    const std::string name = in.eventName.empty() ? fs::absolute(dir).filename().string() : in.eventName.str(Lang::Fr);
    e["id"] = detail::slugId(name).empty() ? "evenement" : detail::slugId(name);
    e["name"] = {{"fr", name}};
    const CivilDate today{2027, 1, 1};
    e["start_date"] = formatDate(in.firstDay.value_or(today));
    e["end_date"] = formatDate(in.lastDay.value_or(in.firstDay.value_or(today)));
    e["time_zone"] = options.timeZone;
    e["organiser"] = {{"name", "À compléter"}};
    return e;
}

std::set<std::string> idsOf(const Json& state, const std::string& source, const char* kind) {
    std::set<std::string> out;
    if (!state.is_object() || !state.contains(source) || !state[source].is_object()) return out;
    const Json& s = state[source];
    if (s.contains(kind) && s[kind].is_array()) {
        for (const Json& id : s[kind]) {
            if (id.is_string()) out.insert(id.get<std::string>());
        }
    }
    return out;
}

// Only what is missing, and only as a note: a place without coordinates is listed and
// simply has no pin on the territory map.
void notePlaces(const Json& places, std::vector<std::string>& notes) {
    for (const Json& p : places) {
        if (!p.is_object()) continue;
        const std::string id = p.value("id", "");
        if (!p.contains("coordinates"))
            notes.push_back("place \"" + id +
                            "\" has no coordinates: it is listed without a pin on the territory map (add them in "
                            "places.json to place it)");
    }
}

// A session whose id came from its title keeps the id its slot (day, start, place) had
// at the last import of this source, when that id is gone: retyping a title must not
// lose the hand-added fields and the statistics history kept under the id.
void keepFirstIds(std::vector<Json>& sessions, const Imported& in, const Json& state, const std::string& source,
                  WriteReport& report) {
    const Json* before = nullptr;
    if (state.contains(source) && state[source].is_object() && state[source].contains("slots") &&
        state[source]["slots"].is_object())
        before = &state[source]["slots"];
    if (!before) return;
    std::set<std::string> produced;
    for (const Session& s : in.sessions) produced.insert(s.id);
    for (Json& item : sessions) {
        const std::string id = item["id"];
        const auto slot = in.slots.find(id);
        if (slot == in.slots.end() || !before->contains(slot->second)) continue;
        const Json& old = (*before)[slot->second];
        if (!old.is_string() || old == id || produced.count(old.get<std::string>())) continue;
        const auto origin = in.origins.find(id);
        report.renamed.push_back((origin == in.origins.end() ? id : origin->second) + ": \"" + id +
                                 "\" keeps its first id \"" + old.get<std::string>() + "\" (its title changed)");
        item["id"] = old;
    }
}

Json refusedList(const Imported& in) {
    Json list = Json::array();
    for (const Diagnostic& d : in.diagnostics.all()) {
        if (d.severity == Severity::ItemError) list.push_back(d.toString());
    }
    return list;
}

}  // namespace

Diagnostics refusedByLastImports(const fs::path& dir) {
    Diagnostics out;
    auto text = readFile(dir / ".kiosk-import.json", 4u << 20);
    if (!text) return out;
    const Json state = Json::parse(text.value(), nullptr, false);
    if (!state.is_object()) return out;
    for (const auto& [source, s] : state.items()) {
        if (!s.is_object() || !s.contains("refused") || !s["refused"].is_array()) continue;
        for (const Json& line : s["refused"]) {
            if (line.is_string())
                out.add(Severity::Warning, ".kiosk-import.json", "",
                        "the last import (" + source + ") left out: " + line.get<std::string>());
        }
    }
    return out;
}

Result<WriteReport> writeImport(const fs::path& dir, const Imported& in, const WriteOptions& options) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    auto sessions = readDocument(dir / "sessions.json", "sessions");
    if (!sessions) return fail(sessions.error());
    auto places = readDocument(dir / "places.json", "places");
    if (!places) return fail(places.error());
    auto demos = readDocument(dir / "demos.json", "demos");
    if (!demos) return fail(demos.error());
    const fs::path statePath = dir / ".kiosk-import.json";
    Json state = Json::object();
    if (auto text = readFile(statePath, 4u << 20)) {
        state = Json::parse(text.value(), nullptr, false);
        if (!state.is_object()) state = Json::object();
    }

    std::vector<Json> s, p, d;
    for (const Session& x : in.sessions) s.push_back(sessionJson(x));
    for (const Place& x : in.places) p.push_back(placeJson(x));
    for (const Demo& x : in.demos) d.push_back(demoJson(x));
    WriteReport report;
    const std::string& src = options.sourceKey;
    keepFirstIds(s, in, state, src, report);
    if (!in.sessions.empty() || idsOf(state, src, "sessions").size()) {
        report.sessions =
            mergeItems(sessions.value()["sessions"], s, idsOf(state, src, "sessions"), options.keepMissing);
    }
    report.places = mergeItems(places.value()["places"], p, {}, true);  // places are shared: never removed
    if (!in.demos.empty() || idsOf(state, src, "demos").size()) {
        report.demos = mergeItems(demos.value()["demos"], d, idsOf(state, src, "demos"), options.keepMissing);
    }
    notePlaces(places.value()["places"], report.notes);

    Json ids = Json::object();
    for (const char* kind : {"sessions", "places", "demos"}) ids[kind] = Json::array();
    for (const Json& x : s) ids["sessions"].push_back(x["id"]);
    Json slots = Json::object();
    for (std::size_t i = 0; i < in.sessions.size(); ++i) {
        if (auto slot = in.slots.find(in.sessions[i].id); slot != in.slots.end()) slots[slot->second] = s[i]["id"];
    }
    ids["slots"] = std::move(slots);
    ids["refused"] = refusedList(in);
    for (const Place& x : in.places) ids["places"].push_back(x.id);
    for (const Demo& x : in.demos) ids["demos"].push_back(x.id);
    state[src] = std::move(ids);

    struct Out {
        const char* name;
        const Json& doc;
        bool write;
    };
    const Out outputs[] = {{"sessions.json", sessions.value(), true},
                           {"places.json", places.value(), true},
                           {"demos.json", demos.value(), !in.demos.empty() || fs::exists(dir / "demos.json", ec)}};
    for (const Out& o : outputs) {
        if (!o.write) continue;
        if (auto st = writeFileAtomically(dir / o.name, dump(o.doc)); !st) return fail(st.error());
    }
    if (!fs::exists(dir / "event.json", ec)) {
        if (auto st = writeFileAtomically(dir / "event.json", dump(newEvent(dir, in, options))); !st)
            return fail(st.error());
        report.createdEvent = true;
        report.notes.push_back("event.json written with the event's dates: complete its name and organiser");
    }
    if (auto st = writeFileAtomically(statePath, dump(state)); !st) return fail(st.error());
    return report;
}

}  // namespace kiosk::core::import
