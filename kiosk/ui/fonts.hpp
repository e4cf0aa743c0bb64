// Fonts loaded at the pixel sizes they are drawn at (no global scale blur), with glyph
// ranges built from every text the kiosk can show, so French typography (œ ’ « » – …
// € and U+202F) is never replaced by a fallback glyph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

struct ImFont;
struct ImFontAtlas;

namespace kiosk::ui {

struct FontFiles {
    std::string regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

struct FontSizes {
    float small = 18, body = 24, heading = 32, title = 44, display = 72;  // pixels
};

struct Fonts {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* bodyBold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* display = nullptr;
};

// Clears `atlas` and loads the fonts; `texts` are all strings that may be drawn (UI
// strings and content), whose characters are added to the glyph ranges. Call between
// frames only. Error when a font file is missing or unreadable.
core::Result<Fonts> buildFonts(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes,
                               const std::vector<std::string>& texts);

// The glyph ranges buildFonts uses for `texts` (ImGui's pairs of first, last codepoint).
std::vector<unsigned short> glyphRangesFor(const std::vector<std::string>& texts);

// Characters of `utf8` that `font` has no glyph for (ImFont::FindGlyphNoFallback).
std::vector<char32_t> missingGlyphs(const ImFont& font, std::string_view utf8);
std::string codepointName(char32_t c);  // "U+202F"

}  // namespace kiosk::ui
