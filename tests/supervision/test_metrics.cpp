// The metrics textfile: every metric the office relies on, label escaping, atomic write.
#include <catch2/catch.hpp>

#include "core/supervision/metrics_writer.hpp"
#include "supervision/supervision_fixture.hpp"

using namespace kiosk::core::supervision;

TEST_CASE("metrics: names, values and labels of the textfile") {
    KioskHealth h;
    h.kioskId = "hall \"A\"";
    h.contentVersion = 12;
    h.cacheVersion = 12;
    h.contentPublishedUnix = 1000;
    h.nowUnix = 1600;
    h.lastSyncSuccessUnix = 1500;
    h.syncFailuresInARow = 2;
    h.framesDrawn = 99;
    h.screen = ScreenState::Frozen;
    const std::string text = renderMetrics(h);
    CHECK(text.find("kiosk_content_version{kiosk=\"hall \\\"A\\\"\"} 12\n") != std::string::npos);
    CHECK(text.find("kiosk_content_age_seconds{kiosk=\"hall \\\"A\\\"\"} 600\n") != std::string::npos);
    CHECK(text.find("kiosk_sync_failures_in_a_row{kiosk=\"hall \\\"A\\\"\"} 2\n") != std::string::npos);
    CHECK(text.find("state=\"frozen\"} 1\n") != std::string::npos);
    CHECK(text.find("state=\"ok\"} 0\n") != std::string::npos);
    CHECK(text.find("state=\"unsigned\"} 1\n") != std::string::npos);
    CHECK(text.find("# TYPE kiosk_frames_drawn_total counter\n") != std::string::npos);
    CHECK(text.find("kiosk_sync_last_failure") == std::string::npos);  // never failed: no sample
}

TEST_CASE("metrics: the crash guard's state, one of ok, crashing or set_aside, and the versions set aside") {
    KioskHealth h;
    h.kioskId = "k";
    std::string text = renderMetrics(h);
    CHECK(text.find("# TYPE kiosk_crash_guard_state gauge\n") != std::string::npos);
    CHECK(text.find("kiosk_crash_guard_state{kiosk=\"k\",state=\"ok\"} 1\n") != std::string::npos);
    CHECK(text.find("kiosk_crash_guard_state{kiosk=\"k\",state=\"set_aside\"} 0\n") != std::string::npos);
    CHECK(text.find("kiosk_crash_guard_versions_set_aside{kiosk=\"k\"} 0\n") != std::string::npos);
    h.crashGuardState = "set_aside";
    h.versionsSetAside = 1;
    text = renderMetrics(h);
    CHECK(text.find("kiosk_crash_guard_state{kiosk=\"k\",state=\"ok\"} 0\n") != std::string::npos);
    CHECK(text.find("kiosk_crash_guard_state{kiosk=\"k\",state=\"crashing\"} 0\n") != std::string::npos);
    CHECK(text.find("kiosk_crash_guard_state{kiosk=\"k\",state=\"set_aside\"} 1\n") != std::string::npos);
    CHECK(text.find("kiosk_crash_guard_versions_set_aside{kiosk=\"k\"} 1\n") != std::string::npos);
}

TEST_CASE("metrics: the trusted time's lead on the system clock, and a warning past a day") {
    KioskHealth h;
    h.kioskId = "k";
    h.nowUnix = 1'800'000'000;
    std::string text = renderMetrics(h);
    CHECK(text.find("kiosk_trusted_time_ahead_seconds") == std::string::npos);  // none: no sample
    CHECK(text.find("kiosk_clock_warning{kiosk=\"k\"} 0\n") != std::string::npos);
    h.trustedTimeUnix = h.nowUnix + 315.0 * 86400;
    h.clockWarning = true;
    text = renderMetrics(h);
    CHECK(text.find("kiosk_trusted_time_ahead_seconds{kiosk=\"k\"} 27216000\n") != std::string::npos);
    CHECK(text.find("# TYPE kiosk_clock_warning gauge\n") != std::string::npos);
    CHECK(text.find("kiosk_clock_warning{kiosk=\"k\"} 1\n") != std::string::npos);
}

TEST_CASE("metrics: the file is replaced whole, never left half written") {
    kiosk::test::TempDir dir;
    MetricsWriter w(dir.path / "kiosk.prom");
    KioskHealth h;
    h.kioskId = "k";
    REQUIRE(w.write(h));
    h.contentVersion = 3;
    REQUIRE(w.write(h));
    CHECK(kiosk::test::slurp(dir.path / "kiosk.prom") == renderMetrics(h));
    CHECK_FALSE(std::filesystem::exists(dir.path / "kiosk.prom.tmp"));
    MetricsWriter bad(dir.path / "missing-folder" / "kiosk.prom");
    const auto s = bad.write(h);
    REQUIRE_FALSE(s);
    CHECK(s.error().find("supervision.metrics_file") != std::string::npos);
}
