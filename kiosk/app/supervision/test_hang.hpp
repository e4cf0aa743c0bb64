// TEST ONLY: a way to make the main loop hang on purpose, so that a test can prove that the
// systemd watchdog (or a stand-in speaking its notify protocol) kills and restarts a frozen kiosk.
#pragma once

namespace kiosk::app {

// When the environment variable KIOSK_TEST_HANG_AFTER_SECONDS=N is set (N > 0), the first
// call made N seconds or more after the first call logs "test-only hang: ..." and never
// returns: the calling thread (the main loop, from App::turn) blocks forever, ignoring the
// stop flag as a real deadlock would, so only a signal's default action (SIGABRT from the
// watchdog, SIGKILL) ends the process. Unset, empty or not a positive number: a no-op.
// It is deliberately neither a command-line option nor in --help or the man page: no
// venue should ever set it; tests/supervision/kiosk_watchdog.py does.
void hangIfTestAsks();

}  // namespace kiosk::app
