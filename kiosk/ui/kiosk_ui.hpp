// The visitor-facing UI as a whole: screens and the route between them, language,
// fonts, theme, idle return, and when new content may replace what is shown.
// Main thread only; never touches files, network or SDL.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/assets.hpp"
#include "core/clock.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "ui/accessibility.hpp"
#include "ui/earcons.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_state.hpp"
#include "ui/image_source.hpp"
#include "ui/input.hpp"
#include "ui/metrics.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

struct UiOptions {
    core::Lang defaultLang = core::Lang::Fr;
    double idleSeconds = 90;         // without input, the idle warning appears (x10 in accessibility mode)
    double idleWarningSeconds = 20;  // how long it counts down before the loop returns
    std::string herePlace;           // "you are here"
    std::string hereRoom;            // and the room of its floor plan, may be empty
    core::AssetSet assets;           // the kiosk's own artwork (empty: built-in fallbacks)
    FontFiles fontFiles;
    // New content waits for a safe moment (next slide, Home); after this long it is also
    // shown at the next change of screen, so a busy kiosk never lags behind for long.
    double newContentDelaySeconds = 300;
    // Named on the neutral "content loading" screen of a kiosk that has not synced yet.
    std::string kioskName;
    std::string feedHost;
};

class KioskUi final : public Navigator {
public:
    KioskUi(const core::Clock& clock, const Metrics& metrics, UiOptions options);
    ~KioskUi() override;

    // Needs a current ImGui context. Builds fonts for `content` (may be null: loading).
    core::Status init(std::shared_ptr<const core::Content> content);
    void setImageSource(ImageSource* images) { images_ = images; }
    // The speech engine (not owned; may be null); it speaks only when the visitor turns
    // speech on.
    void setSpeechOutput(SpeechOutput* speech) { speech_ = speech; }
    // Earcons on keypad moves while speech is on (may be null: silent).
    void setEarconOutput(EarconOutput* earcons) { earcons_ = earcons; }
    // Anonymous counts of visits and views (not owned; may be null). See docs/statistics.md.
    void setStatsSink(core::stats::Sink* stats) { stats_ = stats; }
    core::stats::Sink* statsSink() const { return stats_; }
    // Staff mode (app/staff_mode.hpp): a fresh visitor view, and something drawn over the
    // visitor screens (the preview's way back); empty: nothing.
    void resetForNextVisitor();
    void setOverlay(std::function<void()> draw) { overlay_ = std::move(draw); }
    // The content is old (no sync for a long time): screens say "programme as of <date>".
    void setContentAsOf(std::optional<core::Instant> asOf) { contentAsOf_ = asOf; }
    std::optional<core::Instant> contentAsOf() const { return contentAsOf_; }
    bool hasPendingContent() const { return pendingContent_ != nullptr; }
    // New screen metrics (the seated layout uses the lower part of the screen only).
    void setMetrics(const Metrics& metrics);

    // Shows `content` at once (first content, or a preview).
    void setContent(std::shared_ptr<const core::Content> content);
    // New content from a sync: shown at the next attract slide or when the visitor
    // returns Home, never in the middle of what a visitor reads; at once when it brings
    // an urgent announcement valid now.
    void offerContent(std::shared_ptr<const core::Content> content);
    const core::Content* content() const { return content_.get(); }

    // Call before NewFrame. True when the font atlas changed (upload it again).
    bool prepareFrame();
    // One frame: applies input, draws, ends with ImGui::Render().
    void frame(InputQueue& input, float deltaSeconds);

    // True when the next frame would differ without new input: something changed since
    // the last frame, something moves, or the moment fixed by the last frame has come.
    bool needsRedraw() const;
    // Something moves on its own (a crossfade, inertial scrolling, a pinch): the loop draws
    // at its animation rate until it stops.
    bool animating() const { return animating_ || pinch_.active; }
    // Seconds until something changes on its own (slide, clock minute, idle countdown),
    // fixed when the last frame was drawn, so a late wake-up never skips a change.
    double secondsUntilChange() const;

    // Opens a screen directly (tests, headless screenshots), replacing the whole route.
    void show(const Route& route);
    // The same from a route's text ("session", "ID" or "session:ID"); false when it does
    // not parse (logged).
    bool show(const std::string& screenName, const std::string& param = {});
    ScreenId currentId() const { return routes_.back().screen; }
    std::string currentScreen() const { return screenName(routes_.back().screen); }
    const Route& currentRoute() const { return routes_.back(); }
    core::Lang lang() const { return lang_; }
    void setLang(core::Lang lang) { lang_ = lang; }
    bool idleWarningShown() const { return idleWarning_; }
    const AccessibilitySettings& accessibility() const { return a11y_; }
    double idleSeconds() const { return a11y_.active() ? options_.idleSeconds * 10 : options_.idleSeconds; }
    const Fonts& fonts() const { return fonts_; }
    // The per-frame state and records (tests turn records on; see frame_state.hpp).
    FrameState& frameState() { return frameState_; }
    const Theme& theme() const { return theme_; }
    const Metrics& metrics() const { return metrics_; }
    Screen* screen(ScreenId id);

    // Navigator
    using Navigator::go;
    void go(const Route& route) override;
    void back() override;
    void home() override;
    bool canGoBack() const override { return routes_.size() > 2; }
    void toggleLanguage() override;
    void keepAnimating() override { animating_ = true; }
    void atSafePoint() override { safePoint_ = true; }
    void setAccessibility(const AccessibilitySettings& settings) override;

private:
    UiContext context() const;
    void drawLoading();
    void drawIdleWarning();
    float drawFooter();
    float footerHeight() const;
    int footerRows() const;
    bool languageOnOwnRow() const;
    std::string accessibilityLabel() const;
    float accessibilityButtonWidth() const;
    float drawUrgent(float top);
    void handleKeys(std::deque<KeyEvent> keys);
    void applyTheme();
    void speak(const std::string& text, std::string_view lang);
    void stopSpeech();
    bool onSpeechControl(ImVec2 pos, bool focused) const;
    void checkIdle(bool activity);
    void countRoute(const Route& from, const Route& to);
    void applyPendingContent();
    void enterCurrent();
    double computeSecondsUntilChange() const;

    const core::Clock& clock_;
    FrameState frameState_;
    Metrics metrics_;
    UiOptions options_;
    Theme theme_;
    Fonts fonts_;
    ImageSource* images_ = nullptr;
    SpeechOutput* speech_ = nullptr;
    EarconOutput* earcons_ = nullptr;
    core::stats::Sink* stats_ = nullptr;
    AccessibilitySettings a11y_;
    std::optional<core::Instant> contentAsOf_;
    std::shared_ptr<const core::Content> content_, pendingContent_;
    bool fontsDirty_ = false;
    std::vector<unsigned short> atlasRanges_;  // glyphs in the current font atlas
    std::map<ScreenId, std::unique_ptr<Screen>> screens_;
    std::vector<Route> routes_{Route::attract()};
    std::vector<std::any> savedStates_;  // per entry of routes_: the screen as it was left (Back)
    std::vector<Route> pendingRoutes_;
    bool routeChanged_ = false;
    core::Lang lang_;
    double lastInput_ = 0;
    bool idleWarning_ = false;
    bool animating_ = false;
    bool safePoint_ = false;
    bool redrawRequested_ = false;  // the last frame changed something the next must show
    core::Lang frameLang_ = core::Lang::Fr;
    AccessibilitySettings frameA11y_;
    PinchGesture pinch_;
    double dueAt_ = 0;           // clock_.seconds() at which the picture changes on its own
    double pendingSince_ = 0;    // when pendingContent_ arrived
    bool lastSpeaking_ = false;  // speech state the last frame showed (Pause / Resume)
    bool speechPaused_ = false;  // the visitor pressed Pause: the button says Resume until pressed or speech ends
    SpeechRequest lastContent_;  // the last content said (Repeat), never a speech control's label
    float dt_ = 1.0f / 60.0f;
    ImVec2 areaMin_, areaMax_;
    std::function<void()> overlay_;
};

}  // namespace kiosk::ui
