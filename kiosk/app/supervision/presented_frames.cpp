// The present hook feeding the screen monitor and screenshots (see presented_frames.hpp).
#include "app/supervision/presented_frames.hpp"

#include <chrono>

#include "core/log.hpp"
#include "platform/frame_capture.hpp"

namespace kiosk::app {

PresentedFrames::PresentedFrames(platform::Video& video, Supervisor& supervisor, PngSink sink)
    : video_(video), supervisor_(supervisor), sink_(std::move(sink)) {
    if (!sink_) sink_ = [this](std::vector<std::uint8_t> png) { supervisor_.screenshotTaken(std::move(png)); };
    video_.setBeforePresent([this] { beforePresent(); });
}

PresentedFrames::~PresentedFrames() { video_.setBeforePresent({}); }

void PresentedFrames::beforePresent() {
    const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    if (!screenshotPending_ && now - lastSample_ < sampleSeconds) {
        supervisor_.framePresented(nullptr, expectsMotion_);
        return;
    }
    lastSample_ = now;
    auto frame = platform::capturePresented(video_);
    if (!frame) {
        core::log::warning(frame.error());
        supervisor_.framePresented(nullptr, expectsMotion_);
        screenshotPending_ = false;
        return;
    }
    const core::supervision::FrameSummary summary = platform::summarize(frame.value());
    supervisor_.framePresented(&summary, expectsMotion_);
    if (screenshotPending_) {
        screenshotPending_ = false;
        if (auto png = platform::encodePng(frame.value())) {
            sink_(std::move(png).value());
        } else {
            core::log::warning(png.error());
        }
    }
}

}  // namespace kiosk::app
