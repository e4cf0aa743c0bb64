// The UI's per-frame state: the widget environment, keypad focus, the interactive items
// laid out, the background stack, and the records tests read (colour pairs, overflows,
// drawn texts). Owned by the KioskUi and reached through the current ImGui context
// (io.UserData), never through statics, so two UIs never share it. Main thread only.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ui/contrast.hpp"
#include "ui/speech_settle.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

struct FocusState {
    unsigned int focused = 0;
    std::string label;
    bool visible = false;
    bool activate = false;
    bool justMoved = false;
    bool reveal = false;  // focus just moved: the list holding the item scrolls it into view
    unsigned int spokenUnderFinger = 0;
    std::string description;
    std::string labelLang;
    bool speechControl = false;  // the next widget's (speechControlNext)
};

// A text as drawn in the last frame, with where (tests check text through this record
// instead of reading pixels back with OCR).
struct DrawnText {
    std::string text;
    ImVec2 pos;
    float fontSize = 0;
    unsigned int colour = 0;
    float width = 0;  // of the line as drawn
};

// A part of the screen that moves under the finger: a list that scrolls (its controls
// are content, brought where the visitor wants them) or a surface that pans (a map, a
// gallery). Recorded for layout tests: what fills the screen and what it hides.
struct Surface {
    enum class Kind { List, Pannable };
    Kind kind = Kind::List;
    ImVec2 min, max;
    bool hidesMore = false;  // a list whose content goes on beyond its height
};

// Drawn pictures (images, placeholders), for layout tests.
struct DrawnRect {
    ImVec2 min, max;
};

struct FrameRecords {
    bool contrast = false;  // colour pairs: off unless a test asks (they cost a string each)
    bool texts = false;     // drawn texts: off unless a test or the supervision asks
    std::vector<ColourPair> contrastPairs;
    std::vector<TextOverflow> overflows;  // always: rare, and the headless mode logs them
    std::vector<DrawnText> drawnTexts;
    std::vector<Surface> surfaces;    // with texts: lists and pannable surfaces of this frame
    std::vector<DrawnRect> pictures;  // with texts: images drawn this frame

    // A new frame (visitor or staff): forgets what the last one drew. The colour pairs and
    // overflows are the tests' and the headless mode's to clear.
    void startFrame() {
        drawnTexts.clear();
        surfaces.clear();
        pictures.clear();
    }
};

struct FrameState {
    WidgetEnv env;
    FocusState focus;
    std::vector<InteractiveItem> items, previousItems;
    std::vector<Rgb> backgrounds{Rgb{0xF7, 0xF4, 0xEE}};
    float largeTextPx = 1e9f;
    int listDepth = 0;          // inside a ScrollPanel (its controls are content, see InteractiveItem)
    ImVec2 panelMin, panelMax;  // the innermost ScrollPanel's rectangle, while listDepth > 0
    SpeechSettle speech;        // what to say once focus and scrolling settle
    std::optional<std::pair<ImVec2, ImVec2>> deferredRing;  // the focused list card's, drawn by its list
    FrameRecords records;
};

// The state installed in the current ImGui context; a detached default when none is (a
// test that calls one drawing function without a UI).
FrameState& frameState();
// Makes `state` the current context's (KioskUi::init; tests without a KioskUi).
void installFrameState(FrameState* state);

// The texts drawn in the current frame so far (or the last frame once it ended), when
// records.texts is on.
const std::vector<DrawnText>& drawnTexts();

}  // namespace kiosk::ui
