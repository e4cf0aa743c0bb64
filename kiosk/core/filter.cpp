// Programme filtering (see filter.hpp).
#include "core/filter.hpp"

#include <algorithm>

namespace kiosk::core {

bool SessionFilter::matches(const Session& s, const Content& c, Instant now) const {
    if (!types.empty() && !types.count(s.type)) return false;
    if (!commune.empty()) {
        const Place* p = c.findPlace(s.placeId);
        if (!p || p->commune != commune) return false;
    }
    if (audience && !(s.audience & audience)) return false;
    if (access) {
        // A session's access is its own plus its place's (step-free venue, loop in the hall).
        const Place* p = c.findPlace(s.placeId);
        const AccessSet have = static_cast<AccessSet>(s.access | (p ? p->access : 0));
        if ((have & access) != access) return false;
    }
    if (hideEnded && now >= s.end.instant) return false;
    return true;
}

std::vector<const Session*> applyFilter(const std::vector<const Session*>& sessions, const SessionFilter& f,
                                        const Content& c, Instant now) {
    std::vector<const Session*> out;
    for (const Session* s : sessions) {
        if (f.matches(*s, c, now)) out.push_back(s);
    }
    return out;
}

std::vector<std::string> communesWithSessions(const Content& c) {
    std::set<std::string> communes;
    for (const Session& s : c.sessions) {
        if (const Place* p = c.findPlace(s.placeId)) communes.insert(p->commune);
    }
    return {communes.begin(), communes.end()};
}

std::vector<SessionType> typesInProgramme(const Content& c) {
    std::set<SessionType> types;
    for (const Session& s : c.sessions) types.insert(s.type);
    return {types.begin(), types.end()};
}

}  // namespace kiosk::core
