// The visitor's accessibility settings: larger text, high contrast, reduced motion,
// speech, seated reach, easy-to-read texts, a paused loop. Any of them on makes the
// kiosk's accessibility mode active (longer timeouts); all are reset for the next visitor.
#pragma once

namespace kiosk::ui {

enum class ContrastMode { Normal, DarkOnLight, LightOnDark };

struct AccessibilitySettings {
    int textStep = 0;  // 0: 100 %, 1: 125 %, 2: 150 %, 3: 200 %
    ContrastMode contrast = ContrastMode::Normal;
    bool reducedMotion = false;
    bool speech = false;
    bool seated = false;
    bool easyRead = false;
    bool loopPaused = false;
    bool panelOpened = false;  // the visitor chose the accessibility panel: targets and timeouts grow

    static constexpr int kTextSteps = 4;
    static constexpr int kTextPercent[kTextSteps] = {100, 125, 150, 200};

    bool active() const {
        return panelOpened || textStep != 0 || contrast != ContrastMode::Normal || reducedMotion || speech || seated ||
               easyRead;
    }
    float textScale() const { return static_cast<float>(kTextPercent[textStep]) / 100.0f; }
    // From 150 % on, layouts reflow to one column.
    bool oneColumn() const { return textStep >= 2; }
    bool operator==(const AccessibilitySettings&) const = default;
};

}  // namespace kiosk::ui
