// Power-cut safety seen from outside: `kiosk --sync-once` is SIGKILLed at random points
// while syncing from nginx; after each kill the cache holds one complete, verified version.
#include <catch2/catch.hpp>

#include <random>

#include "core/sync/cache.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {
// The current version loads and every one of its files has its manifest hash.
std::string checkCache(const fs::path& cache) {
    core::sync::ContentCache c(cache);
    const auto v = c.currentVersion();
    if (!v)
        return fs::exists(cache / "versions") && !fs::is_empty(cache / "versions") && fs::exists(cache / "current")
                   ? "a pointer file that cannot be read"
                   : "";  // killed before the first switch: nothing to check
    const auto loaded = c.loadCurrent();
    if (!loaded.load.content || loaded.fromPrevious)
        return "version " + std::to_string(*v) + " does not load: " + loaded.problem;
    for (const auto& e : loaded.load.content->manifest.files) {
        auto h = core::sha256File(c.versionDir(*v) / e.path);
        if (!h || h.value() != e.sha256) return e.path + " of version " + std::to_string(*v) + " is not intact";
    }
    return "";
}
}  // namespace

TEST_CASE("SIGKILL at random points during sync always leaves one complete version", "[sync][crash]") {
    FeedFixture feed;
    for (int i = 0; i < 60; ++i)
        feed.files["extra/blob-" + std::to_string(i) + ".bin"] = std::string(40000, char('a' + i % 26));
    publish(feed, 1);
    Nginx nginx(feed.path());
    TempDir cache("cache"), logs("logs");
    const std::vector<std::string> argv = {KIOSK_BINARY, "--sync-once",        "--feed", nginx.url("manifest.json"),
                                           "--cache",    cache.path().string()};
    // One full run to learn how long a sync takes here.
    const auto t0 = std::chrono::steady_clock::now();
    {
        Process p(argv, logs / "first.log");
        REQUIRE(p.wait() == 0);
    }
    const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
    REQUIRE(checkCache(cache.path()).empty());

    std::mt19937 rng(1234);
    std::int64_t version = 1;
    int killedMidway = 0;
    for (int round = 0; round < 30; ++round) {
        // A new version every round, changing a few files, so kills hit downloads and switches.
        {
            ++version;
            for (int k = 0; k < 5; ++k) {
                feed.files["extra/blob-" + std::to_string((round * 5 + k) % 60) + ".bin"] =
                    std::string(40000, char('A' + (round + k) % 26));
            }
            feed.sessions["sessions"][0]["room"] = round % 4 == 0 ? "salle-b" : "salle-a";
            publish(feed, version);
        }
        const auto delay = std::chrono::microseconds(std::uniform_int_distribution<long>(0, full.count())(rng));
        Process p(argv, logs / "run.log");
        std::this_thread::sleep_for(delay);
        p.kill(SIGKILL);
        const int code = p.wait();
        if (code == 128 + SIGKILL) ++killedMidway;
        INFO("round " << round << ", killed after " << delay.count() << " us, exit " << code);
        const std::string problem = checkCache(cache.path());
        CHECK(problem.empty());
        if (!problem.empty()) FAIL(problem);
    }
    CHECK(killedMidway >= 10);  // the kills really landed during syncs
    // Afterwards a normal run completes the latest version.
    Process p(argv, logs / "last.log");
    REQUIRE(p.wait() == 0);
    CHECK(core::sync::ContentCache(cache.path()).currentVersion() == version);
    CHECK(checkCache(cache.path()).empty());
}

TEST_CASE("kiosk --sync-once: exit 0 on success or nothing new, 1 on failure with the cause", "[sync][cli]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache"), logs("logs");
    const std::string url = "file://" + (feed.dir / "manifest.json").string();
    // file:// needs an allowed root, which only the configuration can grant.
    writeText(logs / "kiosk.jsonc", "{ \"allowed_file_roots\": [\"" + feed.path().string() + "\"] }");
    auto run = [&](const std::string& feedUrl, const std::string& config) {
        std::vector<std::string> argv = {KIOSK_BINARY, "--sync-once", "--feed",
                                         feedUrl,      "--cache",     cache.path().string()};
        if (!config.empty()) argv.insert(argv.end(), {"--config", config});
        Process p(argv, logs / "out.log");
        const int code = p.wait();
        return std::make_pair(code, readText(logs / "out.log"));
    };
    auto [code, out] = run(url, (logs / "kiosk.jsonc").string());
    CHECK(code == 0);
    CHECK_THAT(out, Catch::Contains("switched to version 1"));
    std::tie(code, out) = run(url, (logs / "kiosk.jsonc").string());
    CHECK(code == 0);
    CHECK_THAT(out, Catch::Contains("nothing new"));
    std::tie(code, out) = run(url, "");  // the default configuration allows no file:// root
    CHECK(code == 1);
    CHECK_THAT(out, Catch::Contains("allowed_file_roots"));
    std::tie(code, out) = run("http://127.0.0.1:" + std::to_string(freePort()) + "/manifest.json", "");
    CHECK(code == 1);
    CHECK_THAT(out, Catch::Contains("cannot connect"));
    CHECK(core::sync::ContentCache(cache.path()).currentVersion() == 1);
}
