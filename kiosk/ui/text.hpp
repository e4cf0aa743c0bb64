// The one way the kiosk draws text: wrapped at word boundaries within a width and a
// number of lines, ended with "…" when it still does not fit, and every such overflow
// recorded so tests can assert that no screen clips its text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace kiosk::ui {

struct TextOverflow {
    std::string text;
    float width = 0;  // the width it had to fit in
    const char* why = "";
};

// Overflow records since the last clear(). Main thread only.
class OverflowLog {
public:
    static void record(std::string_view text, float width, const char* why);
    static const std::vector<TextOverflow>& all();
    static void clear();
};

struct TextLayout {
    std::vector<std::string_view> lines;
    ImVec2 size;
    bool overflow = false;  // a word was cut or lines were dropped
};

// Lays out `text` in `font` (at its loaded size) within `maxWidth` and `maxLines`
// (0: unlimited). Does not draw and does not record.
TextLayout layoutText(ImFont* font, std::string_view text, float maxWidth, int maxLines);

enum class Align { Left, Center, Right };

// Draws at `pos`; returns the height used. Overflow is ended with "…" and recorded,
// except for transient texts (an image's placeholder) drawn with record = false.
float drawText(ImDrawList* dl, ImFont* font, ImVec2 pos, float maxWidth, int maxLines, ImU32 color,
               std::string_view text, Align align = Align::Left, bool record = true);

// Same, at the ImGui cursor of the current window, advancing the cursor.
float text(ImFont* font, float maxWidth, int maxLines, ImU32 color, std::string_view text, Align align = Align::Left);

}  // namespace kiosk::ui
