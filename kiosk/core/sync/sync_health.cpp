// The health verdict of content sync (see sync_health.hpp).
#include "core/sync/sync_health.hpp"

#include <algorithm>

#include "core/files.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/crash_guard_state.hpp"

namespace kiosk::core::sync {

namespace {
std::string hours(std::chrono::seconds s) { return std::to_string(s.count() / 3600) + " h"; }

void raise(SyncHealth& h, HealthCode code) {
    // Order of importance, most first.
    static constexpr HealthCode order[] = {HealthCode::NoCache,    HealthCode::DiskLow, HealthCode::CrashedVersion,
                                           HealthCode::LastFailed, HealthCode::Stale,   HealthCode::Healthy};
    const auto rank = [](HealthCode c) { return std::find(std::begin(order), std::end(order), c) - std::begin(order); };
    if (rank(code) < rank(h.code)) h.code = code;
}
}  // namespace

SyncHealth assessSync(const std::filesystem::path& cacheDir, const std::optional<SyncStatus>& status, bool syncing,
                      Instant now, const HealthThresholds& t) {
    SyncHealth h;
    std::error_code ec;
    if (!std::filesystem::is_directory(cacheDir, ec)) {
        h.code = HealthCode::NoCache;
        h.problems.push_back("no cache in " + cacheDir.string() + " (the kiosk shows its bundled content)");
        return h;
    }
    if (auto free = freeBytes(cacheDir)) {
        h.freeBytes = free.value();
        if (free.value() < t.minFreeBytes) {
            raise(h, HealthCode::DiskLow);
            h.diskLow = true;
            h.problems.push_back("disk almost full: " + std::to_string(free.value() >> 20) + " MiB free in " +
                                 cacheDir.string() + ", less than the " + std::to_string(t.minFreeBytes >> 20) +
                                 " MiB sync needs (free some space, or move cache_dir to a larger disk)");
        }
    } else {
        raise(h, HealthCode::DiskLow);
        h.diskLow = true;
        h.problems.push_back(free.error());
    }
    // A version set aside that nothing newer replaced, or one that keeps crashing on screen.
    const GuardState guard = readGuardState(cacheDir);
    if (guard.level != GuardState::Level::Ok) {
        raise(h, HealthCode::CrashedVersion);
        h.crashed = true;
        h.problems.push_back(describeGuard(guard) +
                             " (publish a corrected version; kiosk-feed build raises the version)");
    }
    if (!status) return h;
    if (!status->lastError.empty()) {
        raise(h, HealthCode::LastFailed);
        h.lastFailed = true;
        h.problems.push_back("last sync failed: " + status->lastError);
    }
    if (syncing && (!status->lastSuccess || now - *status->lastSuccess > t.staleAfter)) {
        raise(h, HealthCode::Stale);
        h.stale = true;
        h.problems.push_back(status->lastSuccess
                                 ? "no successful sync for more than " + hours(t.staleAfter) + " (last one " +
                                       formatIsoUtc(*status->lastSuccess) + "): check the network and feed_url"
                                 : "no successful sync yet: check the network and feed_url");
    }
    return h;
}

}  // namespace kiosk::core::sync
