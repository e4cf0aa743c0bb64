// Factories for the kiosk's screens; each screen lives in its own file.
#pragma once

#include <memory>
#include <vector>

#include "ui/screen.hpp"

namespace kiosk::ui {

std::unique_ptr<Screen> makeAttractScreen();
std::unique_ptr<Screen> makeHomeScreen();
std::unique_ptr<Screen> makeProgrammeScreen();
std::unique_ptr<Screen> makeSessionScreen();
std::unique_ptr<Screen> makeMapsScreen();
std::unique_ptr<Screen> makePlaceScreen();
std::unique_ptr<Screen> makeShowroomScreen();
std::unique_ptr<Screen> makeDemoScreen();
std::unique_ptr<Screen> makeInfoScreen();
std::unique_ptr<Screen> makePageScreen();
std::unique_ptr<Screen> makeAccessibilityScreen();

using ScreenFactory = std::unique_ptr<Screen> (*)();
inline std::vector<ScreenFactory> screenFactories() {
    return {&makeAttractScreen, &makeHomeScreen,  &makeProgrammeScreen,    &makeSessionScreen,
            &makeMapsScreen,    &makePlaceScreen, &makeShowroomScreen,     &makeDemoScreen,
            &makeInfoScreen,    &makePageScreen,  &makeAccessibilityScreen};
}

}  // namespace kiosk::ui
