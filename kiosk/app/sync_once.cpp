// One content sync from the command line (see sync_once.hpp).
#include "app/sync_once.hpp"

#include <cstdio>

#include "core/clock.hpp"

namespace kiosk::app {

core::sync::SyncServiceConfig syncConfigFrom(const Runtime& rt) {
    core::sync::SyncServiceConfig c;
    auto& s = c.settings;
    s.feedUrl = rt.options.feedUrl.empty() ? rt.config.feedUrl : rt.options.feedUrl;
    s.cacheDir = rt.options.cacheDir.empty() ? rt.config.cacheDir : rt.options.cacheDir;
    s.http.caFile = rt.config.caFile;
    s.http.allowedFileRoots = rt.config.allowedFileRoots;
    s.maxDownloadBytes = rt.config.maxDownloadBytes;
    c.poll.intervalSeconds = rt.config.pollSeconds;
    return c;
}

int runSyncOnce(const Runtime& rt) {
    const auto config = syncConfigFrom(rt);
    if (config.settings.feedUrl.empty()) {
        std::fprintf(stderr, "kiosk --sync-once: no feed: give --feed URL or set feed_url in the configuration\n");
        return 2;
    }
    if (config.settings.cacheDir.empty()) {
        std::fprintf(stderr, "kiosk --sync-once: no cache folder: give --cache DIR or set cache_dir\n");
        return 2;
    }
    const core::SystemClock clock;
    core::sync::SyncEngine engine(config.settings, clock);
    if (auto s = engine.prepare(); !s) {
        std::fprintf(stderr, "kiosk --sync-once: %s\n", s.error().c_str());
        return 2;
    }
    std::printf("sync %s into %s\n", config.settings.feedUrl.c_str(), config.settings.cacheDir.c_str());
    const core::sync::SyncReport r = engine.syncOnce();
    for (const auto& line : r.actions) std::printf("  %s\n", line.c_str());
    std::printf("%s: version %lld, %llu requests, %llu bytes, %llu files downloaded, %llu reused\n",
                core::sync::outcomeName(r.outcome), static_cast<long long>(r.version),
                static_cast<unsigned long long>(r.requests), static_cast<unsigned long long>(r.bytes),
                static_cast<unsigned long long>(r.filesDownloaded), static_cast<unsigned long long>(r.filesReused));
    if (r.outcome == core::sync::SyncOutcome::Failed) {
        std::fprintf(stderr, "kiosk --sync-once: failed: %s\n", r.error.c_str());
        return 1;
    }
    return 0;
}

}  // namespace kiosk::app
