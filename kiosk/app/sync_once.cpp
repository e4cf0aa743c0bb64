// One content sync from the command line (see sync_once.hpp).
#include "app/sync_once.hpp"

#include <cstdio>

#include "core/clock.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/cache_lock.hpp"
#include "core/sync/live_status.hpp"
#include "core/sync/staff_socket.hpp"
#include "core/sync/sync_health.hpp"
#include "core/sync/sync_status.hpp"
#include "core/sync/trusted_time.hpp"

#include <cstdlib>
#include <filesystem>

#include "platform/espeak_speech.hpp"

namespace kiosk::app {

core::sync::SyncServiceConfig syncConfigFrom(const Runtime& rt) {
    core::sync::SyncServiceConfig c;
    auto& s = c.settings;
    s.feedUrl = rt.options.feedUrl.empty() ? rt.config.feedUrl : rt.options.feedUrl;
    s.cacheDir = rt.options.cacheDir.empty() ? rt.config.cacheDir : rt.options.cacheDir;
    s.stateDir = stateDirFor(rt.config, rt.options.cacheDir);
    s.http.caFile = rt.config.caFile;
    s.http.allowedFileRoots = rt.config.allowedFileRoots;
    s.maxDownloadBytes = rt.config.maxDownloadBytes;
    s.maxFeedBytes = rt.config.maxFeedBytes;
    s.minFreeBytes = rt.config.minFreeBytes;
    c.poll.intervalSeconds = rt.config.pollSeconds;
    for (const auto& key : rt.config.feedPublicKeys) {
        if (auto k = core::parsePublicKey(key)) s.feedPublicKeys.push_back(k.value());  // checked by loadConfig
    }
    return c;
}

namespace {
std::string when(const std::optional<core::Instant>& t) { return t ? core::formatIsoUtc(*t) : std::string("never"); }
std::string cacheDirOf(const Runtime& rt) {
    return rt.options.cacheDir.empty() ? rt.config.cacheDir : rt.options.cacheDir;
}

// One writer (issue 12): a running kiosk does the staff command itself through its
// socket; exit code and text are its answer. nullopt: no kiosk listens on this cache.
std::optional<int> askRunningKiosk(const std::string& cacheDir, const char* command) {
    auto answer = core::sync::sendStaffRequest(core::sync::staffSocketPath(cacheDir), command);
    if (!answer) {
        if (core::sync::CacheLock::holder(cacheDir)) {  // it holds the cache but did not answer
            std::fprintf(stderr, "kiosk %s: %s\n", command, answer.error().c_str());
            return 1;
        }
        return std::nullopt;
    }
    std::printf("(answered by the running kiosk)\n%s", answer.value().text.c_str());
    std::fflush(stdout);
    if (answer.value().exitCode != 0) std::fprintf(stderr, "kiosk %s: failed (see above)\n", command);
    return answer.value().exitCode;
}

// Without a running kiosk the command takes the lock itself, so two staff commands never
// write the cache at once either.
std::optional<core::sync::CacheLock> lockCache(const std::string& cacheDir, const char* command) {
    auto lock = core::sync::CacheLock::tryAcquire(cacheDir);
    if (!lock) {
        std::fprintf(stderr, "kiosk %s: %s; try again in a moment, or stop that process first\n", command,
                     lock.error().c_str());
        return std::nullopt;
    }
    return std::move(lock).value();
}
}  // namespace

int runSyncOnce(const Runtime& rt) {
    const auto config = syncConfigFrom(rt);
    if (config.settings.cacheDir.empty()) {
        std::fprintf(stderr, "kiosk sync: no cache folder: give --cache DIR or set cache_dir\n");
        return 2;
    }
    const std::string dir = config.settings.cacheDir.string();
    if (std::filesystem::exists(core::sync::staffSocketPath(dir))) {
        if (!rt.options.feedUrl.empty() && rt.options.feedUrl != rt.config.feedUrl) {
            std::fprintf(stderr,
                         "kiosk sync: a kiosk runs on %s and syncs its own feed_url; --feed cannot change it "
                         "(stop the kiosk, or use another --cache)\n",
                         dir.c_str());
            return 2;
        }
        if (auto code = askRunningKiosk(dir, "sync")) return *code;
    }
    if (config.settings.feedUrl.empty()) {
        std::fprintf(stderr, "kiosk sync: no feed: give --feed URL or set feed_url in the configuration\n");
        return 2;
    }
    auto lock = lockCache(dir, "sync");
    if (!lock) return 1;
    const core::SystemClock clock;
    core::sync::SyncEngine engine(config.settings, clock);
    if (auto st = engine.prepare(); !st) {
        std::fprintf(stderr, "kiosk sync: %s\n", st.error().c_str());
        return 2;
    }
    std::printf("sync %s into %s\n", config.settings.feedUrl.c_str(), dir.c_str());
    const core::sync::SyncReport r = engine.syncOnce();
    for (const auto& line : r.actions) std::printf("  %s\n", line.c_str());
    std::printf("%s: version %lld, %llu requests, %llu bytes, %llu files downloaded, %llu reused\n",
                core::sync::outcomeName(r.outcome), static_cast<long long>(r.version),
                static_cast<unsigned long long>(r.requests), static_cast<unsigned long long>(r.bytes),
                static_cast<unsigned long long>(r.filesDownloaded), static_cast<unsigned long long>(r.filesReused));
    if (r.outcome == core::sync::SyncOutcome::Failed) {
        std::fprintf(stderr, "kiosk sync: failed: %s\n", r.error.c_str());
        return 1;
    }
    return 0;
}

// What staff need to know about the kiosk itself, whatever its content: speech and reach.
void printKioskStatus(const Runtime& rt) {
    const char* path = std::getenv("PATH");
    const auto espeak = platform::findExecutable("espeak-ng", path ? path : "/usr/bin:/bin");
    std::printf("speech     %s\n", espeak ? ("espeak-ng (" + *espeak + ")").c_str()
                                          : "no speech engine: install espeak-ng (the kiosk runs without read-aloud)");
    bool inReach = false;
    std::printf("reach      %s\n", describeReach(rt, inReach).c_str());
}

core::sync::HealthThresholds healthThresholds(const Runtime& rt) {
    core::sync::HealthThresholds t;
    t.minFreeBytes = rt.config.minFreeBytes;
    return t;
}

core::sync::SyncHealth syncHealth(const Runtime& rt) {
    const std::string dir = cacheDirOf(rt);
    std::optional<core::sync::SyncStatus> status;
    if (auto s = core::sync::readStatusFile(dir)) status = std::move(s).value();
    const bool syncing = !(rt.options.feedUrl.empty() ? rt.config.feedUrl : rt.options.feedUrl).empty() ||
                         (status && !status->feedUrl.empty());
    const core::sync::TrustedTime trusted(std::filesystem::path(dir) / "trusted_time");
    const core::Instant now = trusted.correct(core::SystemClock().now());
    return core::sync::assessSync(dir, status, syncing, now, healthThresholds(rt));
}

int runStatus(const Runtime& rt) {
    printKioskStatus(rt);
    const std::string dir = cacheDirOf(rt);
    if (std::filesystem::exists(core::sync::staffSocketPath(dir))) {
        if (auto code = askRunningKiosk(dir, "status")) return *code;
    }
    if (!std::filesystem::is_directory(dir)) {
        std::fprintf(stderr, "kiosk status: no cache in %s (the kiosk shows its bundled content)\n", dir.c_str());
        return 2;
    }
    const core::sync::SyncHealth health = syncHealth(rt);
    core::sync::ContentCache cache(dir);
    const auto current = cache.currentVersion();
    const auto previous = cache.previousVersion();
    std::printf("cache      %s\n", dir.c_str());
    std::printf("current    %s\n",
                current ? ("version " + std::to_string(*current)).c_str() : "none (bundled content)");
    std::printf(
        "previous   %s\n",
        previous ? ("version " + std::to_string(*previous) + " (kiosk --rollback makes it current)").c_str() : "none");
    if (health.freeBytes)
        std::printf("disk       %llu MiB free\n", static_cast<unsigned long long>(*health.freeBytes >> 20));
    const core::sync::TrustedTime trusted(std::filesystem::path(dir) / "trusted_time");
    std::printf("clock      %s%s\n", core::formatIsoUtc(core::SystemClock().now()).c_str(),
                trusted.value() && *trusted.value() > core::SystemClock().now()
                    ? (", behind the trusted time " + core::formatIsoUtc(*trusted.value()) +
                       " (kiosk --reset-time forgets it if it is wrong)")
                          .c_str()
                    : "");
    auto finish = [&] {
        for (const auto& p : health.problems) std::printf("PROBLEM    %s\n", p.c_str());
        bool liveFailing = false;  // a live_source (issue 11): its own lines, exit 1 when it fails
        std::printf("%s", core::sync::formatLiveStatus(dir, liveFailing).c_str());
        const bool healthy = health.code == core::sync::HealthCode::Healthy && !liveFailing;
        std::printf("health     %s\n", healthy ? "ok" : "needs attention");
        return health.code == core::sync::HealthCode::Healthy && liveFailing ? 1 : static_cast<int>(health.code);
    };
    auto status = core::sync::readStatusFile(dir);
    if (!status) {
        std::printf("sync       no status yet (%s)\n", status.error().c_str());
        return finish();
    }
    const auto& s = status.value();
    std::printf("feed       %s\n", s.feedUrl.empty() ? "(none)" : s.feedUrl.c_str());
    std::printf("published  %s\n", when(s.published).c_str());
    std::printf("last try   %s: %s\n", when(s.lastAttempt).c_str(), s.lastResult.c_str());
    std::printf("last ok    %s\n", when(s.lastSuccess).c_str());
    std::printf("next try   %s\n", when(s.nextAttempt).c_str());
    std::printf("downloaded %llu bytes in %llu requests\n", static_cast<unsigned long long>(s.bytesDownloaded),
                static_cast<unsigned long long>(s.requests));
    if (!s.lastError.empty()) {
        std::printf("last error %s (%d failures in a row)\n", s.lastError.c_str(), s.consecutiveFailures);
    }
    if (!s.crashGuard.empty()) std::printf("crash      %s\n", s.crashGuard.c_str());
    core::sync::SyncStatus signed_ = s;
    signed_.signatureRequired = !rt.config.feedPublicKeys.empty();  // what this configuration asks for now
    std::printf("signature  %s\n", core::sync::describeSignature(signed_, core::SystemClock().now()).c_str());
    return finish();
}

int runResetTime(const Runtime& rt) {
    const std::string dir = cacheDirOf(rt);
    core::sync::TrustedTime trusted(std::filesystem::path(dir) / "trusted_time");
    const auto was = trusted.value();
    if (auto s = trusted.reset(); !s) {
        std::fprintf(stderr, "kiosk --reset-time: %s\n", s.error().c_str());
        return 1;
    }
    std::printf(
        "trusted time %s forgotten; the kiosk now trusts the system clock (%s) until a verified server "
        "answers. Restart the kiosk if it is running.\n",
        was ? core::formatIsoUtc(*was).c_str() : "(none)", core::formatIsoUtc(core::SystemClock().now()).c_str());
    return 0;
}

int runRollback(const Runtime& rt) {
    const std::string dir = cacheDirOf(rt);
    if (std::filesystem::exists(core::sync::staffSocketPath(dir))) {
        if (auto code = askRunningKiosk(dir, "rollback")) return *code;
    }
    auto lock = lockCache(dir, "rollback");
    if (!lock) return 1;
    core::sync::ContentCache cache(dir);
    cache.setStateDir(stateDirFor(rt.config, rt.options.cacheDir));
    const auto current = cache.currentVersion();
    if (auto st = cache.rollback(); !st) {
        std::fprintf(stderr, "kiosk rollback: %s\n", st.error().c_str());
        return 1;
    }
    std::printf("version %s is current again (was %s); a kiosk started now shows it\n",
                cache.currentVersion() ? std::to_string(*cache.currentVersion()).c_str() : "?",
                current ? std::to_string(*current).c_str() : "?");
    return 0;
}

}  // namespace kiosk::app
