// Everything that watches the running kiosk, behind a few calls for the main loop: the
// systemd watchdog, the textfile metrics, the heartbeat to the office and the monitor of
// what is presented (black, frozen, stale) with its recovery ladder.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/supervision/watchdog.hpp"
#include "core/supervision/health.hpp"
#include "core/supervision/heartbeat_service.hpp"
#include "core/supervision/metrics_writer.hpp"
#include "core/supervision/presented_frame_monitor.hpp"
#include "core/sync/crash_guard_state.hpp"
#include "core/sync/sync_status.hpp"

namespace kiosk::app {

// What the app does on the supervisor's behalf. The heartbeat's two callbacks run on the
// heartbeat worker: post them to the main-thread inbox. The ladder's run on the main thread.
struct SupervisorCallbacks {
    std::function<void()> screenshotRequested;  // then call Supervisor::screenshotTaken(png)
    std::function<void()> syncRequested;        // e.g. SyncService::syncNow()
    core::supervision::RecoveryActions recovery;
};

// Threads: main thread, except screenshotTaken() (any thread).
class Supervisor {
public:
    Supervisor(const Config& config, SupervisorCallbacks callbacks);
    ~Supervisor();

    // Starts the heartbeat worker when configured; problems are logged, never fatal.
    void start();
    Watchdog& watchdog() { return watchdog_; }

    // After each present: `sample` is the summary of what was presented when the app
    // read it back this frame (about once a second is enough), else nullptr.
    void framePresented(const core::supervision::FrameSummary* sample, bool expectsMotion);
    // Each loop iteration (cheap): versions and sync state; writes the metrics every
    // metricsSeconds and submits a heartbeat every supervision.heartbeat_seconds.
    void update(std::int64_t presentedVersion, std::optional<double> publishedUnix, const core::sync::SyncStatus& sync);
    // The crash guard's state, as ContentGuard posted it (metrics and heartbeat).
    void crashGuard(const core::sync::GuardState& state);
    // The PNG the office asked for (exactly the presented frame).
    void screenshotTaken(std::vector<std::uint8_t> png);

    // The longest the main loop may sleep before it must turn again: for the watchdog
    // (WatchdogSec/2) and for the next metrics write or heartbeat, which update() makes,
    // so that they are on time however still the screen is. At most `fallback`.
    double maxSleepSeconds(double fallback) const;

    const core::supervision::KioskHealth& health() const { return health_; }
    core::supervision::ScreenState screenState() const { return monitor_.state(); }
    static constexpr double metricsSeconds = 15;

private:
    double monotonic() const;

    Config::Supervision settings_;
    SupervisorCallbacks callbacks_;
    Watchdog watchdog_;
    core::supervision::PresentedFrameMonitor monitor_;
    std::optional<core::supervision::MetricsWriter> metrics_;
    std::unique_ptr<core::supervision::HeartbeatService> heartbeat_;
    core::supervision::KioskHealth health_;
    double startedAt_ = 0, lastMetrics_ = -1e9, lastHeartbeat_ = -1e9;
};

// The host name (the kiosk's id in metrics and heartbeats).
std::string hostName();
// Sync status into the health fields (last success / failure, failures in a row, cache version).
void fillSyncHealth(core::supervision::KioskHealth& health, const core::sync::SyncStatus& sync);

}  // namespace kiosk::app
