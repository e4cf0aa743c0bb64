// The frame's colour pairs (see contrast.hpp).
#include "ui/contrast.hpp"

#include <imgui.h>

#include "ui/frame_state.hpp"

namespace kiosk::ui {
namespace {
FrameState& state() { return frameState(); }
}  // namespace

void ContrastLog::push(Rgb background) { state().backgrounds.push_back(background); }
void ContrastLog::pop() {
    if (state().backgrounds.size() > 1) state().backgrounds.pop_back();
}
Rgb ContrastLog::background() { return state().backgrounds.back(); }
void ContrastLog::setLargeTextPx(float px) { state().largeTextPx = px; }

void ContrastLog::text(unsigned int c, float fontSize, std::string_view what) {
    if (((c >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF) return;  // fading in or out: not a resting state
    const Rgb fg{static_cast<std::uint8_t>(c >> IM_COL32_R_SHIFT), static_cast<std::uint8_t>(c >> IM_COL32_G_SHIFT),
                 static_cast<std::uint8_t>(c >> IM_COL32_B_SHIFT)};
    if (!state().records.contrast) return;
    auto& pairs = state().records.contrastPairs;
    if (pairs.size() < 20000)
        pairs.push_back({fg, background(), true, fontSize >= state().largeTextPx, std::string(what.substr(0, 60))});
}

void ContrastLog::control(Rgb edge, Rgb background, std::string_view what) {
    if (!state().records.contrast) return;
    auto& pairs = state().records.contrastPairs;
    if (pairs.size() < 20000) pairs.push_back({edge, background, false, false, std::string(what.substr(0, 60))});
}

const std::vector<ColourPair>& ContrastLog::pairs() { return state().records.contrastPairs; }
void ContrastLog::clear() {
    state().records.contrastPairs.clear();
    state().backgrounds.resize(1);
}

}  // namespace kiosk::ui
