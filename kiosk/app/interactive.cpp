// Interactive mode: the full-screen kiosk for visitors. Opens the window that fills the
// display, creates the one clock, and runs the App loop until a staff exit or a stop
// signal (SIGTERM from systemd, SIGINT); window-close requests are ignored.
#include <SDL.h>

#include <atomic>
#include <csignal>
#include <cstdio>

#include "app/app.hpp"
#include "app/modes.hpp"
#include "core/log.hpp"
#include "platform/espeak_speech.hpp"
#include "platform/video.hpp"

namespace kiosk::app {
namespace {

std::atomic<bool> g_stop{false};

// SIGTERM/SIGINT: leave the loop cleanly. SDL's own handlers are off (they turn signals
// into SDL_QUIT, which the kiosk ignores as it does a window manager's close request).
extern "C" void onStopSignal(int) {
    g_stop.store(true);
    SDL_Event wake{};
    wake.type = App::wakeEventType();
    SDL_PushEvent(&wake);
}

}  // namespace

int runInteractive(const Runtime& rt) {
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    platform::VideoOptions vo;
    vo.fullscreen = !rt.options.windowed;
    vo.width = rt.requestedWidth();
    vo.height = rt.requestedHeight();
    vo.title = "Kiosk";
    auto opened = platform::Video::open(vo);
    if (!opened) {
        std::fprintf(stderr, "kiosk: %s\n", opened.error().c_str());
        return 1;
    }
    platform::Video& video = *opened.value();
    if (auto s = video.setRotation(rt.config.screen.rotation); !s) core::log::warning(s.error());
    core::log::info("screen " + std::to_string(video.outputWidth()) + "x" + std::to_string(video.outputHeight()) +
                    " (rotation " + std::to_string(video.rotation()) + "), renderer " + video.rendererName());
    if (vo.fullscreen && (video.pictureWidth() != rt.requestedWidth() || video.pictureHeight() != rt.requestedHeight())) {
        core::log::warning("the display is " + std::to_string(video.pictureWidth()) + "x" +
                           std::to_string(video.pictureHeight()) + ", the configuration says " +
                           std::to_string(rt.requestedWidth()) + "x" + std::to_string(rt.requestedHeight()) +
                           ": the picture fills the display; sizes in millimetres use the configured diagonal");
    }
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);

    core::KioskClock clock;
    SdlEventSource events;
    platform::EspeakSpeech speech;
    if (!speech.available()) core::log::warning(speech.engineDescription());
    AppParts parts;
    parts.video = &video;
    parts.clock = &clock;
    parts.kioskClock = &clock;
    parts.events = &events;
    parts.speech = &speech;
    parts.stop = &g_stop;
    App app(rt, parts);
    if (auto s = app.init(); !s) {
        std::fprintf(stderr, "kiosk: %s\n", s.error().c_str());
        return 1;
    }
    const int code = app.run();
    if (code != 0) std::fprintf(stderr, "kiosk: stopped with code %d (see the log above)\n", code);
    return code;
}

}  // namespace kiosk::app
