// A screen that tells the truth: from each presented frame's hash and mean luminance,
// detects a black picture, a picture frozen while the UI expects motion, and content older
// than the cache's current version, and climbs a recovery ladder the app implements.
#pragma once

#include <cstdint>
#include <functional>

#include "core/supervision/health.hpp"

namespace kiosk::core::supervision {

// One presented frame, summarised (summarizeFrame) from exactly what was presented.
struct FrameSummary {
    std::uint64_t hash = 0;
    double meanLuminance = 0;  // 0 (black) to 1 (white), Rec. 709 weights
};

// FNV-1a over the RGB(A) bytes of every `step`-th pixel of every `step`-th row, and the
// mean luminance of those pixels. `pitch` is bytes per row; bytesPerPixel 3 or 4 (RGB
// order first; alpha ignored). Pure; any thread.
FrameSummary summarizeFrame(const std::uint8_t* pixels, int width, int height, int pitch, int bytesPerPixel,
                            int step = 1);

struct MonitorSettings {
    double blackLuminance = 0.02;  // below this the picture counts as black
    double blackSeconds = 10;      // black that long is a problem (fades are shorter)
    double frozenSeconds = 20;     // unchanged that long while motion is expected
    double staleSeconds = 30;      // behind the cache's version that long (a load takes seconds)
    double stepSeconds = 30;       // a problem still there this long after a step: next step
};

// The app's side of the ladder. Called on the thread that calls observe() (main thread).
struct RecoveryActions {
    std::function<void()> redraw;          // step 1: force full redraws (invalidate, re-upload)
    std::function<void()> reloadContent;   // step 2: load the cache's current version again
    std::function<void()> exitForRestart;  // step 3: exit non-zero; systemd restarts the kiosk
};

// Threads: one thread (the main loop). Time is seconds on any monotonic clock.
class PresentedFrameMonitor {
public:
    explicit PresentedFrameMonitor(MonitorSettings settings = {}, RecoveryActions actions = {});

    // The cache's current version and the version on screen (0 when bundled content is
    // shown on purpose, e.g. an empty cache).
    void setVersions(std::int64_t presented, std::int64_t cache);
    // Each presented frame (or a sample of them, e.g. one a second); returns the state.
    ScreenState observe(const FrameSummary& frame, bool expectsMotion, double now);

    ScreenState state() const { return state_; }
    int recoveryStep() const { return step_; }  // 0 none, 1 redraw, 2 reload, 3 exit
    std::uint64_t lastHash() const { return lastHash_; }
    double secondsSinceChange(double now) const { return seen_ ? now - changedAt_ : 0; }

private:
    ScreenState detect(const FrameSummary& frame, bool expectsMotion, double now);
    void climb(double now);

    MonitorSettings settings_;
    RecoveryActions actions_;
    bool seen_ = false;
    std::uint64_t lastHash_ = 0;
    double changedAt_ = 0;
    double darkSince_ = -1, motionSince_ = -1, behindSince_ = -1;
    std::int64_t presented_ = 0, cache_ = 0;
    ScreenState state_ = ScreenState::Ok;
    int step_ = 0;
    double stepAt_ = 0;
};

}  // namespace kiosk::core::supervision
