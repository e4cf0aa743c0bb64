// The frame's colour pairs (see contrast.hpp).
#include "ui/contrast.hpp"

#include <imgui.h>

namespace kiosk::ui {
namespace {
struct State {
    std::vector<Rgb> stack{Rgb{0xF7, 0xF4, 0xEE}};
    std::vector<ColourPair> pairs;
    float largeTextPx = 1e9f;
};
State& state() {
    static State s;
    return s;
}
}  // namespace

void ContrastLog::push(Rgb background) { state().stack.push_back(background); }
void ContrastLog::pop() {
    if (state().stack.size() > 1) state().stack.pop_back();
}
Rgb ContrastLog::background() { return state().stack.back(); }
void ContrastLog::setLargeTextPx(float px) { state().largeTextPx = px; }

void ContrastLog::text(unsigned int c, float fontSize, std::string_view what) {
    if (((c >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF) return;  // fading in or out: not a resting state
    const Rgb fg{static_cast<std::uint8_t>(c >> IM_COL32_R_SHIFT), static_cast<std::uint8_t>(c >> IM_COL32_G_SHIFT),
                 static_cast<std::uint8_t>(c >> IM_COL32_B_SHIFT)};
    auto& pairs = state().pairs;
    if (pairs.size() < 20000) pairs.push_back({fg, background(), true, fontSize >= state().largeTextPx, std::string(what.substr(0, 60))});
}

void ContrastLog::control(Rgb edge, Rgb background, std::string_view what) {
    auto& pairs = state().pairs;
    if (pairs.size() < 20000) pairs.push_back({edge, background, false, false, std::string(what.substr(0, 60))});
}

const std::vector<ColourPair>& ContrastLog::pairs() { return state().pairs; }
void ContrastLog::clear() {
    state().pairs.clear();
    state().stack.resize(1);
}

}  // namespace kiosk::ui
