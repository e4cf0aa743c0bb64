// Interactive mode: the full-screen kiosk for visitors. Opens the window that fills the
// display, creates the one clock, and runs the App loop until a staff exit or a stop
// signal (SIGTERM from systemd, SIGINT); window-close requests are ignored.
#include <SDL.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <vector>

#include "app/app.hpp"
#include "app/modes.hpp"
#include "core/image_decoder.hpp"
#include "core/log.hpp"
#include "platform/earcon_player.hpp"
#include "platform/espeak_speech.hpp"
#include "platform/video.hpp"

namespace kiosk::app {
namespace {

std::atomic<bool> g_stop{false};

// The application icon from assets/ (hash-checked by the decoder); when it is missing or
// refused, a built-in one: the primary colour with a white disc.
void setWindowIcon(platform::Video& video, const core::AssetSet& assets) {
    if (const core::ManifestEntry* e = assets.find("icon/kiosk-256.png")) {
        const core::Decoded d = core::decodeImageFile({assets.pathOf(*e), e->sha256, 256, 256, 0}, {});
        if (d.ok) {
            video.setIcon(d.pixels.data(), d.width, d.height);
            return;
        }
        core::log::warning("application icon refused (" + d.error + "): using the built-in one");
    }
    constexpr int kSide = 64;
    std::vector<unsigned char> px(kSide * kSide * 4);
    for (int y = 0; y < kSide; ++y) {
        for (int x = 0; x < kSide; ++x) {
            const int dx = x - kSide / 2, dy = y - kSide / 2;
            const bool disc = dx * dx + dy * dy < (kSide / 4) * (kSide / 4);
            unsigned char* p = &px[static_cast<std::size_t>((y * kSide + x) * 4)];
            p[0] = disc ? 0xFF : 0x00, p[1] = disc ? 0xFF : 0x4E, p[2] = disc ? 0xFF : 0x78, p[3] = 0xFF;
        }
    }
    video.setIcon(px.data(), kSide, kSide);
}

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
    const core::AssetSet assets = loadKioskAssets();
    setWindowIcon(video, assets);
    if (auto s = video.setRotation(rt.config.screen.rotation); !s) core::log::warning(s.error());
    core::log::info("screen " + std::to_string(video.outputWidth()) + "x" + std::to_string(video.outputHeight()) +
                    " (rotation " + std::to_string(video.rotation()) + "), renderer " + video.rendererName());
    if (vo.fullscreen &&
        (video.pictureWidth() != rt.requestedWidth() || video.pictureHeight() != rt.requestedHeight())) {
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
    platform::EarconPlayer earcons(assets);
    AppParts parts;
    parts.video = &video;
    parts.clock = &clock;
    parts.kioskClock = &clock;
    parts.events = &events;
    parts.speech = &speech;
    parts.earcons = &earcons;
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
