// The presented-frame monitor: black, frozen while motion is expected, stale content, and
// the recovery ladder's order and timing.
#include <catch2/catch.hpp>

#include <vector>

#include "core/supervision/presented_frame_monitor.hpp"

using namespace kiosk::core::supervision;

namespace {
struct Ladder {
    std::vector<std::string> calls;
    RecoveryActions actions() {
        return {[this] { calls.push_back("redraw"); }, [this] { calls.push_back("reload"); },
                [this] { calls.push_back("exit"); }};
    }
};
FrameSummary frame(std::uint64_t hash, double lum = 0.5) { return {hash, lum}; }
}  // namespace

TEST_CASE("summarizeFrame: black and white pictures, and a changed pixel changes the hash") {
    std::vector<std::uint8_t> px(8 * 4 * 4, 0);
    const FrameSummary black = summarizeFrame(px.data(), 8, 4, 8 * 4, 4);
    CHECK(black.meanLuminance == Approx(0.0));
    std::fill(px.begin(), px.end(), 255);
    const FrameSummary white = summarizeFrame(px.data(), 8, 4, 8 * 4, 4);
    CHECK(white.meanLuminance == Approx(1.0));
    px[4 * 5 + 1] = 0;
    CHECK(summarizeFrame(px.data(), 8, 4, 8 * 4, 4).hash != white.hash);
    CHECK(black.hash != white.hash);
}

TEST_CASE("monitor: a moving picture is ok, a frozen one is reported and the ladder climbs") {
    Ladder ladder;
    MonitorSettings s;
    s.frozenSeconds = 20;
    s.stepSeconds = 30;
    PresentedFrameMonitor m(s, ladder.actions());
    for (int t = 0; t < 60; ++t) CHECK(m.observe(frame(t), true, t) == ScreenState::Ok);
    CHECK(m.secondsSinceChange(59) == Approx(0));
    // The picture stops changing at t = 59.
    for (int t = 60; t < 79; ++t) CHECK(m.observe(frame(59), true, t) == ScreenState::Ok);
    CHECK(m.observe(frame(59), true, 79) == ScreenState::Frozen);
    CHECK(ladder.calls == std::vector<std::string>{"redraw"});
    m.observe(frame(59), true, 100);
    CHECK(ladder.calls.size() == 1);  // not yet stepSeconds after the redraw
    m.observe(frame(59), true, 109);
    m.observe(frame(59), true, 139);
    CHECK(ladder.calls == std::vector<std::string>{"redraw", "reload", "exit"});
    m.observe(frame(59), true, 200);
    CHECK(ladder.calls.size() == 3);  // exit is the last step
    CHECK(m.recoveryStep() == 3);
    CHECK(m.secondsSinceChange(200) == Approx(141));
    // It moves again: ok, ladder reset.
    CHECK(m.observe(frame(1234), true, 201) == ScreenState::Ok);
    CHECK(m.recoveryStep() == 0);
}

TEST_CASE("monitor: a still picture is fine when the UI expects none (a visitor reading)") {
    Ladder ladder;
    PresentedFrameMonitor m({}, ladder.actions());
    for (int t = 0; t < 300; ++t) CHECK(m.observe(frame(7), false, t) == ScreenState::Ok);
    CHECK(ladder.calls.empty());
    // Motion expected again (the attract loop is back): the timer starts now, not at 0.
    CHECK(m.observe(frame(7), true, 300) == ScreenState::Ok);
    CHECK(m.observe(frame(7), true, 319) == ScreenState::Ok);
    CHECK(m.observe(frame(7), true, 321) == ScreenState::Frozen);
}

TEST_CASE("monitor: black for longer than blackSeconds is reported, a short fade is not") {
    Ladder ladder;
    PresentedFrameMonitor m({}, ladder.actions());
    for (int t = 0; t < 5; ++t) CHECK(m.observe(frame(t, 0.0), true, t) == ScreenState::Ok);  // a fade
    CHECK(m.observe(frame(99, 0.6), true, 5) == ScreenState::Ok);
    for (int t = 6; t < 16; ++t) CHECK(m.observe(frame(t, 0.001), true, t) == ScreenState::Ok);
    CHECK(m.observe(frame(16, 0.001), true, 16) == ScreenState::Black);
    CHECK(ladder.calls == std::vector<std::string>{"redraw"});
}

TEST_CASE("monitor: content older than the cache's version is stale, reload comes first") {
    Ladder ladder;
    PresentedFrameMonitor m({}, ladder.actions());
    m.setVersions(4, 4);
    for (int t = 0; t < 100; ++t) CHECK(m.observe(frame(t), true, t) == ScreenState::Ok);
    m.setVersions(4, 5);  // sync installed version 5, the screen still shows 4
    for (int t = 100; t < 130; ++t) CHECK(m.observe(frame(t), true, t) == ScreenState::Ok);
    CHECK(m.observe(frame(130), true, 130) == ScreenState::StaleContent);
    CHECK(ladder.calls == std::vector<std::string>{"reload"});
    m.setVersions(5, 5);
    CHECK(m.observe(frame(131), true, 131) == ScreenState::Ok);
    CHECK(m.recoveryStep() == 0);
}
