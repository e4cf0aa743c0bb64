// Sync over real servers on 127.0.0.1: nginx for conditional requests, partial updates,
// Range resume and TLS; the fault server for every failure the kiosk must survive.
#include <catch2/catch.hpp>

#include "core/sync/cache.hpp"
#include "core/sync/sync_engine.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::sync::SyncEngine;
using core::sync::SyncOutcome;

TEST_CASE("nginx: an unchanged feed costs one request answered 304 and a change fetches only that file",
          "[sync][net]") {
    FeedFixture feed;
    publish(feed, 1);
    Nginx nginx(feed.path());
    TempDir cache("cache");
    const core::ManualClock clock(systemNow());
    SyncEngine engine(testSettings(nginx.url("manifest.json"), cache.path()), clock);
    REQUIRE(engine.prepare());
    auto r = engine.syncOnce();
    INFO(r.error);
    REQUIRE(r.outcome == SyncOutcome::Updated);
    CHECK(r.filesDownloaded == feed.scanManifest().files.size());

    r = engine.syncOnce();
    CHECK(r.outcome == SyncOutcome::NothingNew);
    CHECK(r.requests == 1);
    CHECK(nginx.accessLog().back().rfind("304 ", 0) == 0);

    feed.sessions["sessions"][0]["room"] = "salle-b";
    publish(feed, 2);
    r = engine.syncOnce();
    REQUIRE(r.outcome == SyncOutcome::Updated);
    CHECK(r.filesDownloaded == 1);  // sessions.json only
    CHECK(r.requests == 2);
    CHECK(r.content->findSession("atelier-robots")->roomId == "salle-b");
    // A plain HTTP Date proves nothing about the time: the floor stays unknown.
    CHECK_FALSE(engine.trustedTime().value());
}

TEST_CASE("nginx: an interrupted download resumes with Range", "[sync][net]") {
    FeedFixture feed;
    feed.files["images/big.png"] = tinyPng(1) + std::string(200000, 'z');  // unreferenced, still listed
    publish(feed, 1);
    Nginx nginx(feed.path());
    TempDir cache("cache");
    const core::ManualClock clock(systemNow());
    SyncEngine engine(testSettings(nginx.url("manifest.json"), cache.path()), clock);
    REQUIRE(engine.prepare());
    const core::Manifest manifest = feed.scanManifest();
    const auto* big = manifest.find("images/big.png");
    REQUIRE(big);
    const std::string data = feed.files["images/big.png"];
    writeText(engine.cache().partPath(big->sha256), data.substr(0, 150000));
    const auto r = engine.syncOnce();
    INFO(r.error);
    REQUIRE(r.outcome == SyncOutcome::Updated);
    bool resumed = false;
    for (const auto& a : r.actions)
        resumed = resumed || a.find("images/big.png (" + std::to_string(data.size() - 150000) +
                                    " bytes, resumed after 150000") != std::string::npos;
    INFO([&] {
        std::string s;
        for (auto& a : r.actions) s += a + "\n";
        return s;
    }());
    CHECK(resumed);
    bool saw206 = false;
    for (const auto& l : nginx.accessLog())
        saw206 = saw206 || (l.rfind("206 ", 0) == 0 && l.find("big.png") != std::string::npos);
    CHECK(saw206);
}

TEST_CASE("every failure leaves the current version and names its cause", "[sync][net]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    const core::ManualClock clock(systemNow());
    {
        Nginx nginx(feed.path());
        REQUIRE(SyncEngine(testSettings(nginx.url("manifest.json"), cache.path()), clock).syncOnce().outcome ==
                SyncOutcome::Updated);
    }
    // Version 2 on the fault server, with crafted variants in sub-folders.
    feed.sessions["sessions"][0]["room"] = "salle-b";
    publish(feed, 2);
    TempDir srv("srv");
    const fs::path root = srv.path();
    const std::string base = "feed";
    fs::copy(feed.path(), root / base, fs::copy_options::recursive);
    auto variant = [&](const std::string& name, auto&& change) {
        fs::copy(feed.path(), root / name, fs::copy_options::recursive);
        change(root / name);
        return root / name;
    };
    // sessions.json changed in version 2, so the kiosk must download it.
    const fs::path badHash = variant("badhash", [](const fs::path& d) {
        std::string t = readText(d / "sessions.json");
        t[t.size() - 2] = t[t.size() - 2] == 'x' ? 'y' : 'x';
        writeText(d / "sessions.json", t);
    });
    const fs::path missing = variant("missing", [](const fs::path& d) { fs::remove(d / "sessions.json"); });
    const fs::path badJson = variant("badjson", [](const fs::path& d) { writeText(d / "manifest.json", "{ nope"); });
    const fs::path fatal = variant("fatal", [](const fs::path& d) {
        // A manifest that lists an event.json which is no JSON: the version is fatal.
        writeText(d / "event.json", "not json");
        auto m = core::scanFeedFolder(d, core::FeedLimits{});
        core::Manifest man;
        man.version = 2;
        man.published = core::DateTime{at("2027-09-30T10:00:00+02:00"), 120};
        man.files = m.value();
        writeText(d / "manifest.json", core::serializeManifest(man));
    });
    FaultServer server(root);
    const int closedPort = freePort();
    struct Case {
        std::string name, url, cause;
        std::uint64_t maxBytes = 64u << 20;
        long lowSpeedSeconds = 1;
        long totalTimeoutSeconds = 2;
    };
    const std::vector<Case> cases = {
        {"connection refused", "http://127.0.0.1:" + std::to_string(closedPort) + "/manifest.json", "cannot connect"},
        {"DNS failure", "http://feed.invalid/manifest.json", "host name not found"},
        {"timeout", server.url("slow", base + "/manifest.json"), "timed out", 64u << 20, 30},
        // A whole-request limit well past the stall limit, so a loaded machine still sees the stall first.
        {"stalled transfer", server.url("obj-stall", base + "/manifest.json"), "stalled", 64u << 20, 1, 6},
        {"truncated body", server.url("obj-trunc", base + "/manifest.json"), "truncated"},
        {"HTTP 404", server.url("s404", base + "/manifest.json"), "HTTP 404"},
        {"HTTP 500", server.url("s500", base + "/manifest.json"), "HTTP 500"},
        {"HTTP 503", server.url("s503", base + "/manifest.json"), "HTTP 503"},
        {"HTTP 429", server.url("r429", base + "/manifest.json"), "retry after 120 s"},
        {"redirect loop", server.url("loop", base + "/manifest.json"), "redirect loop"},
        {"SHA-256 mismatch", server.url("ok", badHash.filename().string() + "/manifest.json"),
         "differs from the manifest"},
        {"larger than the manifest", server.url("obj-bigger", base + "/manifest.json"), "more than the"},
        {"larger than the limit", server.url("ok", base + "/manifest.json"), "max_download_bytes", 100},
        {"manifest not JSON", server.url("ok", badJson.filename().string() + "/manifest.json"), "not valid JSON"},
        {"file not on the server", server.url("ok", missing.filename().string() + "/manifest.json"),
         "does not have it"},
        {"fatal content", server.url("ok", fatal.filename().string() + "/manifest.json"), "refused: event.json"},
    };
    for (const auto& c : cases) {
        {
            auto settings = testSettings(c.url, cache.path());
            settings.maxDownloadBytes = c.maxBytes;
            settings.http.totalTimeoutSeconds = c.totalTimeoutSeconds;
            settings.http.lowSpeedSeconds = c.lowSpeedSeconds;
            SyncEngine engine(settings, clock);
            const auto r = engine.syncOnce();
            INFO(c.name << ": " << r.error);
            CHECK(r.outcome == SyncOutcome::Failed);
            CHECK_THAT(r.error, Catch::Contains(c.cause));
            if (c.name == "HTTP 429") CHECK(r.retryAfterSeconds == 120);
            if (c.name == "HTTP 503") CHECK(r.retryAfterSeconds == 7);
            core::sync::ContentCache cc(cache.path());
            CHECK(cc.currentVersion() == 1);
            const auto loaded = cc.loadCurrent();
            REQUIRE(loaded.load.content);
            CHECK(loaded.load.content->findSession("atelier-robots")->roomId == "salle-a");
            const auto status = core::sync::readStatusFile(cache.path());
            REQUIRE(status);
            CHECK_THAT(status.value().lastError, Catch::Contains(c.cause));
            CHECK(status.value().currentVersion == 1);
        }
    }
}

TEST_CASE("TLS: verification is always on and a configured CA file makes it pass", "[sync][net][tls]") {
    FeedFixture feed;
    publish(feed, 1);
    TestCerts certs;
    Nginx nginx(feed.path(), &certs);
    TempDir cache("cache");
    const core::ManualClock clock(systemNow());
    auto settings = testSettings(nginx.url("manifest.json", true), cache.path());
    auto r = SyncEngine(settings, clock).syncOnce();
    CHECK(r.outcome == SyncOutcome::Failed);
    CHECK_THAT(r.error, Catch::Contains("TLS certificate"));
    CHECK_THAT(core::sync::readStatusFile(cache.path()).value().lastError, Catch::Contains("TLS"));
    settings.http.caFile = certs.ca().string();
    r = SyncEngine(settings, clock).syncOnce();
    INFO(r.error);
    CHECK(r.outcome == SyncOutcome::Updated);
}

TEST_CASE("TLS at the trusted time: a clock that is behind does not lock the kiosk out", "[sync][net][tls]") {
    REQUIRE(core::sync::HttpClient::canVerifyAtTime());
    FeedFixture feed;
    publish(feed, 1);
    TestCerts certs(20);  // valid from 19 to 30 days from now: today's clock is "behind"
    Nginx nginx(feed.path(), &certs);
    TempDir cache("cache");
    const core::ManualClock clock(systemNow());
    auto settings = testSettings(nginx.url("manifest.json", true), cache.path());
    settings.http.caFile = certs.ca().string();
    auto r = SyncEngine(settings, clock).syncOnce();
    CHECK(r.outcome == SyncOutcome::Failed);
    CHECK_THAT(r.error, Catch::Contains("TLS"));
    // A server said earlier that it is 25 days from now: that floor is saved in the cache.
    core::sync::TrustedTime floor(cache / "trusted_time");
    floor.raiseTo(systemNow() + std::chrono::hours(24 * 25));
    REQUIRE(floor.save());
    r = SyncEngine(settings, clock).syncOnce();
    INFO(r.error);
    CHECK(r.outcome == SyncOutcome::Updated);
    // And past the certificate's end the floor does not help: expired stays expired.
    core::sync::TrustedTime later(cache / "trusted_time");
    later.raiseTo(systemNow() + std::chrono::hours(24 * 40));
    REQUIRE(later.save());
    fs::remove(cache / "http_state.json");
    fs::remove_all(cache / "versions");
    fs::remove(cache / "current");
    r = SyncEngine(settings, clock).syncOnce();
    CHECK(r.outcome == SyncOutcome::Failed);
    CHECK_THAT(r.error, Catch::Contains("TLS"));
    CHECK_THAT(r.error, Catch::Contains("kiosk --reset-time"));  // the way out for staff
}
