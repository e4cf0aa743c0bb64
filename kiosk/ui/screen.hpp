// What every screen is given (content, clock, language, metrics, fonts, theme, images)
// and the interface it implements. Screens never load files or wait on the network.
#pragma once

#include <any>
#include <optional>
#include <string>

#include "core/assets.hpp"
#include "core/clock.hpp"
#include "core/model.hpp"
#include "core/stats/sink.hpp"
#include "ui/accessibility.hpp"
#include "ui/fonts.hpp"
#include "ui/image_source.hpp"
#include "ui/metrics.hpp"
#include "ui/route.hpp"
#include "ui/speech.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

struct UiContext {
    const core::Content* content = nullptr;  // never null when a screen is drawn
    const core::Clock* clock = nullptr;
    core::Lang lang = core::Lang::Fr;
    const Metrics* metrics = nullptr;
    const Fonts* fonts = nullptr;
    const Theme* theme = nullptr;
    ImageSource* images = nullptr;           // may be null: placeholders are drawn
    std::string herePlace;                   // "you are here" place id, may be empty
    std::string hereRoom;                    // its room on the floor plan, may be empty
    const core::AssetSet* assets = nullptr;  // the kiosk's own artwork; may be null
    bool reducedMotion = false;
    AccessibilitySettings a11y;
    SpeechOutput* speech = nullptr;            // non-null only while the visitor has speech on
    core::stats::Sink* stats = nullptr;        // anonymous counts (docs/privacy.md); may be null
    std::optional<core::Instant> contentAsOf;  // set when the content is old: "programme as of <date>"
    float dt = 1.0f / 60.0f;                   // seconds since the previous frame
    ImVec2 areaMin, areaMax;                   // the screen's area below the header
    // Two-finger pinch this frame (touch screens): scale since the previous frame.
    bool pinching = false;
    float pinchScale = 1.0f;
    ImVec2 pinchCenter;

    // One column when the screen is portrait or text is 150 % or larger.
    bool oneColumn() const { return metrics->portrait() || a11y.oneColumn(); }
};

class Navigator {
public:
    virtual ~Navigator() = default;
    // Opens a screen on top of the current one (Home replaces the whole stack).
    virtual void go(const Route& route) = 0;
    void go(ScreenId screen) { go(Route::to(screen)); }
    virtual void back() = 0;
    virtual void home() = 0;
    virtual bool canGoBack() const = 0;
    virtual void toggleLanguage() = 0;
    // Something moves on its own this frame: draw the next one too.
    virtual void keepAnimating() = 0;
    // A moment where new content may replace the current one (the attract loop moves
    // to its next slide): nobody is reading.
    virtual void atSafePoint() = 0;
    // The accessibility panel changes the visitor's settings (applied between frames).
    virtual void setAccessibility(const AccessibilitySettings& settings) = 0;
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual ScreenId id() const = 0;
    const char* name() const { return screenName(id()); }
    // Draws into the current full-screen ImGui window below the header. Main thread.
    virtual void draw(const UiContext& ctx, Navigator& nav) = 0;
    // Called when the screen is shown with its route; resets state for a new visit.
    virtual void enter(const UiContext& ctx, const Route& route) {
        (void)ctx;
        (void)route;
    }
    // What the visitor set here (filters, scroll positions, the map's view), taken when
    // they go further and handed back, after enter(), when they come Back to this route.
    // Each route in the stack keeps its own; empty: nothing to keep.
    virtual std::any saveState() const { return {}; }
    virtual void restoreState(const std::any& state) { (void)state; }
    // Seconds until the screen changes on its own (a slide, a clock), or a large value.
    virtual double secondsUntilChange(const UiContext& ctx) const {
        (void)ctx;
        return 1e9;
    }
    // The screen's title for the header (empty: no header, as on the attract loop).
    virtual std::string title(const UiContext& ctx) const {
        (void)ctx;
        return {};
    }
};

}  // namespace kiosk::ui
