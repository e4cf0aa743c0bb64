// Font atlas building with content-driven glyph ranges (see fonts.hpp).
#include "ui/fonts.hpp"

#include <cstdio>
#include <filesystem>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace kiosk::ui {
namespace {

// Characters French typography and the UI need even before any content is loaded.
const char* const kAlwaysNeeded =
    "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ’‘“”«»–—…€•·°×\u00A0\u202F\u2009♿⚠←→↑↓✓✕−";

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
    return fonts;
}

std::vector<unsigned short> glyphRangesFor(const std::vector<std::string>& texts) {
    ImFontGlyphRangesBuilder builder;
    static const ImWchar latin1[] = {0x0020, 0x00FF, 0};  // what ImGui's default ranges hold
    builder.AddRanges(latin1);
    builder.AddText(kAlwaysNeeded);
    for (const std::string& t : texts) builder.AddText(t.c_str(), t.c_str() + t.size());
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
