// The visitor-facing UI as a whole: screens, current screen, language, fonts and theme.
// The app feeds it input and content; it produces ImGui draw data each frame.
// Main thread only; never touches files, network or SDL.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "ui/fonts.hpp"
#include "ui/input.hpp"
#include "ui/metrics.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

struct UiOptions {
    core::Lang defaultLang = core::Lang::Fr;
    double idleSeconds = 90;  // back to the attract loop after this long without input
    FontFiles fontFiles;
};

class KioskUi final : public Navigator {
public:
    KioskUi(const core::Clock& clock, const Metrics& metrics, UiOptions options);
    ~KioskUi() override;

    // Needs a current ImGui context. Builds fonts for `content` (may be null: loading).
    core::Status init(std::shared_ptr<const core::Content> content);

    // New content is shown from the next frame; the font atlas is rebuilt between frames
    // when it needs new glyphs.
    void setContent(std::shared_ptr<const core::Content> content);
    // Call before NewFrame. True when the font atlas changed: the renderer must upload
    // the font texture again.
    bool prepareFrame();

    // One frame: applies input, draws the current screen, ends with ImGui::Render().
    void frame(InputQueue& input, float deltaSeconds);

    // True when the next frame would differ without new input (animation, clock minute).
    bool needsRedraw() const;

    bool show(const std::string& screenName);  // false for an unknown name
    const std::string& currentScreen() const { return current_; }
    core::Lang lang() const { return lang_; }
    void setLang(core::Lang lang) { lang_ = lang; }
    const Fonts& fonts() const { return fonts_; }
    const Theme& theme() const { return theme_; }
    const Metrics& metrics() const { return metrics_; }

    static std::vector<std::string> screenNames();

    // Navigator
    void go(const std::string& screenName) override;
    void toggleLanguage() override;

private:
    UiContext context() const;
    void drawLoading();
    void checkIdle(bool activity);

    const core::Clock& clock_;
    Metrics metrics_;
    UiOptions options_;
    Theme theme_;
    Fonts fonts_;
    std::shared_ptr<const core::Content> content_;
    bool fontsDirty_ = false;
    std::map<std::string, std::unique_ptr<Screen>> screens_;
    std::string current_ = "attract";
    std::string pending_;
    core::Lang lang_;
    double lastInput_ = 0;
    long lastMinute_ = -1;
};

}  // namespace kiosk::ui
