// Interactive mode: the full-screen kiosk. The last good content comes from the cache
// (or the bundled feed) on a worker thread while the window shows "loading"; then the
// sync service polls the feed in the background and new versions are offered to the
// UI. The loop redraws only for input, animation, decoded images, the clock or new
// content, and otherwise sleeps in SDL_WaitEventTimeout.
#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <optional>

#include "app/modes.hpp"
#include "app/sync_once.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/sync/sync_service.hpp"
#include "platform/espeak_speech.hpp"
#include "platform/events.hpp"
#include "platform/texture_cache.hpp"
#include "platform/video.hpp"

namespace kiosk::app {
namespace {

// The system clock corrected by the newest time a server told us (a kiosk without a
// battery clock may boot in the past), or a simulated clock for previews (--now).
class KioskClock final : public core::Clock {
public:
    core::Instant now() const override {
        if (simulated_) return simulated_->now();
        return sync_ ? std::max(system_.now(), sync_->trustedNow()) : system_.now();
    }
    double seconds() const override { return system_.seconds(); }
    void startAt(core::Instant t) { simulated_.emplace(t); }
    void trust(const core::sync::SyncService* sync) { sync_ = sync; }

private:
    core::SystemClock system_;
    std::optional<core::SimulatedClock> simulated_;
    const core::sync::SyncService* sync_ = nullptr;
};

// The seated layout: the UI moves into the rows within a seated person's reach.
void applySeated(const Runtime& rt, platform::Video& video, ui::KioskUi& ui, bool seated) {
    ui::ScreenGeometry g = rt.geometry(video.pictureWidth(), video.pictureHeight());
    const ui::ReachBand band = ui::reachBand(g, rt.config.screen.mountingHeightMm);
    g.dpi = ui::Metrics(g).dpi();
    if (seated && band.overlaps && !band.whole) {
        if (auto s = video.setViewport(band.topPx, band.bottomPx - band.topPx); !s) {
            core::log::error(s.error());
            return;
        }
        g.heightPx = band.bottomPx - band.topPx;
    } else {
        if (seated && !band.overlaps) core::log::warning("seated layout asked, but no part of this screen is within reach");
        (void)video.setViewport(0, 0);
    }
    ui.setMetrics(ui::Metrics(g));
}

}  // namespace

int runInteractive(const Runtime& rt) {
    const auto started = std::chrono::steady_clock::now();
    const std::string bundled = rt.contentDir();
    const std::string cacheDir = rt.config.cacheDir;
    const bool syncing = !rt.config.feedUrl.empty();
    // Offline first: the last good version straight from the cache, before any request.
    std::future<core::sync::StartContent> loading = std::async(std::launch::async, [=] {
        if (!syncing || !rt.options.contentDir.empty()) {
            core::sync::StartContent s;
            s.load = core::loadFeed(bundled);
            s.source = bundled;
            return s;
        }
        return core::sync::SyncService::loadCurrentFromCache(cacheDir, bundled);
    });

    platform::VideoOptions vo;
    vo.fullscreen = !rt.options.windowed;
    vo.width = rt.requestedWidth();
    vo.height = rt.requestedHeight();
    vo.title = "Kiosk";
    auto opened = platform::Video::open(vo);
    if (!opened) {
        std::fprintf(stderr, "kiosk: %s\n", opened.error().c_str());
        return 1;
    }
    platform::Video& video = *opened.value();
    const auto windowReady = std::chrono::steady_clock::now();
    core::log::info("window ready " +
                    std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(windowReady - started).count()) +
                    " ms after start");
    if (auto s = video.setRotation(rt.config.screen.rotation); !s) core::log::warning(s.error());
    core::log::info("screen " + std::to_string(video.width()) + "x" + std::to_string(video.height()) + " (rotation " +
                    std::to_string(video.rotation()) + "), renderer " + video.rendererName());

    KioskClock clock;
    core::sync::SyncService sync(clock);
    ImGui::CreateContext();
    int code = 0;
    {
        ui::KioskUi ui(clock, ui::Metrics(rt.geometry(video.width(), video.height())), rt.uiOptions());
        // Content usually loads while the window opens: then the fonts are built once, for it.
        std::optional<core::sync::StartContent> early;
        if (loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) early = loading.get();
        if (auto s = ui.init(early && early->load.content ? early->load.content : nullptr); !s) {
            std::fprintf(stderr, "kiosk: %s\n", s.error().c_str());
            code = 1;
        }
        platform::ImGuiRenderer renderer(video.renderer());
        platform::TextureCacheOptions imageOptions;
        imageOptions.decoder.onFinished = [] {  // wake the idle loop: a decoded image waits to be shown
            SDL_Event wake{};
            wake.type = SDL_USEREVENT;
            SDL_PushEvent(&wake);
        };
        platform::TextureCache images(video.renderer(), imageOptions);
        ui.setImageSource(&images);
        platform::EspeakSpeech speech;
        ui.setSpeechOutput(&speech);
        if (!speech.available()) core::log::warning(speech.engineDescription());
        bool seated = false;
        ui::InputQueue input;
        bool running = code == 0, dirty = true, firstContentFrame = true;
        double lastAgeCheck = -1e9;
        double last = clock.seconds();
        while (running) {
            // Sleep until input arrives or something is due; never longer than a second
            // while content loads or new content may come from the sync worker.
            const bool busy = dirty || input.pending() || ui.needsRedraw();
            double wait = busy ? 0.0 : ui.secondsUntilChange();
            if (loading.valid() || early || syncing) wait = std::min(wait, loading.valid() || early ? 0.0 : 1.0);
            SDL_Event e;
            if (wait <= 0 ? SDL_PollEvent(&e) : SDL_WaitEventTimeout(&e, static_cast<int>(wait * 1000) + 1)) {
                do {
                    const auto r = platform::translateEvent(e, video.outputWidth(), video.outputHeight(), input, &video);
                    running = running && !r.quit;
                    dirty = dirty || r.handled || e.type == SDL_WINDOWEVENT;
                } while (SDL_PollEvent(&e));
            }
            if (early || (loading.valid() && loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready)) {
                core::sync::StartContent start = early ? std::move(*early) : loading.get();
                early.reset();
                logDiagnostics(start.source, start.load.diagnostics);
                if (!start.problem.empty()) core::log::warning("cache not used: " + start.problem);
                if (!start.load.content) {
                    std::fprintf(stderr, "kiosk: no usable content (see the problems above)\n");
                    code = 1;
                    break;
                }
                core::log::info("showing " + start.source);
                auto now = resolveNow(rt.options, *start.load.content);
                if (!now) {
                    std::fprintf(stderr, "kiosk: %s\n", now.error().c_str());
                    code = 2;
                    break;
                }
                if (now.value()) clock.startAt(*now.value());
                ui.setContent(start.load.content);
                if (syncing && rt.options.contentDir.empty()) {
                    if (auto s = sync.start(syncConfigFrom(rt)); s) {
                        clock.trust(&sync);
                    } else {
                        core::log::error("content sync not started: " + s.error());
                    }
                }
                dirty = true;
            }
            if (auto fresh = sync.takeNewContent()) {
                ui.offerContent(std::move(fresh));
                dirty = true;
            }
            if (images.pump()) dirty = true;
            if (syncing && ui.content() && clock.seconds() - lastAgeCheck >= 60) {  // "programme as of <date>"
                lastAgeCheck = clock.seconds();
                const auto age = sync.contentAge(*ui.content());
                ui.setContentAsOf(age.old ? std::optional<core::Instant>(age.asOf) : std::nullopt);
            }
            if (ui.accessibility().seated != seated) applySeated(rt, video, ui, seated = ui.accessibility().seated);
            if (!(dirty || input.pending() || ui.needsRedraw())) continue;
            const double t = clock.seconds();
            video.beginFrame();
            renderFrame(ui, renderer, input, static_cast<float>(t - last));
            video.endFrame();
            if (firstContentFrame && ui.content()) {  // for docs/performance.md: start to first frame of content
                firstContentFrame = false;
                const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
                const auto afterWindow = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - windowReady);
                core::log::info("first frame of content " + std::to_string(ms.count()) + " ms after start, " +
                                std::to_string(afterWindow.count()) + " ms after the window appeared");
            }
            last = t;
            dirty = false;
        }
        sync.stop();
        ui.setImageSource(nullptr);
        ui.setSpeechOutput(nullptr);
    }
    ImGui::DestroyContext();
    return code;
}

}  // namespace kiosk::app
