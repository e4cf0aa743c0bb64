// Issue 21, point 2: a server's clock no longer pushes the kiosk's date. One source moves
// the trusted time by a bound per day, two that agree move it at once; the floor lives in
// the state folder only, a reset (also on a running kiosk) really forgets it.
#include <catch2/catch.hpp>

#include <memory>
#include <thread>

#include "core/sync/staff_socket.hpp"
#include "core/sync/sync_service.hpp"
#include "core/sync/trusted_time.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;
using core::sync::SyncEngine;
using core::sync::SyncOutcome;
using core::sync::TrustedTime;

namespace {
constexpr auto kDay = std::chrono::hours(24);
std::string day(core::Instant t) { return core::formatIsoUtc(t).substr(0, 10); }
}  // namespace

TEST_CASE(
    "a server 300 days ahead polled 100 times on a driven clock moves the date by the bound only, and a reset "
    "clears it",
    "[sync][time]") {
    TempDir state("state");
    const auto file = core::sync::trustedTimeFile(state.path());
    core::ManualClock clock(at("2027-12-07T09:00:00Z"));
    const core::Instant start = clock.now();
    auto t = std::make_unique<TrustedTime>(file);
    const core::sync::TrustedTimePolicy p = t->policy();
    for (int poll = 0; poll < 100; ++poll) {
        if (poll % 10 == 9) t = std::make_unique<TrustedTime>(file);  // restarts keep the bound
        const core::Instant now = clock.now();
        const auto e = t->acceptVerifiedDate("https://ahead.example", now + 300 * kDay, now);
        REQUIRE_FALSE(e.ignored);
        CHECK(e.capped);
        // Never further ahead of the system clock than the slack plus gainPerDay per day elapsed.
        const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - start);
        const auto bound = p.slack + p.gainPerDay * elapsed.count() / (24 * 3600);
        INFO("poll " << poll << ": trusted " << core::formatIsoUtc(*t->value()));
        REQUIRE(*t->value() <= now + bound);
        REQUIRE(t->save());
        clock.advance(5 * 60);  // a poll every 5 minutes
    }
    const core::Instant now = clock.now();
    // 8 h 20 of polls: the trusted time gained about 20 minutes, not 300 days (the old
    // rule moved it a week per poll), and Home still shows the system clock's date.
    CHECK(*t->value() > now + p.slack);
    CHECK(*t->value() < now + 1h);
    CHECK(day(*t->value()) == day(now));
    CHECK(t->record().source == "https://ahead.example");
    CHECK_FALSE(core::sync::farAheadOfSystemClock(t->value(), now));
    CHECK(TrustedTime(file).value() == t->value());  // saved in the state folder

    // Staff reset it: gone in memory and on disk; the same server's next answer moves it
    // by the slack only.
    REQUIRE(t->reset());
    CHECK_FALSE(t->value());
    CHECK_FALSE(fs::exists(file));
    CHECK_FALSE(TrustedTime(file).value());
    const auto e = t->acceptVerifiedDate("https://ahead.example", now + 300 * kDay, now);
    CHECK(e.capped);
    CHECK(*t->value() == now + p.slack);
}

TEST_CASE("two sources that agree move a clock that is behind at once, one source or two that disagree do not",
          "[sync][time]") {
    TempDir dir("trusted");
    const core::sync::TrustedTimePolicy p;
    const auto system = at("2027-10-01T08:00:00Z");
    const auto real = system + 21 * kDay;  // the kiosk was off three weeks, its clock stopped

    SECTION("two servers") {
        TrustedTime t(dir / "trusted_time");
        auto e = t.acceptVerifiedDate("https://a.example", real, system);
        CHECK(e.capped);
        CHECK(*t.value() == system + p.slack);
        // Ten seconds later another server says the same within agreeWithin: taken at once,
        // as the earlier of the two claims.
        e = t.acceptVerifiedDate("https://b.example", real + 10s + 30s, system + 10s);
        CHECK(e.agreed);
        CHECK(e.moved);
        CHECK(*t.value() == real + 10s);
        CHECK(t.record().source == "https://a.example and https://b.example");
    }
    SECTION("one server twice is still one source") {
        TrustedTime t(dir / "trusted_time");
        t.acceptVerifiedDate("https://a.example", real, system);
        const auto e = t.acceptVerifiedDate("https://a.example", real + 10s, system + 10s);
        CHECK_FALSE(e.agreed);
        CHECK(*t.value() < system + 10min);
    }
    SECTION("a server and the signed feed") {
        TrustedTime t(dir / "trusted_time");
        t.acceptVerifiedDate("https://a.example", real, system);
        const auto e = t.acceptSigned(real - 2min, system);  // signed two minutes before
        CHECK(e.agreed);
        CHECK(*t.value() == real - 2min);
        CHECK(t.record().source == "https://a.example and signed feed");
    }
    SECTION("two servers that disagree") {
        TrustedTime t(dir / "trusted_time");
        t.acceptVerifiedDate("https://a.example", real, system);
        const auto e = t.acceptVerifiedDate("https://b.example", system + 300 * kDay, system + 10s);
        CHECK_FALSE(e.agreed);
        CHECK(*t.value() < system + 10min);
    }
    SECTION("an agreement older than the window counts for nothing") {
        TrustedTime t(dir / "trusted_time");
        t.acceptVerifiedDate("https://a.example", real, system);
        const auto later = system + p.agreementWindow + 1s;
        const auto e = t.acceptVerifiedDate("https://b.example", later + 21 * kDay, later);
        CHECK_FALSE(e.agreed);
        CHECK(*t.value() < later + 2h);
    }
}

TEST_CASE("a floor ahead of a system clock that went back keeps running with real time", "[sync][time]") {
    TempDir dir("trusted");
    TrustedTime t(dir / "trusted_time");
    const core::sync::TrustedTimePolicy p;
    const auto right = at("2027-10-01T08:00:00Z");
    REQUIRE(t.acceptVerifiedDate("https://a.example", right, right).moved);
    REQUIRE(t.save());
    // A reboot without a battery clock: the system clock is 30 days behind, the server right.
    TrustedTime after(dir / "trusted_time");
    core::ManualClock system(right - 30 * kDay);
    core::ManualClock real(right + 1min);
    for (int poll = 0; poll < 12; ++poll) {
        after.acceptVerifiedDate("https://a.example", real.now(), system.now());
        system.advance(300);
        real.advance(300);
    }
    // Not frozen at the old floor: it ran with the elapsed time (and no faster than the bound).
    const auto elapsed = std::chrono::seconds(11 * 300);
    CHECK(*after.value() >= right + elapsed);
    CHECK(*after.value() <= real.now());
    CHECK(*after.value() <= right + elapsed + p.slack + p.gainPerDay);
    CHECK(TrustedTime(dir / "trusted_time").value() == right);  // not saved: this instance only
}

TEST_CASE("the trusted time file keeps the source, older files still read, and staff see where it came from",
          "[sync][time]") {
    TempDir dir("trusted");
    const auto system = at("2027-12-07T09:00:00Z");
    {
        TrustedTime t(dir / "trusted_time");
        t.acceptVerifiedDate("https://feed.example:8443", system + 2min, system);
        REQUIRE(t.save());
    }
    const std::string text = readText(dir / "trusted_time");
    CHECK_THAT(text, Catch::Contains("\"source\":\"https://feed.example:8443\""));
    CHECK_THAT(text, Catch::Contains("\"set_at\":\"2027-12-07T09:00:00Z\""));
    TrustedTime reread(dir / "trusted_time");
    const auto r = reread.record();
    REQUIRE(r.value);
    CHECK(*r.value == system + 2min);
    CHECK(r.source == "https://feed.example:8443");
    CHECK(r.setAt == system);
    CHECK(core::sync::describeTrustedTime(r, system) ==
          "2027-12-07T09:02:00Z from https://feed.example:8443 (ahead of the system clock by 2 min)");
    CHECK_THAT(core::sync::describeTrustedTime(r, system + 1h),
               Catch::Contains("the system clock is later: not in use"));

    // An older kiosk's file: the bare instant. Known, source not recorded; 315 days ahead
    // is a warning with the way out.
    writeText(dir / "old", "2028-10-17T09:00:00Z\n");
    const auto old = TrustedTime(dir / "old").record();
    REQUIRE(old.value);
    CHECK(old.source.empty());
    CHECK(core::sync::farAheadOfSystemClock(old.value, system));
    CHECK_FALSE(core::sync::farAheadOfSystemClock(old.value, *old.value - 23h));
    const std::string said = core::sync::describeTrustedTime(old, system);
    CHECK_THAT(said, Catch::Contains("(source not recorded)"));
    CHECK_THAT(said, Catch::Contains("ahead of the system clock by 315 days"));
    CHECK_THAT(said, Catch::Contains("WARNING") && Catch::Contains("kiosk --reset-time"));
    CHECK(core::sync::describeTrustedTime({}, system) == "none (the system clock is used)");
    // A broken file is "nothing known", as a missing one.
    writeText(dir / "broken", "{\"trusted_time\": 12");
    CHECK_FALSE(TrustedTime(dir / "broken").value());
}

TEST_CASE("a verified https answer moves the trusted time in the state folder, bounded, with its server recorded",
          "[sync][time][net][tls]") {
    FeedFixture feed;
    publish(feed, 1);
    TestCerts certs;
    Nginx nginx(feed.path(), &certs);
    TempDir cache("cache"), state("state");
    auto settings = testSettings(nginx.url("manifest.json", true), cache.path());
    settings.stateDir = state.path();
    settings.http.caFile = certs.ca().string();
    const std::string origin = "https://127.0.0.1:" + std::to_string(nginx.port());
    const auto file = core::sync::trustedTimeFile(state.path());
    {
        const core::ManualClock right(systemNow());
        SyncEngine engine(settings, right);
        const auto r = engine.syncOnce();
        INFO(r.error);
        REQUIRE(r.outcome == SyncOutcome::Updated);
        const auto floor = TrustedTime(file).record();
        REQUIRE(floor.value);
        CHECK(floor.source == origin);
        CHECK(*floor.value >= right.now());
        CHECK_FALSE(fs::exists(cache / "trusted_time"));  // one place: the state folder
        CHECK(engine.status().trustedSource == origin);
        CHECK(core::sync::readStatusFile(cache.path()).value().trustedSource == origin);
    }
    // Forgotten, then a system clock two hours behind (no NTP): the server's answer (a
    // 304, one request) moves the floor by the slack only.
    REQUIRE(TrustedTime(file).reset());
    const core::ManualClock behind(systemNow() - 2h);
    const auto r = SyncEngine(settings, behind).syncOnce();
    INFO(r.error);
    REQUIRE(r.outcome == SyncOutcome::NothingNew);
    const auto floor = TrustedTime(file).record();
    REQUIRE(floor.value);
    CHECK(*floor.value == behind.now() + core::sync::TrustedTimePolicy{}.slack);
    CHECK(floor.source == origin);
    bool said = false;
    for (const auto& a : r.actions) said = said || a.find("one server alone") != std::string::npos;
    CHECK(said);
}

TEST_CASE("reset-time on a running kiosk forgets the floor in memory and on disk, and no later save brings it back",
          "[sync][time][service]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache"), state("state");
    SteppedClock clock(at("2027-12-07T09:00:00Z"));
    const auto file = core::sync::trustedTimeFile(state.path());
    {
        TrustedTime t(file);
        t.raiseTo(at("2028-10-17T09:00:00Z"));  // what a server 315 days ahead left behind
        REQUIRE(t.save());
    }
    core::sync::SyncService service(clock);
    core::sync::SyncServiceConfig config;
    config.settings = fileSettings(feed, cache.path());
    config.settings.stateDir = state.path();
    config.clockTickSeconds = 0.01;
    std::atomic<int> resets{0};
    config.onTrustedTimeReset = [&] { ++resets; };
    REQUIRE(service.start(config));
    for (int i = 0; i < 500 && service.attempts() < 1; ++i) std::this_thread::sleep_for(5ms);
    REQUIRE(service.attempts() >= 1);
    REQUIRE(service.trustedFloor() == at("2028-10-17T09:00:00Z"));
    std::string status = core::sync::answerStaffRequest("status", service, cache.path(), 20);
    CHECK_THAT(status,
               Catch::Contains("trusted    2028-10-17T09:00:00Z from a staff tool") && Catch::Contains("WARNING"));

    const std::string answer = core::sync::answerStaffRequest("reset-time", service, cache.path(), 20);
    CHECK_THAT(answer, Catch::StartsWith("ok\n") && Catch::Contains("2028-10-17T09:00:00Z forgotten"));
    CHECK(resets == 1);
    CHECK_FALSE(service.trustedFloor());
    CHECK_FALSE(service.status().trustedTime);
    CHECK_FALSE(fs::exists(file));
    service.syncNow();  // a file:// feed is no evidence: nothing to save again
    for (int i = 0; i < 500 && service.attempts() < 2; ++i) std::this_thread::sleep_for(5ms);
    REQUIRE(service.attempts() >= 2);
    CHECK_FALSE(fs::exists(file));
    CHECK_FALSE(service.status().trustedTime);
    status = core::sync::answerStaffRequest("status", service, cache.path(), 20);
    CHECK_THAT(status, Catch::Contains("trusted    none (the system clock is used)"));
    service.stop();
}
