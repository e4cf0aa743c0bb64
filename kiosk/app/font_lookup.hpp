// Finding the UI's font files through fontconfig, as desktop programs do, instead of
// hard-coded paths: the family named in the configuration, regular and bold.
#pragma once

#include <string>

#include "core/result.hpp"

namespace kiosk::app {

// The file fontconfig picks for `family` at that weight. Error (with the package to
// install) when fontconfig offers only a different family, since the kiosk needs a font
// covering French typography. Main thread or any thread (fontconfig is thread-safe).
core::Result<std::string> findFontFile(const std::string& family, bool bold);

}  // namespace kiosk::app
