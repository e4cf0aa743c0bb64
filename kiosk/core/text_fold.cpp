// Accent folding and id slugs (see text_fold.hpp).
#include "core/text_fold.hpp"

#include <cctype>

#include "core/files.hpp"

namespace kiosk::core {
namespace {

// Two-byte UTF-8 Latin letters to their base letter; the rest of the text is kept.
char foldPair(unsigned char a, unsigned char b) {
    if (a == 0xC3) {
        static const char* const map =  // U+00C0 .. U+00FF
            "aaaaaaaceeeeiiiidnooooo/ouuuuyts"
            "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
        if (b >= 0x80 && b <= 0xBF) return map[b - 0x80];
    }
    if (a == 0xC5 && (b == 0x92 || b == 0x93)) return 'o';  // œ
    return 0;
}

}  // namespace

std::string foldAccents(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(std::tolower(c));
        } else if (i + 1 < text.size()) {
            if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
                out += ' ';  // dashes, quotes, spaces of U+2000..U+203F
                i += 2;
                continue;
            }
            const char f = foldPair(c, static_cast<unsigned char>(text[i + 1]));
            if (f) {
                out += f;
                ++i;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out;
}

std::string slugId(std::string_view text, std::size_t maxLength) {
    const std::string folded = foldAccents(text);
    std::string out;
    for (char c : folded) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (keep) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > maxLength) {
        out = out.substr(0, maxLength - 9);
        while (!out.empty() && out.back() == '-') out.pop_back();
        out += "-" + sha256Hex(text).substr(0, 8);
    }
    return out;
}

}  // namespace kiosk::core
