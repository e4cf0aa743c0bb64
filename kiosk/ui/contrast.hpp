// Records every (text or control colour, background) pair drawn in a frame, so tests can
// check each against WCAG thresholds. Backgrounds are declared with BackgroundScope
// where a surface is painted (cards, bands, buttons, badges); text drawn inside uses it.
#pragma once

#include <string>
#include <vector>

#include "ui/theme.hpp"

namespace kiosk::ui {

struct ColourPair {
    Rgb fg, bg;
    bool text = true;    // text (4.5:1 / 7:1) or a control's edge (3:1)
    bool large = false;  // large text: >= 24 CSS px, where 3:1 / 4.5:1 suffice
    std::string what;    // the text, or the control's label, for messages
};

class ContrastLog {
public:
    static void push(Rgb background);
    static void pop();
    static Rgb background();
    static void setLargeTextPx(float px);  // font size from which text counts as large
    static void text(unsigned int imColour, float fontSize, std::string_view what);
    static void control(Rgb edge, Rgb background, std::string_view what);
    static const std::vector<ColourPair>& pairs();
    static void clear();
};

class BackgroundScope {
public:
    explicit BackgroundScope(Rgb bg) { ContrastLog::push(bg); }
    ~BackgroundScope() { ContrastLog::pop(); }
    BackgroundScope(const BackgroundScope&) = delete;
    BackgroundScope& operator=(const BackgroundScope&) = delete;
};

}  // namespace kiosk::ui
