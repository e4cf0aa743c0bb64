// What the office needs to know about one kiosk, filled by the app and read by the
// metrics textfile (metrics_writer.hpp) and the heartbeat (heartbeat.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::core::supervision {

// What the presented picture looks like (presented_frame_monitor.hpp).
enum class ScreenState { Ok, Black, Frozen, StaleContent };
const char* screenStateName(ScreenState s);  // "ok", "black", "frozen", "stale_content"

struct KioskHealth {
    std::string kioskId;                         // the host name unless configured
    std::string softwareVersion;                 // KIOSK_VERSION
    std::int64_t contentVersion = 0;             // the version shown (0: bundled content)
    std::int64_t cacheVersion = 0;               // the cache's current version
    std::optional<double> contentPublishedUnix;  // the manifest's "published" (age = now - it)
    std::optional<double> lastSyncSuccessUnix, lastSyncFailureUnix;
    int syncFailuresInARow = 0;
    std::string signatureState = "unsigned";  // feed signature check; "unsigned" until signatures exist
    std::optional<double> trustedTimeUnix;    // the clock floor (sync's trusted time); nullopt: none
    bool clockWarning = false;                // the floor is more than a day ahead of the system clock
    std::uint64_t framesDrawn = 0;
    std::uint64_t residentBytes = 0;  // RSS, see residentSetBytes()
    double uptimeSeconds = 0;
    std::uint64_t lastFrameHash = 0;  // of the last presented frame (frame_summary.hpp)
    double secondsSincePictureChanged = 0;
    ScreenState screen = ScreenState::Ok;
    int recoveryStep = 0;  // 0 none, 1 redraw, 2 reload, 3 exit
    // The crash guard (core/sync/crash_guard_state.hpp): "ok", "crashing" (the only version
    // that drew keeps crashing) or "set_aside" (a version that crashed is set aside).
    std::string crashGuardState = "ok";
    int versionsSetAside = 0;  // set aside and not replaced by a newer version
    double nowUnix = 0;        // when this was filled (wall clock, seconds)
};

// Resident set size of this process from /proc/self/statm; 0 when unreadable.
std::uint64_t residentSetBytes();

}  // namespace kiosk::core::supervision
