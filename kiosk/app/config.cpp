// Reading the kiosk's commented JSON configuration (see config.hpp).
#include "app/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

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
        try {
            out = j.at(key).get<T>();
            return core::Ok{};
        } catch (const json::exception&) {
            return core::fail(prefix + key + ": expected " + expected + ", got " + j.at(key).dump());
        }
    }
};

std::string resolve(const fs::path& base, const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute()) return p;
    return (base / p).lexically_normal().string();
}

#define KIOSK_TRY(expr)                                  \
    do {                                                 \
        if (auto s_ = (expr); !s_) return core::fail(s_.error()); \
    } while (0)

}  // namespace

std::string defaultCacheDir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/kiosk";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/kiosk";
    return "/tmp/kiosk-cache";
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
    json j;
    try {
        j = json::parse(buf.str(), nullptr, true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
        return core::fail(path + ": not valid JSON (comments are allowed): " + e.what());
    }
    if (!j.is_object()) return core::fail(path + ": expected an object { ... }");
    Config c = defaultConfig();
    c.path = path;
    const fs::path base = fs::absolute(path).parent_path();
    Reader r{j, "", c.warnings};
    r.known({"content_dir", "cache_dir", "language", "idle_seconds", "here", "screen", "fonts", "feed_url",
             "poll_seconds", "allowed_file_roots", "ca_file", "max_download_bytes", "max_feed_bytes",
             "min_free_bytes"});
    KIOSK_TRY(r.get("content_dir", c.contentDir, "a folder path"));
    KIOSK_TRY(r.get("cache_dir", c.cacheDir, "a folder path"));
    KIOSK_TRY(r.get("language", c.language, "\"fr\" or \"en\""));
    KIOSK_TRY(r.get("idle_seconds", c.idleSeconds, "a number of seconds"));
    KIOSK_TRY(r.get("feed_url", c.feedUrl, "a URL (https://..., http://... or file:///...)"));
    KIOSK_TRY(r.get("poll_seconds", c.pollSeconds, "a number of seconds"));
    KIOSK_TRY(r.get("allowed_file_roots", c.allowedFileRoots, "a list of folder paths"));
    KIOSK_TRY(r.get("ca_file", c.caFile, "a PEM file path"));
    KIOSK_TRY(r.get("max_download_bytes", c.maxDownloadBytes, "a number of bytes"));
    KIOSK_TRY(r.get("max_feed_bytes", c.maxFeedBytes, "a number of bytes"));
    KIOSK_TRY(r.get("min_free_bytes", c.minFreeBytes, "a number of bytes"));
    if (c.pollSeconds < 10) return core::fail(path + ": poll_seconds: expected at least 10");
    if (c.language != "fr" && c.language != "en") return core::fail(path + ": language: expected \"fr\" or \"en\"");
    if (c.idleSeconds < 10) return core::fail(path + ": idle_seconds: expected at least 10");
    if (j.contains("here") && j["here"].is_object()) {
        Reader h{j["here"], "here.", c.warnings};
        h.known({"place"});
        KIOSK_TRY(h.get("place", c.herePlace, "a place id"));
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
        if (sc.diagonalInches < 5 || sc.diagonalInches > 200) return core::fail(path + ": screen.diagonal_inches: expected 5 to 200");
        if (sc.viewingDistanceMm < 200 || sc.viewingDistanceMm > 5000) {
            return core::fail(path + ": screen.viewing_distance_mm: expected 200 to 5000");
        }
        if (sc.rotation % 90 != 0 || sc.rotation < 0 || sc.rotation > 270) {
            return core::fail(path + ": screen.rotation: expected 0, 90, 180 or 270");
        }
    }
    if (j.contains("fonts") && j["fonts"].is_object()) {
        Reader f{j["fonts"], "fonts.", c.warnings};
        f.known({"regular", "bold"});
        KIOSK_TRY(f.get("regular", c.fontRegular, "a font file path"));
        KIOSK_TRY(f.get("bold", c.fontBold, "a font file path"));
    }
    c.contentDir = resolve(base, c.contentDir);
    c.cacheDir = c.cacheDir.empty() ? defaultCacheDir() : resolve(base, c.cacheDir);  // "": the default
    c.caFile = resolve(base, c.caFile);
    for (auto& root : c.allowedFileRoots) root = resolve(base, root);
    return c;
}

}  // namespace kiosk::app
