// The font atlas survives texts that once made every start abort on an ImGui assertion
// (SetCurrentFont: font && font->IsLoaded()): NUL, control characters, bad UTF-8.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/config.hpp"
#include "app/font_lookup.hpp"
#include "ui/fonts.hpp"
#include "ui/strings.hpp"

using namespace kiosk;

namespace {
struct ImGuiContextGuard {
    ImGuiContextGuard() { ImGui::CreateContext(); }
    ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};
}  // namespace

TEST_CASE("glyph ranges from texts holding NUL and control characters never start at 0", "[fonts][hostile]") {
    const std::vector<std::string> texts = {std::string("Atelier\0robots", 14), "\x01\x1f\x7f\xc2\x85",
                                            "caf\xe9\xed\xa0\x80", "\xf0\x9f\x98\x80 emoji past 16 bits", "Ω"};
    const auto ranges = ui::glyphRangesFor(texts);
    REQUIRE(ranges.size() >= 3u);
    CHECK(ranges.front() != 0);  // a 0 first would end the list: no glyph at all
    CHECK(ranges.back() == 0);   // the terminator
    for (std::size_t i = 0; i + 1 < ranges.size(); i += 2) CHECK(ranges[i] >= 0x20);
    bool omega = false;
    for (std::size_t i = 0; i + 1 < ranges.size(); i += 2)
        omega = omega || (ranges[i] <= 0x3A9 && 0x3A9 <= ranges[i + 1]);
    CHECK(omega);  // good characters of the same texts are kept
}

TEST_CASE("fonts built from hostile texts load and can be made current", "[fonts][hostile]") {
    ImGuiContextGuard guard;
    const std::vector<std::string> texts = {std::string("\0\0\0", 3), std::string(5000, '\x01'), "\xff\xfe"};
    auto fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui::FontFiles{}, ui::FontSizes{}, texts);
    REQUIRE(fonts.ok());
    for (ImFont* f : {fonts.value().body, fonts.value().small, fonts.value().title}) {
        REQUIRE(f != nullptr);
        CHECK(f->IsLoaded());
        CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>('A')) != nullptr);
    }
}

// French typography needs U+202F (before ; : ! ?) and U+00A0 ("14 h 30"): the kiosk's
// font, found as the kiosk finds it, must draw them, or they render as boxes.
TEST_CASE("the kiosk's font draws the narrow and normal no-break spaces of the UI strings", "[fonts][typography]") {
    ImGuiContextGuard guard;
    ui::FontFiles files;
    if (auto r = app::findFontFile(app::Config{}.fontFamily, false)) files.regular = r.value();
    if (auto b = app::findFontFile(app::Config{}.fontFamily, true)) files.bold = b.value();
    auto fonts = ui::buildFonts(*ImGui::GetIO().Fonts, files, ui::FontSizes{}, ui::allUiStrings());
    REQUIRE(fonts.ok());
    for (ImFont* f : {fonts.value().body, fonts.value().bodyBold, fonts.value().small, fonts.value().title}) {
        REQUIRE(f != nullptr);
        CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(0x202F)) != nullptr);
        CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(0x00A0)) != nullptr);
        CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(0x2013)) != nullptr);  // "14 h – 16 h"
    }
}
