// A headless kiosk for UI tests: SDL software renderer, ImGui context, the real KioskUi
// on a manual clock, and touches injected as SDL events through the platform layer.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
#include "platform/events.hpp"
#include "platform/imgui_renderer.hpp"
#include "platform/video.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/widgets.hpp"

namespace kiosk::test {

// The bundled feed, with a manifest built in a temporary copy so tests never depend on
// the committed manifest being fresh. Loaded once per test executable.
inline std::shared_ptr<const core::Content> bundledContent() {
    static std::shared_ptr<const core::Content> content = [] {
        namespace fs = std::filesystem;
        const fs::path dir = fs::temp_directory_path() / ("kiosk-ui-test-feed-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::copy(KIOSK_BUNDLED_CONTENT, dir, fs::copy_options::recursive);
        fs::remove(dir / "manifest.json");
        const auto built = core::buildFeed(dir, core::Instant{});
        auto loaded = core::loadFeed(dir);
        fs::remove_all(dir);
        return loaded.content;
    }();
    return content;
}

// Labels with no-break spaces (French typography) folded to plain spaces, for matching.
inline std::string plain(std::string s) {
    for (const char* nb : {"\u00A0", "\u202F"}) {
        for (auto pos = s.find(nb); pos != std::string::npos; pos = s.find(nb))
            s.replace(pos, std::string(nb).size(), " ");
    }
    return s;
}

inline core::Instant at(const char* iso) { return core::parseDateTimeWithOffset(iso).value().instant; }

// Records what screens ask for; every image stays "loading" (tests need no decoding).
class RecordingImages final : public ui::ImageSource {
public:
    ui::ImageHandle request(const std::string& path, const std::string&, int, int) override {
        requested.push_back(path);
        return {};
    }
    void cancelPending() override { ++cancels; }
    std::vector<std::string> requested;
    int cancels = 0;
};

class Harness {
public:
    Harness(int w, int h, float diagonal, float distance, core::Instant now, float mountingMm = 800.0f) : clock_(now) {
        platform::VideoOptions vo;
        vo.headless = true;
        vo.width = w;
        vo.height = h;
        video_ = std::move(platform::Video::open(vo).value());
        ImGui::CreateContext();
        ui::ScreenGeometry g{w, h, diagonal, distance};
        g.mountingHeightMm = mountingMm;
        ui_ = std::make_unique<ui::KioskUi>(clock_, ui::Metrics(g), ui::UiOptions{});
        status_ = ui_->init(bundledContent());
        ui_->frameState().records.contrast = true;  // the tests read what was drawn
        ui_->frameState().records.texts = true;
        ui_->setImageSource(&images_);
        renderer_ = std::make_unique<platform::ImGuiRenderer>(video_->renderer());
    }
    ~Harness() {
        renderer_.reset();
        ui_.reset();
        ImGui::DestroyContext();
    }

    bool ok() const { return status_.ok(); }
    ui::KioskUi& ui() { return *ui_; }
    core::ManualClock& clock() { return clock_; }
    ui::InputQueue& input() { return input_; }

    void frame(int n = 1) {
        for (int i = 0; i < n; ++i) {
            if (ui_->prepareFrame()) renderer_->fontsChanged();
            renderer_->newFrame();
            ui_->frame(input_, 1.0f / 60.0f);
            renderer_->render(255, 255, 255);
        }
    }

    // A finger touching and lifting at (x, y): SDL events through the platform layer.
    void tap(float x, float y, SDL_FingerID finger = 1) {
        finger_(SDL_FINGERDOWN, x, y, finger);
        frame();
        finger_(SDL_FINGERUP, x, y, finger);
        frame(3);
    }
    void finger_(Uint32 type, float x, float y, SDL_FingerID finger) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.fingerId = finger;
        e.tfinger.x = x / static_cast<float>(video_->width());
        e.tfinger.y = y / static_cast<float>(video_->height());
        platform::translateEvent(e, video_->width(), video_->height(), input_);
    }
    void mouse(Uint32 type, int x, int y, Uint32 which = 0) {
        SDL_Event e{};
        e.type = type;
        if (type == SDL_MOUSEMOTION) {
            e.motion.which = which;
            e.motion.x = x;
            e.motion.y = y;
        } else {
            e.button.which = which;
            e.button.button = SDL_BUTTON_LEFT;
            e.button.x = x;
            e.button.y = y;
        }
        platform::translateEvent(e, video_->width(), video_->height(), input_);
    }

    // A key of a USB keypad or keyboard, through the platform layer.
    void key(SDL_Keycode k, int frames = 2) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = k;
        platform::translateEvent(e, video_->width(), video_->height(), input_);
        frame(frames);
    }

    // A one-finger drag in steps, one frame each.
    void drag(float x0, float y0, float x1, float y1, int steps = 8, SDL_FingerID finger = 1) {
        finger_(SDL_FINGERDOWN, x0, y0, finger);
        frame();
        for (int i = 1; i <= steps; ++i) {
            finger_(SDL_FINGERMOTION, x0 + (x1 - x0) * static_cast<float>(i) / static_cast<float>(steps),
                    y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(steps), finger);
            frame();
        }
        finger_(SDL_FINGERUP, x1, y1, finger);
        frame(2);
    }

    // The first interactive item this frame whose label is `label`.
    const ui::InteractiveItem* item(const std::string& label) const {
        for (const auto& i : ui::InteractiveLog::items()) {
            if (plain(i.label) == plain(label)) return &i;
        }
        return nullptr;
    }

    // The centre of the first interactive item whose label is `label` this frame.
    bool centreOf(const std::string& label, ImVec2& out) const {
        for (const auto& item : ui::InteractiveLog::items()) {
            if (plain(item.label) == plain(label)) {
                out = ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
                return true;
            }
        }
        return false;
    }

    platform::Video& video() { return *video_; }

private:
    core::ManualClock clock_;
    std::unique_ptr<platform::Video> video_;
    std::unique_ptr<ui::KioskUi> ui_;
    std::unique_ptr<platform::ImGuiRenderer> renderer_;
    ui::InputQueue input_;
    core::Status status_ = core::Ok{};

public:
    RecordingImages images_;
};

}  // namespace kiosk::test
