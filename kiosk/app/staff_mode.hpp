// The on-screen staff mode (issue 12, docs/staff-mode.md): the corner gesture or
// Ctrl+Alt+Q opens a PIN keypad; the right PIN opens the panel (status and actions);
// two minutes without a touch, or Close, go back to a fresh visitor view. The App feeds
// it input and draws it instead of the visitor UI; the slow parts (Argon2id check,
// rollback, free disk) run on worker threads and come back through the App's inbox.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/runtime.hpp"
#include "core/clock.hpp"
#include "core/staff/staff_pin.hpp"
#include "core/sync/crash_guard_state.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/staff/corner_gesture.hpp"
#include "ui/staff/staff_screens.hpp"

namespace kiosk::platform {
class ImGuiRenderer;
}

namespace kiosk::app {

// Exit codes of the staff actions (docs/staff-mode.md; the systemd unit restarts on
// every code but kExitStaff, see RestartPreventExitStatus in config/systemd).
inline constexpr int kExitStaff = 0;     // "Exit the kiosk": stays stopped under systemd
inline constexpr int kExitRestart = 75;  // "Restart the kiosk": systemd's Restart=always starts it again

// What the staff mode needs from the App (all called on the main thread).
struct StaffHooks {
    std::function<void(std::function<void()>)> post;               // the inbox: any thread
    std::function<void()> settle;                                  // draw the next frames
    std::function<core::sync::SyncService*()> sync;                // null: no feed_url
    std::function<std::optional<core::sync::GuardState>()> guard;  // nullopt: no crash guard (no feed_url)
    std::function<void(std::function<void(std::string)>)> reload;  // reloads; calls back with "version N"
    std::function<void(int, const std::string&)> leave;            // ends the loop with an exit code
};

class StaffMode {
public:
    static constexpr double kPanelTimeoutSeconds = 120;  // without a touch: back to the visitors
    static constexpr double kKeypadTimeoutSeconds = 60;

    StaffMode(const Runtime& rt, const core::Clock& clock, ui::KioskUi& ui, StaffHooks hooks);
    ~StaffMode();  // waits for its workers
    StaffMode(const StaffMode&) = delete;
    StaffMode& operator=(const StaffMode&) = delete;

    // Every pointer event, before the visitor UI sees it (screen pixels).
    void pointer(const ui::PointerEvent& e);
    // Ctrl+Alt+Q on a keyboard: the same keypad, never a direct exit.
    void keyboardOpen();
    // A digit typed on a keyboard (only used on the keypad).
    void digit(int d);
    // Any key: activity for the timeout.
    void keyActivity();

    bool active() const { return state_ != State::Closed; }
    bool keypadShown() const { return state_ == State::Keypad; }
    bool panelShown() const { return state_ == State::Panel; }
    bool previewing() const { return state_ == State::Preview; }
    // Keypad or panel: the App draws render() instead of the visitor UI.
    bool replacesVisitorUi() const { return state_ == State::Keypad || state_ == State::Panel; }
    // One frame of the keypad or panel.
    void render(platform::ImGuiRenderer& renderer, ui::InputQueue& input, float dt);
    // Each loop turn, after the inbox: timeouts, sync results.
    void turn();
    // Seconds until the staff page changes by itself (countdown, timeout); large when closed.
    double secondsUntilChange() const;
    // A worker runs (tests wait for it).
    bool busy() const { return workers_.load() > 0; }

    // For tests and the panel.
    const ui::staff::StaffView& view() const { return view_; }
    int wrongTries() const { return throttle_.failures(); }
    void close();

private:
    enum class State { Closed, Keypad, Panel, Preview };
    void open();
    void handle(const ui::staff::StaffTap& tap);
    void submit();
    void verified(bool ok, std::uint64_t generation);
    void openPanel();
    void startPreview(int index);
    void endPreview();
    void refreshRows();
    void setResult(std::string text, bool failed);
    void runJob(std::function<std::function<void()>()> work);
    void drawPreviewBar();
    double timeoutSeconds() const;

    Runtime rt_;
    const core::Clock& clock_;
    ui::KioskUi& ui_;
    StaffHooks hooks_;
    State state_ = State::Closed;
    ui::staff::CornerGesture gesture_;
    ui::staff::StaffView view_;
    core::staff::PinThrottle throttle_;
    std::string pin_;               // digits typed; cleared as soon as they are checked
    std::uint64_t generation_ = 0;  // a check that comes back after Cancel is dropped
    double lastActivity_ = 0;
    bool ignoreUntilRelease_ = false;  // a press that began on another page: no tap from it
    double startedAt_ = 0;
    long drawnMinute_ = -1;  // the uptime's minute in the last frame drawn
    int shownWait() const;   // the countdown's number now, in whole seconds
    long uptimeMinute() const;
    std::optional<std::uint64_t> syncBefore_;  // attempts() when "sync now" was pressed
    std::string freeDisk_;
    struct Preview {
        std::string label;
        int width, height;
        float diagonal, distance;
    };
    std::vector<Preview> previews_;
    std::optional<ui::Metrics> savedMetrics_;
    float previewW_ = 0, previewH_ = 0;
    core::stats::Sink* savedStats_ = nullptr;
    // After the gesture's long press, until its tap or its time is up: the statistics are
    // held, so the wake-up that press causes is not counted as a visitor's visit.
    core::stats::Sink* heldStats_ = nullptr;
    bool holdingStats_ = false;
    bool holdFromAttract_ = false;  // the press woke the kiosk: its visit was not counted yet
    void releaseHeldStats();
    std::atomic<int> workers_{0};
    std::atomic<bool> stopping_{false};
    std::mutex jobsMutex_;
    std::vector<std::thread> jobs_;
};

}  // namespace kiosk::app
