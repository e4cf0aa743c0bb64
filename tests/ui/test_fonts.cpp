// Every UI string and every text of the bundled content is drawable with the loaded
// fonts without fallback glyphs; an unsupported character proves the check can fail.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "core/content_texts.hpp"
#include "harness.hpp"
#include "ui/fonts.hpp"
#include "ui/strings.hpp"

using namespace kiosk;

namespace {
std::vector<std::string> everyText() {
    std::vector<std::string> texts = ui::allUiStrings();
    const auto content = test::bundledContent();
    REQUIRE(content);
    const auto more = core::allVisibleTexts(*content);
    texts.insert(texts.end(), more.begin(), more.end());
    return texts;
}

struct ImGuiContextGuard {
    ImGuiContextGuard() { ImGui::CreateContext(); }
    ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};
}  // namespace

TEST_CASE("every UI and bundled string has a glyph in every loaded font", "[fonts]") {
    ImGuiContextGuard guard;
    const auto texts = everyText();
    auto fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui::FontFiles{}, ui::FontSizes{}, texts);
    REQUIRE(fonts.ok());
    for (ImFont* font : {fonts.value().body, fonts.value().bodyBold, fonts.value().title, fonts.value().small}) {
        for (const auto& t : texts) {
            const auto missing = ui::missingGlyphs(*font, t);
            INFO("text: " << t << " first missing: " << (missing.empty() ? "" : ui::codepointName(missing[0])));
            CHECK(missing.empty());
        }
    }
}

TEST_CASE("French typography characters are in the atlas", "[fonts]") {
    ImGuiContextGuard guard;
    auto fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui::FontFiles{}, ui::FontSizes{}, {});
    REQUIRE(fonts.ok());
    const std::string french = "é è ê à ç ô ù û ï ë œ Œ ’ « » — – … € \u202F \u00A0 ♿";
    CHECK(ui::missingGlyphs(*fonts.value().body, french).empty());
}

TEST_CASE("a character the font lacks is reported by the coverage check", "[fonts]") {
    ImGuiContextGuard guard;
    // U+6F22 is a CJK ideograph: DejaVu Sans has no glyph for it, even when asked.
    const std::string unsupported = "Atelier \u6F22";
    auto fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui::FontFiles{}, ui::FontSizes{}, {unsupported});
    REQUIRE(fonts.ok());
    const auto missing = ui::missingGlyphs(*fonts.value().body, unsupported);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == U'\u6F22');
    CHECK(ui::codepointName(missing[0]) == "U+6F22");
}

TEST_CASE("a missing font file is a clear error", "[fonts]") {
    ImGuiContextGuard guard;
    ui::FontFiles files;
    files.regular = "/nonexistent/Font.ttf";
    auto fonts = ui::buildFonts(*ImGui::GetIO().Fonts, files, ui::FontSizes{}, {});
    REQUIRE_FALSE(fonts.ok());
    CHECK(fonts.error().find("/nonexistent/Font.ttf") != std::string::npos);
    CHECK(fonts.error().find("fonts-dejavu-core") != std::string::npos);
}
