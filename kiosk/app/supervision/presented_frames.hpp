// Connects the Video's present to the Supervisor: counts frames, reads back and
// summarises the presented picture about once a second for the screen monitor, and
// answers the office's screenshot request with a PNG of exactly what was presented.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "app/supervision/supervisor.hpp"
#include "platform/video.hpp"

namespace kiosk::app {

// Threads: main thread only (it runs inside Video::endFrame). Installs itself as the
// Video's beforePresent hook for its lifetime; Video and Supervisor must outlive it.
class PresentedFrames {
public:
    using PngSink = std::function<void(std::vector<std::uint8_t>)>;
    // `sink` receives screenshots; default: supervisor.screenshotTaken().
    PresentedFrames(platform::Video& video, Supervisor& supervisor, PngSink sink = {});
    ~PresentedFrames();
    PresentedFrames(const PresentedFrames&) = delete;
    PresentedFrames& operator=(const PresentedFrames&) = delete;

    // Whether the UI is animating (attract loop, transitions): a still picture is then
    // "frozen". Set it each frame before endFrame.
    void setExpectsMotion(bool moving) { expectsMotion_ = moving; }
    // The office asked (heartbeat reply, through the inbox): the next presented frame is
    // captured and encoded (a PNG of 1920x1080 takes some 100 ms, once per request).
    void requestScreenshot() { screenshotPending_ = true; }
    double sampleSeconds = 1.0;  // how often the picture is read back for the monitor

private:
    void beforePresent();

    platform::Video& video_;
    Supervisor& supervisor_;
    PngSink sink_;
    bool expectsMotion_ = true;
    bool screenshotPending_ = false;
    double lastSample_ = -1e9;
};

}  // namespace kiosk::app
