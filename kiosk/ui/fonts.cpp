// Font atlas building with content-driven glyph ranges (see fonts.hpp).
#include "ui/fonts.hpp"

#include <cstdio>
#include <filesystem>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "core/text_safety.hpp"

namespace kiosk::ui {
namespace {

// Characters French typography and the UI need even before any content is loaded.
const char* const kAlwaysNeeded = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ’‘“”«»–—…€•·°×\u00A0\u202F\u2009♿⚠←→↑↓✓✕−";

// Distinct characters taken from content: enough for several scripts, small enough that
// six font sizes of them still fit in a texture any renderer accepts.
constexpr std::size_t kMaxContentGlyphs = 4000;

}  // namespace

core::Result<Fonts> buildFonts(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes,
                               const std::vector<std::string>& texts) {
    for (const std::string* f : {&files.regular, &files.bold}) {
        if (!std::filesystem::is_regular_file(*f)) {
            return core::fail("font file " + *f + " not found (install the fonts-dejavu-core package)");
        }
    }
    // The ranges must outlive the atlas build: ImGui keeps the pointer.
    static ImVector<ImWchar> ranges;
    const std::vector<unsigned short> wanted = glyphRangesFor(texts);
    ranges.resize(static_cast<int>(wanted.size()));
    for (std::size_t i = 0; i < wanted.size(); ++i) ranges[static_cast<int>(i)] = wanted[i];

    atlas.Clear();
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    auto load = [&](const std::string& file, float size) {
        return atlas.AddFontFromFileTTF(file.c_str(), size, &cfg, ranges.Data);
    };
    Fonts fonts;
    fonts.body = load(files.regular, sizes.body);  // first font: ImGui's default
    fonts.small = load(files.regular, sizes.small);
    fonts.bodyBold = load(files.bold, sizes.body);
    fonts.heading = load(files.bold, sizes.heading);
    fonts.title = load(files.bold, sizes.title);
    fonts.display = load(files.bold, sizes.display);
    if (!fonts.body || !fonts.small || !fonts.bodyBold || !fonts.heading || !fonts.title || !fonts.display) {
        return core::fail("could not load the fonts from " + files.regular + " and " + files.bold);
    }
    if (!atlas.Build()) return core::fail("could not build the font atlas (too many glyphs or sizes too large)");
    // ImGui asserts on a font without glyphs at the first frame: fail here instead.
    for (const ImFont* f : {fonts.body, fonts.small, fonts.bodyBold, fonts.heading, fonts.title, fonts.display}) {
        if (!f->IsLoaded() || !f->FindGlyphNoFallback(static_cast<ImWchar>('A'))) {
            return core::fail("the font atlas was built without the basic characters (font files damaged?)");
        }
    }
    return fonts;
}

std::vector<unsigned short> glyphRangesFor(const std::vector<std::string>& texts) {
    ImFontGlyphRangesBuilder builder;
    static const ImWchar latin1[] = {0x0020, 0x00FF, 0};  // what ImGui's default ranges hold
    builder.AddRanges(latin1);
    builder.AddText(kAlwaysNeeded);
    // Content texts are added one character at a time, decoded strictly: a NUL or any
    // control character would start a range at 0, which ends the list, so the fonts would
    // load no glyph and ImGui would assert at the first frame. Ill-formed UTF-8, surrogates
    // and characters past the 16-bit ImWchar are skipped too (a cached old feed may hold them).
    std::size_t added = 0;
    for (const std::string& t : texts) {
        for (std::size_t i = 0; i < t.size() && added < kMaxContentGlyphs;) {
            char32_t c = 0;
            const std::size_t n = core::decodeUtf8(t, i, c);
            i += n ? n : 1;
            if (n == 0 || c < 0x20 || (c >= 0x7F && c <= 0x9F) || c > 0xFFFD || (c >= 0xD800 && c <= 0xDFFF)) continue;
            if (!builder.GetBit(static_cast<ImWchar>(c))) {
                builder.AddChar(static_cast<ImWchar>(c));
                ++added;
            }
        }
    }
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    return std::vector<unsigned short>(ranges.begin(), ranges.end());
}

std::vector<char32_t> missingGlyphs(const ImFont& font, std::string_view utf8) {
    std::vector<char32_t> missing;
    const char* p = utf8.data();
    const char* end = utf8.data() + utf8.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (c == '\n' || c == '\r' || c == '\t') continue;
        if (!font.FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
    }
    return missing;
}

std::string codepointName(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace kiosk::ui
