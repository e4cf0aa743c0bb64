// The kiosk's own small widget set. Every control goes through here so that sizes,
// colours, focus and (later) speech are handled in one place; tap fires on release
// inside the target (ImGui's default), sliding off cancels.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/speech.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

enum class ButtonKind { Primary, Secondary, Accent, Tab, TabSelected };

struct InteractiveItem {
    std::string label;
    ImVec2 min, max;             // screen rectangle as laid out this frame
    unsigned int id = 0;         // ImGui id; 0 for areas a keypad cannot activate
    bool inList = false;         // in a list that scrolls: content the visitor brings into view
    ImVec2 panelMin, panelMax;   // inList: the list's visible rectangle (keypad reading order)
    bool speechControl = false;  // Repeat, Pause, volume: a touch on it does not stop speech
};

// Interactive items drawn in the current frame (for size, reach and keypad). Main thread.
class InteractiveLog {
public:
    static void beginFrame();  // the current frame's items become the previous frame's
    static void record(std::string_view label, ImVec2 min, ImVec2 max, unsigned int id = 0);
    static const std::vector<InteractiveItem>& items();
    static const std::vector<InteractiveItem>& previousItems();
};

struct WidgetEnv {
    const Theme* theme = nullptr;
    const Fonts* fonts = nullptr;
    SpeechOutput* speech = nullptr;  // speak what the finger is on (speech mode)
    const char* lang = "fr";         // language of the interface's own labels
    float focusRing = 3.0f;          // thickness of each of the focus ring's two tones, pixels
};
void setWidgetEnv(const WidgetEnv& env);

// Keypad focus, a model of the kiosk's own: arrows move between the interactive items
// laid out in the previous frame (nearest in that direction), Enter activates the
// focused one; Tab (Next) follows reading order (focus_order.hpp). The focused item gets
// a two-tone ring, is scrolled into view by its list and, with speech, is spoken once
// focus has settled (speech_settle.hpp).
class KeypadFocus {
public:
    enum class Move { Up, Down, Left, Right, Next };
    // True when focus moved (or was placed on the first item).
    static bool move(Move direction, float contentTop);
    // Enter: the focused item fires this frame. False when nothing on screen has the focus.
    static bool activate();
    static unsigned int focused();
    static std::string focusedLabel();
    static bool visible();  // a keypad is in use: show the ring
    static void hide();     // a touch: the ring goes away
    static void reset();    // new screen or new visitor
};

// The keypad focus ring around [min, max] in the current window (widgets draw it; a
// ScrollPanel draws its focused card's once the list is drawn).
void drawFocusRing(ImVec2 min, ImVec2 max);

// The next widget's spoken description, said after its label (accessibility panel).
void describeNext(std::string_view description);
// The next widget controls speech itself (Repeat, Pause...): its label is said when it is
// focused, but it is not content, so Repeat never repeats it.
void speechControlNext();
// The language the next widget's label is written in, when it is content ("fr" for a
// French-only title on an English screen); otherwise the interface's language.
void labelLanguageNext(std::string_view lang);

// A labelled button of exactly `size`; returns true when tapped (released inside).
bool button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind = ButtonKind::Primary,
            ImFont* font = nullptr);

// Vertical drag scrolling with inertia for the current child window. Call once a frame
// inside BeginChild; returns true while the list moves on its own (redraw needed).
class KineticScroll {
public:
    bool update(float dt, bool reducedMotion);
    void reset() { velocity_ = 0; }

private:
    float velocity_ = 0;  // pixels per second, positive scrolls down
};

// An invisible touch target of `size` at the cursor (cards, markers...). True when
// tapped: released inside without having been dragged (a drag scrolls, it never taps).
bool tapArea(const char* id, std::string_view label, ImVec2 size);

// A surface that follows the finger (a map to pan, a gallery to swipe): not a control
// of its own, so not in the interactive log. True while it is held.
bool gestureArea(const char* id, ImVec2 size);

// Whether the pointer travelled further than a tap allows since it went down.
bool wasDragged();

// A coloured label (type badges, "Annulé"...). Not interactive. Returns its size.
ImVec2 badge(ImDrawList* dl, ImVec2 pos, std::string_view label, Rgb background, Rgb foreground, ImFont* font);
ImVec2 badgeSize(std::string_view label, ImFont* font);

}  // namespace kiosk::ui
