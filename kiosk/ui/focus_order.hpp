// Keypad focus order: the interactive items of a frame in the order a reader meets them
// (top to bottom, rows left to right), a scrolling list taken as one block at its place.
#pragma once

#include <vector>

#include "ui/widgets.hpp"

namespace kiosk::ui {

// The items with an id (those the keypad can reach), in reading order. A list's items
// come together, where the list is drawn, in their own reading order, including those
// scrolled out of view (focusing one scrolls it in).
std::vector<const InteractiveItem*> readingOrder(const std::vector<InteractiveItem>& items);

// Whether a list item shows at least partly inside its list; other items always do.
bool shownInPanel(const InteractiveItem& item);

}  // namespace kiosk::ui
