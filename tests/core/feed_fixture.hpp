// Test helpers for the core tests: unique temporary folders, a small valid feed whose
// documents each test can mutate as JSON before writing, tiny PNG files, and look-ups
// in diagnostics. Header-only; throws std::runtime_error when the file system fails.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
#include "core/files.hpp"
#include "core/time.hpp"

namespace kiosk::test {

namespace fs = std::filesystem;
using nlohmann::json;

// ---- files and folders ----

inline fs::path uniqueTempPath(const std::string& tag) {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    for (;;) {
        const fs::path p = fs::temp_directory_path() / ("kiosk-core-test-" + tag + "-" + std::to_string(::getpid()) +
                                                        "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
        if (!fs::exists(p)) return p;
    }
}

// A folder that exists for the lifetime of the object and is removed with everything in it.
class TempDir {
public:
    explicit TempDir(const std::string& tag = "feed") : path_(uniqueTempPath(tag)) { fs::create_directories(path_); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& rel) const { return path_ / rel; }

private:
    fs::path path_;
};

inline void writeText(const fs::path& path, std::string_view data) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

inline std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---- PNG files, written byte by byte ----

inline std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

inline void appendBigEndian32(std::string& out, std::uint32_t v) {
    out += static_cast<char>((v >> 24) & 0xFF);
    out += static_cast<char>((v >> 16) & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
    out += static_cast<char>(v & 0xFF);
}

inline std::string pngChunk(std::string_view type, std::string_view data) {
    std::string out;
    appendBigEndian32(out, static_cast<std::uint32_t>(data.size()));
    std::string typed(type);
    typed += data;
    out += typed;
    appendBigEndian32(out, crc32(typed));
    return out;
}

inline std::string pngSignatureAndHeader(std::uint32_t width, std::uint32_t height) {
    std::string out("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    appendBigEndian32(ihdr, width);
    appendBigEndian32(ihdr, height);
    ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit greyscale, deflate, no filter, no interlace
    out += pngChunk("IHDR", ihdr);
    return out;
}

// A complete 1x1 greyscale PNG with pixel value `grey` (stored deflate block).
inline std::string tinyPng(unsigned char grey = 0) {
    std::string raw("\x00", 1);  // filter byte
    raw += static_cast<char>(grey);
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521u;
        b = (b + a) % 65521u;
    }
    std::string zlib("\x78\x01\x01\x02\x00\xFD\xFF", 7);
    zlib += raw;
    appendBigEndian32(zlib, (b << 16) | a);
    return pngSignatureAndHeader(1, 1) + pngChunk("IDAT", zlib) + pngChunk("IEND", "");
}

// Only the header of a PNG claiming `width` x `height` pixels: enough for size checks.
inline std::string pngHeaderOnly(std::uint32_t width, std::uint32_t height) {
    return pngSignatureAndHeader(width, height) + pngChunk("IEND", "");
}

// ---- diagnostics ----

inline std::string describe(const core::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.all()) out += std::string(core::severityName(d.severity)) + ": " + d.toString() + "\n";
    return out.empty() ? "(no diagnostics)" : out;
}

// The first diagnostic of that severity about `file`, at `path` when `path` is given.
inline const core::Diagnostic* findDiag(const core::Diagnostics& diags, core::Severity severity, std::string_view file,
                                        std::string_view path = {}) {
    for (const auto& d : diags.all()) {
        if (d.severity == severity && d.file == file && (path.empty() || d.path == path)) return &d;
    }
    return nullptr;
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

inline core::Instant at(std::string_view iso) {
    const auto dt = core::parseDateTimeWithOffset(iso);
    if (!dt) throw std::runtime_error("bad date-time in test: " + std::string(iso));
    return dt->instant;
}

// ---- a small valid feed ----

// Three places (two with floor plans), three sessions written out of start order, two
// demos, one page, one announcement, a playlist and two 1x1 PNG images. Tests change
// the JSON members, then call load() (writes documents and a fresh manifest) or
// writeDocuments() / writeManifest() separately.
struct FeedFixture {
    TempDir dir;
    json event, sessions, places, maps, demos, pages, announcements, playlist;
    std::map<std::string, std::string> files;  // other files by relative path (images...)

    FeedFixture() : dir("feed") {
        event = json::parse(R"({
          "id": "fete-test",
          "name": { "fr": "Fête du numérique", "en": "Digital fair" },
          "start_date": "2027-10-18",
          "end_date": "2027-10-31",
          "time_zone": "Europe/Paris",
          "organiser": { "name": "Département d'essai" }
        })");
        places = json::parse(R"({ "places": [
          { "id": "mairie", "name": { "fr": "Mairie", "en": "Town hall" }, "commune": "Clermont-Ferrand",
            "coordinates": { "lat": 45.77, "lon": 3.08 }, "access": ["step_free"], "floor_plan": "plan-mairie" },
          { "id": "mediatheque", "name": "Médiathèque", "commune": "Riom",
            "coordinates": { "lat": 45.89, "lon": 3.11 } },
          { "id": "musee", "name": { "fr": "Musée" }, "commune": "Lezoux",
            "coordinates": { "lat": 45.82, "lon": 3.37 }, "floor_plan": "plan-musee" }
        ] })");
        maps = json::parse(R"({
          "territory": {
            "name": { "fr": "Le territoire", "en": "The territory" },
            "projection": "equirectangular",
            "bounds": { "north": 46.30, "south": 45.25, "west": 2.35, "east": 4.00 }
          },
          "floor_plans": [
            { "id": "plan-mairie", "place": "mairie", "name": { "fr": "Rez-de-chaussée", "en": "Ground floor" },
              "width": 1000, "height": 800,
              "image": { "src": "images/plan.png", "alt": { "fr": "Plan de la mairie" } },
              "rooms": [
                { "id": "salle-a", "name": { "fr": "Salle A" }, "polygon": [[0,0],[500,0],[500,400],[0,400]] },
                { "id": "salle-b", "name": { "fr": "Salle B" }, "polygon": [[500,0],[1000,0],[1000,800],[500,800]] }
              ] },
            { "id": "plan-musee", "place": "musee", "name": { "fr": "Galerie" },
              "width": 600, "height": 400,
              "rooms": [
                { "id": "galerie", "name": { "fr": "Galerie" }, "polygon": [[10,10],[590,10],[590,390],[10,390]] }
              ] }
          ]
        })");
        sessions = json::parse(R"({ "sessions": [
          { "id": "atelier-robots", "title": { "fr": "Atelier robots", "en": "Robot workshop" },
            "type": "workshop", "start": "2027-10-20T14:30:00+02:00", "end": "2027-10-20T16:00:00+02:00",
            "place": "mairie", "room": "salle-a", "access": ["step_free", "induction_loop"],
            "image": { "src": "images/robot.png", "alt": { "fr": "Un robot", "en": "A robot" } } },
          { "id": "conference-ia", "title": { "fr": "Conférence sur l'IA" },
            "type": "talk", "start": "2027-10-19T10:00:00+02:00", "end": "2027-10-19T11:30:00+02:00",
            "place": "mediatheque" },
          { "id": "projection-nocturne", "title": { "fr": "Projection nocturne", "en": "Night screening" },
            "type": "screening", "start": "2027-10-21T20:00+02:00", "end": "2027-10-21T23:00+02:00",
            "place": "musee", "room": "galerie" }
        ] })");
        demos = json::parse(R"({ "demos": [
          { "id": "robot-guide", "title": { "fr": "Robot guide", "en": "Guide robot" }, "partner": "FabLab",
            "description": { "fr": "Un robot qui guide les visiteurs.", "en": "A robot guiding visitors." },
            "gallery": [ { "src": "images/robot.png", "alt": { "fr": "Un robot" } } ], "place": "mairie" },
          { "id": "casque-vr", "title": { "fr": "Casque de réalité virtuelle" }, "partner": "Studio",
            "description": "Une visite virtuelle du musée.", "place": "musee" }
        ] })");
        pages = json::parse(R"({ "pages": [
          { "id": "acces", "icon": "access", "title": { "fr": "Venir", "en": "Getting here" },
            "body": { "fr": "Tram A, arrêt Jaude.", "en": "Tram A, Jaude stop." } }
        ] })");
        announcements = json::parse(R"({ "announcements": [
          { "id": "bienvenue", "text": { "fr": "Bienvenue !", "en": "Welcome!" }, "priority": "normal" }
        ] })");
        playlist = json::parse(
            R"({ "slides": [ { "kind": "welcome", "seconds": 10 }, { "kind": "now_next", "seconds": 15 } ] })");
        files["images/robot.png"] = tinyPng(10);
        files["images/plan.png"] = tinyPng(200);
    }

    const fs::path& path() const { return dir.path(); }

    // Writes every document that is not null, and every entry of `files`.
    void writeDocuments() const {
        const std::pair<const char*, const json*> docs[] = {{"event.json", &event},
                                                            {"sessions.json", &sessions},
                                                            {"places.json", &places},
                                                            {"maps.json", &maps},
                                                            {"demos.json", &demos},
                                                            {"pages.json", &pages},
                                                            {"announcements.json", &announcements},
                                                            {"playlist.json", &playlist}};
        for (const auto& [name, doc] : docs) {
            if (!doc->is_null()) writeText(dir / name, doc->dump(2));
        }
        for (const auto& [rel, data] : files) writeText(dir / rel, data);
    }

    // The manifest of what is in the folder now (sizes and hashes computed by core).
    core::Manifest scanManifest(std::int64_t version = 1) const {
        auto scanned = core::scanFeedFolder(path(), core::FeedLimits{});
        if (!scanned) throw std::runtime_error("scanFeedFolder: " + scanned.error());
        core::Manifest m;
        m.version = version;
        m.published = core::DateTime{at("2027-09-30T10:00:00+02:00"), 120};
        m.files = std::move(scanned).value();
        return m;
    }

    void writeManifest(std::int64_t version = 1) const {
        writeText(dir / "manifest.json", core::serializeManifest(scanManifest(version)));
    }

    core::LoadResult load(const core::LoadOptions& options = {}) const {
        writeDocuments();
        writeManifest();
        return core::loadFeed(path(), options);
    }

    // The manifest as JSON, for tests that tamper with it.
    json manifestJson() const { return json::parse(core::serializeManifest(scanManifest())); }
};

}  // namespace kiosk::test
