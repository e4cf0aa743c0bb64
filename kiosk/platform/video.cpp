// Window, renderer and off-screen rendering with SDL2 (see video.hpp).
#include "platform/video.hpp"

#include <SDL.h>
#include <stb_image_write.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KIOSK_LEAK_CHECKED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define KIOSK_LEAK_CHECKED 1
#endif
#if KIOSK_LEAK_CHECKED
#include <dlfcn.h>
#include <link.h>
#endif

namespace kiosk::platform {

namespace {
#if KIOSK_LEAK_CHECKED
// LeakSanitizer builds only. Mesa's DRI driver (swrast_dri.so under Xvfb, iris_dri.so...)
// is dlopen'd when the renderer starts and dlclose'd when SDL closes the X display, while
// blocks it allocated are still referenced from its own globals. Once it is unmapped,
// LeakSanitizer no longer scans those globals and reports the blocks as leaks, with
// stacks in an "<unknown module>" that no suppression can name. Keeping every loaded DRI
// driver mapped until the process ends (RTLD_NOLOAD | RTLD_NODELETE only promotes a
// library already loaded) lets the leak check see what it really holds.
void keepGraphicsDriversMapped() {
    std::vector<std::string> drivers;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* out) {
            const std::string name = info->dlpi_name ? info->dlpi_name : "";
            if (name.find("/dri/") != std::string::npos || name.find("_dri.so") != std::string::npos) {
                static_cast<std::vector<std::string>*>(out)->push_back(name);
            }
            return 0;
        },
        &drivers);
    // The handles are never closed: each library stays mapped until the process ends.
    for (const auto& d : drivers) dlopen(d.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}
#else
void keepGraphicsDriversMapped() {}
#endif
}  // namespace

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
        return core::fail(
            "no display: DISPLAY and WAYLAND_DISPLAY are not set (start it in a graphical session, or "
            "use --headless --screenshot FILE)");
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        return core::fail(std::string("no display: SDL could not open the video system (") + SDL_GetError() + ")");
    }
    v->ownsSdl_ = true;
    SDL_DisableScreenSaver();  // no blanking or screen saver while the kiosk runs
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = o.width, h = o.height;
    if (o.fullscreen) {
        // The picture fills the display the kiosk is given, whatever size the config
        // names: without a window manager a centred window of another size is cut off.
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0 && mode.w > 0 && mode.h > 0) {
            x = 0;
            y = 0;
            w = mode.w;
            h = mode.h;
        }
    }
    v->window_ = SDL_CreateWindow(o.title.c_str(), x, y, w, h, flags);
    if (!v->window_) return core::fail(std::string("cannot open the window: ") + SDL_GetError());
    v->renderer_ = SDL_CreateRenderer(v->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!v->renderer_) v->renderer_ = SDL_CreateRenderer(v->window_, -1, SDL_RENDERER_SOFTWARE);
    if (!v->renderer_) return core::fail(std::string("cannot create a renderer: ") + SDL_GetError());
    keepGraphicsDriversMapped();
    SDL_GetRendererOutputSize(v->renderer_, &v->width_, &v->height_);
    SDL_ShowCursor(SDL_DISABLE);
    return v;
}

void Video::setIcon(const unsigned char* rgba, int width, int height) {
    if (!window_ || !rgba || width <= 0 || height <= 0) return;
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormatFrom(const_cast<unsigned char*>(rgba), width, height, 32, width * 4,
                                                        SDL_PIXELFORMAT_RGBA32);
    if (!s) return;
    SDL_SetWindowIcon(window_, s);  // SDL copies the pixels
    SDL_FreeSurface(s);
}

core::Status Video::setRotation(int degrees) {
    if (degrees != 0 && degrees != 90 && degrees != 180 && degrees != 270) {
        return core::fail("rotation must be 0, 90, 180 or 270, not " + std::to_string(degrees));
    }
    rotation_ = degrees;
    auto s = rebuildTarget();
    if (!s) rotation_ = 0;
    return s;
}

core::Status Video::setViewport(int top, int height) {
    if (height < 0 || top < 0 || top + height > pictureHeight()) return core::fail("viewport outside the picture");
    viewportTop_ = height > 0 ? top : 0;
    viewportHeight_ = height;
    return rebuildTarget();
}

// The picture is drawn upright into a texture whenever it must be turned or placed.
core::Status Video::rebuildTarget() {
    if (rotated_) SDL_DestroyTexture(rotated_);
    rotated_ = nullptr;
    if (rotation_ == 0 && viewportHeight_ == 0) return core::Ok{};
    rotated_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, width(), height());
    if (!rotated_) return core::fail(std::string("this renderer cannot draw into a texture: ") + SDL_GetError());
    return core::Ok{};
}

void Video::toPicture(float x, float y, float& px, float& py) const {
    const float w = static_cast<float>(width_), h = static_cast<float>(height_);
    switch (rotation_) {
        case 90:
            px = y;
            py = w - x;
            break;
        case 180:
            px = w - x;
            py = h - y;
            break;
        case 270:
            px = h - y;
            py = x;
            break;
        default:
            px = x;
            py = y;
            break;
    }
    py -= static_cast<float>(viewportTop_);
}

void Video::showCursor(bool shown) {
    if (window_) SDL_ShowCursor(shown ? SDL_ENABLE : SDL_DISABLE);
}

std::vector<unsigned char> Video::readPixels() const {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), width_ * 4) != 0)
        pixels.clear();
    return pixels;
}

void Video::beginFrame() { SDL_SetRenderTarget(renderer_, rotated_); }

void Video::endFrame() {
    if (rotated_) {
        SDL_SetRenderTarget(renderer_, nullptr);
        SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
        SDL_RenderClear(renderer_);
        // The centre of the viewport in picture coordinates, taken to the physical
        // screen; the texture is placed there and turned about its centre.
        const float pcx = static_cast<float>(width()) * 0.5f,
                    pcy = static_cast<float>(viewportTop_) + static_cast<float>(height()) * 0.5f;
        const float w = static_cast<float>(width_), h = static_cast<float>(height_);
        float cx = pcx, cy = pcy;
        switch (rotation_) {
            case 90:
                cx = w - pcy;
                cy = pcx;
                break;
            case 180:
                cx = w - pcx;
                cy = h - pcy;
                break;
            case 270:
                cx = pcy;
                cy = h - pcx;
                break;
            default: break;
        }
        const SDL_Rect dst{static_cast<int>(std::lround(cx - static_cast<float>(width()) * 0.5f)),
                           static_cast<int>(std::lround(cy - static_cast<float>(height()) * 0.5f)), width(), height()};
        SDL_RenderCopyEx(renderer_, rotated_, nullptr, &dst, rotation_, nullptr, SDL_FLIP_NONE);
    }
    if (beforePresent_) beforePresent_();
    if (window_) SDL_RenderPresent(renderer_);
}

Video::~Video() {
    if (rotated_) SDL_DestroyTexture(rotated_);
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

// The physical output as it is on the screen (after rotation).
core::Status Video::savePng(const std::string& path) const {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4);
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
