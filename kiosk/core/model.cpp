// Feed spellings of the model's enumerations and simple look-ups (see model.hpp).
#include "core/model.hpp"

#include <algorithm>
#include <iterator>

namespace kiosk::core {
namespace {

template <class E, std::size_t N>
bool lookup(const std::pair<E, const char*> (&table)[N], const std::string& key, E& out) {
    for (const auto& [value, name] : table) {
        if (key == name) {
            out = value;
            return true;
        }
    }
    return false;
}
template <class E, std::size_t N>
const char* nameOf(const std::pair<E, const char*> (&table)[N], E value) {
    for (const auto& [v, name] : table) {
        if (v == value) return name;
    }
    return "?";
}

const std::pair<SessionType, const char*> kTypes[] = {{SessionType::Talk, "talk"},
                                                      {SessionType::RoundTable, "round_table"},
                                                      {SessionType::Workshop, "workshop"},
                                                      {SessionType::Showroom, "showroom"},
                                                      {SessionType::Convivial, "convivial"},
                                                      {SessionType::Screening, "screening"},
                                                      {SessionType::Exhibition, "exhibition"},
                                                      {SessionType::Other, "other"}};
const std::pair<AccessFeature, const char*> kAccess[] = {{kStepFree, "step_free"},
                                                         {kInductionLoop, "induction_loop"},
                                                         {kSignLanguage, "sign_language"},
                                                         {kAudioDescription, "audio_description"},
                                                         {kQuietRoom, "quiet_room"}};
const std::pair<AudienceFlag, const char*> kAudience[] = {{kGeneralPublic, "general_public"},
                                                          {kProfessionals, "professionals"},
                                                          {kFamilies, "families"},
                                                          {kYoungPeople, "young_people"}};
const std::pair<SlideKind, const char*> kSlides[] = {
    {SlideKind::Welcome, "welcome"},    {SlideKind::NowNext, "now_next"}, {SlideKind::Programme, "programme"},
    {SlideKind::Demos, "demos"},        {SlideKind::Map, "map"},          {SlideKind::Announcements, "announcements"},
    {SlideKind::Countdown, "countdown"}};

template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const char* sessionTypeKey(SessionType t) { return nameOf(kTypes, t); }
bool parseSessionType(const std::string& key, SessionType& out) { return lookup(kTypes, key, out); }
const char* accessKey(AccessFeature f) { return nameOf(kAccess, f); }
bool parseAccess(const std::string& key, AccessFeature& out) { return lookup(kAccess, key, out); }
const char* audienceKey(AudienceFlag a) { return nameOf(kAudience, a); }
bool parseAudience(const std::string& key, AudienceFlag& out) { return lookup(kAudience, key, out); }
const char* slideKindKey(SlideKind k) { return nameOf(kSlides, k); }
bool parseSlideKind(const std::string& key, SlideKind& out) { return lookup(kSlides, key, out); }

const ManifestEntry* Manifest::find(const std::string& path) const {
    auto it = std::find_if(files.begin(), files.end(), [&](const ManifestEntry& e) { return e.path == path; });
    return it == files.end() ? nullptr : &*it;
}

std::string postalAddress(const Place& p) {
    std::string town = p.postcode;
    if (!p.commune.empty()) town += (town.empty() ? "" : " ") + p.commune;
    if (p.address.empty()) return town;
    return town.empty() ? p.address : p.address + ", " + town;
}

const Place* Content::findPlace(const std::string& id) const { return findById(places, id); }
const Session* Content::findSession(const std::string& id) const { return findById(sessions, id); }
const Room* Content::findRoom(const std::string& placeId, const std::string& roomId) const {
    for (const FloorPlan& plan : floorPlans) {
        if (plan.placeId != placeId) continue;
        for (const Room& r : plan.rooms) {
            if (r.id == roomId) return &r;
        }
    }
    return nullptr;
}

std::string Content::roomText(const Session& s, Lang lang) const {
    if (const Room* room = findRoom(s.placeId, s.roomId)) return room->name.str(lang);
    return s.roomName;
}

const FloorPlan* Content::findFloorPlan(const std::string& id) const { return findById(floorPlans, id); }

}  // namespace kiosk::core
