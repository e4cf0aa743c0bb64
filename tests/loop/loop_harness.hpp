// The loop tests' kiosk: the real App loop (on-demand redraw, inbox, settle frames) on
// SDL's software renderer, with a driven clock: when the loop would sleep, the clock
// moves instead. Touches go through SDL's own event queue, as on the real program.
#pragma once

#include <SDL.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/app.hpp"
#include "app/config.hpp"
#include "app/font_lookup.hpp"
#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/time.hpp"
#include "platform/video.hpp"
#include "ui/frame_state.hpp"
#include "ui/recording_earcons.hpp"
#include "ui/recording_speech.hpp"
#include "ui/widgets.hpp"

namespace kiosk::test {

// A built copy of the bundled feed for this test process (the committed manifest may
// be stale while staff edit content); removed when the process ends.
inline std::string builtBundledFeed() {
    struct Dir {
        std::filesystem::path path;
        Dir() {
            path = std::filesystem::temp_directory_path() / ("kiosk-loop-feed-" + std::to_string(::getpid()));
            std::filesystem::remove_all(path);
            std::filesystem::copy(KIOSK_BUNDLED_CONTENT, path, std::filesystem::copy_options::recursive);
            std::filesystem::remove(path / "manifest.json");
            (void)core::buildFeed(path, core::Instant{});
        }
        ~Dir() { std::filesystem::remove_all(path); }
    };
    static Dir dir;
    return dir.path.string();
}

inline core::Instant instantAt(const char* iso) { return core::parseDateTimeWithOffset(iso).value().instant; }

// Sleeping advances the manual clock when `advance` is on; otherwise it waits for real
// (content loading and image decoding run on real worker threads).
class DrivenEvents final : public app::EventSource {
public:
    explicit DrivenEvents(core::ManualClock& clock) : clock_(clock) {}
    bool wait(SDL_Event& e, double seconds) override {
        if (SDL_PollEvent(&e)) return true;
        if (!advance) return SDL_WaitEventTimeout(&e, std::max(1, static_cast<int>(std::ceil(seconds * 1000)))) == 1;
        clock_.advance(seconds);
        return false;
    }
    bool advance = false;

private:
    core::ManualClock& clock_;
};

struct LoopSetup {
    int width = 1280, height = 800;
    float diagonal = 10.1f, distance = 450;
    float mounting = 800;  // the screen's bottom edge above the floor, mm
    const char* now = "2027-10-20T14:30:00+02:00";
    double idleSeconds = 90;
    std::string contentDir;                        // empty: the bundled feed
    std::string statsDatabase;                     // empty: no statistics
    std::function<void(app::Runtime&)> configure;  // last word on the runtime (staff PIN, feed_url, live_source...)

    // The 43" landscape reference screen (the default is the 10.1" tablet).
    static LoopSetup landscape() {
        LoopSetup s;
        s.width = 1920;
        s.height = 1080;
        s.diagonal = 43;
        s.distance = 900;
        return s;
    }
};

class LoopHarness {
public:
    explicit LoopHarness(const LoopSetup& s = {}) : clock_(instantAt(s.now)), events_(clock_) {
        platform::VideoOptions vo;
        vo.headless = true;
        vo.width = s.width;
        vo.height = s.height;
        video_ = std::move(platform::Video::open(vo).value());
        SDL_InitSubSystem(SDL_INIT_EVENTS);
        SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
        rt_.config = app::defaultConfig();
        rt_.config.idleSeconds = s.idleSeconds;
        // Fonts as the kiosk finds them (fontconfig), when the defaults name no file.
        if (auto f = app::findFontFile(rt_.config.fontFamily, false); f && rt_.config.fontRegular.empty())
            rt_.config.fontRegular = f.value();
        if (auto f = app::findFontFile(rt_.config.fontFamily, true); f && rt_.config.fontBold.empty())
            rt_.config.fontBold = f.value();
        rt_.config.screen.width = s.width;
        rt_.config.screen.height = s.height;
        rt_.config.screen.diagonalInches = s.diagonal;
        rt_.config.screen.viewingDistanceMm = s.distance;
        rt_.config.screen.mountingHeightMm = s.mounting;
        rt_.config.stats.database = s.statsDatabase;
        rt_.options.contentDir = s.contentDir.empty() ? builtBundledFeed() : s.contentDir;
        if (s.configure) s.configure(rt_);
        app::AppParts parts;
        parts.video = video_.get();
        parts.clock = &clock_;
        parts.events = &events_;
        parts.speech = &speech_;
        parts.earcons = &earcons_;
        app_ = std::make_unique<app::App>(rt_, parts);
        status_ = app_->init();
        if (status_) {
            app_->ui().frameState().records.texts = true;
            settle();
        }
    }
    ~LoopHarness() {
        app_.reset();
        SDL_QuitSubSystem(SDL_INIT_EVENTS);
    }

    bool ok() const { return status_.ok() && app_->showingContent(); }
    app::App& app() { return *app_; }
    ui::KioskUi& ui() { return app_->ui(); }
    core::ManualClock& clock() { return clock_; }
    ui::RecordingSpeech& speech() { return speech_; }
    ui::RecordingEarcons& earcons() { return earcons_; }
    platform::Video& video() { return *video_; }

    // Turns the loop without moving the clock until it has nothing left to draw and no
    // worker is busy: what is presented then is what a visitor would see, untouched.
    int settle(int maxTurns = 2000) {
        events_.advance = false;
        const auto before = app_->framesPresented();
        for (int i = 0; i < maxTurns; ++i) {
            const bool queued = SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT) == SDL_TRUE;
            if (!queued && !app_->workersBusy() && app_->secondsUntilDue() > 0) break;
            app_->turn(app_->workersBusy() ? 0.02 : 0.0);
        }
        return static_cast<int>(app_->framesPresented() - before);
    }

    // Lets `seconds` of driven time pass with no input, the loop sleeping as it would.
    void runFor(double seconds) {
        events_.advance = true;
        const double target = clock_.seconds() + seconds;
        for (int i = 0; i < 100000 && clock_.seconds() < target - 1e-9; ++i) app_->turn(target - clock_.seconds());
        events_.advance = false;
    }

    // A finger touching and lifting at (x, y), through SDL's event queue; then settles.
    void tap(float x, float y) {
        finger(SDL_FINGERDOWN, x, y);
        finger(SDL_FINGERUP, x, y);
        settle();
    }
    void finger(Uint32 type, float x, float y) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.fingerId = 1;
        e.tfinger.x = x / static_cast<float>(video_->outputWidth());
        e.tfinger.y = y / static_cast<float>(video_->outputHeight());
        SDL_PushEvent(&e);
    }
    void key(SDL_Keycode k) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = k;
        SDL_PushEvent(&e);
        settle();
    }
    void show(const std::string& screen, const std::string& param = {}) {
        ui().show(screen, param);
        settle();
    }

    // Texts of the last presented frame.
    const std::vector<ui::DrawnText>& texts() const { return ui::drawnTexts(); }
    bool shows(const std::string& needle) const {
        for (const auto& t : texts()) {
            if (plainSpaces(t.text).find(plainSpaces(needle)) != std::string::npos) return true;
        }
        return false;
    }
    std::string allText() const {
        std::string all;
        for (const auto& t : texts()) all += t.text + " | ";
        return all;
    }
    const ui::InteractiveItem* item(const std::string& label) const {
        for (const auto& i : ui::InteractiveLog::items()) {
            if (plainSpaces(i.label) == plainSpaces(label)) return &i;
        }
        return nullptr;
    }
    bool tapItem(const std::string& label) {
        const auto* i = item(label);
        if (!i) return false;
        tap((i->min.x + i->max.x) * 0.5f, (i->min.y + i->max.y) * 0.5f + static_cast<float>(video_->viewportTop()));
        return true;
    }

    // True when the presented picture is what drawing again in the same state gives: the
    // loop left nothing stale on screen.
    bool presentedIsCurrent(std::string* why = nullptr) {
        const auto presented = video_->readPixels();
        app_->drawFrame();
        app_->drawFrame();
        app_->drawFrame();
        const auto fresh = video_->readPixels();
        settle();
        if (presented == fresh) return true;
        if (why) {
            std::size_t first = 0;
            while (first < presented.size() && first < fresh.size() && presented[first] == fresh[first]) ++first;
            const std::size_t px = first / 4;
            *why = "first differing pixel at (" + std::to_string(px % static_cast<std::size_t>(video_->outputWidth())) +
                   ", " + std::to_string(px / static_cast<std::size_t>(video_->outputWidth())) + ")";
        }
        return false;
    }

    static std::string plainSpaces(std::string s) {
        for (const char* nb : {"\u00A0", "\u202F"}) {
            for (auto p = s.find(nb); p != std::string::npos; p = s.find(nb)) s.replace(p, std::string(nb).size(), " ");
        }
        return s;
    }

private:
    core::ManualClock clock_;
    DrivenEvents events_;
    std::unique_ptr<platform::Video> video_;
    ui::RecordingSpeech speech_;
    ui::RecordingEarcons earcons_;
    app::Runtime rt_;
    std::unique_ptr<app::App> app_;
    core::Status status_ = core::Ok{};
};

}  // namespace kiosk::test
