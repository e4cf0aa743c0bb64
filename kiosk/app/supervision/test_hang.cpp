// TEST ONLY: the main-loop hang asked for by KIOSK_TEST_HANG_AFTER_SECONDS (see test_hang.hpp).
#include "app/supervision/test_hang.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/log.hpp"

namespace kiosk::app {
namespace {

std::optional<double> hangAfterSeconds() {
    const char* v = std::getenv("KIOSK_TEST_HANG_AFTER_SECONDS");
    if (!v || !*v) return std::nullopt;
    char* end = nullptr;
    const double s = std::strtod(v, &end);
    if (*end != '\0' || !(s > 0)) return std::nullopt;
    return s;
}

}  // namespace

void hangIfTestAsks() {
    static const std::optional<double> after = hangAfterSeconds();
    if (!after) return;
    using Clock = std::chrono::steady_clock;
    static const Clock::time_point first = Clock::now();
    if (std::chrono::duration<double>(Clock::now() - first).count() < *after) return;
    core::log::warning(
        "test-only hang: the main loop stops here (KIOSK_TEST_HANG_AFTER_SECONDS=" + std::to_string(*after) + ")");
    for (;;) pause();  // a handled signal (SIGTERM) returns from pause(): keep hanging
}

}  // namespace kiosk::app
