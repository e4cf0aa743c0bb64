// Polling worker and UI-facing handoff of new content (see sync_service.hpp).
#include "core/sync/sync_service.hpp"

#include <chrono>

#include "core/log.hpp"

namespace kiosk::core::sync {

SyncService::SyncService(const Clock& clock) : clock_(clock) {}

SyncService::~SyncService() { stop(); }

StartContent SyncService::loadCurrentFromCache(const std::filesystem::path& cacheDir,
                                               const std::filesystem::path& bundledDir, const LoadOptions& options) {
    StartContent out;
    std::error_code ec;
    if (!cacheDir.empty() && std::filesystem::is_directory(cacheDir, ec)) {
        const ContentCache cache(cacheDir);
        auto loaded = cache.loadCurrent(options);
        out.problem = loaded.problem;
        if (loaded.load.content) {
            out.load = std::move(loaded.load);
            out.version = loaded.version;
            out.source = "cache version " + std::to_string(loaded.version) + (loaded.fromPrevious ? " (previous)" : "");
            return out;
        }
    } else {
        out.problem = "no cache folder yet";
    }
    out.load = loadFeed(bundledDir, options);
    out.source = "bundled";
    return out;
}

Status SyncService::start(SyncServiceConfig config) {
    if (worker_.joinable()) return fail("content sync is already running");
    if (config.settings.feedUrl.empty()) return fail("no feed_url configured: content sync is off");
    auto engine = std::make_unique<SyncEngine>(config.settings, clock_);
    if (auto s = engine->prepare(); !s) return s;
    const std::uint64_t seed = config.seed ? config.seed : std::random_device{}();
    schedule_ = std::make_unique<PollSchedule>(config.poll, seed);
    tick_ = config.clockTickSeconds > 0 ? config.clockTickSeconds : 1.0;
    onPublished_ = std::move(config.onPublished);
    onTrustedTime_ = std::move(config.onTrustedTime);
    onTrustedTimeReset_ = std::move(config.onTrustedTimeReset);
    if (onTrustedTime_) {
        if (auto t = engine->trustedTime().value()) onTrustedTime_(*t);
    }
    {
        std::lock_guard lock(mutex_);
        status_ = engine->status();
        stopping_ = false;
        syncRequested_ = true;  // first attempt at once
    }
    storeFloor(engine->trustedTime().value());
    {
        std::lock_guard lock(mutex_);
        trusted_ = engine->trustedTimeShared();
    }
    engine_ = std::move(engine);
    worker_ = std::thread([this] { run(); });
    return Ok{};
}

void SyncService::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
    std::lock_guard lock(mutex_);
    if (rollbackRequest_) {
        rollbackRequest_->set_value(fail("content sync stopped before the rollback"));
        rollbackRequest_.reset();
    }
}

std::shared_ptr<const Content> SyncService::takeNewContent() {
    std::lock_guard lock(mutex_);
    return std::exchange(fresh_, nullptr);
}

void SyncService::syncNow() {
    {
        std::lock_guard lock(mutex_);
        syncRequested_ = true;
    }
    wake_.notify_all();
}

std::future<Status> SyncService::rollback() {
    std::promise<Status> p;
    auto f = p.get_future();
    {
        std::lock_guard lock(mutex_);
        if (!worker_.joinable() || rollbackRequest_) {
            p.set_value(fail(worker_.joinable() ? "a rollback is already waiting" : "content sync is not running"));
            return f;
        }
        rollbackRequest_ = std::move(p);
    }
    wake_.notify_all();
    return f;
}

SyncStatus SyncService::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::uint64_t SyncService::attempts() const {
    std::lock_guard lock(mutex_);
    return attempts_;
}

void SyncService::storeFloor(std::optional<Instant> floor) {
    floorSeconds_.store(floor ? floor->time_since_epoch().count() : 0);
}

std::optional<Instant> SyncService::trustedFloor() const {
    const long long v = floorSeconds_.load();
    if (v == 0) return std::nullopt;
    return Instant(std::chrono::seconds(v));
}

TrustedTimeRecord SyncService::trustedTime() const {
    std::shared_ptr<TrustedTime> trusted;
    {
        std::lock_guard lock(mutex_);
        trusted = trusted_;
    }
    return trusted ? trusted->record() : TrustedTimeRecord{};
}

Result<std::optional<Instant>> SyncService::resetTrustedTime() {
    std::shared_ptr<TrustedTime> trusted;
    {
        std::lock_guard lock(mutex_);
        trusted = trusted_;
    }
    if (!trusted) return fail("content sync is not running");
    std::lock_guard floorLock(floorMutex_);
    const auto was = trusted->value();
    if (auto s = trusted->reset(); !s) return fail(s.error());
    {
        std::lock_guard lock(mutex_);
        status_.trustedTime.reset();
        status_.trustedSource.clear();
    }
    storeFloor(std::nullopt);
    if (onTrustedTimeReset_) onTrustedTimeReset_();
    return was;
}

Instant SyncService::trustedNow() const {
    // No lock here, and no second call into the clock: a clock whose now() asks this
    // service (the app's old KioskClock) gets the bare floor on its nested call.
    thread_local int depth = 0;
    const auto floor = trustedFloor();
    if (depth > 0) return floor.value_or(Instant{});
    ++depth;
    const Instant now = uncorrected(clock_).now();
    --depth;
    return floor && *floor > now ? *floor : now;
}

ContentAge SyncService::contentAge(const Content& content, std::chrono::seconds staleAfter) const {
    std::optional<Instant> lastSuccess;
    {
        std::lock_guard lock(mutex_);
        lastSuccess = status_.lastSuccess;
    }
    return sync::contentAge(content.manifest, lastSuccess, trustedNow(), staleAfter);
}

void SyncService::publish(const SyncReport& report) {
    {
        std::lock_guard lock(mutex_);
        if (report.content) fresh_ = report.content;
        status_ = engine_->status();
    }
    {
        // From the floor itself, not the attempt's copy, and in one order with
        // resetTrustedTime(): a reset during the attempt is never undone here.
        std::lock_guard floorLock(floorMutex_);
        const TrustedTimeRecord trusted = engine_->trustedTime().record();
        {
            std::lock_guard lock(mutex_);
            status_.trustedTime = trusted.value;
            status_.trustedSource = trusted.source;
            ++attempts_;
        }
        storeFloor(trusted.value);
        // The callback may read the service from another thread: no mutex_ held.
        if (trusted.value && onTrustedTime_) onTrustedTime_(*trusted.value);
    }
    if (onPublished_) onPublished_();
}

// The worker: waits on the injected clock (a short real-time tick lets a test's manual
// clock be noticed), runs attempts, rollbacks, and records the next attempt.
void SyncService::run() {
    double nextAt = clock_.seconds();
    for (;;) {
        std::optional<std::promise<Status>> rollbackRequest;
        {
            std::unique_lock lock(mutex_);
            while (!stopping_ && !syncRequested_ && !rollbackRequest_ && clock_.seconds() < nextAt) {
                const double remaining = nextAt - clock_.seconds();
                wake_.wait_for(lock, std::chrono::duration<double>(std::min(remaining, tick_)));
            }
            if (stopping_) return;
            syncRequested_ = false;
            rollbackRequest = std::exchange(rollbackRequest_, std::nullopt);
        }
        if (rollbackRequest) {
            const SyncReport r = engine_->rollback();
            publish(r);
            rollbackRequest->set_value(r.outcome == SyncOutcome::Failed ? Status(fail(r.error)) : Status(Ok{}));
            continue;
        }
        const SyncReport report = engine_->syncOnce();
        if (report.outcome == SyncOutcome::Failed)
            log::warning("content sync: " + report.error);
        else if (report.outcome != SyncOutcome::NothingNew)
            log::info(std::string("content sync: ") + outcomeName(report.outcome) + ", version " +
                      std::to_string(report.version));
        const double delay = report.outcome == SyncOutcome::Failed ? schedule_->afterFailure(report.retryAfterSeconds)
                                                                   : schedule_->afterSuccess();
        nextAt = clock_.seconds() + delay;
        engine_->setNextAttempt(engine_->trustedTime().correct(uncorrected(clock_).now()) +
                                std::chrono::seconds(static_cast<long long>(delay)));
        publish(report);
    }
}

}  // namespace kiosk::core::sync
