// Parts shared by screens: the header band (event name, day and time, language switch)
// and the session row used by the programme and the attract loop's now/next slide.
#pragma once

#include <string_view>

#include <imgui.h>

#include "ui/screen.hpp"

namespace kiosk::ui {

// Draws the header band at the top of the window; returns its height. The language
// button toggles FR/EN at once.
float drawHeader(const UiContext& ctx, Navigator& nav, std::string_view title);

// Draws one session at `pos` within `width`; returns the height used. Cancelled and
// changed sessions are marked in words, ended ones are greyed and marked.
float drawSessionRow(const UiContext& ctx, const core::Session& s, ImVec2 pos, float width);

// "Hôtel du Département · Clermont-Ferrand"
std::string placeLine(const UiContext& ctx, const core::Session& s);

}  // namespace kiosk::ui
