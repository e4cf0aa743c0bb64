// Keypad and speech on the real loop (issue 10, point 4): focus follows reading order,
// the focused card is scrolled into its list's view, speech waits for focus to settle
// and is said once after a glide, Repeat says the last content, and Pause/Resume changes
// only when pressed.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "loop/loop_harness.hpp"
#include "ui/accessibility.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;
namespace ui = kiosk::ui;

namespace {

LoopSetup landscape() { return LoopSetup::landscape(); }

const ui::InteractiveItem* byId(unsigned int id) {
    for (const auto& i : ui::InteractiveLog::items())
        if (id != 0 && i.id == id) return &i;
    return nullptr;
}

void speechOn(LoopHarness& h) {
    ui::AccessibilitySettings a = h.ui().accessibility();
    a.speech = true;
    h.ui().setAccessibility(a);
    h.settle();
}

std::size_t speaks(LoopHarness& h) { return h.speech().count(ui::RecordingSpeech::Kind::Speak); }

// b comes after a in reading order, both as drawn in the same frame: a lower row, or the
// same row further right (a row: b starts above a's middle). Items of one list read as a
// block: from outside the list, any of its items counts as being where the list is.
bool readsAfter(const ui::InteractiveItem& a, const ui::InteractiveItem& b) {
    auto top = [](const ui::InteractiveItem& i, const ui::InteractiveItem& other) {
        const bool sameList = i.inList && other.inList && i.panelMin.y == other.panelMin.y;
        return i.inList && !sameList ? i.panelMin.y : i.min.y;
    };
    auto middle = [&](const ui::InteractiveItem& i, const ui::InteractiveItem& other) {
        const bool sameList = i.inList && other.inList && i.panelMin.y == other.panelMin.y;
        return i.inList && !sameList ? (i.panelMin.y + i.panelMax.y) * 0.5f : (i.min.y + i.max.y) * 0.5f;
    };
    const float at = top(a, b), bt = top(b, a);
    if (bt >= middle(a, b)) return true;                           // a lower row
    return bt > at - 1 && bt < middle(a, b) && b.min.x > a.min.x;  // the same row, further right
}

// Tabs through a screen until focus comes back to where it started; every step reads
// after the one before, except the one wrap from the end to the top.
void checkTabOrder(LoopHarness& h, const char* screen) {
    h.show(screen);
    h.key(SDLK_TAB);
    const unsigned int first = ui::KeypadFocus::focused();
    REQUIRE(first != 0);
    std::set<unsigned int> seen{first};
    int wraps = 0;
    for (int step = 0; step < 200; ++step) {
        const unsigned int before = ui::KeypadFocus::focused();
        h.key(SDLK_TAB);
        const unsigned int now = ui::KeypadFocus::focused();
        if (now == first) break;
        const auto* a = byId(before);
        const auto* b = byId(now);
        REQUIRE(a);
        REQUIRE(b);
        INFO(screen << ": from \"" << a->label << "\" at (" << a->min.x << ", " << a->min.y << ") to \"" << b->label
                    << "\" at (" << b->min.x << ", " << b->min.y << ")");
        if (!readsAfter(*a, *b)) {
            ++wraps;
            CHECK(b->max.y <= a->min.y);  // the wrap goes back up to the header
        }
        CHECK(seen.insert(now).second);  // no item twice in one round
    }
    CHECK(wraps <= 1);
    CHECK(seen.size() >= 5);
}

bool fullyInItsList(const ui::InteractiveItem& i) {
    return !i.inList || (i.min.y >= i.panelMin.y - 0.5f && i.max.y <= i.panelMax.y + 0.5f);
}

}  // namespace

TEST_CASE("Tab follows reading order on Home and on the programme list", "[loop][keypad]") {
    for (const LoopSetup& s : {landscape(), LoopSetup{}}) {
        LoopHarness h(s);
        REQUIRE(h.ok());
        INFO(s.width << "x" << s.height);
        checkTabOrder(h, "home");
        checkTabOrder(h, "programme");
    }
}

TEST_CASE("after many Downs the focused card lies whole inside the list's view", "[loop][keypad][scroll]") {
    LoopHarness h;  // the tablet: few cards in view, so the list must scroll
    REQUIRE(h.ok());
    h.show("programme");
    std::set<unsigned int> hiddenAtFirst;  // cards below the view: the list shows them only once scrolled
    for (const auto& i : ui::InteractiveLog::items())
        if (i.inList && !fullyInItsList(i) && i.min.y >= i.panelMin.y) hiddenAtFirst.insert(i.id);
    REQUIRE_FALSE(hiddenAtFirst.empty());
    int revealed = 0;
    for (int n = 0; n < 10; ++n) {
        h.key(SDLK_DOWN);
        CHECK(h.settle() == 0);  // nothing left moving: the scroll settled within the key's frames
        const auto* f = byId(ui::KeypadFocus::focused());
        REQUIRE(f);
        INFO("after " << n + 1 << " Downs: \"" << f->label << "\" at " << f->min.y << ".." << f->max.y << " in "
                      << f->panelMin.y << ".." << f->panelMax.y);
        CHECK(fullyInItsList(*f));
        if (hiddenAtFirst.count(f->id)) ++revealed;
    }
    // It went down the list, scrolling cards into view (today's list opens at what runs,
    // so fewer than three may be left below it).
    CHECK(revealed >= std::min<int>(3, static_cast<int>(hiddenAtFirst.size())));
    CHECK(revealed >= 1);
    std::string why;
    CHECK(h.presentedIsCurrent(&why));
    INFO(why);
}

TEST_CASE("ten focus moves in one second are spoken once, 300 ms after the last", "[loop][keypad][speech]") {
    LoopHarness h(landscape());
    REQUIRE(h.ok());
    h.show("programme");
    speechOn(h);
    h.speech().clearRecord();
    for (int n = 0; n < 10; ++n) {
        h.key(SDLK_DOWN);
        if (n < 9) h.runFor(0.1);
    }
    CHECK(speaks(h) == 0);
    h.runFor(0.25);
    CHECK(speaks(h) == 0);
    h.runFor(0.1);  // the loop woke on its own for the settled item
    REQUIRE(speaks(h) == 1);
    CHECK(h.speech().lastSpoken().text.rfind(ui::KeypadFocus::focusedLabel(), 0) == 0);
    h.runFor(2);
    CHECK(speaks(h) == 1);
}

TEST_CASE("a finger gliding over the tiles starts speech once, for the tile it rests on", "[loop][touch][speech]") {
    LoopHarness h(landscape());
    REQUIRE(h.ok());
    h.show("home");
    speechOn(h);
    std::vector<std::string> labels;  // copies: the log is rebuilt every frame
    std::vector<std::pair<float, float>> points;
    for (const auto& i : ui::InteractiveLog::items()) {
        if (i.id == 0) continue;
        labels.push_back(i.label);
        points.emplace_back((i.min.x + i.max.x) * 0.5f, (i.min.y + i.max.y) * 0.5f);
    }
    REQUIRE(points.size() >= 4);
    h.speech().clearRecord();
    h.finger(SDL_FINGERDOWN, points[0].first, points[0].second);
    h.settle();
    for (int n = 1; n <= 10; ++n) {  // ten moves over the controls in a second
        const auto& p = points[static_cast<std::size_t>(n) % points.size()];
        h.finger(SDL_FINGERMOTION, p.first, p.second);
        h.settle();
        h.runFor(0.1);
    }
    h.runFor(0.4);
    CHECK(speaks(h) == 1);
    const std::string& last = labels[10 % labels.size()];
    CHECK(h.speech().lastSpoken().text.rfind(last, 0) == 0);
    h.finger(SDL_FINGERUP, points[10 % points.size()].first, points[10 % points.size()].second);
    h.settle();
    CHECK(h.ui().currentScreen() == "home");  // a glide opens nothing
}

TEST_CASE("Repeat says the last content again, never its own label", "[loop][keypad][speech]") {
    LoopHarness h(landscape());
    REQUIRE(h.ok());
    h.show("programme");
    speechOn(h);
    h.key(SDLK_DOWN);
    h.key(SDLK_DOWN);
    h.runFor(0.4);
    const ui::RecordingSpeech::Utterance content = h.speech().lastSpoken();
    REQUIRE_FALSE(content.text.empty());
    REQUIRE(content.text.rfind("Répéter", 0) != 0);

    SECTION("by touch") {
        h.speech().clearRecord();
        REQUIRE(h.tapItem("Répéter"));
        h.runFor(1);
        REQUIRE_FALSE(h.speech().spoken().empty());
        CHECK(h.speech().lastSpoken() == content);
        for (const auto& u : h.speech().spoken()) CHECK(u.text.rfind("Répéter", 0) != 0);
    }
    SECTION("by keypad: focus it (its label is said), then Enter") {
        for (int i = 0; i < 200 && ui::KeypadFocus::focusedLabel() != "Répéter"; ++i) h.key(SDLK_TAB);
        REQUIRE(ui::KeypadFocus::focusedLabel() == "Répéter");
        h.runFor(0.4);
        CHECK(h.speech().lastSpoken().text.rfind("Répéter", 0) == 0);  // where the visitor is
        h.speech().clearRecord();
        h.key(SDLK_RETURN);
        h.runFor(1);
        REQUIRE(h.speech().spoken().size() == 1);
        CHECK(h.speech().lastSpoken() == content);
    }
}

TEST_CASE("Pause turns into Resume only when pressed, and stays across frames", "[loop][speech]") {
    LoopHarness h(landscape());
    REQUIRE(h.ok());
    h.show("programme");
    speechOn(h);
    h.key(SDLK_DOWN);
    // Between the key (which stopped speech) and the settled utterance: still Pause.
    CHECK(h.item("Pause"));
    CHECK_FALSE(h.item("Reprendre"));
    for (int n = 0; n < 8; ++n) {
        h.runFor(0.15);
        INFO("frame check " << n);
        CHECK(h.item("Pause"));
        CHECK_FALSE(h.item("Reprendre"));
    }
    REQUIRE(h.speech().speaking());
    REQUIRE(h.tapItem("Pause"));
    CHECK(h.speech().paused());
    CHECK(h.speech().stopCount() == 1);  // only the key's stop: touching Pause did not stop speech
    for (int n = 0; n < 5; ++n) {
        h.runFor(0.5);
        CHECK(h.item("Reprendre"));
        CHECK_FALSE(h.item("Pause"));
    }
    REQUIRE(h.tapItem("Reprendre"));
    CHECK_FALSE(h.speech().paused());
    CHECK(h.item("Pause"));
    h.runFor(1);
    CHECK(h.item("Pause"));
}
