// The text helper wraps at word boundaries, ends what does not fit with an ellipsis and
// records it; rendering the real screens records no overflow.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "ui/text.hpp"

using namespace kiosk;

TEST_CASE("text wraps at spaces within the width", "[text]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    ImFont* font = h.ui().fonts().body;
    const auto layout = ui::layoutText(font, "Les œuvres du musée en 3D, pour tous les publics", font->FontSize * 8, 0);
    CHECK(layout.lines.size() >= 2);
    CHECK_FALSE(layout.overflow);
    for (auto line : layout.lines) {
        CHECK(font->CalcTextSizeA(font->FontSize, 1e9f, 0, line.data(), line.data() + line.size()).x <=
              font->FontSize * 8 + 0.5f);
        CHECK(line.front() != ' ');
    }
}

TEST_CASE("a newline starts a line of its own and is never drawn inside one", "[text]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    ImFont* font = h.ui().fonts().body;
    const auto layout =
        ui::layoutText(font, "Salle Puy-de-Dôme\nrez-de-chaussée\n\nEntrée libre", font->FontSize * 30, 0);
    REQUIRE(layout.lines.size() == 4);
    CHECK(layout.lines[0] == "Salle Puy-de-Dôme");
    CHECK(layout.lines[1] == "rez-de-chaussée");
    CHECK(layout.lines[2].empty());
    CHECK(layout.lines[3] == "Entrée libre");
    CHECK_FALSE(layout.overflow);
}

TEST_CASE("an unbreakable 60-character title is caught as overflow", "[text]") {
    test::Harness h(1280, 800, 10.1f, 450, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    h.frame();  // inside a frame: drawText needs a draw list
    ImFont* font = h.ui().fonts().bodyBold;
    const std::string title(60, 'W');
    ui::OverflowLog::clear();
    ImGui::NewFrame();
    ui::drawText(ImGui::GetForegroundDrawList(), font, ImVec2(0, 0), 300, 1, IM_COL32_WHITE, title);
    ImGui::EndFrame();
    REQUIRE(ui::OverflowLog::all().size() == 1);
    CHECK(ui::OverflowLog::all()[0].text == title);
}

TEST_CASE("too many lines are cut, ended with an ellipsis and recorded", "[text]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    ImFont* font = h.ui().fonts().body;
    const auto layout =
        ui::layoutText(font, "un deux trois quatre cinq six sept huit neuf dix onze douze", font->FontSize * 5, 2);
    CHECK(layout.lines.size() == 2);
    CHECK(layout.overflow);
}

TEST_CASE("no screen records text overflow at the three reference sizes, in French and English", "[text][screens]") {
    struct Screen {
        int w, h;
        float diag, dist;
    };
    const char* screens[] = {"attract",
                             "attract:1",
                             "attract:2",
                             "attract:3",
                             "attract:4",
                             "home",
                             "programme",
                             "programme:now",
                             "session:enfants-ecrans-reperes",
                             "session:table-ronde-inclusion-rurale",
                             "maps",
                             "maps:hotel-departement/salle-dome",
                             "place:musee-ceramique-lezoux",
                             "showroom",
                             "demo:casque-visite-virtuelle",
                             "info",
                             "page:acces",
                             "page:accessibilite"};
    for (const Screen s : {Screen{1920, 1080, 43, 900}, Screen{1080, 1920, 55, 1000}, Screen{1280, 800, 10.1f, 450}}) {
        test::Harness h(s.w, s.h, s.diag, s.dist, test::at("2027-10-20T14:30:00+02:00"));
        REQUIRE(h.ok());
        for (const char* screen : screens) {
            for (const auto lang : {core::Lang::Fr, core::Lang::En}) {
                const std::string spec = screen;
                const auto colon = spec.find(':');
                h.ui().setLang(lang);
                REQUIRE(h.ui().show(spec.substr(0, colon), colon == std::string::npos ? "" : spec.substr(colon + 1)));
                h.frame(2);
                ui::OverflowLog::clear();
                h.frame();
                INFO(screen << " at " << s.w << "x" << s.h << " in " << core::langCode(lang));
                std::string overflows;
                for (const auto& o : ui::OverflowLog::all()) overflows += "\n  " + o.text;
                INFO("overflowing texts:" << overflows);
                CHECK(ui::OverflowLog::all().empty());
            }
        }
    }
}
