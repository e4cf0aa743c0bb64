// The kiosk's main loop as an object: pump input, run what workers posted to the inbox,
// draw when something changed, sleep until the next due time. The real program and the
// loop tests run this same object; only the event source differs (SDL's wait, or a
// driven one that advances a manual clock instead of sleeping).
//
// Redraw contract (docs/architecture.md): any input, arrival or timer is followed by at
// least kSettleFrames frames and then by frames until two in a row draw the same thing
// (an immediate-mode UI changes state while drawing); otherwise nothing is drawn and the
// loop sleeps until the UI's next change (slide, countdown second, clock minute).
#pragma once

#include <SDL.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "app/content_guard.hpp"
#include "app/inbox.hpp"
#include "app/live_feed.hpp"
#include "app/runtime.hpp"
#include "app/staff_mode.hpp"
#include "app/stats_setup.hpp"
#include "app/supervision/presented_frames.hpp"
#include "app/supervision/supervisor.hpp"
#include "core/clock.hpp"
#include "core/sync/cache_lock.hpp"
#include "core/sync/staff_socket.hpp"
#include "core/sync/sync_service.hpp"
#include "platform/imgui_renderer.hpp"
#include "platform/texture_cache.hpp"
#include "platform/video.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk::app {

// Where the loop gets its events and how it sleeps.
class EventSource {
public:
    virtual ~EventSource() = default;
    // Waits at most `seconds` (> 0) for an event; false when none came in that time.
    virtual bool wait(SDL_Event& e, double seconds) = 0;
    // An event already queued, without waiting.
    virtual bool poll(SDL_Event& e) { return SDL_PollEvent(&e) == 1; }
};

// The real program's: SDL_WaitEventTimeout.
class SdlEventSource final : public EventSource {
public:
    bool wait(SDL_Event& e, double seconds) override;
};

// What the caller provides; every pointer must outlive the App.
struct AppParts {
    platform::Video* video = nullptr;
    const core::Clock* clock = nullptr;      // what the UI and sync read
    core::KioskClock* kioskClock = nullptr;  // when set: --now simulates on it, sync raises its floor
    EventSource* events = nullptr;
    ui::SpeechOutput* speech = nullptr;       // may be null: no read-aloud
    ui::EarconOutput* earcons = nullptr;      // may be null: keypad moves are silent
    const std::atomic<bool>* stop = nullptr;  // set by a signal handler (SIGTERM): leave the loop
};

class App {
public:
    static constexpr int kSettleFrames = 2;  // ImGui shows a new auto-sized window one frame late
    static constexpr int kMaxSettleFrames = 30;
    static constexpr double kAnimationFps =
        30;  // crossfades and inertial scrolling  // a UI that never settles is a bug: stop forcing

    App(const Runtime& rt, AppParts parts);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Creates the ImGui context, fonts and renderer and starts loading the content on a
    // worker. Error with a sentence for the log.
    core::Status init();
    // Turns until a staff exit, a stop signal or a fatal problem; returns the exit code.
    int run();
    // One turn: wait for input or the next due time (at most `maxWait` s), handle events,
    // run the inbox, draw when needed. False once the loop has ended.
    bool turn(double maxWait = 3600);
    // Seconds until something must be drawn (0: a frame is due now).
    double secondsUntilDue() const;
    // Draws and presents one frame now, whatever the loop thinks (tests compare it).
    void drawFrame();

    int exitCode() const { return exitCode_; }
    bool running() const { return running_; }
    std::uint64_t framesPresented() const { return frames_; }
    std::uint64_t lastFrameHash() const { return lastHash_; }
    // True while content loads or images decode on workers (tests wait for them).
    bool workersBusy() const;
    bool showingContent() const { return ui_ && ui_->content(); }
    ui::KioskUi& ui() { return *ui_; }
    Inbox& inbox() { return inbox_; }
    platform::TextureCache& images() { return *images_; }
    core::sync::SyncService* sync() { return sync_.get(); }
    core::import::LiveService* live() { return live_.get(); }  // null: no live_source
    Supervisor& supervisor() { return *supervisor_; }
    StatsServices& stats() { return *stats_; }
    StaffMode& staff() { return *staff_; }
    // The crash guard's state as last posted by its threads (Ok for a kiosk without a feed).
    const core::sync::GuardState& crashGuardState() const { return guardState_; }
    // The SDL event type that wakes the loop for the inbox.
    static Uint32 wakeEventType();

private:
    void handleEvent(const SDL_Event& e);
    void startContent(core::sync::StartContent start);
    void startSync();
    void startLive(const std::string& feedDir);  // the live_source worker (app/live_feed.hpp), once
    void applySeated(bool seated);
    void settle() { settle_ = std::max(settle_, kSettleFrames); }
    void startSupervision();
    void reloadContent(std::function<void(std::string)> done = {});  // done: "version N", on the main thread
    void superviseTurn();
    // Content as this kiosk shows it: its groups' items, valid now (core/targeting.hpp).
    std::shared_ptr<const core::Content> targeted(const std::shared_ptr<const core::Content>& source);

    Runtime rt_;
    AppParts parts_;
    Inbox inbox_;
    bool syncing_ = false;
    std::thread loader_;
    std::atomic<bool> loading_{false};
    std::unique_ptr<ui::KioskUi> ui_;
    std::unique_ptr<platform::ImGuiRenderer> renderer_;
    std::unique_ptr<platform::TextureCache> images_;
    std::unique_ptr<core::sync::SyncService> sync_;
    std::unique_ptr<ContentGuard> guard_;                   // syncing kiosks: a version that crashes it is set aside
    core::sync::GuardState guardState_;                     // as the guard last posted it
    std::optional<core::sync::CacheLock> cacheLock_;        // one writer: this kiosk, while it runs
    std::unique_ptr<core::sync::StaffSocket> staffSocket_;  // kiosk status / rollback / sync
    std::unique_ptr<core::import::LiveService> live_;       // live_source: the feed merged with it
    std::unique_ptr<TextsRecord> texts_;                    // --texts FILE while running
    std::shared_ptr<const core::Content> source_;           // the feed before targeting
    std::optional<core::Instant> retargetAt_;
    std::unique_ptr<StatsServices> stats_;
    std::unique_ptr<Supervisor> supervisor_;
    std::unique_ptr<PresentedFrames> presented_;  // only when metrics or a heartbeat are configured
    std::unique_ptr<StaffMode> staff_;            // the on-screen staff mode (gesture, PIN, panel)
    std::int64_t shownVersion_ = -1;
    ui::InputQueue input_;
    bool imguiCreated_ = false;
    bool running_ = true;
    int exitCode_ = 0;
    int settle_ = kSettleFrames;  // frames still to draw whatever happens
    int unsettled_ = 0;           // frames in a row that differed from the previous one
    std::uint64_t frames_ = 0, lastHash_ = 0;
    double lastFrameAt_ = 0, lastAgeCheck_ = -1e9;
    bool seated_ = false, firstContentFrame_ = true;
    double startedAt_ = 0;
};

}  // namespace kiosk::app
