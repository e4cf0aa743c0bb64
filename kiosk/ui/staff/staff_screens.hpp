// The staff mode's two screens, drawn instead of the visitor UI: the PIN keypad and the
// panel (status and actions). They draw what StaffView says and report what was tapped;
// the app layer (app/staff_mode.cpp) owns the state, the workers and the actions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/localized_text.hpp"
#include "ui/fonts.hpp"
#include "ui/input.hpp"
#include "ui/metrics.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui::staff {

struct StaffView {
    enum class Page { Keypad, Panel };
    Page page = Page::Keypad;
    core::Lang lang = core::Lang::Fr;
    // Keypad
    bool pinSet = true;      // false: no staff_pin_hash in the config
    int digits = 0;          // typed so far (shown as dots, never as digits)
    bool verifying = false;  // the hash check runs on a worker
    bool wrong = false;      // the last try was wrong
    int waitSeconds = 0;     // > 0: the delay after wrong tries, counting down
    // Panel: label / value rows, the last action's result, whether one is running.
    std::vector<std::pair<std::string, std::string>> rows;
    std::vector<std::size_t> warningRows;  // rows whose value is a warning (drawn in the alert colour)
    std::string result;
    bool resultFailed = false;
    bool working = false;
    std::vector<std::string> previews;  // "1080×1920"... the other size classes
};

enum class StaffCommand {
    Digit,
    Erase,
    Submit,
    Cancel,
    SyncNow,
    Rollback,
    Reload,
    Restart,
    Preview,
    Exit,
    Close,
    Language
};

struct StaffTap {
    StaffCommand command;
    int value = 0;  // the digit, or the preview's index
};

struct StaffFrameEnv {
    const Metrics* metrics = nullptr;
    const Fonts* fonts = nullptr;
    const Theme* theme = nullptr;
};

// One ImGui frame (NewFrame .. Render) of the staff page. Digits typed on a keyboard
// arrive as StaffCommand::Digit from the caller, not here. Speech stays off: a PIN is
// never spoken. Returns what was tapped or keyed (Enter, Back) in this frame.
std::vector<StaffTap> drawStaffFrame(const StaffFrameEnv& env, InputQueue& input, float dt, const StaffView& view);

// The keypad's keys measure at least this many CSS px (WCAG 2.5.5 asks for 44).
float keypadKeySize(const Metrics& m);

}  // namespace kiosk::ui::staff
