// Window, renderer and off-screen rendering with SDL2 (see video.hpp).
#include "platform/video.hpp"

#include <SDL.h>
#include <stb_image_write.h>

#include <cstdlib>
#include <vector>

namespace kiosk::platform {

core::Result<std::unique_ptr<Video>> Video::open(const VideoOptions& o) {
    std::unique_ptr<Video> v(new Video());
    v->width_ = o.width;
    v->height_ = o.height;
    if (o.headless) {
        if (SDL_Init(0) != 0) return core::fail(std::string("SDL could not start: ") + SDL_GetError());
        v->ownsSdl_ = true;
        v->surface_ = SDL_CreateRGBSurfaceWithFormat(0, o.width, o.height, 32, SDL_PIXELFORMAT_RGBA32);
        if (!v->surface_) return core::fail(std::string("cannot create an off-screen surface: ") + SDL_GetError());
        v->renderer_ = SDL_CreateSoftwareRenderer(v->surface_);
        if (!v->renderer_) return core::fail(std::string("cannot create the software renderer: ") + SDL_GetError());
        return v;
    }
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    const char* driver = std::getenv("SDL_VIDEODRIVER");
    if ((!display || !*display) && (!wayland || !*wayland) && (!driver || !*driver)) {
        return core::fail("no display: DISPLAY and WAYLAND_DISPLAY are not set (start it in a graphical session, or "
                          "use --headless --screenshot FILE)");
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        return core::fail(std::string("no display: SDL could not open the video system (") + SDL_GetError() + ")");
    }
    v->ownsSdl_ = true;
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    v->window_ = SDL_CreateWindow(o.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width, o.height, flags);
    if (!v->window_) return core::fail(std::string("cannot open the window: ") + SDL_GetError());
    v->renderer_ = SDL_CreateRenderer(v->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!v->renderer_) v->renderer_ = SDL_CreateRenderer(v->window_, -1, SDL_RENDERER_SOFTWARE);
    if (!v->renderer_) return core::fail(std::string("cannot create a renderer: ") + SDL_GetError());
    SDL_GetRendererOutputSize(v->renderer_, &v->width_, &v->height_);
    SDL_ShowCursor(SDL_DISABLE);
    return v;
}

Video::~Video() {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    if (surface_) SDL_FreeSurface(surface_);
    if (ownsSdl_) SDL_Quit();
}

std::string Video::rendererName() const {
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer_, &info) != 0) return "unknown";
    return info.name;
}

core::Status Video::savePng(const std::string& path) const {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width_) * height_ * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), width_ * 4) != 0) {
        return core::fail(std::string("cannot read the rendered pixels: ") + SDL_GetError());
    }
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque, whatever the surface says
    if (!stbi_write_png(path.c_str(), width_, height_, 4, pixels.data(), width_ * 4)) {
        return core::fail("cannot write " + path);
    }
    return core::Ok{};
}

float Video::reportedDpi() const {
    if (!window_) return 0;
    float ddpi = 0;
    if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(window_), &ddpi, nullptr, nullptr) != 0) return 0;
    return ddpi;
}

}  // namespace kiosk::platform
