// The only place that creates SDL windows and renderers: a full-screen (or windowed)
// window for visitors, or an off-screen software renderer for headless screenshots.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Surface;

namespace kiosk::platform {

struct VideoOptions {
    int width = 1920, height = 1080;
    bool fullscreen = true;
    bool headless = false;  // software renderer on a memory surface; no display needed
    std::string title = "Kiosk";
};

class Video {
public:
    // Error with one clear sentence, e.g. when there is no display.
    static core::Result<std::unique_ptr<Video>> open(const VideoOptions& options);
    ~Video();
    Video(const Video&) = delete;
    Video& operator=(const Video&) = delete;

    SDL_Renderer* renderer() const { return renderer_; }
    SDL_Window* window() const { return window_; }
    int width() const { return width_; }
    int height() const { return height_; }
    std::string rendererName() const;

    // The renderer's pixels as RGBA, written as PNG (headless or windowed).
    core::Status savePng(const std::string& path) const;

    // Driver-reported pixels per inch of the display (0 when unknown or headless).
    float reportedDpi() const;

private:
    Video() = default;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    SDL_Surface* surface_ = nullptr;  // headless target
    int width_ = 0, height_ = 0;
    bool ownsSdl_ = false;
};

}  // namespace kiosk::platform
