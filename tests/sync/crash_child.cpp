// A stand-in kiosk for the crash guard tests: arms the crash record, starts its content
// through the guard, prints what it shows, then, by mode:
//   hang    draws its first frame and waits to be killed (a power cut: SIGKILL, no record)
//   noframe waits to be killed without drawing (killed while loading: no crash either)
//   stable  draws, reaches stable, then waits
//   abort   draws, then abort() (a crash the kiosk records: SIGABRT)
//   segv    draws, then dies of SIGSEGV (a recorded crash too)
// usage: sync_crash_child CACHE_DIR BUNDLED_DIR MODE
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/clock.hpp"
#include "core/sync/crash_guard.hpp"
#include "core/sync/crash_record.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: sync_crash_child CACHE_DIR BUNDLED_DIR hang|noframe|stable|abort|segv\n");
        return 2;
    }
    const std::string mode = argv[3];
    // ASan installs its own SIGSEGV handler, which the crash record would chain to and
    // which exits instead of dying of the signal: the child starts from the defaults.
    std::signal(SIGSEGV, SIG_DFL);
    std::signal(SIGABRT, SIG_DFL);
    if (!kiosk::core::sync::armCrashRecord(argv[1])) return 4;
    const kiosk::core::SystemClock clock;
    kiosk::core::sync::CrashGuard guard(argv[1], clock);
    const auto start = guard.startContent(argv[2]);
    const bool bundled = start.version == 0;
    const std::int64_t version = bundled && start.load.content ? start.load.content->manifest.version : start.version;
    if (mode != "noframe" && start.load.content && !guard.markDrawn(version, bundled)) return 3;
    if (mode == "stable" && !guard.markStable()) return 3;
    std::printf("child shows: %s (%s)\n", start.load.content ? start.source.c_str() : "nothing", start.problem.c_str());
    std::fflush(stdout);
    if (mode == "abort") std::abort();
    if (mode == "segv") std::raise(SIGSEGV);
    for (;;) ::pause();  // until the test kills it
}
