// Figures for docs/performance.md ("Content sync"): cost of an unchanged poll, bytes for
// a one-file change in a 100-file feed, and time from a warm cache to loaded content.
#include <cstdio>
#include <random>

#include "core/sync/sync_service.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {
std::uint64_t sentBytes(const std::vector<std::string>& log, std::size_t from, const std::string& uriPart,
                        std::size_t* count = nullptr) {
    std::uint64_t sum = 0;
    for (std::size_t i = from; i < log.size(); ++i) {
        if (!uriPart.empty() && log[i].find(uriPart) == std::string::npos) continue;
        const auto a = log[i].find(' '), b = log[i].find(' ', a + 1);
        sum += std::stoull(log[i].substr(a + 1, b - a - 1));
        if (count) ++*count;
    }
    return sum;
}
}  // namespace

int main() {
    FeedFixture feed;
    std::mt19937 rng(9);
    auto randomBytes = [&](std::size_t n) {
        std::string s(n, '\0');
        for (auto& c : s) c = static_cast<char>(rng());
        return s;
    };
    const int extra = 100 - static_cast<int>(feed.files.size()) - 8;  // 8 JSON documents
    for (int i = 0; i < extra; ++i) {
        feed.files["extra/file-" + std::to_string(i) + ".bin"] = randomBytes(20000);
    }
    publish(feed, 1);
    std::printf("feed: %zu files\n", feed.scanManifest().files.size());
    Nginx nginx(feed.path());
    TempDir cache("bench-cache");
    const core::SystemClock clock;
    core::sync::SyncEngine engine(testSettings(nginx.url("manifest.json"), cache.path()), clock);
    if (!engine.prepare() || engine.syncOnce().outcome != core::sync::SyncOutcome::Updated) {
        std::fprintf(stderr, "initial sync failed\n");
        return 1;
    }

    std::size_t mark = nginx.accessLog().size();
    auto r = engine.syncOnce();
    auto log = nginx.accessLog();
    std::printf(
        "unchanged poll: %s, %llu request(s), %llu bytes received (headers included), %llu bytes sent by nginx\n",
        core::sync::outcomeName(r.outcome), static_cast<unsigned long long>(r.requests),
        static_cast<unsigned long long>(r.bytes), static_cast<unsigned long long>(sentBytes(log, mark, "")));

    const std::string changedPath = "extra/file-50.bin";
    feed.files[changedPath] = randomBytes(20000);
    publish(feed, 2);
    const auto manifestSize = fs::file_size(feed.dir / "manifest.json");
    mark = nginx.accessLog().size();
    r = engine.syncOnce();
    log = nginx.accessLog();
    std::size_t objRequests = 0;
    const std::uint64_t total = sentBytes(log, mark, "");
    const std::uint64_t manifestBytes = sentBytes(log, mark, "manifest.json");
    const std::uint64_t objectBytes = sentBytes(log, mark, "/extra/", &objRequests);
    std::printf(
        "one of 100 files changed (%s, 20000 bytes): %s, %llu requests, %llu bytes sent in all:\n"
        "  manifest %llu bytes (body %llu), changed file %llu bytes in %zu request(s)\n"
        "  (all bytes - manifest bytes) / changed size = %.3f\n",
        changedPath.c_str(), core::sync::outcomeName(r.outcome), static_cast<unsigned long long>(r.requests),
        static_cast<unsigned long long>(total), static_cast<unsigned long long>(manifestBytes),
        static_cast<unsigned long long>(manifestSize), static_cast<unsigned long long>(objectBytes), objRequests,
        static_cast<double>(total - manifestBytes) / 20000.0);

    // Warm start: the bundled event, synced once into a cache, then loaded as at start-up.
    TempDir warm("bench-warm");
    auto settings = testSettings("file://" + std::string(KIOSK_BUNDLED_CONTENT) + "/manifest.json", warm.path());
    settings.http.allowedFileRoots = {KIOSK_BUNDLED_CONTENT};
    core::sync::SyncEngine seed(settings, clock);
    if (!seed.prepare() || seed.syncOnce().outcome != core::sync::SyncOutcome::Updated) {
        std::fprintf(stderr, "seeding the warm cache failed\n");
        return 1;
    }
    double best = 1e9, sum = 0;
    const int runs = 20;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto start = core::sync::SyncService::loadCurrentFromCache(warm.path(), KIOSK_BUNDLED_CONTENT);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!start.load.content) return 1;
        best = std::min(best, ms);
        sum += ms;
    }
    std::printf("warm cache to loaded content (bundled event, %s): best %.1f ms, mean %.1f ms over %d runs\n",
                "documents hashed and parsed", best, sum / runs, runs);
    return 0;
}
