// Parsers for the event document and the small documents around it: practical pages,
// announcements and the attract-loop playlist.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/parsers.hpp"

namespace kiosk::core::detail {
std::optional<Event> parseEvent(const nlohmann::json& doc, const ParseContext& ctx) {
    auto root = documentRoot(doc, "event.json", ctx, Severity::Fatal);
    if (!root) return std::nullopt;
    root->allowOnly({"id", "name", "tagline", "edition", "start_date", "end_date", "time_zone", "organiser", "contact",
                     "next_edition", "languages", "labels"});
    Event e;
    e.id = root->id();
    e.name = root->text("name", true);
    e.tagline = root->text("tagline", false);
    e.edition = root->string("edition", false, 64);
    const auto start = root->date("start_date", true);
    const auto end = root->date("end_date", true);
    if (start) e.startDate = *start;
    if (end) e.endDate = *end;
    if (start && end && *end < *start) {
        root->error("$.end_date", "expected a date on or after start_date " + formatDate(*start) + ", got \"" +
                                      formatDate(*end) + "\"");
    } else if (start && end && daysBetween(*start, *end) + 1 > ctx.limits.maxEventDays) {
        // Every day of the event is laid out (programme days, fonts): a years-long event would exhaust memory.
        root->error("$.end_date", "expected an event of at most " + std::to_string(ctx.limits.maxEventDays) +
                                      " days, got " + std::to_string(daysBetween(*start, *end) + 1) + " days from " +
                                      formatDate(*start) + " to " + formatDate(*end));
    }
    e.timeZoneName = root->string("time_zone", true, 64);
    if (!e.timeZoneName.empty() && !TimeZone::locate(e.timeZoneName).ok()) {
        root->error("$.time_zone",
                    "expected an IANA time zone such as \"Europe/Paris\", got \"" + e.timeZoneName + "\"");
    }
    if (auto org = root->child("organiser", true)) {
        org->allowOnly({"name", "url"});
        e.organiserName = org->string("name", true, 200);
        e.organiserUrl = org->string("url", false, 500);
    }
    if (auto contact = root->child("contact", false)) {
        contact->allowOnly({"phone", "email"});
        e.contactPhone = contact->string("phone", false, 40);
        e.contactEmail = contact->string("email", false, 200);
    }
    e.nextEdition = root->text("next_edition", false);
    if (root->has("languages")) {
        e.languages = root->choiceList("languages", {"fr", "en"});
        if (std::find(e.languages.begin(), e.languages.end(), "fr") == e.languages.end()) {
            root->warn("$.languages", "expected a list holding \"fr\" (French texts are required); \"fr\" added");
            e.languages.insert(e.languages.begin(), "fr");
        }
    }
    if (auto labels = root->child("labels", false)) {
        labels->allowOnly({"showroom"});
        e.showroomLabel = labels->text("showroom", false);
    }
    if (!root->ok()) return std::nullopt;
    return e;
}

std::vector<Page> parsePages(const nlohmann::json& doc, const ParseContext& ctx) {
    std::vector<Page> out;
    auto root = documentRoot(doc, "pages.json", ctx, Severity::ItemError);
    if (!root) return out;
    root->allowOnly({"pages"});
    std::set<std::string> seen;
    for (auto& item : root->items("pages", true, ctx.limits.maxItems)) {
        item.allowOnly({"id", "icon", "title", "body", "easy_read", "valid_from", "valid_until", "groups"});
        Page p;
        p.id = item.id();
        if (item.has("icon")) {
            p.icon =
                item.choice("icon", false, {"info", "access", "hours", "contact", "registration", "food", "transport"});
        }
        p.title = item.text("title", true);
        p.body = item.text("body", true);
        p.easyRead = item.text("easy_read", false);
        p.targeting = readTargeting(item);
        requireUnique(item, seen, p.id);
        if (item.ok()) out.push_back(std::move(p));
    }
    return out;
}

std::vector<Announcement> parseAnnouncements(const nlohmann::json& doc, const ParseContext& ctx) {
    std::vector<Announcement> out;
    auto root = documentRoot(doc, "announcements.json", ctx, Severity::ItemError);
    if (!root) return out;
    root->allowOnly({"announcements"});
    std::set<std::string> seen;
    for (auto& item : root->items("announcements", true, ctx.limits.maxItems)) {
        item.allowOnly({"id", "text", "priority", "valid_from", "valid_until", "groups"});
        Announcement a;
        a.id = item.id();
        a.text = item.text("text", true);
        if (item.has("priority")) {
            a.priority =
                item.choice("priority", false, {"normal", "urgent"}) == "urgent" ? Priority::Urgent : Priority::Normal;
        }
        const Targeting t = readTargeting(item);
        a.validFrom = t.validFrom;
        a.validUntil = t.validUntil;
        a.groups = t.groups;
        requireUnique(item, seen, a.id);
        if (item.ok()) out.push_back(std::move(a));
    }
    return out;
}

std::vector<Slide> parsePlaylist(const nlohmann::json& doc, const ParseContext& ctx) {
    std::vector<Slide> out;
    auto root = documentRoot(doc, "playlist.json", ctx, Severity::ItemError);
    if (!root) return out;
    root->allowOnly({"slides"});
    for (auto& item : root->items("slides", true, ctx.limits.maxItems)) {
        item.allowOnly({"kind", "seconds", "valid_from", "valid_until", "groups"});
        Slide s;
        const std::string kind = item.choice(
            "kind", true, {"welcome", "now_next", "programme", "demos", "map", "announcements", "countdown"});
        parseSlideKind(kind, s.kind);
        s.seconds = static_cast<int>(item.integer("seconds", true, 3, 120).value_or(10));
        s.targeting = readTargeting(item);
        if (item.ok()) out.push_back(s);
    }
    return out;
}

}  // namespace kiosk::core::detail
