// Reading the kiosk's commented JSON configuration (see config.hpp).
#include "app/config.hpp"
#include "core/json_parse.hpp"   // the checked parse edge for content and configuration
#include "core/json_reader.hpp"  // describeJson: values in messages, never a full dump
#include "core/staff/staff_pin.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "core/import/importer.hpp"
#include "core/json_reader.hpp"
#include "core/signature.hpp"
#include "core/stats/event.hpp"

namespace kiosk::app {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Reader {
    const json& j;
    std::string prefix;
    std::vector<std::string>& warnings;

    void known(std::initializer_list<const char*> keys) {
        for (const auto& [k, _] : j.items()) {
            bool found = false;
            for (const char* key : keys) found = found || k == key;
            if (!found) warnings.push_back("unknown setting \"" + prefix + k + "\" ignored");
        }
    }
    template <class T>
    core::Status get(const char* key, T& out, const char* expected) {
        if (!j.contains(key)) return core::Ok{};
        const json& v = j.at(key);
        const auto wrong = [&] {
            return core::fail(prefix + key + ": expected " + expected + ", got " + core::describeJson(v));
        };
        if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
            // A number outside T's range would be undefined behaviour when converted.
            if (!v.is_number()) return wrong();
            const double d = v.get<double>();
            if (!(d >= static_cast<double>(std::numeric_limits<T>::lowest()) &&
                  d <= static_cast<double>(std::numeric_limits<T>::max()))) {
                return wrong();
            }
            if (std::is_integral_v<T> && !v.is_number_integer()) return wrong();
        }
        try {
            out = v.get<T>();
            return core::Ok{};
        } catch (const std::exception&) {
            return wrong();
        }
    }
};

std::string resolve(const fs::path& base, const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute()) return p;
    return (base / p).lexically_normal().string();
}

#define KIOSK_TRY(expr)                                           \
    do {                                                          \
        if (auto s_ = (expr); !s_) return core::fail(s_.error()); \
    } while (0)

// The "supervision" block (issue 13): metrics file and heartbeat.
core::Status readSupervision(const json& j, const std::string& path, Config& c) {
    if (!j.contains("supervision")) return core::Ok{};
    if (!j["supervision"].is_object()) return core::fail(path + ": supervision: expected an object");
    Reader r{j["supervision"], "supervision.", c.warnings};
    r.known({"metrics_file", "heartbeat_url", "heartbeat_token", "heartbeat_seconds"});
    auto& s = c.supervision;
    KIOSK_TRY(r.get("metrics_file", s.metricsFile, "a file path"));
    KIOSK_TRY(r.get("heartbeat_url", s.heartbeatUrl, "an http:// or https:// URL"));
    KIOSK_TRY(r.get("heartbeat_token", s.heartbeatToken, "a token string"));
    KIOSK_TRY(r.get("heartbeat_seconds", s.heartbeatSeconds, "a number of seconds"));
    if (s.heartbeatSeconds < 5) return core::fail(path + ": supervision.heartbeat_seconds: expected at least 5");
    if (!s.heartbeatUrl.empty() && !s.heartbeatUrl.starts_with("http://") && !s.heartbeatUrl.starts_with("https://")) {
        return core::fail(path + ": supervision.heartbeat_url: expected an http:// or https:// URL");
    }
    return core::Ok{};
}

// The "live_source" block (issue 11): a programme URL polled by the kiosk.
core::Status readLiveSource(const json& j, const std::string& path, Config& c) {
    if (!j.contains("live_source")) return core::Ok{};
    if (!j["live_source"].is_object()) return core::fail(path + ": live_source: expected an object { \"url\": ... }");
    Reader r{j["live_source"], "live_source.", c.warnings};
    r.known({"url", "format", "poll_seconds"});
    LiveConfig& l = c.live;
    KIOSK_TRY(r.get("url", l.url, "a URL (https://..., http://... or file:///...)"));
    KIOSK_TRY(r.get("format", l.format, "\"csv\", \"openagenda\", \"pretalx\", \"frab\" or \"ical\""));
    KIOSK_TRY(r.get("poll_seconds", l.pollSeconds, "a number of seconds"));
    core::import::Format format;
    if (!core::import::parseFormat(l.format, format) || format == core::import::Format::CsvPlaces ||
        format == core::import::Format::CsvDemos) {
        return core::fail(path +
                          ": live_source.format: expected \"csv\", \"openagenda\", \"pretalx\", \"frab\" or "
                          "\"ical\", got \"" +
                          l.format + "\"");
    }
    if (l.pollSeconds < 5) return core::fail(path + ": live_source.poll_seconds: expected at least 5");
    if (!l.url.empty() && !l.url.starts_with("http://") && !l.url.starts_with("https://") &&
        !l.url.starts_with("file://")) {
        return core::fail(path + ": live_source.url: expected an http://, https:// or file:// URL, got \"" + l.url +
                          "\"");
    }
    return core::Ok{};
}

}  // namespace

namespace {
// systemd may pass several colon-separated folders; the kiosk uses the first.
std::string firstOf(const char* dirs) {
    const std::string s(dirs);
    return s.substr(0, s.find(':'));
}
}  // namespace

std::string defaultCacheDir() {
    if (const char* d = std::getenv("CACHE_DIRECTORY"); d && *d) return firstOf(d);
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/kiosk";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/kiosk";
    return "/tmp/kiosk-cache";
}

std::string defaultStateDir() {
    if (const char* d = std::getenv("STATE_DIRECTORY"); d && *d) return firstOf(d);
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return std::string(x) + "/kiosk";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/state/kiosk";
    return "/tmp/kiosk-state";
}

std::string stateDirFor(const Config& config, const std::string& cacheOverride) {
    if (!config.stateDir.empty()) return config.stateDir;
    if (!cacheOverride.empty()) return cacheOverride;
    return defaultStateDir();
}

Config defaultConfig() {
    Config c;
    c.cacheDir = defaultCacheDir();
    return c;
}

core::Result<Config> loadConfig(const std::string& path) {
    std::ifstream in(path);
    if (!in) return core::fail("cannot read the configuration file " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    core::JsonParseOptions po;
    po.allowComments = true;
    auto parsed = core::parseJsonChecked(buf.str(), po);
    if (!parsed) return core::fail(path + ": " + parsed.error() + " (comments are allowed)");
    const json j = std::move(parsed).value();
    if (!j.is_object()) return core::fail(path + ": expected an object { ... }");
    Config c = defaultConfig();
    c.path = path;
    const fs::path base = fs::absolute(path).parent_path();
    Reader r{j, "", c.warnings};
    r.known({"content_dir", "cache_dir",          "state_dir",      "supervision",
             "language",    "idle_seconds",       "here",           "screen",
             "fonts",       "feed_url",           "poll_seconds",   "allowed_file_roots",
             "ca_file",     "max_download_bytes", "max_feed_bytes", "min_free_bytes",
             "stats",       "feed_public_keys",   "kiosk_id",       "groups",
             "live_source", "staff_pin_hash"});
    KIOSK_TRY(r.get("content_dir", c.contentDir, "a folder path"));
    KIOSK_TRY(r.get("cache_dir", c.cacheDir, "a folder path"));
    KIOSK_TRY(r.get("state_dir", c.stateDir, "a folder path"));
    KIOSK_TRY(r.get("language", c.language, "\"fr\" or \"en\""));
    KIOSK_TRY(r.get("idle_seconds", c.idleSeconds, "a number of seconds"));
    KIOSK_TRY(r.get("feed_url", c.feedUrl, "a URL (https://..., http://... or file:///...)"));
    KIOSK_TRY(r.get("poll_seconds", c.pollSeconds, "a number of seconds"));
    KIOSK_TRY(r.get("allowed_file_roots", c.allowedFileRoots, "a list of folder paths"));
    KIOSK_TRY(r.get("ca_file", c.caFile, "a PEM file path"));
    KIOSK_TRY(r.get("max_download_bytes", c.maxDownloadBytes, "a number of bytes"));
    KIOSK_TRY(r.get("feed_public_keys", c.feedPublicKeys, "a list of minisign public keys (\"RWQ...\")"));
    if (c.feedPublicKeys.size() > 2) return core::fail(path + ": feed_public_keys: expected one or two keys");
    for (const auto& key : c.feedPublicKeys) {
        if (auto k = core::parsePublicKey(key); !k) return core::fail(path + ": feed_public_keys: " + k.error());
    }
    KIOSK_TRY(r.get("kiosk_id", c.kioskId, "an id (a-z 0-9 - _)"));
    KIOSK_TRY(r.get("groups", c.groups, "a list of group ids"));
    if (!c.kioskId.empty() && !core::isValidId(c.kioskId)) {
        return core::fail(path + ": kiosk_id: expected 1 to 64 of a-z 0-9 - _, got \"" + c.kioskId + "\"");
    }
    for (const auto& g : c.groups) {
        if (!core::isValidId(g)) return core::fail(path + ": groups: expected ids (a-z 0-9 - _), got \"" + g + "\"");
    }
    KIOSK_TRY(r.get("staff_pin_hash", c.staffPinHash, "the line printed by `kiosk pin`"));
    if (!c.staffPinHash.empty() && !core::staff::isPinHash(c.staffPinHash)) {
        return core::fail(path +
                          ": staff_pin_hash: expected an Argon2id hash (\"$argon2id$...\") as printed by `kiosk pin`");
    }
    KIOSK_TRY(r.get("max_feed_bytes", c.maxFeedBytes, "a number of bytes"));
    KIOSK_TRY(r.get("min_free_bytes", c.minFreeBytes, "a number of bytes"));
    if (c.pollSeconds < 10) return core::fail(path + ": poll_seconds: expected at least 10");
    if (c.language != "fr" && c.language != "en") return core::fail(path + ": language: expected \"fr\" or \"en\"");
    if (c.idleSeconds < 10) return core::fail(path + ": idle_seconds: expected at least 10");
    if (j.contains("here") && j["here"].is_object()) {
        Reader h{j["here"], "here.", c.warnings};
        h.known({"place", "room"});
        KIOSK_TRY(h.get("place", c.herePlace, "a place id"));
        KIOSK_TRY(h.get("room", c.hereRoom, "a room id of that place's floor plan"));
    }
    if (j.contains("screen")) {
        if (!j["screen"].is_object()) return core::fail(path + ": screen: expected an object");
        Reader s{j["screen"], "screen.", c.warnings};
        s.known({"width", "height", "diagonal_inches", "viewing_distance_mm", "rotation", "mounting_height_mm"});
        KIOSK_TRY(s.get("width", c.screen.width, "a number of pixels"));
        KIOSK_TRY(s.get("height", c.screen.height, "a number of pixels"));
        KIOSK_TRY(s.get("diagonal_inches", c.screen.diagonalInches, "the screen's diagonal in inches"));
        KIOSK_TRY(s.get("viewing_distance_mm", c.screen.viewingDistanceMm, "a distance in millimetres"));
        KIOSK_TRY(s.get("rotation", c.screen.rotation, "0, 90, 180 or 270"));
        KIOSK_TRY(s.get("mounting_height_mm", c.screen.mountingHeightMm, "a height in millimetres"));
        const auto& sc = c.screen;
        if (sc.width < 320 || sc.height < 240 || sc.width > 16384 || sc.height > 16384) {
            return core::fail(path + ": screen.width/height: expected between 320x240 and 16384x16384");
        }
        if (sc.diagonalInches < 5 || sc.diagonalInches > 200)
            return core::fail(path + ": screen.diagonal_inches: expected 5 to 200");
        if (sc.viewingDistanceMm < 200 || sc.viewingDistanceMm > 5000) {
            return core::fail(path + ": screen.viewing_distance_mm: expected 200 to 5000");
        }
        if (sc.rotation % 90 != 0 || sc.rotation < 0 || sc.rotation > 270) {
            return core::fail(path + ": screen.rotation: expected 0, 90, 180 or 270");
        }
    }
    if (j.contains("fonts") && j["fonts"].is_object()) {
        Reader f{j["fonts"], "fonts.", c.warnings};
        f.known({"family", "regular", "bold"});
        KIOSK_TRY(f.get("family", c.fontFamily, "a font family name, e.g. \"DejaVu Sans\""));
        KIOSK_TRY(f.get("regular", c.fontRegular, "a font file path"));
        KIOSK_TRY(f.get("bold", c.fontBold, "a font file path"));
    }
    if (j.contains("stats")) {  // statistics (issue 14, docs/privacy.md)
        if (!j["stats"].is_object()) return core::fail(path + ": stats: expected an object");
        Reader st{j["stats"], "stats.", c.warnings};
        StatsConfig& sc = c.stats;
        st.known({"database", "kiosk_id", "matomo_url", "matomo_site_id", "matomo_token", "matomo_kiosk_dimension",
                  "matomo_content_dimension", "post_url", "upload_seconds", "raw_days"});
        KIOSK_TRY(st.get("database", sc.database, "a file path"));
        KIOSK_TRY(st.get("kiosk_id", sc.kioskId, "a name such as \"borne-accueil\""));
        KIOSK_TRY(st.get("matomo_url", sc.matomoUrl, "a URL ending in /matomo.php"));
        KIOSK_TRY(st.get("matomo_site_id", sc.matomoSiteId, "Matomo's site id (a number)"));
        KIOSK_TRY(st.get("matomo_token", sc.matomoToken, "a token_auth (text)"));
        KIOSK_TRY(st.get("matomo_kiosk_dimension", sc.matomoKioskDimension, "a custom dimension id (a number)"));
        KIOSK_TRY(st.get("matomo_content_dimension", sc.matomoContentDimension, "a custom dimension id (a number)"));
        KIOSK_TRY(st.get("post_url", sc.postUrl, "a URL"));
        KIOSK_TRY(st.get("upload_seconds", sc.uploadSeconds, "a number of seconds"));
        KIOSK_TRY(st.get("raw_days", sc.rawDays, "a number of days"));
        if (!sc.matomoUrl.empty() && (sc.matomoSiteId <= 0 || sc.matomoToken.empty())) {
            return core::fail(path + ": stats.matomo_url needs stats.matomo_site_id and stats.matomo_token");
        }
        if (sc.uploadSeconds < 10) return core::fail(path + ": stats.upload_seconds: expected at least 10");
        if (sc.rawDays < 1 || sc.rawDays > 400) return core::fail(path + ": stats.raw_days: expected 1 to 400");
        if (!sc.kioskId.empty() && !core::stats::isSafeToken(sc.kioskId)) {
            return core::fail(path + ": stats.kiosk_id: expected letters, digits, '-', '_' or '.', at most 64");
        }
        sc.database = resolve(base, sc.database);
    }
    if (auto s = readSupervision(j, path, c); !s) return core::fail(s.error());
    if (auto s = readLiveSource(j, path, c); !s) return core::fail(s.error());
    c.contentDir = resolve(base, c.contentDir);
    c.stateDir = resolve(base, c.stateDir);  // "": stateDirFor decides
    c.supervision.metricsFile = resolve(base, c.supervision.metricsFile);
    c.cacheDir = c.cacheDir.empty() ? defaultCacheDir() : resolve(base, c.cacheDir);  // "": the default
    c.caFile = resolve(base, c.caFile);
    for (auto& root : c.allowedFileRoots) root = resolve(base, root);
    return c;
}

}  // namespace kiosk::app
