// Reading back exactly the presented picture for supervision: its summary (hash, mean
// luminance) for the presented-frame monitor, and a PNG when the office asks for one.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "core/supervision/presented_frame_monitor.hpp"
#include "platform/video.hpp"

namespace kiosk::platform {

struct CapturedFrame {
    std::vector<std::uint8_t> rgba;  // opaque RGBA rows, width * 4 bytes each
    int width = 0, height = 0;       // the physical output (after rotation)
};

// Main thread, from Video's beforePresent hook (the back buffer is undefined after
// SDL_RenderPresent on most drivers). About 8 MB for 1920x1080: take one a second, not
// every frame. Error with SDL's message when the renderer cannot read back.
core::Result<CapturedFrame> capturePresented(const Video& video);

// Pure, any thread (a worker may encode the PNG).
core::supervision::FrameSummary summarize(const CapturedFrame& frame, int step = 2);
core::Result<std::vector<std::uint8_t>> encodePng(const CapturedFrame& frame);

}  // namespace kiosk::platform
