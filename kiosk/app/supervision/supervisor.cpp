// The supervisor's wiring of watchdog, metrics, heartbeat and screen monitor (see supervisor.hpp).
#include "app/supervision/supervisor.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "core/log.hpp"
#include "core/sync/trusted_time.hpp"

namespace kiosk::app {
namespace sv = core::supervision;

namespace {
double unixNow() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }
double toUnix(core::Instant t) { return static_cast<double>(t.time_since_epoch().count()); }
}  // namespace

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) return "kiosk";
    return buf;
}

void fillSyncHealth(sv::KioskHealth& h, const core::sync::SyncStatus& sync) {
    h.cacheVersion = sync.currentVersion;
    h.lastSyncSuccessUnix = sync.lastSuccess ? std::optional(toUnix(*sync.lastSuccess)) : std::nullopt;
    // The status keeps the last attempt; it failed when it left an error.
    const bool failed = !sync.lastError.empty() && sync.lastAttempt;
    if (failed) h.lastSyncFailureUnix = toUnix(*sync.lastAttempt);
    h.syncFailuresInARow = sync.consecutiveFailures;
    h.trustedTimeUnix = sync.trustedTime ? std::optional(toUnix(*sync.trustedTime)) : std::nullopt;
}

Supervisor::Supervisor(const Config& config, SupervisorCallbacks callbacks)
    : settings_(config.supervision),
      callbacks_(std::move(callbacks)),
      monitor_(sv::MonitorSettings{}, callbacks_.recovery) {
    health_.kioskId = hostName();
    health_.softwareVersion = KIOSK_VERSION;
    startedAt_ = monotonic();
    if (!settings_.metricsFile.empty()) metrics_.emplace(settings_.metricsFile);
    if (!settings_.heartbeatUrl.empty()) {
        sv::HeartbeatSettings hs;
        hs.url = settings_.heartbeatUrl;
        hs.token = settings_.heartbeatToken;
        hs.queueDir = std::filesystem::path(stateDirFor(config)) / "heartbeats";
        hs.caFile = config.caFile;
        sv::HeartbeatCallbacks cb{callbacks_.screenshotRequested, callbacks_.syncRequested};
        heartbeat_ = std::make_unique<sv::HeartbeatService>(hs, cb);
    }
}

Supervisor::~Supervisor() {
    if (heartbeat_) heartbeat_->stop();
}

double Supervisor::monotonic() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void Supervisor::start() {
    if (heartbeat_) {
        if (auto s = heartbeat_->start(); !s) {
            core::log::warning("heartbeat off: " + s.error());
            heartbeat_.reset();
        }
    }
}

void Supervisor::framePresented(const sv::FrameSummary* sample, bool expectsMotion) {
    ++health_.framesDrawn;
    if (!sample) return;
    const sv::ScreenState was = monitor_.state();
    const sv::ScreenState now = monitor_.observe(*sample, expectsMotion, monotonic());
    if (now != was) {
        const std::string text = std::string("screen: ") + sv::screenStateName(now);
        now == sv::ScreenState::Ok ? core::log::info(text) : core::log::warning(text);
    }
}

void Supervisor::update(std::int64_t presentedVersion, std::optional<double> publishedUnix,
                        const core::sync::SyncStatus& sync) {
    const double now = monotonic();
    fillSyncHealth(health_, sync);
    monitor_.setVersions(presentedVersion, health_.cacheVersion);
    health_.contentVersion = presentedVersion;
    health_.contentPublishedUnix = publishedUnix;
    const bool metricsDue = metrics_ && now - lastMetrics_ >= metricsSeconds;
    const bool heartbeatDue = heartbeat_ && now - lastHeartbeat_ >= settings_.heartbeatSeconds;
    if (!metricsDue && !heartbeatDue) return;
    health_.nowUnix = unixNow();
    health_.clockWarning =
        health_.trustedTimeUnix && *health_.trustedTimeUnix - health_.nowUnix >
                                       std::chrono::duration<double>(core::sync::kFarAheadOfSystemClock).count();
    health_.uptimeSeconds = now - startedAt_;
    health_.residentBytes = sv::residentSetBytes();
    health_.lastFrameHash = monitor_.lastHash();
    health_.secondsSincePictureChanged = monitor_.secondsSinceChange(now);
    health_.screen = monitor_.state();
    health_.recoveryStep = monitor_.recoveryStep();
    if (metricsDue) {
        lastMetrics_ = now;
        if (auto s = metrics_->write(health_); !s) core::log::warning(s.error());
    }
    if (heartbeatDue) {
        lastHeartbeat_ = now;
        heartbeat_->submit(health_);
    }
}

void Supervisor::crashGuard(const core::sync::GuardState& state) {
    health_.crashGuardState = core::sync::guardLevelName(state.level);
    health_.versionsSetAside = core::sync::activeSetAside(state);
}

double Supervisor::maxSleepSeconds(double fallback) const {
    double wait = watchdog_.maxSleepSeconds(fallback);
    const double now = monotonic();
    if (metrics_) wait = std::min(wait, lastMetrics_ + metricsSeconds - now);
    if (heartbeat_) wait = std::min(wait, lastHeartbeat_ + settings_.heartbeatSeconds - now);
    return std::max(0.0, wait);
}

void Supervisor::screenshotTaken(std::vector<std::uint8_t> png) {
    if (heartbeat_) heartbeat_->submitScreenshot(std::move(png));
}

}  // namespace kiosk::app
