// Interactive mode: the full-screen kiosk. Content loads on a worker thread while the
// window shows "loading"; the loop redraws only when input, animation, the clock's
// minute or new content asks for it, and otherwise sleeps in SDL_WaitEventTimeout.
#include <SDL.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <future>

#include "app/modes.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "platform/events.hpp"
#include "platform/video.hpp"

namespace kiosk::app {
namespace {

// The system clock, or a simulated one once --now can be read in the event's time zone.
class PreviewClock final : public core::Clock {
public:
    core::Instant now() const override { return simulated_ ? simulated_->now() : system_.now(); }
    double seconds() const override { return system_.seconds(); }
    void startAt(core::Instant t) { simulated_.emplace(t); }

private:
    core::SystemClock system_;
    std::optional<core::SimulatedClock> simulated_;
};

}  // namespace

int runInteractive(const Runtime& rt) {
    const std::string dir = rt.contentDir();
    std::future<core::LoadResult> loading = std::async(std::launch::async, [dir] { return core::loadFeed(dir); });

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
    core::log::info("window " + std::to_string(video.width()) + "x" + std::to_string(video.height()) + ", renderer " +
                    video.rendererName());

    PreviewClock clock;
    ImGui::CreateContext();
    int code = 0;
    {
        ui::KioskUi ui(clock, ui::Metrics(rt.geometry(video.width(), video.height())), rt.uiOptions());
        if (auto s = ui.init(nullptr); !s) {
            std::fprintf(stderr, "kiosk: %s\n", s.error().c_str());
            code = 1;
        }
        platform::ImGuiRenderer renderer(video.renderer());
        ui::InputQueue input;
        bool running = code == 0, dirty = true;
        double last = clock.seconds();
        while (running) {
            SDL_Event e;
            const bool busy = dirty || input.pending() || ui.needsRedraw() || loading.valid();
            if (busy ? SDL_PollEvent(&e) : SDL_WaitEventTimeout(&e, 500)) {
                do {
                    const auto r = platform::translateEvent(e, video.width(), video.height(), input);
                    running = running && !r.quit;
                    dirty = dirty || r.handled || e.type == SDL_WINDOWEVENT;
                } while (SDL_PollEvent(&e));
            }
            if (loading.valid() && loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                core::LoadResult loaded = loading.get();
                logDiagnostics(dir, loaded.diagnostics);
                if (!loaded.content) {
                    std::fprintf(stderr, "kiosk: the content in %s cannot be used (see the fatal problems above)\n", dir.c_str());
                    code = 1;
                    break;
                }
                auto now = resolveNow(rt.options, *loaded.content);
                if (!now) {
                    std::fprintf(stderr, "kiosk: %s\n", now.error().c_str());
                    code = 2;
                    break;
                }
                if (now.value()) clock.startAt(*now.value());
                ui.setContent(loaded.content);
                dirty = true;
            }
            if (!(dirty || input.pending() || ui.needsRedraw())) continue;
            const double t = clock.seconds();
            renderFrame(ui, renderer, input, static_cast<float>(t - last));
            last = t;
            SDL_RenderPresent(video.renderer());
            dirty = false;
            if (!loading.valid() && !input.pending() && !ui.needsRedraw()) continue;
            SDL_Delay(loading.valid() ? 16 : 0);
        }
    }
    ImGui::DestroyContext();
    return code;
}

}  // namespace kiosk::app
