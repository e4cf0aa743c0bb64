// Black / frozen / stale detection and the recovery ladder (see presented_frame_monitor.hpp).
#include "core/supervision/presented_frame_monitor.hpp"

#include <algorithm>

namespace kiosk::core::supervision {

FrameSummary summarizeFrame(const std::uint8_t* pixels, int width, int height, int pitch, int bytesPerPixel, int step) {
    FrameSummary s;
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a 64
    double sum = 0;
    std::uint64_t n = 0;
    step = std::max(step, 1);
    for (int y = 0; y < height; y += step) {
        const std::uint8_t* row = pixels + static_cast<std::ptrdiff_t>(y) * pitch;
        for (int x = 0; x < width; x += step) {
            const std::uint8_t* p = row + static_cast<std::ptrdiff_t>(x) * bytesPerPixel;
            for (int c = 0; c < 3; ++c) {
                h ^= p[c];
                h *= 1099511628211ull;
            }
            sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
            ++n;
        }
    }
    s.hash = h;
    s.meanLuminance = n ? sum / (255.0 * static_cast<double>(n)) : 0;
    return s;
}

PresentedFrameMonitor::PresentedFrameMonitor(MonitorSettings settings, RecoveryActions actions)
    : settings_(settings), actions_(std::move(actions)) {}

void PresentedFrameMonitor::setVersions(std::int64_t presented, std::int64_t cache) {
    presented_ = presented;
    cache_ = cache;
}

ScreenState PresentedFrameMonitor::detect(const FrameSummary& frame, bool expectsMotion, double now) {
    if (!seen_ || frame.hash != lastHash_) {
        seen_ = true;
        lastHash_ = frame.hash;
        changedAt_ = now;
    }
    if (frame.meanLuminance < settings_.blackLuminance) {
        if (darkSince_ < 0) darkSince_ = now;
    } else {
        darkSince_ = -1;
    }
    if (expectsMotion) {
        if (motionSince_ < 0) motionSince_ = now;
    } else {
        motionSince_ = -1;
    }
    if (presented_ < cache_) {
        if (behindSince_ < 0) behindSince_ = now;
    } else {
        behindSince_ = -1;
    }
    // The most visible problem first: a black screen is also "frozen".
    if (darkSince_ >= 0 && now - darkSince_ >= settings_.blackSeconds) return ScreenState::Black;
    if (motionSince_ >= 0 && now - std::max(motionSince_, changedAt_) >= settings_.frozenSeconds) {
        return ScreenState::Frozen;
    }
    if (behindSince_ >= 0 && now - behindSince_ >= settings_.staleSeconds) return ScreenState::StaleContent;
    return ScreenState::Ok;
}

ScreenState PresentedFrameMonitor::observe(const FrameSummary& frame, bool expectsMotion, double now) {
    const ScreenState was = state_;
    state_ = detect(frame, expectsMotion, now);
    if (state_ == ScreenState::Ok) {
        step_ = 0;
    } else if (was != state_ || step_ == 0) {
        step_ = 0;  // a new problem starts at the bottom of the ladder
        climb(now);
    } else if (now - stepAt_ >= settings_.stepSeconds) {
        climb(now);
    }
    return state_;
}

void PresentedFrameMonitor::climb(double now) {
    if (step_ >= 3) return;  // exit was asked for; systemd takes it from here
    ++step_;
    // Redrawing cannot bring a newer version on screen: stale content starts by reloading.
    if (step_ == 1 && state_ == ScreenState::StaleContent) step_ = 2;
    stepAt_ = now;
    const std::function<void()>& action = step_ == 1   ? actions_.redraw
                                          : step_ == 2 ? actions_.reloadContent
                                                       : actions_.exitForRestart;
    if (action) action();
}

}  // namespace kiosk::core::supervision
