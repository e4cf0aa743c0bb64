// The running kiosk's crash guard (see content_guard.hpp): one worker thread serialises
// the guard's writes and watches the first-frame bound; the UI thread only queues work.
#include "app/content_guard.hpp"

#include <cstdlib>
#include <string>

#include "core/log.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/crash_record.hpp"

namespace kiosk::app {

ContentGuard::ContentGuard(std::filesystem::path cacheDir, const core::Clock& clock, ContentGuardOptions options)
    : cacheDir_(cacheDir),
      clock_(clock),
      options_(std::move(options)),
      guard_(std::move(cacheDir), clock, options_.policy),
      worker_([this] { run(); }) {
    if (options_.recordCrashes) {
        std::error_code ec;
        std::filesystem::create_directories(cacheDir_, ec);
        if (auto s = core::sync::armCrashRecord(cacheDir_); !s)
            core::log::warning("crash guard: " + s.error() + "; crashes are not recorded");
        else
            armed_ = true;
    }
}

ContentGuard::~ContentGuard() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
    if (armed_) core::sync::disarmCrashRecord();
}

void ContentGuard::publishState() {
    if (options_.onState) options_.onState(guard_.state());
}

core::sync::StartContent ContentGuard::startContent(const std::filesystem::path& bundledDir) {
    // Nothing cached (a first start, or every version set aside): a kiosk that follows a
    // feed shows the neutral screen, not the bundled feed, so there is no start to record.
    const core::sync::ContentCache cache(cacheDir_);
    if (!cache.currentVersion() && !cache.previousVersion()) {
        guard_.absorbCrashRecords();  // a crash before anything was cached is reported all the same
        (void)guard_.retryDue();
        publishState();
        return core::sync::SyncService::loadCurrentFromCache(cacheDir_, bundledDir);
    }
    core::sync::StartContent start = guard_.startContent(bundledDir);
    if (start.version > 0 && start.load.content) {
        {
            std::lock_guard lock(mutex_);
            firstFrameDue_ = clock_.seconds() + static_cast<double>(guard_.policy().firstFrameWithin.count());
            firstFrameVersion_ = start.version;
        }
        wake_.notify_one();
    }
    publishState();
    return start;
}

bool ContentGuard::beforeShowing(std::int64_t version) {
    const bool show = guard_.beforeShowing(version).show;
    publishState();
    return show;
}

bool ContentGuard::retryDue() {
    if (guard_.retryDue().empty()) return false;
    publishState();
    return true;
}

void ContentGuard::showing(std::int64_t version, double nowSeconds) {
    if (version <= 0 || version == shown_) return;
    shown_ = version;
    core::sync::setCrashRecordKey(std::to_string(version));  // a crash from now on is this version's
    stableAt_ = nowSeconds + static_cast<double>(guard_.policy().stableAfter.count());
    {
        std::lock_guard lock(mutex_);
        if (firstFrameDue_ && firstFrameVersion_ == version) firstFrameDue_.reset();
    }
    post([this, version] {
        if (auto s = guard_.markDrawn(version); !s) core::log::warning("crash guard: " + s.error());
    });
}

void ContentGuard::tick(double nowSeconds) {
    if (!stableAt_ || nowSeconds < *stableAt_) return;
    stableAt_.reset();
    const std::int64_t version = shown_;
    post([this, version] {
        if (auto s = guard_.markStable(version); !s) core::log::warning("crash guard: " + s.error());
        publishState();
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

// Queued tasks first; while a first frame is awaited, the loop clock is read every tick
// (the UI thread may be the one that hangs, so this thread keeps the time).
void ContentGuard::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (!tasks_.empty()) {
            auto task = std::move(tasks_.front());
            tasks_.pop_front();
            lock.unlock();
            task();
            lock.lock();
            continue;
        }
        if (stopping_) return;  // everything queued is done
        if (!firstFrameDue_) {
            wake_.wait(lock);
            continue;
        }
        if (clock_.seconds() < *firstFrameDue_) {
            wake_.wait_for(lock, std::chrono::duration<double>(options_.tickSeconds));
            continue;
        }
        firstFrameDue_.reset();
        const std::int64_t version = firstFrameVersion_;
        lock.unlock();
        const std::string what =
            "no first frame within " + std::to_string(guard_.policy().firstFrameWithin.count()) + " s";
        if (auto s = guard_.recordCrash(version, false, what); !s) core::log::warning("crash guard: " + s.error());
        publishState();
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
