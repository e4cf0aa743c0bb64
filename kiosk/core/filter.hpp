// The visitor's programme filters: type, commune, audience, access features, and
// whether sessions that have ended are shown. Reset for every new visitor.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace kiosk::core {

struct SessionFilter {
    std::set<SessionType> types;  // empty: every type
    std::string commune;          // empty: everywhere
    AudienceSet audience = 0;     // any of these audiences (0: all)
    AccessSet access = 0;         // all of these features
    bool hideEnded = false;

    bool active() const { return !types.empty() || !commune.empty() || audience || access || hideEnded; }
    bool matches(const Session& s, const Content& c, Instant now) const;
};

std::vector<const Session*> applyFilter(const std::vector<const Session*>& sessions, const SessionFilter& f,
                                        const Content& c, Instant now);
// Communes that have at least one place with sessions, sorted.
std::vector<std::string> communesWithSessions(const Content& c);
// Session types present in the programme, in the model's order.
std::vector<SessionType> typesInProgramme(const Content& c);

}  // namespace kiosk::core
