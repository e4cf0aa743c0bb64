// The font atlas survives texts that once made every start abort on an ImGui assertion
// (SetCurrentFont: font && font->IsLoaded()): NUL, control characters, bad UTF-8.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "ui/fonts.hpp"

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
