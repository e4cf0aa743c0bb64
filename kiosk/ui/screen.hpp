// What every screen is given (content, clock, language, metrics, fonts, theme) and the
// interface it implements. Screens never load files or wait on the network.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/model.hpp"
#include "ui/fonts.hpp"
#include "ui/metrics.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

struct UiContext {
    const core::Content* content = nullptr;  // never null when a screen is drawn
    const core::Clock* clock = nullptr;
    core::Lang lang = core::Lang::Fr;
    const Metrics* metrics = nullptr;
    const Fonts* fonts = nullptr;
    const Theme* theme = nullptr;
};

class Navigator {
public:
    virtual ~Navigator() = default;
    virtual void go(const std::string& screenName) = 0;
    virtual void toggleLanguage() = 0;
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual const char* name() const = 0;
    // Draws into the current full-screen ImGui window. Main thread.
    virtual void draw(const UiContext& ctx, Navigator& nav) = 0;
    // Called when the screen is shown; resets its state for a new visit.
    virtual void enter(const UiContext& ctx) { (void)ctx; }
    // True while something moves on its own (slides, fades): the app keeps redrawing.
    virtual bool animating(const UiContext& ctx) const { (void)ctx; return false; }
};

}  // namespace kiosk::ui
