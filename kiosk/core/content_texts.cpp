// Collecting the visible texts of a feed (see content_texts.hpp).
#include "core/content_texts.hpp"

#include "core/format.hpp"
#include "core/schedule.hpp"

namespace kiosk::core {

std::vector<std::string> allVisibleTexts(const Content& c) {
    std::vector<std::string> out;
    auto add = [&](const LocalizedText& t) {
        for (const auto& [lang, text] : t.all()) out.push_back(text);
    };
    auto addImage = [&](const std::optional<Image>& i) {
        if (i) add(i->alt);
    };
    add(c.event.name);
    add(c.event.tagline);
    add(c.event.nextEdition);
    out.push_back(c.event.organiserName);
    out.push_back(c.event.contactPhone);
    out.push_back(c.event.contactEmail);
    for (const Session& s : c.sessions) {
        for (const LocalizedText* t : {&s.title, &s.subtitle, &s.statusNote, &s.description, &s.easyRead}) add(*t);
        out.push_back(s.roomName);
        for (const Speaker& sp : s.speakers) {
            out.push_back(sp.name);
            add(sp.role);
        }
        addImage(s.image);
    }
    for (const Place& p : c.places) {
        for (const LocalizedText* t : {&p.name, &p.shortName, &p.openingHours, &p.accessNote, &p.transport}) add(*t);
        out.push_back(postalAddress(p));
    }
    if (c.territory) {
        add(c.territory->name);
        addImage(c.territory->image);
    }
    for (const FloorPlan& f : c.floorPlans) {
        add(f.name);
        addImage(f.image);
        for (const Room& r : f.rooms) add(r.name);
    }
    for (const Demo& d : c.demos) {
        for (const LocalizedText* t : {&d.title, &d.description, &d.easyRead, &d.stand}) add(*t);
        out.push_back(d.partner);
        for (const Image& i : d.gallery) add(i.alt);
    }
    for (const Page& p : c.pages) {
        for (const LocalizedText* t : {&p.title, &p.body, &p.easyRead}) add(*t);
    }
    for (const Announcement& a : c.announcements) add(a.text);
    for (const CivilDate& d : programmeDays(c)) {
        for (Lang lang : {Lang::Fr, Lang::En}) {
            out.push_back(formatDayLong(d, lang));
            out.push_back(formatDayShort(d, lang));
        }
    }
    for (CivilDate d = c.event.startDate; !(c.event.endDate < d); d = addDays(d, 1)) {
        out.push_back(formatDayLong(d, Lang::Fr));
        out.push_back(formatDayLong(d, Lang::En));
    }
    return out;
}

}  // namespace kiosk::core
