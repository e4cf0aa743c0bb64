// Drawing helpers shared by screens: feed images (with placeholder and text
// alternative), QR codes at a physical size, and simple pictograms drawn as vectors.
#pragma once

#include <string>

#include <imgui.h>

#include "core/model.hpp"
#include "ui/screen.hpp"

namespace kiosk::ui {

enum class Fit { Contain, Cover };

// Draws a feed image in the rectangle; while it loads, or if it cannot be shown, a
// calm placeholder with its text alternative. Returns the image state.
ImageHandle::State drawImage(const UiContext& ctx, const core::Image& image, ImVec2 min, ImVec2 max, Fit fit);
// The image's file path and expected hash for the ImageSource.
std::string imagePath(const core::Content& c, const std::string& src);

// The smallest QR code the kiosk draws: 45 mm of modules, which a phone reads from about
// 45 cm (ISO/IEC 18004 guidance: scanning distance about ten times the code's width).
constexpr float kQrMinMm = 45.0f;
// Draws `url` as a QR code whose modules span at least `minMm`, on white, with a 4-module
// quiet zone around them. Returns the side in pixels, quiet zone included (0 when the
// link cannot be encoded).
float drawQr(const UiContext& ctx, const std::string& url, ImVec2 topLeft, float minMm);
float qrSide(const UiContext& ctx, const std::string& url, float minMm);

enum class Pictogram { Calendar, Map, Showroom, Info, Pin, Clock, Access, Person };
void drawPictogram(ImDrawList* dl, Pictogram p, ImVec2 center, float size, ImU32 color);

}  // namespace kiosk::ui
