// Checks and cleaning for text that comes from content: valid UTF-8, no control
// characters. What a feed says must never reach the font atlas or a terminal raw.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::core {

bool isValidUtf8(std::string_view s);

// A character a visitor must never be shown: C0 controls other than line feed and tab,
// DEL, C1 controls (U+0080..U+009F), the non-characters U+FFFE and U+FFFF.
bool isForbiddenCodepoint(char32_t c);

struct CleanedText {
    std::string text;
    std::size_t invalidBytes = 0;     // bytes of ill-formed UTF-8, each replaced by U+FFFD
    std::size_t removedControls = 0;  // forbidden characters removed (see isForbiddenCodepoint)
    char32_t firstRemoved = 0;        // the first of them, for the message
    bool changed() const { return invalidBytes > 0 || removedControls > 0; }
};

// Valid UTF-8 without forbidden characters; tabs become spaces; line feeds are kept
// when `keepNewlines`, else they become spaces too.
CleanedText cleanText(std::string_view s, bool keepNewlines = true);

// For messages and logs: valid UTF-8 with every control character written as \u0000.
std::string printable(std::string_view s);

// "U+0000"
std::string codepointLabel(char32_t c);

// Decodes one UTF-8 character at s[i]; returns its length (1..4), or 0 when ill-formed
// (overlong forms, surrogates and values past U+10FFFF are ill-formed).
std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t& out);

}  // namespace kiosk::core
