// Levelled logging to standard error. When stderr is a journald stream the lines carry
// syslog priority prefixes so `journalctl -p warning` filters them.
#pragma once

#include <string_view>

namespace kiosk::core::log {

enum class Level { Debug = 7, Info = 6, Warning = 4, Error = 3 };

void setMinimumLevel(Level level);
// Thread-safe: one line is written at once.
void write(Level level, std::string_view message);
inline void debug(std::string_view m) { write(Level::Debug, m); }
inline void info(std::string_view m) { write(Level::Info, m); }
inline void warning(std::string_view m) { write(Level::Warning, m); }
inline void error(std::string_view m) { write(Level::Error, m); }

}  // namespace kiosk::core::log
