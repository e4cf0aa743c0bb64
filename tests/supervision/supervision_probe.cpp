// A stand-in for the kiosk's main loop in script tests: `watchdog` loops with the real
// Watchdog (and can be made to hang), `metrics FILE` writes the textfile through the
// real Supervisor. Not installed.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app/supervision/supervisor.hpp"
#include "app/supervision/watchdog.hpp"

using namespace std::chrono;

namespace {

int loop(double hangAfter, double runFor) {
    kiosk::app::Watchdog w;
    const auto start = steady_clock::now();
    w.ready("probe running");
    std::printf("ready\n");
    std::fflush(stdout);
    while (true) {
        // Like the kiosk's loop: a frame or a wait, never longer than WatchdogSec/2.
        std::this_thread::sleep_for(duration<double>(std::min(0.016, w.maxSleepSeconds())));
        const double t = duration<double>(steady_clock::now() - start).count();
        if (hangAfter >= 0 && t >= hangAfter) {
            std::printf("hanging\n");
            std::fflush(stdout);
            while (true) std::this_thread::sleep_for(seconds(1));  // a frozen loop: no more ticks
        }
        if (t >= runFor) {
            w.stopping();
            return 0;
        }
        w.tick();
    }
}

int metrics(const std::string& file) {
    kiosk::app::Config c;
    c.supervision.metricsFile = file;
    kiosk::app::Supervisor s(c, {});
    s.start();
    const kiosk::core::supervision::FrameSummary frame{0x1234abcd, 0.4};
    for (int i = 0; i < 3; ++i) s.framePresented(&frame, true);
    kiosk::core::sync::SyncStatus sync;
    sync.currentVersion = 5;
    sync.consecutiveFailures = 1;
    sync.lastError = "HTTP 503";
    sync.lastAttempt = kiosk::core::Instant{std::chrono::seconds{1'800'000'000}};
    // A trusted time 315 days ahead of the system clock (a server whose clock is wrong).
    sync.trustedTime = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) +
                       std::chrono::hours(24 * 315);
    s.update(5, 1'700'000'000.0, sync);  // published in 2023: years old
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "watchdog" && argc == 4) return loop(std::atof(argv[2]), std::atof(argv[3]));
    if (mode == "metrics" && argc == 3) return metrics(argv[2]);
    std::fprintf(stderr, "usage: supervision_probe watchdog HANG_AFTER_S|-1 RUN_FOR_S | metrics FILE\n");
    return 2;
}
