// Wrapping, ellipsis and overflow recording for all drawn text (see text.hpp).
#include "ui/text.hpp"

#include "ui/contrast.hpp"
#include "ui/frame_state.hpp"

#include <algorithm>
#include <cstring>

#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <cmath>

namespace kiosk::ui {
namespace {
std::vector<TextOverflow>& log() { return frameState().records.overflows; }

const char* const kEllipsis = "\u2026";

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

float widthOf(ImFont* font, std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, s.data(), s.data() + s.size()).x;
}

// Cuts `line` at a UTF-8 boundary so that line + "…" fits in maxWidth.
std::string withEllipsis(ImFont* font, std::string_view line, float maxWidth) {
    const float ellipsisW = widthOf(font, kEllipsis);
    std::size_t n = line.size();
    while (n > 0 && widthOf(font, line.substr(0, n)) + ellipsisW > maxWidth) {
        --n;
        while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;  // stay on a character start
    }
    while (n > 0 && isSpace(line[n - 1])) --n;
    return std::string(line.substr(0, n)) + kEllipsis;
}
}  // namespace

void OverflowLog::record(std::string_view text, float width, const char* why) {
    if (log().size() < 1000) log().push_back({std::string(text), width, why});
}
const std::vector<TextOverflow>& OverflowLog::all() { return log(); }
void OverflowLog::clear() { log().clear(); }

TextLayout layoutText(ImFont* font, std::string_view text, float maxWidth, int maxLines) {
    TextLayout out;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    maxWidth = std::max(maxWidth, 1.0f);
    while (p < end) {
        // ImGui's wrap runs on across a newline (its own text drawing breaks there), so
        // each paragraph is wrapped on its own.
        const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* paragraphEnd = newline ? newline : end;
        const char* brk = p == paragraphEnd ? p : font->CalcWordWrapPositionA(1.0f, p, paragraphEnd, maxWidth);
        if (brk == p && p < paragraphEnd) {  // a single character wider than the box: take it anyway
            unsigned int c;
            brk = p + std::max(1, ImTextCharFromUtf8(&c, p, end));
        }
        const char* lineEnd = brk;
        if (brk < paragraphEnd && brk > p && !isSpace(*brk) && !isSpace(*(brk - 1))) out.overflow = true;  // word cut
        while (lineEnd > p && isSpace(*(lineEnd - 1))) --lineEnd;
        if (maxLines > 0 && static_cast<int>(out.lines.size()) == maxLines) {
            out.overflow = true;
            break;
        }
        out.lines.emplace_back(p, static_cast<std::size_t>(lineEnd - p));
        p = brk;
        if (p < end && *p == '\n') {
            ++p;
        } else {
            while (p < end && *p == ' ') ++p;
        }
    }
    float w = 0;
    for (auto line : out.lines) w = std::max(w, widthOf(font, line));
    out.size = ImVec2(std::min(w, maxWidth), static_cast<float>(out.lines.size()) * font->FontSize);
    return out;
}

float drawText(ImDrawList* dl, ImFont* font, ImVec2 pos, float maxWidth, int maxLines, ImU32 color,
               std::string_view text, Align align, bool record) {
    TextLayout layout = layoutText(font, text, maxWidth, maxLines);
    if (!layout.lines.empty()) ContrastLog::text(color, font->FontSize, text);
    if (layout.overflow && record) OverflowLog::record(text, maxWidth, "does not fit: ended with an ellipsis");
    float y = pos.y;
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
        std::string owned;
        std::string_view line = layout.lines[i];
        if (layout.overflow && i + 1 == layout.lines.size()) {
            owned = withEllipsis(font, line, maxWidth);
            line = owned;
        }
        float x = pos.x;
        if (align != Align::Left) {
            const float slack = maxWidth - widthOf(font, line);
            x += align == Align::Center ? slack * 0.5f : slack;
        }
        dl->AddText(font, font->FontSize, ImVec2(std::round(x), std::round(y)), color, line.data(),
                    line.data() + line.size());
        if (auto& rec = frameState().records; rec.texts && rec.drawnTexts.size() < 5000) {
            rec.drawnTexts.push_back({std::string(line), ImVec2(x, y), font->FontSize, color, widthOf(font, line)});
        }
        y += font->FontSize;
    }
    return y - pos.y;
}

float text(ImFont* font, float maxWidth, int maxLines, ImU32 color, std::string_view s, Align align) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = drawText(ImGui::GetWindowDrawList(), font, pos, maxWidth, maxLines, color, s, align);
    ImGui::Dummy(ImVec2(maxWidth, h));
    return h;
}

}  // namespace kiosk::ui
