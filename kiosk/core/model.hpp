// The content model: one event with its sessions, places, maps, showroom demos,
// practical pages, announcements and attract-loop playlist, as loaded from a feed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/localized_text.hpp"
#include "core/time.hpp"

namespace kiosk::core {

enum class SessionType : std::uint8_t { Talk, RoundTable, Workshop, Showroom, Convivial, Screening, Exhibition, Other };
enum class SessionStatus : std::uint8_t { Scheduled, Changed, Cancelled };

// Access features as a bit set.
enum AccessFeature : std::uint8_t {
    kStepFree = 1 << 0,
    kInductionLoop = 1 << 1,
    kSignLanguage = 1 << 2,
    kAudioDescription = 1 << 3,
    kQuietRoom = 1 << 4,
};
using AccessSet = std::uint8_t;
inline constexpr AccessFeature kAllAccessFeatures[] = {kStepFree, kInductionLoop, kSignLanguage, kAudioDescription,
                                                       kQuietRoom};

enum AudienceFlag : std::uint8_t {
    kGeneralPublic = 1 << 0,
    kProfessionals = 1 << 1,
    kFamilies = 1 << 2,
    kYoungPeople = 1 << 3,
};
using AudienceSet = std::uint8_t;
inline constexpr AudienceFlag kAllAudiences[] = {kGeneralPublic, kProfessionals, kFamilies, kYoungPeople};

// Feed spellings ("round_table", "step_free", ...); parse functions return false when unknown.
const char* sessionTypeKey(SessionType t);
bool parseSessionType(const std::string& key, SessionType& out);
const char* accessKey(AccessFeature f);
bool parseAccess(const std::string& key, AccessFeature& out);
const char* audienceKey(AudienceFlag a);
bool parseAudience(const std::string& key, AudienceFlag& out);

// Targeting and validity (issue 12, core/targeting.hpp): which kiosks show an item, and
// when. Defaults: every kiosk, always.
struct Targeting {
    std::optional<Instant> validFrom, validUntil;  // shown in [valid_from, valid_until)
    std::vector<std::string> groups;               // empty: every kiosk; else kiosk groups or kiosk ids
    bool validAt(Instant t) const { return (!validFrom || t >= *validFrom) && (!validUntil || t < *validUntil); }
};

struct Image {
    std::string src;  // path inside the feed
    LocalizedText alt;
};

struct Speaker {
    std::string name;
    LocalizedText role;
};

struct Registration {
    bool required = false;
    std::string url;
    int capacity = 0;  // 0: not said
};

// Where and when a changed session was first announced (sessions.json "previous"), so the
// kiosk can say what moved. Empty fields did not change.
struct PreviousSlot {
    std::optional<DateTime> start, end;
    std::string placeId, roomId;
    std::string roomName;  // a room named as text, as in Session
};

struct Session {
    std::string id;
    LocalizedText title, subtitle;
    SessionType type = SessionType::Other;
    DateTime start, end;
    SessionStatus status = SessionStatus::Scheduled;
    LocalizedText statusNote;
    std::optional<PreviousSlot> previous;  // for status "changed": what it was before
    // placeId is empty only for a session held online alone. A room is a name first:
    // roomId is set when the name or id is a room of the place's floor plan (then it is
    // drawn there), roomName is the text staff gave otherwise (shown as text everywhere).
    std::string placeId, roomId;
    std::string roomName;
    bool online = false;  // followed online (a link in registration.url), with or without a place
    AudienceSet audience = kGeneralPublic;
    std::vector<Speaker> speakers;
    LocalizedText description, easyRead;
    AccessSet access = 0;
    Registration registration;
    std::string language = "fr";
    std::optional<Image> image;
    Targeting targeting;
};

struct GeoPoint {
    double lat = 0, lon = 0;
};

struct Place {
    std::string id;
    LocalizedText name, shortName;
    std::string address, postcode, commune;
    std::optional<GeoPoint> coordinates;  // none: listed, but no pin on the territory map
    LocalizedText openingHours;
    AccessSet access = 0;
    LocalizedText accessNote, transport;
    std::string floorPlanId;
};

// "2 rue X, 63000 Clermont-Ferrand" from the parts the place has; "" when it has none.
std::string postalAddress(const Place& p);

enum class Projection : std::uint8_t { Equirectangular, WebMercator };

struct GeoBounds {
    double north = 0, south = 0, west = 0, east = 0;
};

struct TerritoryMap {
    LocalizedText name;
    std::optional<Image> image;
    Projection projection = Projection::Equirectangular;
    GeoBounds bounds;
};

struct PlanPoint {
    float x = 0, y = 0;
};

struct Room {
    std::string id;
    LocalizedText name;
    std::vector<PlanPoint> polygon;
    AccessSet access = 0;  // the room's own access features (see sessionAccess)
};

struct FloorPlan {
    std::string id, placeId;
    LocalizedText name;
    float width = 0, height = 0;
    std::optional<Image> image;
    std::vector<Room> rooms;
};

struct Demo {
    std::string id;
    LocalizedText title;
    std::string partner;
    LocalizedText description, easyRead;
    std::vector<Image> gallery;
    std::string link, placeId;
    LocalizedText stand;
    AccessSet access = 0;
    Targeting targeting;
};

struct Page {
    std::string id, icon = "info";
    LocalizedText title, body, easyRead;
    Targeting targeting;
};

enum class Priority : std::uint8_t { Normal, Urgent };

struct Announcement {
    std::string id;
    LocalizedText text;
    Priority priority = Priority::Normal;
    std::optional<Instant> validFrom, validUntil;
    std::vector<std::string> groups;  // as Targeting::groups (its window is validFrom/validUntil)
    bool validAt(Instant t) const { return (!validFrom || t >= *validFrom) && (!validUntil || t < *validUntil); }
};

enum class SlideKind : std::uint8_t { Welcome, NowNext, Programme, Demos, Map, Announcements, Countdown };
const char* slideKindKey(SlideKind k);
bool parseSlideKind(const std::string& key, SlideKind& out);

struct Slide {
    SlideKind kind = SlideKind::Welcome;
    int seconds = 10;
    Targeting targeting;
    // A constructor rather than an aggregate, so {kind, seconds} stays valid with targeting.
    Slide() = default;
    Slide(SlideKind k, int s, Targeting t = {}) : kind(k), seconds(s), targeting(std::move(t)) {}
};

struct Event {
    std::string id;
    LocalizedText name, tagline;
    std::string edition;
    CivilDate startDate, endDate;
    std::string timeZoneName = "Europe/Paris";
    std::string organiserName, organiserUrl;
    std::string contactPhone, contactEmail;
    LocalizedText nextEdition;
    // Languages the content is written in ("fr", "en"); empty: detected from the texts
    // (see contentLanguages). The language switch is offered only when there are two.
    std::vector<std::string> languages;
    // Words the feed may set for fixed labels; empty: the kiosk's own.
    LocalizedText showroomLabel;
};

struct ManifestEntry {
    std::string path;
    std::uint64_t size = 0;
    std::string sha256;  // 64 lowercase hex digits
};

struct Manifest {
    std::string format = "kiosk-feed/1";
    std::int64_t version = 0;
    DateTime published;
    std::vector<ManifestEntry> files;
    const ManifestEntry* find(const std::string& path) const;
};

struct Content {
    std::string root;  // folder the feed was loaded from
    Manifest manifest;
    Event event;
    TimeZone timeZone;
    std::vector<Session> sessions;  // sorted by start, then title
    std::vector<Place> places;
    std::optional<TerritoryMap> territory;
    std::vector<FloorPlan> floorPlans;
    std::vector<Demo> demos;
    std::vector<Page> pages;
    std::vector<Announcement> announcements;
    std::vector<Slide> playlist;

    const Place* findPlace(const std::string& id) const;
    const Session* findSession(const std::string& id) const;
    const FloorPlan* findFloorPlan(const std::string& id) const;
    // A room of one of the place's floor plans; null when there is none.
    const Room* findRoom(const std::string& placeId, const std::string& roomId) const;
    // The room a session names, as visitors read it: the floor plan's room name when it
    // is on a plan, else the name staff gave; "" when it names none.
    std::string roomText(const Session& s, Lang lang) const;
};

}  // namespace kiosk::core
