// `kiosk pin`: the staff PIN's config line, made on the terminal (docs/staff-mode.md).
#pragma once

namespace kiosk::app {

// Asks for the PIN twice (no echo on a terminal; one line each from a pipe) and prints
// `"staff_pin_hash": "$argon2id$...",`. Exit 0 printed; 1 the two differ, or not 4 to
// 12 digits, or no input.
int runPinCommand(bool allowShort = false);

}  // namespace kiosk::app
