// UTF-8 validation and control-character cleaning for content text (see text_safety.hpp).
#include "core/text_safety.hpp"

#include <cstdio>

namespace kiosk::core {

std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t c = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, c = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, c = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, c = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    out = c;
    return len;
}

bool isValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = 0;
        const std::size_t n = decodeUtf8(s, i, c);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

bool isForbiddenCodepoint(char32_t c) {
    if (c == '\n' || c == '\t') return false;
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

namespace {
void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}
}  // namespace

CleanedText cleanText(std::string_view s, bool keepNewlines) {
    CleanedText r;
    r.text.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = 0;
        const std::size_t n = decodeUtf8(s, i, c);
        if (n == 0) {
            ++r.invalidBytes;
            appendUtf8(r.text, 0xFFFD);
            ++i;
            continue;
        }
        i += n;
        if (c == '\t' || (c == '\n' && !keepNewlines)) {
            r.text += ' ';
        } else if (isForbiddenCodepoint(c)) {
            if (r.removedControls++ == 0) r.firstRemoved = c;
        } else {
            r.text.append(s.substr(i - n, n));
        }
    }
    return r;
}

std::string codepointLabel(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = 0;
        const std::size_t n = decodeUtf8(s, i, c);
        if (n == 0) {
            out += "\\x";
            char buf[4];
            std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
            out += buf;
            ++i;
            continue;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
            out += buf;
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

}  // namespace kiosk::core
