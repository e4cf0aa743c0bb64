// Is content sync healthy? One verdict for `kiosk --status` and `kiosk --check`: disk
// space, a failed last attempt, a last success too long ago, a version that crashed.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/sync/sync_status.hpp"
#include "core/time.hpp"

namespace kiosk::core::sync {

// `kiosk --status` exit codes (also in --help and README). When several apply, the first
// in this order wins: DiskLow, CrashedVersion, LastFailed, Stale.
enum class HealthCode : int {
    Healthy = 0,
    LastFailed = 1,      // the last attempt failed (the cause is in last_error)
    NoCache = 2,         // no cache folder: the kiosk shows its bundled content
    Stale = 3,           // the last success is older than staleAfter (or there never was one)
    DiskLow = 4,         // less than minFreeBytes free on the cache's disk
    CrashedVersion = 5,  // the crash guard set a version aside and nothing newer replaced it, or the
                         // only version that drew keeps crashing (crash_guard_state.hpp)
};

struct HealthThresholds {
    std::uint64_t minFreeBytes = std::uint64_t{64} << 20;
    // The same 12 hours after which visitors see "programme as of <date>".
    std::chrono::seconds staleAfter = std::chrono::hours(12);
};

struct SyncHealth {
    HealthCode code = HealthCode::Healthy;
    std::optional<std::uint64_t> freeBytes;                                    // on the cache's disk
    std::vector<std::string> problems;                                         // each in words, with what to do
    bool diskLow = false, crashed = false, lastFailed = false, stale = false;  // each that applies
};

// `status` is the cache's status.json (nullopt when there is none yet); `syncing` whether a
// feed is configured (without one, staleness means nothing); `now` the corrected clock.
SyncHealth assessSync(const std::filesystem::path& cacheDir, const std::optional<SyncStatus>& status, bool syncing,
                      Instant now, const HealthThresholds& thresholds = {});

}  // namespace kiosk::core::sync
