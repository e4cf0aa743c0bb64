// French for the core's diagnostics (feed loader, manifest, importers), which are written
// in English: kiosk-feed shows them in French when LANG is French (issue 11).
#pragma once

#include <string>
#include <string_view>

namespace kiosk::core {

// The message in French: its known phrases replaced, longest first, outside double-quoted
// values (titles, ids and file contents are never translated). Unknown phrases stay.
std::string frenchMessage(std::string_view english);

}  // namespace kiosk::core
