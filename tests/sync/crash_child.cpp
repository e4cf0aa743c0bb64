// A stand-in kiosk for the crash guard tests: starts its content through the guard,
// prints what it shows, then (mode "hang") waits to be killed, like a kiosk that crashes
// before its first minute is up, or (mode "stable") reaches stable and then waits.
// usage: sync_crash_child CACHE_DIR BUNDLED_DIR hang|stable
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "core/clock.hpp"
#include "core/sync/crash_guard.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: sync_crash_child CACHE_DIR BUNDLED_DIR hang|stable\n");
        return 2;
    }
    const kiosk::core::SystemClock clock;
    kiosk::core::sync::CrashGuard guard(argv[1], clock);
    const auto start = guard.startContent(argv[2]);
    if (std::strcmp(argv[3], "stable") == 0 && !guard.markStable()) return 3;
    std::printf("child shows: %s (%s)\n", start.load.content ? start.source.c_str() : "nothing", start.problem.c_str());
    std::fflush(stdout);
    for (;;) ::pause();  // until the test kills it
}
