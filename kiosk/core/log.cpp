// Levelled logging to standard error, with journald priority prefixes when running
// under systemd (JOURNAL_STREAM is set) and readable level words otherwise.
#include "core/log.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

namespace kiosk::core::log {
namespace {
std::atomic<int> g_minimum{static_cast<int>(Level::Info)};
std::mutex g_mutex;

const char* word(Level level) {
    switch (level) {
        case Level::Debug: return "debug";
        case Level::Info: return "info";
        case Level::Warning: return "warning";
        case Level::Error: return "error";
    }
    return "?";
}
}  // namespace

void setMinimumLevel(Level level) { g_minimum = static_cast<int>(level); }

void write(Level level, std::string_view message) {
    if (static_cast<int>(level) > g_minimum.load()) return;
    static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
    std::string line;
    if (journal) {
        line = "<" + std::to_string(static_cast<int>(level)) + ">";
    } else {
        line = "kiosk ";
        line += word(level);
        line += ": ";
    }
    line += message;
    line += '\n';
    std::lock_guard lock(g_mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

}  // namespace kiosk::core::log
