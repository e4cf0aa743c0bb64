// Parser for sessions.json: the programme. Each session is read on its own; a bad one
// is reported and skipped, the rest of the programme is kept.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/parsers.hpp"
#include "core/text_fold.hpp"

namespace kiosk::core::detail {
namespace {

constexpr std::size_t kRoomBytes = 120;  // a room's name, as staff write it

void readSpeakers(JsonItem& item, Session& s) {
    for (auto& sp : item.elements("speakers", false, 30)) {
        sp.allowOnly({"name", "role"});
        Speaker speaker;
        speaker.name = sp.string("name", true, 200);
        speaker.role = sp.text("role", false);
        s.speakers.push_back(std::move(speaker));
    }
}

void readRegistration(JsonItem& item, Session& s) {
    auto reg = item.child("registration", false);
    if (!reg) return;
    reg->allowOnly({"required", "url", "capacity"});
    s.registration.required = reg->boolean("required").value_or(false);
    s.registration.url = reg->string("url", false, 500);
    s.registration.capacity = static_cast<int>(reg->integer("capacity", false, 1, 100000).value_or(0));
}

void readTimes(JsonItem& item, Session& s) {
    const auto start = item.dateTime("start", true);
    const auto end = item.dateTime("end", true);
    if (start) s.start = *start;
    if (end) s.end = *end;
    if (start && end) {
        if (end->instant <= start->instant) {
            item.error(item.path() + ".end", "expected a date-time after start");
        } else if (end->instant - start->instant > std::chrono::hours(24 * 14)) {
            item.error(item.path() + ".end", "expected at most 14 days after start");
        }
    }
}

// "previous": where and when a changed session was first announced.
void readPrevious(JsonItem& item, Session& s) {
    auto prev = item.child("previous", false);
    if (!prev) return;
    prev->allowOnly({"start", "end", "place", "room"});
    PreviousSlot p;
    p.start = prev->dateTime("start", false);
    p.end = prev->dateTime("end", false);
    if (prev->has("place")) p.placeId = prev->id("place");
    if (prev->has("room")) p.roomName = prev->string("room", false, kRoomBytes);
    s.previous = std::move(p);
}

Session readSession(JsonItem& item, const ParseContext& ctx) {
    item.allowOnly({"id",          "title",       "subtitle", "type",         "start",    "end",
                    "status",      "status_note", "place",    "room",         "audience", "speakers",
                    "description", "easy_read",   "access",   "registration", "language", "image",
                    "valid_from",  "valid_until", "groups",   "previous",     "online"});
    Session s;
    s.id = item.id();
    s.title = item.text("title", true);
    s.subtitle = item.text("subtitle", false);
    const std::string type = item.choice(
        "type", true, {"talk", "round_table", "workshop", "showroom", "convivial", "screening", "exhibition", "other"});
    parseSessionType(type, s.type);
    readTimes(item, s);
    s.targeting = readTargeting(item);
    if (item.has("status")) {
        const std::string status = item.choice("status", false, {"scheduled", "changed", "cancelled"});
        s.status = status == "changed"     ? SessionStatus::Changed
                   : status == "cancelled" ? SessionStatus::Cancelled
                                           : SessionStatus::Scheduled;
    }
    s.statusNote = item.text("status_note", false);
    readPrevious(item, s);
    s.online = item.boolean("online").value_or(false);
    // an online session may have no place; any other needs one
    if (!s.online || item.has("place")) s.placeId = item.id("place");
    if (item.has("room")) s.roomName = item.string("room", false, kRoomBytes);
    if (item.has("audience")) {
        s.audience = 0;
        for (const auto& a :
             item.choiceList("audience", {"general_public", "professionals", "families", "young_people"})) {
            AudienceFlag f;
            if (parseAudience(a, f)) s.audience |= f;
        }
        if (s.audience == 0) s.audience = kGeneralPublic;
    }
    readSpeakers(item, s);
    s.description = item.text("description", false);
    s.easyRead = item.text("easy_read", false);
    s.access = readAccess(item);
    readRegistration(item, s);
    if (item.has("language")) s.language = item.string("language", false, 8);
    s.image = readImage(item, "image", ctx);
    return s;
}

// A room is a name first: "room" names a room of the place's floor plan by its id or its
// name (case and accents aside), and is then drawn there; any other name is shown as text.
// Only a place that has a floor plan without that room gets a warning.
std::string planRoomId(const std::string& name, const std::string& placeId, const ParseContext& ctx,
                       bool& placeHasPlan) {
    placeHasPlan = false;
    if (name.empty() || !ctx.floorPlans) return "";
    const std::string folded = foldAccents(name), slug = slugId(name);
    for (const FloorPlan& plan : *ctx.floorPlans) {
        if (plan.placeId != placeId) continue;
        placeHasPlan = true;
        for (const Room& r : plan.rooms) {
            if (r.id == name || r.id == slug || foldAccents(r.name.str(Lang::Fr)) == folded ||
                foldAccents(r.name.str(Lang::En)) == folded)
                return r.id;
        }
    }
    return "";
}

void checkRoom(JsonItem& item, Session& s, const ParseContext& ctx) {
    bool hasPlan = false;
    if (std::string id = planRoomId(s.roomName, s.placeId, ctx, hasPlan); !id.empty()) {
        s.roomId = std::move(id);
        s.roomName.clear();
    } else if (hasPlan) {
        item.warn(item.path() + ".room", "\"" + s.roomName + "\" is not a room of the floor plan of place \"" +
                                             s.placeId + "\": shown as text, not on the plan");
    }
    if (s.previous && !s.previous->roomName.empty()) {
        const std::string place = s.previous->placeId.empty() ? s.placeId : s.previous->placeId;
        if (std::string id = planRoomId(s.previous->roomName, place, ctx, hasPlan); !id.empty()) {
            s.previous->roomId = std::move(id);
            s.previous->roomName.clear();
        }
    }
}

}  // namespace

// A session must meet the event's dates: one dated a year off is a typing mistake that
// would otherwise stay unseen (the programme only shows the event's days).
void checkEventDates(JsonItem& item, const Session& s, const ParseContext& ctx) {
    if (!ctx.event || !ctx.timeZone || ctx.event->startDate.year == 0 || ctx.event->endDate.year == 0) return;
    if (s.end.instant <= s.start.instant) return;  // reported by readTimes
    const CivilDate first = ctx.timeZone->toLocal(s.start.instant).date;
    const CivilDate last = ctx.timeZone->toLocal(s.end.instant - std::chrono::seconds(1)).date;
    if (last < ctx.event->startDate || first > ctx.event->endDate)
        item.error(item.path() + ".start", "the session is on " + formatDate(first) + ", outside the event's dates (" +
                                               formatDate(ctx.event->startDate) + " \u2026 " +
                                               formatDate(ctx.event->endDate) +
                                               "): fix its date, or the dates in event.json");
}

std::vector<Session> parseSessions(const nlohmann::json& doc, const ParseContext& ctx) {
    std::vector<Session> out;
    JsonItem root(doc, "$", "sessions.json", ctx.diags, Severity::Fatal, ctx.limits);
    if (!doc.is_object()) {
        root.error("$", "expected an object with a \"sessions\" list, got " + describeJson(doc));
        return out;
    }
    root.allowOnly({"sessions"});
    std::set<std::string> seen;
    for (auto& item : root.items("sessions", true, ctx.limits.maxSessions)) {
        Session s = readSession(item, ctx);
        requireUnique(item, seen, s.id);
        requirePlace(item, "place", s.placeId, ctx);
        checkRoom(item, s, ctx);
        checkEventDates(item, s, ctx);
        if (item.ok()) out.push_back(std::move(s));
    }
    return out;
}

}  // namespace kiosk::core::detail
