// The kiosk's main loop (see app.hpp): one inbox for workers, one clock, frames drawn on
// demand until the UI settles, and a window that only staff can close.
#include "app/app.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <string_view>

#include <unistd.h>

#include "app/modes.hpp"
#include "app/supervision/test_hang.hpp"
#include "app/sync_once.hpp"
#include "core/log.hpp"
#include "core/targeting.hpp"
#include "platform/events.hpp"

namespace kiosk::app {
namespace {

// What was drawn, as a number: two frames with the same hash look the same (same
// vertices, indices, textures and clip rectangles).
std::uint64_t hashDrawData(const ImDrawData* dd) {
    if (!dd) return 0;
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](const void* p, std::size_t n) {
        h ^= std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(p), n)) + 0x9e3779b97f4a7c15ull +
             (h << 6) + (h >> 2);
    };
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        const ImDrawList* l = dd->CmdLists[i];
        mix(l->VtxBuffer.Data, static_cast<std::size_t>(l->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(l->IdxBuffer.Data, static_cast<std::size_t>(l->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : l->CmdBuffer) {
            const float clip[4] = {c.ClipRect.x, c.ClipRect.y, c.ClipRect.z, c.ClipRect.w};
            mix(clip, sizeof clip);
            const ImTextureID tex = c.TextureId;
            mix(&tex, sizeof tex);
            const unsigned int counts[3] = {c.VtxOffset, c.IdxOffset, c.ElemCount};
            mix(counts, sizeof counts);
        }
    }
    return h;
}

}  // namespace

bool SdlEventSource::wait(SDL_Event& e, double seconds) {
    const int ms = static_cast<int>(std::min(std::ceil(seconds * 1000.0), 3600.0 * 1000.0));
    return SDL_WaitEventTimeout(&e, std::max(ms, 1)) == 1;
}

Uint32 App::wakeEventType() {
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

App::App(const Runtime& rt, AppParts parts)
    : rt_(rt), parts_(parts), inbox_([] {
          SDL_Event wake{};
          wake.type = wakeEventType();
          SDL_PushEvent(&wake);
      }) {
    syncing_ = !rt_.config.feedUrl.empty() && rt_.options.contentDir.empty();
}

App::~App() {
    if (parts_.speech) parts_.speech->setChangeNotifier({});  // before the inbox goes
    staff_.reset();                                           // joins its workers before what they post to goes away
    if (loader_.joinable()) loader_.join();
    if (guard_ && exitCode_ == 0) guard_->exitNormally();  // a normal exit is no crash
    if (supervisor_) supervisor_->watchdog().stopping();
    presented_.reset();
    if (staffSocket_) staffSocket_->stop();
    if (sync_) sync_->stop();
    if (live_) live_->stop();
    if (ui_) ui_->setStatsSink(nullptr);
    stats_.reset();  // writes what is queued
    if (ui_) {
        ui_->setImageSource(nullptr);
        ui_->setSpeechOutput(nullptr);
        ui_->setEarconOutput(nullptr);
    }
    images_.reset();
    renderer_.reset();
    ui_.reset();
    if (imguiCreated_) ImGui::DestroyContext();
}

core::Status App::init() {
    startedAt_ = parts_.clock->seconds();
    (void)wakeEventType();
    // Offline first: the last good version straight from the cache, before any request.
    // A kiosk configured with a feed never shows the bundled demo event as its programme.
    loading_ = true;
    const std::string bundled = rt_.contentDir();
    const std::string cacheDir = rt_.config.cacheDir;
    const bool syncing = syncing_;
    if (syncing) {
        ContentGuardOptions go;
        go.onState = [this](core::sync::GuardState state) {
            inbox_.post([this, state = std::move(state)] {
                guardState_ = state;
                supervisor_->crashGuard(state);
                settle();  // the staff panel's row
            });
        };
        guard_ = std::make_unique<ContentGuard>(cacheDir, *parts_.clock, std::move(go));
    }
    loader_ = std::thread([this, bundled, cacheDir, syncing] {
        core::sync::StartContent s;
        if (!syncing) {
            s.load = core::loadFeed(bundled);
            s.source = bundled;
        } else {
            s = guard_->startContent(bundled);  // the cache's current version, bad ones skipped
            if (s.version == 0) {               // nothing cached yet: the neutral "content loading" screen
                s.load = core::LoadResult{};
                s.source = "none yet";
            }
        }
        auto shared = std::make_shared<core::sync::StartContent>(std::move(s));
        inbox_.post([this, shared] { startContent(std::move(*shared)); });
    });

    ImGui::CreateContext();
    imguiCreated_ = true;
    platform::Video& video = *parts_.video;
    ui::UiOptions uo = rt_.uiOptions();
    if (syncing_) {
        uo.feedHost = urlHost(rt_.config.feedUrl);
        char host[256] = {};
        if (gethostname(host, sizeof host - 1) == 0) uo.kioskName = host;
    }
    ui_ = std::make_unique<ui::KioskUi>(*parts_.clock, ui::Metrics(rt_.geometry(video.width(), video.height())), uo);
    if (auto s = ui_->init(nullptr); !s) return s;
    renderer_ = std::make_unique<platform::ImGuiRenderer>(video.renderer());
    platform::TextureCacheOptions imageOptions;
    imageOptions.decoder.onFinished = [this] { inbox_.post([] {}); };  // wake: a decoded image waits to be shown
    images_ = std::make_unique<platform::TextureCache>(video.renderer(), imageOptions);
    ui_->setImageSource(images_.get());
    ui_->setSpeechOutput(parts_.speech);
    if (parts_.speech) parts_.speech->setChangeNotifier([this] { inbox_.post([] {}); });  // wake: speech ended or will
    ui_->setEarconOutput(parts_.earcons);
    stats_ = startStats(rt_.config, *parts_.clock);
    ui_->setStatsSink(&stats_->sink());
    if (!rt_.options.textsFile.empty()) {  // tests read what the running kiosk draws
        ui_->frameState().records.texts = true;
        texts_ = std::make_unique<TextsRecord>(rt_.options.textsFile);
    }
    startSupervision();
    StaffHooks staffHooks;
    staffHooks.post = [this](std::function<void()> task) { inbox_.post(std::move(task)); };
    staffHooks.settle = [this] { settle(); };
    staffHooks.sync = [this] { return sync_.get(); };
    staffHooks.guard = [this] { return guard_ ? std::optional<core::sync::GuardState>(guardState_) : std::nullopt; };
    staffHooks.reload = [this](std::function<void(std::string)> done) { reloadContent(std::move(done)); };
    staffHooks.leave = [this](int code, const std::string& why) {
        core::log::info(why);
        exitCode_ = code;
        running_ = false;
    };
    staff_ = std::make_unique<StaffMode>(rt_, *parts_.clock, *ui_, std::move(staffHooks));
    return core::Ok{};
}

// The watchdog, metrics, heartbeat and the monitor of what is presented, with the
// recovery ladder acting on this loop. The heartbeat's requests arrive on its worker:
// they are posted to the inbox.
void App::startSupervision() {
    SupervisorCallbacks cb;
    cb.screenshotRequested = [this] {
        inbox_.post([this] {
            if (presented_) presented_->requestScreenshot();
            settle();  // the screenshot is of the next presented frame
        });
    };
    cb.syncRequested = [this] {
        inbox_.post([this] {
            if (sync_) sync_->syncNow();
        });
    };
    cb.recovery.redraw = [this] {
        renderer_->fontsChanged();
        settle();
    };
    cb.recovery.reloadContent = [this] { reloadContent(); };
    cb.recovery.exitForRestart = [this] {
        core::log::error("the screen is stuck: leaving so that systemd restarts the kiosk");
        exitCode_ = 3;
        running_ = false;
    };
    supervisor_ = std::make_unique<Supervisor>(rt_.config, std::move(cb));
    supervisor_->start();
    if (!rt_.config.supervision.metricsFile.empty() || !rt_.config.supervision.heartbeatUrl.empty()) {
        presented_ = std::make_unique<PresentedFrames>(*parts_.video, *supervisor_);
    }
}

// Recovery: the cache's current version again, loaded on a worker like at start.
void App::reloadContent(std::function<void(std::string)> done) {
    if (loading_ || (!syncing_ && !done)) {
        if (done) done("busy");
        settle();
        return;
    }
    if (loader_.joinable()) loader_.join();
    loading_ = true;
    const std::string cacheDir = rt_.config.cacheDir, bundled = rt_.contentDir();
    const bool syncing = syncing_;
    loader_ = std::thread([this, cacheDir, bundled, syncing, done] {
        core::sync::StartContent start;
        if (syncing) {
            start = core::sync::SyncService::loadCurrentFromCache(cacheDir, bundled);
        } else {  // staff reload of a kiosk without a feed: its content folder again
            start.load = core::loadFeed(bundled);
            start.version = start.load.content ? std::max<std::int64_t>(1, start.load.content->manifest.version) : 0;
        }
        auto s = std::make_shared<core::sync::StartContent>(std::move(start));
        inbox_.post([this, s, done] {
            if (loader_.joinable()) loader_.join();
            loading_ = false;
            if (live_ && live_->current())
                ui_->setContent(targeted(live_->current()));
            else if (s->version > 0 && s->load.content)
                ui_->setContent(targeted(s->load.content));
            if (done)
                done(s->load.content ? "version " + std::to_string(s->load.content->manifest.version) : "no content");
            settle();
        });
    });
}

void App::superviseTurn() {
    supervisor_->watchdog().tick();
    const core::Content* c = ui_->content();
    const std::int64_t version = c ? c->manifest.version : 0;
    if (version != shownVersion_) {
        shownVersion_ = version;
        if (stats_->recorder) stats_->recorder->setContentVersion(version);
        if (c) supervisor_->watchdog().status("content version " + std::to_string(version));
        if (guard_) guard_->showing(version, parts_.clock->seconds());
        abortIfTestAsks(version);
    }
    const std::optional<double> published =
        c ? std::optional<double>(static_cast<double>(c->manifest.published.instant.time_since_epoch().count()))
          : std::nullopt;
    supervisor_->update(version, published, sync_ ? sync_->status() : core::sync::SyncStatus{});
}

void App::startContent(core::sync::StartContent start) {
    if (loader_.joinable()) loader_.join();
    loading_ = false;
    settle();
    if (!start.load.content && syncing_) {
        if (!start.problem.empty()) core::log::warning("cache not used: " + start.problem);
        core::log::info("no content cached yet: showing \"content loading\" until the first sync from " +
                        rt_.config.feedUrl);
        startSync();
        return;
    }
    logDiagnostics(start.source, start.load.diagnostics);
    if (!start.problem.empty()) core::log::warning("cache not used: " + start.problem);
    if (!start.load.content) {
        core::log::error("no usable content (see the problems above)");
        exitCode_ = 1;
        running_ = false;
        return;
    }
    core::log::info("showing " + start.source);
    auto now = resolveNow(rt_.options, *start.load.content);
    if (!now) {
        core::log::error(now.error());
        exitCode_ = 2;
        running_ = false;
        return;
    }
    if (now.value() && parts_.kioskClock) parts_.kioskClock->simulateFrom(*now.value());
    ui_->setContent(targeted(start.load.content));
    startLive(start.load.content->root);
    if (syncing_) startSync();
}

// The live source's merged programme is offered like a synced version (next safe point).
void App::startLive(const std::string& feedDir) {
    if (live_ || rt_.config.live.url.empty()) return;
    live_ = startLiveSource(rt_, feedDir, [this] {
        inbox_.post([this] {
            if (auto fresh = live_->takeNewContent()) ui_->offerContent(targeted(fresh));
            settle();
        });
    });
}

std::shared_ptr<const core::Content> App::targeted(const std::shared_ptr<const core::Content>& source) {
    source_ = source;
    if (!source) return source;
    const core::KioskIdentity who = kioskIdentity(rt_.config);
    const core::Instant now = parts_.clock->now();
    retargetAt_ = core::nextTargetingChange(*source, who, now);
    return std::make_shared<const core::Content>(core::targetFor(*source, who, now));
}

void App::startSync() {
    if (sync_) return;
    core::sync::SyncServiceConfig config = syncConfigFrom(rt_);
    const std::filesystem::path cacheDir = config.settings.cacheDir;
    // One writer for the cache: staff commands talk to this kiosk through its socket.
    std::error_code ec;
    std::filesystem::create_directories(cacheDir, ec);
    auto lock = core::sync::CacheLock::tryAcquire(cacheDir);
    if (!lock) {
        core::log::error("content sync not started: " + lock.error());
        return;
    }
    cacheLock_.emplace(std::move(lock).value());
    // Sync reads the clock without the trusted floor (it keeps the floor itself).
    sync_ =
        std::make_unique<core::sync::SyncService>(parts_.kioskClock ? parts_.kioskClock->uncorrected() : *parts_.clock);
    core::KioskClock* clock = parts_.kioskClock;
    config.onTrustedTime = [clock](core::Instant t) {
        if (clock) clock->raiseFloor(t);
    };
    config.onTrustedTimeReset = [clock] {
        if (clock) clock->resetFloor();
    };
    core::sync::SyncService* sync = sync_.get();
    config.onPublished = [this, sync] {
        // Taken here, on the sync worker, so that the crash guard records it before it is shown.
        auto fresh = sync->takeNewContent();
        if (fresh && guard_ && !guard_->beforeShowing(fresh->manifest.version)) {
            fresh.reset();  // set aside: the cache went back to the previous version
            inbox_.post([this] { reloadContent(); });
        }
        if (guard_ && guard_->retryDue()) sync->syncNow();  // a set-aside version may come back now
        inbox_.post([this, fresh] {
            if (fresh) {
                if (live_) live_->feedChanged(fresh->root);  // merged again, then offered by the live worker
                if (!live_ || !live_->current()) ui_->offerContent(targeted(fresh));
                startLive(fresh->root);
            }
            lastAgeCheck_ = -1e9;  // the status changed: "programme as of" may have too
            settle();
        });
    };
    if (auto s = sync_->start(std::move(config)); !s) {
        core::log::error("content sync not started: " + s.error());
        return;
    }
    staffSocket_ = std::make_unique<core::sync::StaffSocket>(
        core::sync::staffSocketPath(cacheDir),
        [sync, cacheDir, minFree = rt_.config.minFreeBytes](const std::string& request) {
            core::sync::HealthThresholds thresholds;
            thresholds.minFreeBytes = minFree;
            return core::sync::answerStaffRequest(request, *sync, cacheDir, 120, thresholds);
        });
    if (auto s = staffSocket_->start(); !s) core::log::warning("staff commands cannot reach this kiosk: " + s.error());
}

bool App::workersBusy() const {
    return loading_ || (images_ && images_->stats().loading > 0) || (staff_ && staff_->busy());
}

// The seated layout: the UI moves into the rows within a seated person's reach.
void App::applySeated(bool seated) {
    seated_ = seated;
    platform::Video& video = *parts_.video;
    ui::ScreenGeometry g = rt_.geometry(video.pictureWidth(), video.pictureHeight());
    const ui::ReachBand band = ui::reachBand(g, rt_.config.screen.mountingHeightMm);
    g.dpi = ui::Metrics(g).dpi();
    if (seated && band.overlaps && !band.whole) {
        if (auto s = video.setViewport(band.topPx, band.bottomPx - band.topPx); !s) {
            core::log::error(s.error());
            return;
        }
        g.mountingHeightMm +=
            ui::Metrics(g).mm(static_cast<float>(g.heightPx - band.bottomPx));  // the viewport's bottom row
        g.heightPx = band.bottomPx - band.topPx;
    } else {
        if (seated && !band.overlaps)
            core::log::warning("seated layout asked, but no part of this screen is within reach");
        (void)video.setViewport(0, 0);
    }
    ui_->setMetrics(ui::Metrics(g));
    settle();
}

void App::handleEvent(const SDL_Event& e) {
    if (e.type == wakeEventType()) return;  // the inbox is drained after the events
    platform::Video& video = *parts_.video;
    const auto r = platform::translateEvent(e, video.outputWidth(), video.outputHeight(), input_, &video);
    if (r.pointer) staff_->pointer(r.pointerEvent);
    if (r.staffKeys) staff_->keyboardOpen();
    if (r.digit >= 0) staff_->digit(r.digit);
    if (r.handled && !r.pointer) staff_->keyActivity();
    if (r.closeRequested) core::log::info("a request to close the window was ignored (only staff can leave the kiosk)");
    if (r.handled) {
        settle();
        if (r.touch) video.showCursor(false);
        if (r.mouse) video.showCursor(true);
    }
    if (e.type == SDL_WINDOWEVENT) settle();
}

double App::secondsUntilDue() const {
    if (!running_) return 0;
    if (settle_ > 0 || input_.pending() || !inbox_.empty()) return 0;
    if (!ui_) return 0;
    if (staff_ && staff_->replacesVisitorUi())
        return std::max(0.0, std::min(staff_->secondsUntilChange(), supervisor_->watchdog().maxSleepSeconds(3600.0)));
    if (ui_->needsRedraw()) return 0;
    // Animations are paced: a software renderer would otherwise draw flat out.
    if (ui_->animating()) return std::max(0.0, lastFrameAt_ + 1.0 / kAnimationFps - parts_.clock->seconds());
    double wait = std::min(ui_->secondsUntilChange(), staff_ ? staff_->secondsUntilChange() : 3600.0);
    if (sync_ && ui_->content()) wait = std::min(wait, std::max(0.0, lastAgeCheck_ + 60 - parts_.clock->seconds()));
    if (supervisor_) wait = std::min(wait, supervisor_->watchdog().maxSleepSeconds(3600.0));
    if (retargetAt_) {
        wait = std::min(wait, static_cast<double>((*retargetAt_ - parts_.clock->now()).count()) + 0.5);
    }
    if (guard_) wait = std::min(wait, guard_->secondsUntilDue(parts_.clock->seconds()).value_or(wait));
    return std::max(0.0, wait);
}

bool App::turn(double maxWait) {
    if (!running_) return false;
    hangIfTestAsks();  // TEST ONLY: KIOSK_TEST_HANG_AFTER_SECONDS (supervision/test_hang.hpp)
    double wait = std::min(secondsUntilDue(), maxWait);
    if (supervisor_) wait = std::min(wait, supervisor_->maxSleepSeconds(wait));  // metrics and heartbeat on time
    SDL_Event e;
    bool got = wait <= 0 ? parts_.events->poll(e) : parts_.events->wait(e, wait);
    while (got) {
        handleEvent(e);
        got = parts_.events->poll(e);
    }
    if (parts_.stop && parts_.stop->load()) {
        core::log::info("stop requested (signal): leaving");
        running_ = false;
    }
    if (inbox_.drain() > 0) settle();
    if (!running_) return false;
    if (images_->pump()) settle();
    if (sync_ && ui_->content() && parts_.clock->seconds() - lastAgeCheck_ >= 60) {  // "programme as of <date>"
        lastAgeCheck_ = parts_.clock->seconds();
        const auto age = sync_->contentAge(*ui_->content());
        const std::optional<core::Instant> asOf = age.old ? std::optional<core::Instant>(age.asOf) : std::nullopt;
        if (asOf != ui_->contentAsOf()) {
            ui_->setContentAsOf(asOf);
            settle();
        }
    }
    if (ui_->accessibility().seated != seated_) applySeated(ui_->accessibility().seated);
    if (retargetAt_ && parts_.clock->now() >= *retargetAt_ && source_) {  // an item's validity began or ended
        ui_->offerContent(targeted(source_));
        settle();
    }
    if (guard_) guard_->tick(parts_.clock->seconds());
    staff_->turn();
    if (!running_) return false;
    if (secondsUntilDue() <= 0) drawFrame();
    superviseTurn();
    return running_;
}

void App::drawFrame() {
    platform::Video& video = *parts_.video;
    const double t = parts_.clock->seconds();
    const float dt = frames_ == 0 ? 1.0f / 60.0f : static_cast<float>(t - lastFrameAt_);
    video.beginFrame();
    const bool staffPage = staff_ && staff_->replacesVisitorUi();
    if (staffPage)
        staff_->render(*renderer_, input_, dt);
    else
        renderFrame(*ui_, *renderer_, input_, dt);
    if (texts_) texts_->afterFrame();
    const std::uint64_t hash = hashDrawData(ImGui::GetDrawData());
    if (presented_) presented_->setExpectsMotion(!staffPage && (ui_->animating() || ui_->currentScreen() == "attract"));
    video.endFrame();
    ++frames_;
    lastFrameAt_ = t;
    if (settle_ > 0) --settle_;
    // A frame that differs from the one before may not be the last word yet: draw one
    // more to confirm, unless the UI has changed every frame for too long.
    if (hash != lastHash_ && (staffPage || !ui_->animating())) {  // an animation's frames are paced instead
        if (++unsettled_ < kMaxSettleFrames) settle_ = std::max(settle_, 1);
    } else {
        unsettled_ = 0;
    }
    lastHash_ = hash;
    if (firstContentFrame_ && ui_->content()) {  // for docs/performance.md: start to first frame of content
        firstContentFrame_ = false;
        supervisor_->watchdog().ready("showing content version " + std::to_string(ui_->content()->manifest.version));
        core::log::info("first frame of content " + std::to_string(static_cast<int>((t - startedAt_) * 1000)) +
                        " ms after the loop started");
    }
}

int App::run() {
    while (turn()) {
    }
    return exitCode_;
}

}  // namespace kiosk::app
