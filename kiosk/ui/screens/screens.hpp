// Factories for the kiosk's screens; each screen lives in its own file.
#pragma once

#include <memory>

#include "ui/screen.hpp"

namespace kiosk::ui {

std::unique_ptr<Screen> makeAttractScreen();
std::unique_ptr<Screen> makeProgrammeScreen();

}  // namespace kiosk::ui
