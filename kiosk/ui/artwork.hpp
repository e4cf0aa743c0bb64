// The kiosk's own artwork on screen: designed placeholders for items without pictures and
// the attract loop's backdrops, from assets/ (verified like a feed) with a vector fallback
// drawn in code when an asset is missing, still loading or refused.
#pragma once

#include <string_view>

#include <imgui.h>

#include "ui/screen.hpp"
#include "ui/visuals.hpp"

namespace kiosk::ui {

// A placeholder for a demo or session without pictures: the asset
// "placeholders/<kind>.png" when it loads, else a tinted panel with a pictogram. Never
// blank: the visitor sees a designed card, not a white box.
void drawPlaceholderArt(const UiContext& ctx, ImVec2 min, ImVec2 max, Pictogram pictogram, std::string_view kind);

// The attract loop's backdrop behind a slide ("backgrounds/attract-landscape.png" or
// "-portrait.png"), else soft shapes in the theme's colours. Text drawn over it keeps
// the theme's background for contrast (the backdrop stays pale).
void drawBackdrop(const UiContext& ctx, ImVec2 min, ImVec2 max);

// An asset image through the image source (decoded off the UI thread, hash checked).
// False while loading or when refused: the caller draws its fallback.
bool drawAssetImage(const UiContext& ctx, std::string_view path, ImVec2 min, ImVec2 max, Fit fit);

}  // namespace kiosk::ui
