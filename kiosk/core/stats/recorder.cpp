// The statistics recorder's queue and writer thread (see recorder.hpp).
#include "core/stats/recorder.hpp"

#include <chrono>
#include <cmath>

#include "core/log.hpp"

namespace kiosk::core::stats {

StatsRecorder::StatsRecorder(RecorderOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {
    writer_ = std::thread([this] { writerLoop(); });
}

StatsRecorder::~StatsRecorder() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    writer_.join();
}

void StatsRecorder::push(EventKind kind, std::string_view subject, std::string_view item, std::int64_t seconds) {
    Event e;
    e.kind = kind;
    e.minute = minuteOf(clock_.now());
    e.subject = subject;
    e.item = item;
    e.seconds = seconds;
    e.contentVersion = contentVersion_.load();
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= options_.maxQueue) {
            ++status_.dropped;
            return;
        }
        queue_.push_back(std::move(e));
        ++enqueued_;
    }
    wake_.notify_one();
}

void StatsRecorder::visitStarted() {
    if (inVisit_) visitEnded();  // a missed idle return: close the previous visit first
    inVisit_ = true;
    visitStart_ = clock_.seconds();
    push(EventKind::VisitStarted, "", "");
}

void StatsRecorder::visitEnded() {
    if (!inVisit_) return;
    inVisit_ = false;
    const double length = std::max(0.0, clock_.seconds() - visitStart_);
    push(EventKind::VisitEnded, "", "", static_cast<std::int64_t>(std::llround(length)));
}

namespace {
bool safe(std::string_view a, std::string_view b = "x") { return isSafeToken(a) && isSafeToken(b); }
}  // namespace

#define KIOSK_STATS_GUARD(ok)         \
    if (!(ok)) {                      \
        std::lock_guard lock(mutex_); \
        ++status_.rejected;           \
        return;                       \
    }

void StatsRecorder::screenViewed(std::string_view name) {
    KIOSK_STATS_GUARD(safe(name));
    push(EventKind::Screen, name, "");
}
void StatsRecorder::itemViewed(std::string_view kind, std::string_view id) {
    KIOSK_STATS_GUARD(safe(kind, id));
    push(EventKind::Item, kind, id);
}
void StatsRecorder::qrShown(std::string_view id) {
    KIOSK_STATS_GUARD(safe(id));
    push(EventKind::Qr, "", id);
}
void StatsRecorder::filterUsed(std::string_view name) {
    KIOSK_STATS_GUARD(safe(name));
    push(EventKind::Filter, name, "");
}
void StatsRecorder::languageUsed(std::string_view code) {
    KIOSK_STATS_GUARD(safe(code) && code.size() <= 8);
    push(EventKind::Language, code, "");
}
void StatsRecorder::accessibilityUsed(std::string_view feature) {
    KIOSK_STATS_GUARD(safe(feature));
    push(EventKind::Accessibility, feature, "");
}
#undef KIOSK_STATS_GUARD

void StatsRecorder::flush() {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = enqueued_;
    wake_.notify_one();
    done_.wait(lock, [&] { return handled_ >= target; });
}

RecorderStatus StatsRecorder::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void StatsRecorder::writerLoop() {
    std::unique_ptr<StatsStore> store;
    std::string openError;
    auto lastOpen = std::chrono::steady_clock::now();
    auto tryOpen = [&] {
        lastOpen = std::chrono::steady_clock::now();
        auto opened = StatsStore::open(options_.database);
        if (!opened) {
            if (openError != opened.error()) log::error("statistics paused, tried again in a while: " + opened.error());
            openError = opened.error();
            return;
        }
        if (!openError.empty()) log::info("statistics: " + options_.database.string() + " opened after all");
        store = std::move(opened).value();
        openError.clear();
        if (!options_.kioskId.empty()) {
            if (auto s = store->setMeta("kiosk_id", options_.kioskId); !s) log::warning(s.error());
        }
    };
    tryOpen();
    // Events that came while the database could not be opened: written once it opens.
    std::vector<Event> waiting;
    auto lastRetention = std::chrono::steady_clock::now() - std::chrono::hours(24 * 365);
    std::int64_t latestMinute = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        std::vector<Event> batch;
        batch.swap(queue_);
        const bool stopping = stop_;
        lock.unlock();
        if (!store &&
            std::chrono::steady_clock::now() - lastOpen >= std::chrono::duration<double>(options_.reopenEverySeconds)) {
            tryOpen();
        }
        std::uint64_t written = 0, dropped = 0, handled = batch.size();
        if (!store) {
            // kept for later, the oldest dropped (and counted) past the queue's bound
            waiting.insert(waiting.end(), batch.begin(), batch.end());
            if (waiting.size() > options_.maxQueue) {
                dropped = waiting.size() - options_.maxQueue;
                waiting.erase(waiting.begin(), waiting.begin() + static_cast<std::ptrdiff_t>(dropped));
            }
        } else {
            if (!waiting.empty()) batch.insert(batch.begin(), waiting.begin(), waiting.end()), waiting.clear();
            if (!batch.empty()) {
                if (auto s = store->append(batch); s) {
                    written = batch.size();
                } else {
                    openError = s.error();
                    dropped = batch.size();
                    log::warning("statistics not written: " + openError);
                }
            }
            if (written) openError.clear();
        }
        if (stopping && !store) dropped += waiting.size(), waiting.clear();  // never opened: counted as lost
        const std::string error = openError;
        // The minute of the newest event stands for "now": the clock belongs to the UI thread.
        if (!batch.empty()) latestMinute = std::max(latestMinute, batch.back().minute);
        const auto now = std::chrono::steady_clock::now();
        if (store && latestMinute > 0 &&
            now - lastRetention >= std::chrono::duration<double>(options_.retentionEverySeconds)) {
            lastRetention = now;
            if (auto r = store->applyRetention(options_.retention, latestMinute); !r) {
                log::warning(r.error());
            } else if (r.value().unsentDeleted > 0) {
                log::warning("statistics: " + std::to_string(r.value().unsentDeleted) +
                             " events deleted before upload (the database reached its size limit)");
            }
        }
        lock.lock();
        status_.written += written;
        status_.dropped += dropped;
        status_.lastError = error;
        handled_ += handled;
        done_.notify_all();
        if (stopping && queue_.empty()) return;
    }
}

}  // namespace kiosk::core::stats
