// Headless mode: render one screen with SDL's software renderer into a PNG, so anyone
// (and the tests) can see what the kiosk draws without a display.
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "app/modes.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "platform/texture_cache.hpp"
#include "platform/video.hpp"
#include "ui/text.hpp"

namespace kiosk::app {

void renderFrame(ui::KioskUi& ui, platform::ImGuiRenderer& renderer, ui::InputQueue& input, float dt) {
    if (ui.prepareFrame()) renderer.fontsChanged();
    renderer.newFrame();
    ui.frame(input, dt);
    const ui::Rgb bg = ui.theme().background;
    renderer.render(bg.r, bg.g, bg.b);
}

int runHeadless(const Runtime& rt) {
    const std::string dir = rt.contentDir();
    const core::LoadResult loaded = core::loadFeed(dir);
    logDiagnostics(dir, loaded.diagnostics);
    if (!loaded.content) {
        std::fprintf(stderr, "kiosk: the content in %s cannot be used (see the fatal problems above)\n", dir.c_str());
        return 1;
    }
    auto now = resolveNow(rt.options, *loaded.content);
    if (!now) {
        std::fprintf(stderr, "kiosk: %s\n", now.error().c_str());
        return 2;
    }
    core::ManualClock clock(now.value().value_or(core::SystemClock().now()));

    platform::VideoOptions vo;
    vo.headless = true;
    vo.width = rt.requestedWidth();
    vo.height = rt.requestedHeight();
    auto video = platform::Video::open(vo);
    if (!video) {
        std::fprintf(stderr, "kiosk: %s\n", video.error().c_str());
        return 1;
    }
    ImGui::CreateContext();
    int code = 0;
    {
        ui::KioskUi ui(clock, ui::Metrics(rt.geometry(vo.width, vo.height)), rt.uiOptions());
        if (auto s = ui.init(loaded.content); !s) {
            std::fprintf(stderr, "kiosk: %s\n", s.error().c_str());
            ImGui::DestroyContext();
            return 1;
        }
        for (int step = 0; step < ui::AccessibilitySettings::kTextSteps; ++step) {
            if (ui::AccessibilitySettings::kTextPercent[step] != rt.options.textPercent) continue;
            ui::AccessibilitySettings a11y;
            a11y.textStep = step;
            ui.setAccessibility(a11y);  // fonts are rebuilt before the first frame
        }
        if (auto route = ui::parseRoute(rt.options.screen)) ui.show(route.value());
        platform::Video& v = *video.value();
        if (auto s = v.setRotation(rt.config.screen.rotation); !s) core::log::warning(s.error());
        platform::ImGuiRenderer renderer(v.renderer());
        platform::TextureCache images(v.renderer());
        ui.setImageSource(&images);
        ui.frameState().records.texts = !rt.options.textsFile.empty();
        ui::InputQueue input;
        const auto draw = [&] {
            ui::OverflowLog::clear();
            v.beginFrame();
            renderFrame(ui, renderer, input, 1.0f / 60.0f);
            v.endFrame();
        };
        // Auto-sized ImGui windows settle over two frames; then images decode on the
        // workers: draw until every requested image is in (or 10 s have passed).
        for (int i = 0; i < 3; ++i) draw();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (images.stats().loading > 0 && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            if (images.pump()) draw();
        }
        images.pump();
        draw();
        draw();
        for (const auto& o : ui::OverflowLog::all()) {
            core::log::warning("text does not fit (" + std::to_string(static_cast<int>(o.width)) + " px): " + o.text);
        }
        ui.setImageSource(nullptr);
        if (!rt.options.textsFile.empty()) {
            if (std::FILE* f = std::fopen(rt.options.textsFile.c_str(), "w")) {
                for (const auto& t : ui::drawnTexts()) std::fprintf(f, "%s\n", t.text.c_str());
                std::fclose(f);
            } else {
                std::fprintf(stderr, "kiosk: cannot write %s\n", rt.options.textsFile.c_str());
                code = 1;
            }
        }
        if (auto s = v.savePng(rt.options.screenshot); !s) {
            std::fprintf(stderr, "kiosk: %s\n", s.error().c_str());
            code = 1;
        } else {
            core::log::info("wrote " + rt.options.screenshot + " (" + rt.options.screen + ", " +
                            std::to_string(vo.width) + "x" + std::to_string(vo.height) + ")");
        }
    }
    ImGui::DestroyContext();
    return code;
}

}  // namespace kiosk::app
