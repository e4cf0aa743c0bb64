// Every text of a content feed a visitor may see, in every language, plus the dates and
// times the UI writes for it: what the font atlas must cover.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace kiosk::core {

std::vector<std::string> allVisibleTexts(const Content& c);

}  // namespace kiosk::core
