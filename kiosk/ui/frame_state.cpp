// Where the UI's per-frame state is found (see frame_state.hpp).
#include "ui/frame_state.hpp"

#include <imgui.h>

namespace kiosk::ui {

FrameState& frameState() {
    if (ImGui::GetCurrentContext()) {
        if (auto* s = static_cast<FrameState*>(ImGui::GetIO().UserData)) return *s;
    }
    static FrameState detached;  // no UI installed: a lone drawing call in a unit test
    return detached;
}

void installFrameState(FrameState* state) { ImGui::GetIO().UserData = state; }

const std::vector<DrawnText>& drawnTexts() { return frameState().records.drawnTexts; }

}  // namespace kiosk::ui
