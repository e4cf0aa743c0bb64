// The only place that creates SDL windows and renderers: a full-screen (or windowed)
// window for visitors, or an off-screen software renderer for headless screenshots.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Surface;
struct SDL_Texture;

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
    // The picture as the visitor sees it (after rotation, within the viewport).
    int width() const { return pictureWidth(); }
    int height() const { return viewportHeight_ > 0 ? viewportHeight_ : pictureHeight(); }
    int pictureWidth() const { return rotation_ % 180 ? height_ : width_; }
    int pictureHeight() const { return rotation_ % 180 ? width_ : height_; }
    int outputWidth() const { return width_; }
    int outputHeight() const { return height_; }

    // The seated layout: the UI is drawn only in rows [top, top + height) of the picture,
    // within reach of a seated person; the rest stays dark. height 0: the whole picture.
    core::Status setViewport(int top, int height);
    int viewportTop() const { return viewportTop_; }

    // Panels mounted sideways: the picture is drawn upright into a texture and turned
    // by `degrees` (0, 90, 180, 270, clockwise) on its way to the screen.
    core::Status setRotation(int degrees);
    // The window's icon (taskbar, window list) from RGBA pixels, rows packed. No-op headless.
    void setIcon(const unsigned char* rgba, int width, int height);
    int rotation() const { return rotation_; }
    // A point on the physical screen (touch, mouse) in the visitor's picture.
    void toPicture(float x, float y, float& px, float& py) const;
    // Frame bracket: draw between them; endFrame turns the picture and presents it.
    void beginFrame();
    void endFrame();
    // Called by endFrame with the finished picture still readable (just before
    // SDL_RenderPresent): supervision reads back exactly what is presented (frame_capture.hpp).
    void setBeforePresent(std::function<void()> hook) { beforePresent_ = std::move(hook); }
    std::string rendererName() const;

    // The renderer's pixels as RGBA, as last presented (empty when they cannot be read).
    std::vector<unsigned char> readPixels() const;
    // The mouse cursor: hidden when the input is touch, shown for a real mouse.
    void showCursor(bool shown);

    // The renderer's pixels as RGBA, written as PNG (headless or windowed).
    core::Status savePng(const std::string& path) const;

    // Driver-reported pixels per inch of the display (0 when unknown or headless).
    float reportedDpi() const;

private:
    Video() = default;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    SDL_Surface* surface_ = nullptr;  // headless target
    SDL_Texture* rotated_ = nullptr;  // the upright picture when rotation_ != 0
    int width_ = 0, height_ = 0;      // physical output size
    int rotation_ = 0;
    int viewportTop_ = 0, viewportHeight_ = 0;
    core::Status rebuildTarget();
    bool ownsSdl_ = false;
    std::function<void()> beforePresent_;
};

}  // namespace kiosk::platform
