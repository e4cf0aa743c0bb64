// Read-back of the presented picture, its summary and PNG (see frame_capture.hpp).
#include "platform/frame_capture.hpp"

#include <SDL.h>
#include <stb_image_write.h>

#include <string>

namespace kiosk::platform {

core::Result<CapturedFrame> capturePresented(const Video& video) {
    CapturedFrame f;
    f.width = video.outputWidth();
    f.height = video.outputHeight();
    f.rgba.resize(static_cast<std::size_t>(f.width) * static_cast<std::size_t>(f.height) * 4);
    // nullptr target: the window (or headless surface) itself, what the visitor sees.
    SDL_Texture* target = SDL_GetRenderTarget(video.renderer());
    SDL_SetRenderTarget(video.renderer(), nullptr);
    const int r = SDL_RenderReadPixels(video.renderer(), nullptr, SDL_PIXELFORMAT_RGBA32, f.rgba.data(), f.width * 4);
    SDL_SetRenderTarget(video.renderer(), target);
    if (r != 0) return core::fail(std::string("cannot read the presented picture back: ") + SDL_GetError());
    for (std::size_t i = 3; i < f.rgba.size(); i += 4) f.rgba[i] = 255;
    return f;
}

core::supervision::FrameSummary summarize(const CapturedFrame& frame, int step) {
    return core::supervision::summarizeFrame(frame.rgba.data(), frame.width, frame.height, frame.width * 4, 4, step);
}

core::Result<std::vector<std::uint8_t>> encodePng(const CapturedFrame& frame) {
    std::vector<std::uint8_t> out;
    auto append = [](void* ctx, void* data, int size) {
        auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
        const auto* p = static_cast<const std::uint8_t*>(data);
        v->insert(v->end(), p, p + size);
    };
    if (!stbi_write_png_to_func(append, &out, frame.width, frame.height, 4, frame.rgba.data(), frame.width * 4)) {
        return core::fail("could not encode the screenshot as PNG");
    }
    return out;
}

}  // namespace kiosk::platform
