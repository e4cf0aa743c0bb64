// The accessibility mode measured, not eyeballed: every colour pair drawn on every screen
// in every contrast mode against WCAG thresholds; every touch target's size in
// accessibility mode; the seated reach band; speech of the focused item and a touch that
// stops it; and keypad-only journeys through the screens.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "harness.hpp"
#include "ui/contrast.hpp"
#include "ui/recording_speech.hpp"

using namespace kiosk;

namespace {
struct Screen {
    int w, h;
    float diag, dist;
};
const Screen kScreens[] = {{1920, 1080, 43, 900}, {1080, 1920, 55, 1000}, {1280, 800, 10.1f, 450}};
const char* const kAllScreens[] = {"attract",
                                   "attract:1",
                                   "attract:2",
                                   "attract:3",
                                   "attract:4",
                                   "home",
                                   "programme",
                                   "programme:now",
                                   "session:enfants-ecrans-reperes",
                                   "maps",
                                   "maps:hotel-departement/salle-dome",
                                   "place:musee-ceramique-lezoux",
                                   "showroom",
                                   "demo:casque-visite-virtuelle",
                                   "info",
                                   "page:accessibilite",
                                   "accessibility"};

void open(test::Harness& h, const std::string& spec) {
    const auto colon = spec.find(':');
    REQUIRE(h.ui().show(spec.substr(0, colon), colon == std::string::npos ? "" : spec.substr(colon + 1)));
    h.frame(3);
}
}  // namespace

TEST_CASE("every colour pair drawn on every screen meets WCAG in every contrast mode", "[a11y][contrast]") {
    for (const ui::ContrastMode mode :
         {ui::ContrastMode::Normal, ui::ContrastMode::DarkOnLight, ui::ContrastMode::LightOnDark}) {
        for (const Screen s : kScreens) {
            test::Harness h(s.w, s.h, s.diag, s.dist, test::at("2027-10-20T14:30:00+02:00"));
            REQUIRE(h.ok());
            ui::AccessibilitySettings a;
            a.contrast = mode;
            a.easyRead = true;  // draw the easy-to-read boxes too
            h.ui().setAccessibility(a);
            const bool high = mode != ui::ContrastMode::Normal;
            std::size_t checked = 0;
            for (const char* screen : kAllScreens) {
                open(h, screen);
                for (const auto& p : ui::ContrastLog::pairs()) {
                    const double ratio = ui::contrastRatio(p.fg, p.bg);
                    const double need = !p.text ? 3.0 : high ? (p.large ? 4.5 : 7.0) : (p.large ? 3.0 : 4.5);
                    INFO(screen << " " << s.w << "x" << s.h << " mode " << static_cast<int>(mode)
                                << (p.text ? " text «" : " control «") << p.what << "» " << ratio << ":1, needs "
                                << need);
                    CHECK(ratio >= need);
                    ++checked;
                }
            }
            CHECK(checked > 500);  // the screens really drew through the recorder
        }
    }
}

TEST_CASE("the contrast check fails on a pair that is too pale", "[a11y][contrast]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    h.frame();
    ui::ContrastLog::clear();
    ui::ContrastLog::push({0xFF, 0xFF, 0xFF});
    ui::ContrastLog::text(IM_COL32(0xAA, 0xAA, 0xAA, 0xFF), 20, "pale grey");
    REQUIRE(ui::ContrastLog::pairs().size() == 1);
    CHECK(ui::contrastRatio(ui::ContrastLog::pairs()[0].fg, ui::ContrastLog::pairs()[0].bg) < 4.5);
}

TEST_CASE("in accessibility mode every touch target is at least 44 CSS px on every reference screen", "[a11y][size]") {
    for (const Screen s : kScreens) {
        test::Harness h(s.w, s.h, s.diag, s.dist, test::at("2027-10-20T14:30:00+02:00"));
        REQUIRE(h.ok());
        ui::AccessibilitySettings a;
        a.panelOpened = true;
        h.ui().setAccessibility(a);
        const float min = h.ui().metrics().cssPx(44) - 0.5f;
        for (const char* screen : kAllScreens) {
            open(h, screen);
            REQUIRE_FALSE(ui::InteractiveLog::items().empty());
            for (const auto& item : ui::InteractiveLog::items()) {
                INFO(screen << " at " << s.w << "x" << s.h << ": «" << item.label << "» " << item.max.x - item.min.x
                            << "x" << item.max.y - item.min.y << " px, needs " << min);
                CHECK(item.max.x - item.min.x >= min);
                CHECK(item.max.y - item.min.y >= min);
            }
        }
    }
}

TEST_CASE("the reach band follows the mounting height and the screen's size", "[a11y][reach]") {
    // 43" 16:9: 535 mm high. Bottom edge at 800 mm: the top 115 mm are out of reach.
    const ui::ScreenGeometry g{1920, 1080, 43, 900};
    const ui::ReachBand band = ui::reachBand(g, 800);
    REQUIRE(band.overlaps);
    CHECK_FALSE(band.whole);
    CHECK(band.screenTopMm == Approx(1335.5).epsilon(0.01));
    const ui::Metrics m(g);
    CHECK(band.topPx == Approx(m.px(1335.5f - 1220)).margin(2));
    CHECK(band.bottomPx == 1080);
    CHECK(ui::reachBand(g, 500).whole);
    CHECK_FALSE(ui::reachBand(g, 1300).overlaps);  // above reach entirely
    // 55" totem standing on the floor (bottom at 400 mm): only the lower part is in reach.
    const ui::ReachBand totem = ui::reachBand({1080, 1920, 55, 1000}, 400);
    REQUIRE(totem.overlaps);
    CHECK(totem.bottomPx == 1920);
    CHECK(totem.topPx > 500);
}

TEST_CASE("in the seated layout every control lies 380-1220 mm above the floor", "[a11y][reach]") {
    struct Mounted {
        Screen s;
        float mountMm;
    };
    for (const Mounted mt : {Mounted{{1920, 1080, 43, 900}, 800}, Mounted{{1080, 1920, 55, 1000}, 400},
                             Mounted{{1280, 800, 10.1f, 450}, 900}}) {
        const ui::ScreenGeometry full{mt.s.w, mt.s.h, mt.s.diag, mt.s.dist};
        const ui::ReachBand band = ui::reachBand(full, mt.mountMm);
        REQUIRE(band.overlaps);
        const ui::Metrics fullMetrics(full);
        // The UI is laid out in the band only, keeping the screen's real DPI.
        test::Harness h(mt.s.w, band.bottomPx - band.topPx, mt.s.diag, mt.s.dist,
                        test::at("2027-10-20T14:30:00+02:00"));
        REQUIRE(h.ok());
        ui::ScreenGeometry part = full;
        part.heightPx = band.bottomPx - band.topPx;
        part.dpi = fullMetrics.dpi();
        h.ui().setMetrics(ui::Metrics(part));
        ui::AccessibilitySettings a;
        a.seated = true;
        h.ui().setAccessibility(a);
        for (const char* screen : kAllScreens) {
            open(h, screen);
            for (const auto& item : ui::InteractiveLog::items()) {
                const float top = std::max(item.min.y, 0.0f),
                            bottom = std::min(item.max.y, static_cast<float>(part.heightPx));
                if (bottom <= top) continue;  // scrolled out of view: it comes into the band when scrolled to
                const float topMm = band.screenTopMm - fullMetrics.mm(static_cast<float>(band.topPx) + top);
                const float bottomMm = band.screenTopMm - fullMetrics.mm(static_cast<float>(band.topPx) + bottom);
                INFO(screen << " at " << mt.s.w << "x" << mt.s.h << ": «" << item.label << "» from " << bottomMm
                            << " to " << topMm << " mm");
                CHECK(topMm <= 1220.5f);
                CHECK(bottomMm >= 379.5f);
            }
        }
    }
}

TEST_CASE("each screen speaks its focused item, and a touch stops speech", "[a11y][speech]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    ui::RecordingSpeech speech;
    h.ui().setSpeechOutput(&speech);
    ui::AccessibilitySettings a;
    a.speech = true;
    h.ui().setAccessibility(a);
    for (const char* screen : kAllScreens) {
        open(h, screen);
        speech.clearRecord();
        h.key(SDLK_TAB);
        INFO(screen);
        CHECK(speech.spoken().empty());  // said once focus has settled, not at the key press
        h.clock().advance(0.35);
        h.frame();
        REQUIRE_FALSE(speech.spoken().empty());
        CHECK_FALSE(speech.spoken().back().text.empty());
        CHECK(speech.spoken().back().text.rfind(ui::KeypadFocus::focusedLabel(), 0) == 0);  // the label, then any help
    }
    speech.clearRecord();
    h.finger_(SDL_FINGERDOWN, 960, 600, 1);
    h.frame();
    CHECK(speech.stopCount() >= 1);
    h.finger_(SDL_FINGERUP, 960, 600, 1);
    h.frame();
}

TEST_CASE("a French-only title on an English screen is spoken in French", "[a11y][speech]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-25T09:00:00+02:00"));
    REQUIRE(h.ok());
    ui::RecordingSpeech speech;
    h.ui().setSpeechOutput(&speech);
    ui::AccessibilitySettings a;
    a.speech = true;
    h.ui().setAccessibility(a);
    h.ui().setLang(core::Lang::En);
    const auto content = test::bundledContent();
    const core::Session* frenchOnly = nullptr;
    for (const auto& s : content->sessions) {
        if (!s.title.has("en")) frenchOnly = &s;
    }
    REQUIRE(frenchOnly);
    open(h, "place:" + frenchOnly->placeId);
    const auto* row = h.item(frenchOnly->title.str(core::Lang::Fr));
    REQUIRE(row);
    speech.clearRecord();
    h.finger_(SDL_FINGERDOWN, (row->min.x + row->max.x) / 2, (row->min.y + row->max.y) / 2, 1);
    h.frame(2);
    h.clock().advance(0.35);  // said once the finger has rested on it
    h.frame();
    REQUIRE_FALSE(speech.spoken().empty());
    CHECK(speech.spoken().back().lang == "fr");
    h.finger_(SDL_FINGERUP, 0, 0, 1);  // slid off: nothing opens
    h.frame(2);
}

TEST_CASE("keypad only: wake the kiosk, find sessions with step-free access and hear one", "[a11y][keypad][journey]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T09:00:00+02:00"));
    REQUIRE(h.ok());
    ui::RecordingSpeech speech;
    h.ui().setSpeechOutput(&speech);
    h.frame(2);
    h.key(SDLK_KP_MULTIPLY);  // the keypad's speech key
    CHECK(h.ui().accessibility().speech);
    h.key(SDLK_RETURN);  // wakes the kiosk
    REQUIRE(h.ui().currentScreen() == "home");
    const auto focusOn = [&](const std::string& label) {
        for (int i = 0; i < 80 && test::plain(ui::KeypadFocus::focusedLabel()) != test::plain(label); ++i)
            h.key(SDLK_TAB, 1);
        REQUIRE(test::plain(ui::KeypadFocus::focusedLabel()) == test::plain(label));
    };
    focusOn("Programme");
    h.key(SDLK_RETURN);
    REQUIRE(h.ui().currentScreen() == "programme");
    focusOn("Filtres");
    h.key(SDLK_RETURN);
    focusOn("Accès de plain-pied");
    h.key(SDLK_RETURN);
    // The list now holds only step-free sessions; the first one after the filters.
    focusOn("Éducation aux médias : vrai, faux ou trafiqué ?");
    speech.clearRecord();
    h.key(SDLK_RETURN);
    REQUIRE(h.ui().currentScreen() == "session");
    REQUIRE_FALSE(speech.spoken().empty());
    CHECK(speech.spoken().back().lang == "fr");
    h.key(SDLK_DOWN);
    CHECK_FALSE(ui::KeypadFocus::focusedLabel().empty());
    h.key(SDLK_ESCAPE);  // Back
    CHECK(h.ui().currentScreen() == "programme");
}

TEST_CASE("keypad only: every screen can be reached and left", "[a11y][keypad][journey]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    h.frame(2);
    h.key(SDLK_RETURN);
    REQUIRE(h.ui().currentScreen() == "home");
    const auto enter = [&](const std::string& label, const char* screen) {
        for (int i = 0; i < 120 && test::plain(ui::KeypadFocus::focusedLabel()) != test::plain(label); ++i)
            h.key(SDLK_TAB, 1);
        INFO("looking for " << label);
        REQUIRE(test::plain(ui::KeypadFocus::focusedLabel()) == test::plain(label));
        h.key(SDLK_RETURN);
        CHECK(h.ui().currentScreen() == screen);
    };
    enter("Plans", "maps");
    enter("Médiathèque de Riom", "place");
    h.key(SDLK_KP_0);  // Home
    enter("Showroom", "showroom");
    enter("Visite virtuelle de l’oppidum de Gergovie", "demo");
    enter("Image suivante →", "demo");
    h.key(SDLK_ESCAPE);
    CHECK(h.ui().currentScreen() == "showroom");
    h.key(SDLK_HOME);
    enter("Infos pratiques", "info");
    h.key(SDLK_HOME);
    enter("\u267F Accessibilité", "accessibility");
    enter("Texte plus grand : 100\u00A0%", "accessibility");
    CHECK(h.ui().accessibility().textStep == 1);
}

TEST_CASE("the next visitor gets the default mode back", "[a11y]") {
    test::Harness h(1920, 1080, 43, 900, test::at("2027-10-20T14:30:00+02:00"));
    REQUIRE(h.ok());
    ui::RecordingSpeech speech;
    h.ui().setSpeechOutput(&speech);
    h.ui().show("home");
    ui::AccessibilitySettings a;
    a.textStep = 3;
    a.speech = true;
    a.contrast = ui::ContrastMode::LightOnDark;
    h.ui().setAccessibility(a);
    speech.setVolume(5);
    h.frame(2);
    CHECK(h.ui().idleSeconds() == Approx(900));  // x10 in accessibility mode
    h.clock().advance(899);
    h.frame();
    CHECK_FALSE(h.ui().idleWarningShown());
    h.clock().advance(2);
    h.frame();
    CHECK(h.ui().idleWarningShown());
    REQUIRE_FALSE(speech.spoken().empty());  // the warning is spoken
    h.clock().advance(21);
    h.frame(2);
    CHECK(h.ui().currentScreen() == "attract");
    CHECK(h.ui().accessibility() == ui::AccessibilitySettings{});
    CHECK(speech.volume() == ui::SpeechOutput::kDefaultVolume);
}
