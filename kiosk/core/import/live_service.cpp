// The live source worker thread (see live_service.hpp).
#include "core/import/live_service.hpp"

#include <random>

#include "core/log.hpp"

namespace kiosk::core::import {

LiveService::LiveService(const Clock& clock) : clock_(clock) {}

LiveService::~LiveService() { stop(); }

Status LiveService::start(LiveServiceConfig config) {
    if (worker_.joinable()) return fail("the live source is already started");
    if (config.source.url.empty()) return fail("no live source URL");
    std::error_code ec;
    std::filesystem::create_directories(config.cacheDir, ec);
    if (ec) return fail("cannot create " + config.cacheDir.string() + ": " + ec.message());
    config_ = std::move(config);
    source_ = std::make_unique<LiveSource>(config_.source, config_.feedDir, config_.cacheDir / "live", config_.http);
    schedule_ =
        std::make_unique<sync::PollSchedule>(config_.poll, config_.seed ? config_.seed : std::random_device{}());
    status_.url = config_.source.url;
    status_.format = formatName(config_.source.format);
    status_.state = source_->status();
    stopping_ = false;
    worker_ = std::thread([this] { run(); });
    return Ok{};
}

void LiveService::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

std::shared_ptr<const Content> LiveService::takeNewContent() {
    std::lock_guard lock(mutex_);
    return std::exchange(fresh_, nullptr);
}

std::shared_ptr<const Content> LiveService::current() const { return source_ ? source_->current() : nullptr; }

void LiveService::feedChanged(std::filesystem::path feedDir) {
    {
        std::lock_guard lock(mutex_);
        newFeedDir_ = std::move(feedDir);
    }
    wake_.notify_all();
}

void LiveService::pollNow() {
    {
        std::lock_guard lock(mutex_);
        pollRequested_ = true;
    }
    wake_.notify_all();
}

sync::LiveSourceStatus LiveService::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::uint64_t LiveService::attempts() const {
    std::lock_guard lock(mutex_);
    return attempts_;
}

void LiveService::record(LiveSource::Outcome outcome, double delay) {
    const Instant now = clock_.now();
    {
        std::lock_guard lock(mutex_);
        status_.lastAttempt = now;
        status_.state = source_->status();
        status_.failing = outcome == LiveSource::Outcome::Failed;
        status_.leftOut = source_->leftOut();
        status_.consecutiveFailures = schedule_->consecutiveFailures();
        if (!status_.failing) status_.lastSuccess = now;
        if (outcome == LiveSource::Outcome::Updated) {
            status_.lastChange = now;
            fresh_ = source_->current();
        }
        const auto shown = source_->current();
        status_.hasProgramme = shown != nullptr;
        status_.sessions = shown ? shown->sessions.size() : 0;
        status_.nextAttempt = now + std::chrono::seconds(static_cast<long long>(delay));
    }
    const sync::LiveSourceStatus s = status();
    if (auto w = sync::writeLiveStatusFile(config_.cacheDir, s); !w) log::warning("live source: " + w.error());
    if (outcome == LiveSource::Outcome::Failed)
        log::warning("live source: " + s.state);
    else if (outcome == LiveSource::Outcome::Updated)
        log::info("live source: " + s.state);
    if (config_.onPublished) config_.onPublished();
    std::lock_guard lock(mutex_);
    ++attempts_;  // last: whoever waits for an attempt finds its result posted
}

void LiveService::run() {
    double nextAt = clock_.seconds();
    for (;;) {
        std::optional<std::filesystem::path> feedDir;
        {
            std::unique_lock lock(mutex_);
            while (!stopping_ && !pollRequested_ && !newFeedDir_ && clock_.seconds() < nextAt) {
                const double remaining = nextAt - clock_.seconds();
                wake_.wait_for(lock, std::chrono::duration<double>(std::min(remaining, config_.clockTickSeconds)));
            }
            if (stopping_) return;
            pollRequested_ = false;
            feedDir = std::exchange(newFeedDir_, std::nullopt);
        }
        if (feedDir) {  // a new feed version: merge again, the poll schedule goes on
            const auto outcome = source_->setFeedDir(*feedDir, clock_.now());
            record(outcome, std::max(0.0, nextAt - clock_.seconds()));
            continue;
        }
        const auto outcome = source_->poll(clock_.now());
        const double delay =
            outcome == LiveSource::Outcome::Failed ? schedule_->afterFailure() : schedule_->afterSuccess();
        nextAt = clock_.seconds() + delay;
        record(outcome, delay);
    }
}

}  // namespace kiosk::core::import
