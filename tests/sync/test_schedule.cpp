// Polling, backoff, Retry-After, trusted time and the SyncService worker, all on a
// clock the tests drive: no test sleeps through a wait.
#include <catch2/catch.hpp>

#include <thread>

#include "core/sync/poll_schedule.hpp"
#include "core/sync/sync_service.hpp"
#include "core/sync/trusted_time.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

TEST_CASE("poll interval is jittered within +/-10 %", "[sync][schedule]") {
    core::sync::PollSchedule s({.intervalSeconds = 300}, 42);
    double lo = 1e9, hi = 0;
    for (int i = 0; i < 1000; ++i) {
        const double d = s.afterSuccess();
        lo = std::min(lo, d);
        hi = std::max(hi, d);
    }
    CHECK(lo >= 270);
    CHECK(hi <= 330);
    CHECK(hi - lo > 40);  // actually spread, not constant
}

TEST_CASE("failures back off exponentially with jitter up to a ceiling and success resets", "[sync][schedule]") {
    core::sync::PollSchedule s({.intervalSeconds = 300, .firstBackoffSeconds = 10, .maxBackoffSeconds = 600}, 7);
    const double expectedCeiling[] = {10, 20, 40, 80, 160, 320, 600, 600};
    for (double ceiling : expectedCeiling) {
        const double d = s.afterFailure();
        CHECK(d >= ceiling / 2);
        CHECK(d <= ceiling);
    }
    CHECK(s.consecutiveFailures() == 8);
    const double ok = s.afterSuccess();
    CHECK(ok >= 270);
    CHECK(s.consecutiveFailures() == 0);
    CHECK(s.afterFailure() <= 10);
}

TEST_CASE("Retry-After is honoured, within a cap", "[sync][schedule]") {
    core::sync::PollSchedule s({.firstBackoffSeconds = 10, .maxRetryAfterSeconds = 3600}, 1);
    CHECK(s.afterFailure(120) == Approx(120));
    CHECK(s.afterFailure(99999) == Approx(3600));
    CHECK(core::sync::parseRetryAfter("120", systemNow()) == 120);
    const auto now = at("2027-10-20T12:00:00Z");
    CHECK(core::sync::parseRetryAfter("Wed, 20 Oct 2027 12:02:00 GMT", now) == 120);
    CHECK_FALSE(core::sync::parseRetryAfter("soon", now));
}

TEST_CASE("trusted time never goes back, survives a restart, and corrects a clock that is behind", "[sync][time]") {
    TempDir dir("trusted");
    {
        core::sync::TrustedTime t(dir / "trusted_time");
        CHECK_FALSE(t.value());
        const auto system = at("2027-10-20T11:58:00Z");  // two minutes behind: within the slack
        CHECK(t.acceptVerifiedDate("https://a.example", at("2027-10-20T12:00:00Z"), system).moved);
        CHECK_FALSE(t.acceptVerifiedDate("https://a.example", at("2027-10-20T11:59:00Z"), system).moved);  // earlier
        REQUIRE(t.save());
    }
    core::sync::TrustedTime t(dir / "trusted_time");
    REQUIRE(t.value());
    CHECK(*t.value() == at("2027-10-20T12:00:00Z"));
    const core::ManualClock behind(at("2000-01-01T00:00:00Z"));
    const core::sync::TrustedClock clock(behind, t);
    CHECK(clock.now() == at("2027-10-20T12:00:00Z"));
    const core::ManualClock ahead(at("2027-10-21T00:00:00Z"));
    CHECK(core::sync::TrustedClock(ahead, t).now() == at("2027-10-21T00:00:00Z"));
}

TEST_CASE("programme as of: content is old when nothing confirmed it for a while", "[sync][time]") {
    core::Manifest m;
    m.published = core::DateTime{at("2027-10-18T08:00:00Z"), 0};
    auto age = core::sync::contentAge(m, std::nullopt, at("2027-10-18T10:00:00Z"));
    CHECK_FALSE(age.old);
    age = core::sync::contentAge(m, std::nullopt, at("2027-10-20T10:00:00Z"));
    CHECK(age.old);
    CHECK(age.asOf == at("2027-10-18T08:00:00Z"));
    age = core::sync::contentAge(m, at("2027-10-20T09:00:00Z"), at("2027-10-20T10:00:00Z"));
    CHECK_FALSE(age.old);
    CHECK(age.asOf == at("2027-10-20T09:00:00Z"));
}

namespace {
template <class F>
bool eventually(F&& condition) {
    for (int i = 0; i < 500; ++i) {
        if (condition()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return condition();
}

core::sync::SyncServiceConfig serviceConfig(const std::string& url, const fs::path& cache,
                                            const fs::path& allowed = {}) {
    core::sync::SyncServiceConfig c;
    c.settings = testSettings(url, cache);
    if (!allowed.empty()) c.settings.http.allowedFileRoots = {allowed.string()};
    c.poll.intervalSeconds = 300;
    c.poll.firstBackoffSeconds = 10;
    c.seed = 5;
    c.clockTickSeconds = 0.01;
    return c;
}
}  // namespace

TEST_CASE("service: starts from the cache, polls on the driven clock, hands new content over once", "[sync][service]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    // No cache yet: the bundled content.
    auto start = core::sync::SyncService::loadCurrentFromCache(cache.path(), KIOSK_BUNDLED_CONTENT);
    CHECK(start.source == "bundled");
    REQUIRE(start.load.content);

    SteppedClock clock(at("2027-10-01T10:00:00Z"));
    const std::string url = "file://" + (feed.path() / "manifest.json").string();
    {
        core::sync::SyncService service(clock);
        REQUIRE(service.start(serviceConfig(url, cache.path(), feed.path())));
        REQUIRE(eventually([&] { return service.attempts() >= 1; }));
        auto fresh = service.takeNewContent();
        REQUIRE(fresh);
        CHECK(fresh->manifest.version == 1);
        CHECK_FALSE(service.takeNewContent());  // once
        CHECK(service.status().currentVersion == 1);

        // Nothing happens before the interval has passed on the driven clock.
        feed.files["images/robot.png"] = tinyPng(50);
        publish(feed, 2);
        clock.advance(200);
        std::this_thread::sleep_for(100ms);
        CHECK(service.attempts() == 1);
        clock.advance(131);  // past 300 s + 10 % jitter
        REQUIRE(eventually([&] { return service.attempts() >= 2; }));
        fresh = service.takeNewContent();
        REQUIRE(fresh);
        CHECK(fresh->manifest.version == 2);
        const auto status = service.status();
        REQUIRE(status.nextAttempt);
        CHECK(*status.nextAttempt >= at("2027-10-01T10:05:31Z") + 270s);

        // Staff rollback through the worker.
        auto rolled = service.rollback();
        REQUIRE(rolled.wait_for(5s) == std::future_status::ready);
        REQUIRE(rolled.get());
        fresh = service.takeNewContent();
        REQUIRE(fresh);
        CHECK(fresh->manifest.version == 1);
        service.stop();
    }
    // Next start: straight from the cache, no network.
    start = core::sync::SyncService::loadCurrentFromCache(cache.path(), KIOSK_BUNDLED_CONTENT);
    CHECK(start.source == "cache version 1");
    REQUIRE(start.load.content);
    CHECK(start.load.content->event.id == "fete-test");
}

TEST_CASE("service: failures back off, Retry-After is honoured, the status says why", "[sync][service]") {
    FeedFixture feed;
    publish(feed, 1);
    FaultServer server(feed.path().parent_path());
    TempDir cache("cache");
    SteppedClock clock(at("2027-10-01T10:00:00Z"));
    core::sync::SyncService service(clock);
    REQUIRE(service.start(
        serviceConfig(server.url("r429", feed.path().filename().string() + "/manifest.json"), cache.path())));
    REQUIRE(eventually([&] { return service.attempts() >= 1; }));
    auto status = service.status();
    CHECK_THAT(status.lastError, Catch::Contains("HTTP 429"));
    CHECK(status.consecutiveFailures == 1);
    REQUIRE(status.nextAttempt);
    CHECK(*status.nextAttempt - *status.lastAttempt == 120s);  // Retry-After beats the 10 s backoff
    clock.advance(100);
    std::this_thread::sleep_for(100ms);
    CHECK(service.attempts() == 1);
    clock.advance(21);
    REQUIRE(eventually([&] { return service.attempts() >= 2; }));
    CHECK(service.status().consecutiveFailures == 2);
    // Written for staff too.
    auto file = core::sync::readStatusFile(cache.path());
    REQUIRE(file);
    CHECK_THAT(file.value().lastError, Catch::Contains("429"));
    CHECK_FALSE(service.takeNewContent());
}
