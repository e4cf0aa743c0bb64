// The running kiosk's crash guard (see content_guard.hpp): one worker thread serialises
// the guard's writes; the UI thread only queues them.
#include "app/content_guard.hpp"

#include <cstdlib>
#include <string>

#include "core/log.hpp"
#include "core/sync/cache.hpp"

namespace kiosk::app {

ContentGuard::ContentGuard(std::filesystem::path cacheDir, const core::Clock& clock)
    : cacheDir_(cacheDir), guard_(std::move(cacheDir), clock), worker_([this] { run(); }) {}

ContentGuard::~ContentGuard() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

core::sync::StartContent ContentGuard::startContent(const std::filesystem::path& bundledDir) {
    // Nothing cached (a first start, or every version marked bad): a kiosk that follows a
    // feed shows the neutral screen, not the bundled feed, so there is no start to record.
    const core::sync::ContentCache cache(cacheDir_);
    if (!cache.currentVersion() && !cache.previousVersion()) {
        return core::sync::SyncService::loadCurrentFromCache(cacheDir_, bundledDir);
    }
    return guard_.startContent(bundledDir);
}

bool ContentGuard::beforeShowing(std::int64_t version) { return guard_.beforeShowing(version).show; }

void ContentGuard::showing(std::int64_t version, double nowSeconds) {
    if (version <= 0 || version == shown_) return;
    shown_ = version;
    stableAt_ = nowSeconds + static_cast<double>(guard_.policy().stableAfter.count());
}

void ContentGuard::tick(double nowSeconds) {
    if (!stableAt_ || nowSeconds < *stableAt_) return;
    stableAt_.reset();
    const std::int64_t version = shown_;
    post([this, version] {
        if (auto s = guard_.markStable(version); !s) core::log::warning("crash guard: " + s.error());
    });
}

std::optional<double> ContentGuard::secondsUntilDue(double nowSeconds) const {
    if (!stableAt_) return std::nullopt;
    return *stableAt_ > nowSeconds ? *stableAt_ - nowSeconds : 0.0;
}

void ContentGuard::exitNormally() {
    if (shown_ > 0) {
        const std::int64_t version = shown_;
        stableAt_.reset();
        post([this, version] { (void)guard_.markStable(version); });
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();  // queued tasks run before the worker ends
}

void ContentGuard::post(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && !worker_.joinable()) return;
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

void ContentGuard::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;  // stopping, and everything queued is done
        auto task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        task();
        lock.lock();
    }
}

void abortIfTestAsks(std::int64_t version) {
    static const char* const wanted = std::getenv("KIOSK_TEST_ABORT_SHOWING");
    if (!wanted || !*wanted || std::to_string(version) != wanted) return;
    core::log::error("KIOSK_TEST_ABORT_SHOWING=" + std::string(wanted) + ": aborting as a crash would (test only)");
    std::abort();
}

}  // namespace kiosk::app
