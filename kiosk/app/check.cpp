// The technician's self-test (`kiosk --check`): renderer, screen size and DPI, fonts,
// content and a writable cache, one line each, and an exit code (0 when all pass).
#include <SDL.h>
#include <imgui.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "app/install_paths.hpp"
#include "app/modes.hpp"
#include "app/sync_once.hpp"
#include "core/content_texts.hpp"
#include "core/files.hpp"
#include "core/sync/sync_service.hpp"
#include "platform/espeak_speech.hpp"
#include "platform/video.hpp"
#include "ui/fonts.hpp"
#include "ui/strings.hpp"

namespace kiosk::app {
namespace {

struct Report {
    int failures = 0;
    void line(const char* status, const std::string& what, const std::string& detail) {
        std::printf("%-5s %-9s %s\n", status, what.c_str(), detail.c_str());
    }
    void ok(const std::string& what, const std::string& detail) { line("ok", what, detail); }
    void warn(const std::string& what, const std::string& detail) { line("warn", what, detail); }
    void fail(const std::string& what, const std::string& detail) {
        line("FAIL", what, detail);
        ++failures;
    }
};

void checkDisplay(const Runtime& rt, Report& r) {
    platform::VideoOptions vo;
    vo.headless = true;
    vo.width = 64;
    vo.height = 64;
    if (auto v = platform::Video::open(vo)) {
        r.ok("renderer", "software renderer for headless screenshots: " + v.value()->rendererName());
    } else {
        r.fail("renderer", v.error());
    }
    const char* display = std::getenv("DISPLAY");
    if ((!display || !*display) && !std::getenv("WAYLAND_DISPLAY")) {
        r.warn("display", "no DISPLAY: the interactive kiosk cannot open here (run the check in the kiosk's session)");
    } else if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        r.fail("display", std::string("cannot open the video system: ") + SDL_GetError());
    } else {
        SDL_DisplayMode mode;
        if (SDL_GetCurrentDisplayMode(0, &mode) == 0) {
            r.ok("display", std::to_string(mode.w) + "x" + std::to_string(mode.h) + " at " +
                                std::to_string(mode.refresh_rate) + " Hz (video driver " + SDL_GetCurrentVideoDriver() +
                                ")");
        }
        SDL_Quit();
    }
    const ui::Metrics m(rt.geometry(rt.requestedWidth(), rt.requestedHeight()));
    char buf[200];
    std::snprintf(buf, sizeof buf, "%dx%d px on %.1f\" = %.0f dpi; body text %.0f px (capital H %.1f mm at %.0f mm)",
                  rt.requestedWidth(), rt.requestedHeight(), rt.config.screen.diagonalInches, m.dpi(),
                  m.fontPxForCapHeight(m.bodyCapHeightMm()), m.bodyCapHeightMm(), rt.config.screen.viewingDistanceMm);
    r.ok("screen", buf);
    bool inReach = false;
    const std::string reach = describeReach(rt, inReach);
    if (inReach)
        r.ok("reach", reach);
    else
        r.warn("reach", reach);
}

void checkSpeech(Report& r) {
    platform::EspeakSpeech speech;
    if (speech.available()) {
        r.ok("speech", speech.engineDescription());
    } else {
        r.warn("speech", speech.engineDescription() + " (the kiosk runs without read-aloud)");
    }
}

void checkFonts(const Runtime& rt, const core::Content* content, Report& r) {
    ImGui::CreateContext();
    std::vector<std::string> texts = ui::allUiStrings();
    if (content) {
        auto more = core::allVisibleTexts(*content);
        texts.insert(texts.end(), more.begin(), more.end());
    }
    auto fonts =
        ui::buildFonts(*ImGui::GetIO().Fonts, {rt.config.fontRegular, rt.config.fontBold}, ui::FontSizes{}, texts);
    if (!fonts) {
        r.fail("fonts", fonts.error());
    } else {
        std::size_t missing = 0;
        std::string example;
        for (const auto& t : texts) {
            for (char32_t c : ui::missingGlyphs(*fonts.value().body, t)) {
                if (missing++ == 0) example = ui::codepointName(c) + " in \"" + t.substr(0, 40) + "\"";
            }
        }
        if (missing) {
            r.fail("fonts", std::to_string(missing) + " characters have no glyph, e.g. " + example);
        } else {
            r.ok("fonts",
                 rt.config.fontRegular + ": every character of " + std::to_string(texts.size()) + " texts is drawable");
        }
    }
    ImGui::DestroyContext();
}

// The configuration holds secrets (the staff PIN's hash, the Matomo and heartbeat tokens):
// readable by every user of the machine, a 4-digit PIN falls to a guessing run in minutes.
void checkSecrets(const Runtime& rt, Report& r) {
    std::vector<std::string> secrets;
    if (!rt.config.staffPinHash.empty()) secrets.push_back("staff_pin_hash");
    if (!rt.config.stats.matomoToken.empty()) secrets.push_back("stats.matomo_token");
    if (!rt.config.supervision.heartbeatToken.empty()) secrets.push_back("supervision.heartbeat_token");
    const std::string file = rt.options.configFile.empty() ? defaultPaths().config : rt.options.configFile;
    struct stat st {};
    if (secrets.empty() || ::stat(file.c_str(), &st) != 0) {
        r.ok("secrets", secrets.empty() ? "the configuration holds no PIN hash or token" : "configuration not found");
        return;
    }
    std::string names;
    for (const auto& s : secrets) names += (names.empty() ? "" : ", ") + s;
    if (st.st_mode & S_IROTH) {
        r.warn("secrets", file + " holds " + names + " and every user can read it: sudo chown root:kiosk " + file +
                              " && sudo chmod 640 " + file);
    } else {
        r.ok("secrets", file + " holds " + names + ", readable by its owner and group only");
    }
}

void checkCache(const Runtime& rt, Report& r) {
    namespace fs = std::filesystem;
    const std::string dir = rt.options.cacheDir.empty() ? rt.config.cacheDir : rt.options.cacheDir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    // The probe goes through the same atomic write as the cache's own files.
    const fs::path probe = fs::path(dir) / ".write-test";
    if (auto s = core::writeFileAtomically(probe, "ok"); !s) {
        r.fail("cache", dir + " is not writable (" + s.error() + "; set cache_dir in the configuration)");
        return;
    }
    fs::remove(probe, ec);
    const core::sync::SyncHealth health = syncHealth(rt);
    const std::string freeText =
        health.freeBytes ? std::to_string(*health.freeBytes >> 20) + " MiB free" : "free space unknown";
    if (health.diskLow) {
        r.fail("cache", dir + " is writable but " + freeText + ", below min_free_bytes (" +
                            std::to_string(rt.config.minFreeBytes >> 20) + " MiB): free some space or move cache_dir");
    } else {
        r.ok("cache", dir + " is writable, " + freeText);
    }
    // A stale sync fails the check (the programme on screen may be days old); a failed last
    // attempt or a version set aside by the crash guard are warnings: the kiosk still runs.
    if (health.stale) {
        r.fail(
            "sync",
            "no successful content sync for more than 12 h: check the network and feed_url (kiosk --status says more)");
    }
    if (health.lastFailed || health.crashed) {
        for (const auto& p : health.problems) {
            if (p.rfind("last sync failed", 0) == 0 || p.find("crash") != std::string::npos) r.warn("sync", p);
        }
    }
    if (!health.stale && !health.lastFailed && !health.crashed) {
        const bool syncing = !(rt.options.feedUrl.empty() ? rt.config.feedUrl : rt.options.feedUrl).empty();
        if (!syncing)
            r.ok("sync", "no feed_url: content sync is off");
        else if (!fs::exists(fs::path(dir) / "status.json"))
            r.warn("sync", "no content sync yet (kiosk --sync-once tries one)");
        else
            r.ok("sync", "content sync is working");
    }
}

// The configuration's "here" must name a place (and room) of the content: a typo would
// otherwise leave the maps without "you are here" and nobody would notice.
void checkHere(const Runtime& rt, const core::Content& c, Report& r) {
    const std::string& place = rt.config.herePlace;
    const std::string& room = rt.config.hereRoom;
    if (place.empty()) {
        r.ok("here", "no \"here\" in the configuration: the maps show no \"you are here\"");
        return;
    }
    if (!c.findPlace(place)) {
        std::string ids;
        for (const core::Place& p : c.places) ids += (ids.empty() ? "" : ", ") + p.id;
        r.fail("here", "here.place \"" + place + "\" is no place of the content; set it to one of: " + ids);
        return;
    }
    if (room.empty()) {
        r.ok("here", "\"you are here\" at " + place);
        return;
    }
    std::string ids;
    for (const core::FloorPlan& plan : c.floorPlans) {
        if (plan.placeId != place) continue;
        for (const core::Room& rm : plan.rooms) {
            if (rm.id == room) {
                r.ok("here", "\"you are here\" at " + place + ", room " + room);
                return;
            }
            ids += (ids.empty() ? "" : ", ") + rm.id;
        }
    }
    r.fail("here", "here.room \"" + room + "\" is no room of " + place + "'s floor plan; " +
                       (ids.empty() ? "that place has no floor plan: remove here.room" : "set it to one of: " + ids));
}

}  // namespace

int runCheck(const Runtime& rt) {
    Report r;
    r.ok("config", rt.config.path.empty() ? "built-in defaults (no configuration file)" : rt.config.path);
    checkDisplay(rt, r);
    core::LoadOptions lo;
    lo.verifyAllFiles = true;
    // A kiosk with a feed shows its cached version, or the neutral "content loading"
    // screen until the first sync: never the bundled event (the app's own rule).
    const std::string feed = rt.syncedFeedUrl();
    std::string shown = rt.contentDir();
    core::LoadResult loaded;
    bool waiting = false;
    if (!feed.empty()) {
        const std::string cacheDir = rt.options.cacheDir.empty() ? rt.config.cacheDir : rt.options.cacheDir;
        auto start = core::sync::SyncService::loadCurrentFromCache(cacheDir, rt.contentDir(), lo);
        waiting = start.version == 0;
        shown = cacheDir + " (" + start.source + ")";
        if (!waiting) loaded = std::move(start.load);
    } else {
        loaded = core::loadFeed(rt.contentDir(), lo);
    }
    const auto& d = loaded.diagnostics;
    const std::string counts = std::to_string(d.count(core::Severity::Fatal)) + " fatal, " +
                               std::to_string(d.count(core::Severity::ItemError)) + " errors, " +
                               std::to_string(d.count(core::Severity::Warning)) + " warnings";
    if (waiting) {
        r.warn("content", "no content from " + urlHost(feed) +
                              " yet: the screen shows \"contenu en cours de chargement / content loading\" until "
                              "the first sync (kiosk sync tries one now)");
    } else if (!loaded.content) {
        r.fail("content", shown + ": cannot be used (" + counts + "; run kiosk-feed validate " + shown + ")");
    } else {
        const auto& c = *loaded.content;
        const std::string what = shown + ": version " + std::to_string(c.manifest.version) + ", " +
                                 std::to_string(c.sessions.size()) + " sessions, " + std::to_string(c.places.size()) +
                                 " places, " + std::to_string(c.demos.size()) + " demos (" + counts + ")";
        if (d.hasErrors())
            r.warn("content", what);
        else
            r.ok("content", what);
        checkHere(rt, c, r);
    }
    checkFonts(rt, loaded.content.get(), r);
    checkCache(rt, r);
    checkSecrets(rt, r);
    checkSpeech(r);
    std::printf("%s\n", r.failures ? "self-test FAILED" : "self-test passed");
    return r.failures ? 1 : 0;
}

}  // namespace kiosk::app
