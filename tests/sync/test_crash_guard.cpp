// The crash guard: a crash is what the kiosk records (a signal, abort(), no first frame in
// time), a SIGKILL after the first frame is a power cut; a version is set aside only when
// another that drew here can replace it, and tried again later. Real child processes
// (tests/sync/crash_child.cpp) crash or are killed; the decisions are also driven directly.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <csignal>
#include <cstdlib>

#include "core/sync/cache.hpp"
#include "core/sync/crash_guard.hpp"
#include "core/sync/crash_record.hpp"
#include "core/sync/staff_socket.hpp"
#include "core/sync/sync_engine.hpp"
#include "core/sync/sync_health.hpp"
#include "core/sync/sync_service.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::sync::CrashGuard;
using core::sync::GuardState;
using core::sync::SyncEngine;
using core::sync::SyncOutcome;

namespace {

struct Child {
    std::string out;
    int exit = 0;
};

// Runs the stand-in kiosk until it says what it shows; then it crashes by itself (modes
// abort, segv) or is killed with SIGKILL, as a power cut would (hang, noframe, stable).
Child run(const fs::path& cache, const fs::path& logs, const std::string& mode) {
    static int n = 0;
    const fs::path log = logs / ("child-" + std::to_string(++n) + ".log");  // a fresh file: no earlier run's output
    Process p({KIOSK_CRASH_CHILD, cache.string(), KIOSK_BUNDLED_CONTENT, mode}, log);
    Child c;
    const bool dies = mode == "abort" || mode == "segv";
    for (int i = 0; i < 500 && !dies; ++i) {
        c.out = fs::exists(log) ? readText(log) : "";
        if (c.out.find("child shows: ") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (!dies) p.kill(SIGKILL);
    c.exit = p.wait();
    c.out = readText(log);
    return c;
}

// Versions 1 and 2 in the cache, 2 current.
void twoVersions(FeedFixture& feed, const fs::path& cache, const core::Clock& clock) {
    publish(feed, 1);
    REQUIRE(SyncEngine(fileSettings(feed, cache), clock).syncOnce().outcome == SyncOutcome::Updated);
    feed.sessions["sessions"][0]["room"] = "salle-b";
    publish(feed, 2);
    REQUIRE(SyncEngine(fileSettings(feed, cache), clock).syncOnce().outcome == SyncOutcome::Updated);
}

// One start of `version` that crashed (the app's recordCrash, as for no first frame).
void crashedStart(CrashGuard& guard, std::int64_t version) {
    REQUIRE(guard.beforeShowing(version).show);
    REQUIRE(guard.recordCrash(version, false, "no first frame within 30 s"));
}
}  // namespace

TEST_CASE("crash record: the handler writes signal, pid and key, then the process dies of the signal",
          "[sync][crashguard]") {
    TempDir dir("records");
    for (const int sig : {SIGSEGV, SIGABRT}) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            std::signal(sig, SIG_DFL);  // not ASan's or Catch's handler: die of the signal, as the kiosk does
            if (!core::sync::armCrashRecord(dir.path())) ::_exit(3);
            core::sync::setCrashRecordKey("7");
            if (sig == SIGABRT) std::abort();
            std::raise(sig);
            ::_exit(4);  // not reached: the default action ends the process
        }
        int st = 0;
        REQUIRE(::waitpid(child, &st, 0) == child);
        REQUIRE(WIFSIGNALED(st));
        CHECK(WTERMSIG(st) == sig);
        const auto records = core::sync::takeCrashRecords(dir.path());
        REQUIRE(records.size() == 1);
        CHECK(records[0].signal == sig);
        CHECK(records[0].pid == child);
        CHECK(records[0].key == "7");
        CHECK(records[0].when);
        CHECK(core::sync::takeCrashRecords(dir.path()).empty());  // taken once
    }
    // SIGKILL cannot be caught: no record, as after a power cut.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (!core::sync::armCrashRecord(dir.path())) ::_exit(3);
        for (;;) ::pause();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ::kill(child, SIGKILL);
    int st = 0;
    REQUIRE(::waitpid(child, &st, 0) == child);
    CHECK(WTERMSIG(st) == SIGKILL);
    CHECK(core::sync::takeCrashRecords(dir.path()).empty());
    CHECK(core::sync::describeSignal(SIGSEGV) == "signal 11 (SIGSEGV)");
}

TEST_CASE("crash guard: two SIGKILLs after the first frame are power cuts, the only version stays on screen",
          "[sync][crashguard]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache"), logs("logs");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    for (int i = 0; i < 3; ++i) {
        const Child c = run(cache.path(), logs.path(), "hang");
        CHECK(c.exit == 128 + SIGKILL);
        CHECK_THAT(c.out, Catch::Contains("child shows: cache version 1"));
    }
    CHECK_FALSE(core::sync::ContentCache(cache.path()).isBad(1));
    const GuardState s = core::sync::readGuardState(cache.path());
    CHECK(s.level == GuardState::Level::Ok);
    CHECK(core::sync::describeGuard(s) == "ok: no crash recorded");
    CHECK(core::sync::assessSync(cache.path(), std::nullopt, false, clock.now()).code ==
          core::sync::HealthCode::Healthy);
    // Killed before drawing (loading): no crash either.
    for (int i = 0; i < 2; ++i) CHECK(run(cache.path(), logs.path(), "noframe").exit == 128 + SIGKILL);
    CHECK_THAT(run(cache.path(), logs.path(), "hang").out, Catch::Contains("child shows: cache version 1"));
    CHECK(core::sync::readGuardState(cache.path()).level == GuardState::Level::Ok);
}

TEST_CASE("crash guard: with two versions cached, power cuts on the newer one do not send the kiosk back",
          "[sync][crashguard]") {
    FeedFixture feed;
    TempDir cache("cache"), logs("logs");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    publish(feed, 1);
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    CHECK_THAT(run(cache.path(), logs.path(), "stable").out, Catch::Contains("cache version 1"));
    feed.sessions["sessions"][0]["room"] = "salle-b";
    publish(feed, 2);
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    for (int i = 0; i < 3; ++i)
        CHECK_THAT(run(cache.path(), logs.path(), "hang").out, Catch::Contains("cache version 2"));
    core::sync::ContentCache c(cache.path());
    CHECK(c.currentVersion() == 2);
    CHECK(c.badVersions().empty());
}

TEST_CASE("crash guard: two recorded crashes set a version aside, the previous one (which drew) is shown",
          "[sync][crashguard]") {
    FeedFixture feed;
    TempDir cache("cache"), logs("logs");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    publish(feed, 1);
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    CHECK_THAT(run(cache.path(), logs.path(), "hang").out, Catch::Contains("cache version 1"));  // it drew
    feed.sessions["sessions"][0]["room"] = "salle-b";
    publish(feed, 2);
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);

    const Child first = run(cache.path(), logs.path(), "abort");
    CHECK(first.exit == 128 + SIGABRT);
    CHECK_THAT(first.out, Catch::Contains("child shows: cache version 2"));
    const Child second = run(cache.path(), logs.path(), "segv");
    CHECK(second.exit == 128 + SIGSEGV);
    CHECK_THAT(second.out, Catch::Contains("child shows: cache version 2"));
    const Child third = run(cache.path(), logs.path(), "hang");
    CHECK_THAT(third.out, Catch::Contains("child shows: cache version 1"));
    CHECK_THAT(third.out, Catch::Contains("version 2 crashed the kiosk 2 times in a row"));
    CHECK_THAT(third.out, Catch::Contains("signal 11 (SIGSEGV)"));  // the latest crash, in the log (stderr)
    core::sync::ContentCache c(cache.path());
    CHECK(c.currentVersion() == 1);
    CHECK(c.isBad(2));
    const auto status = core::sync::readStatusFile(cache.path());
    REQUIRE(status);
    CHECK_THAT(status.value().crashGuard, Catch::Contains("version 2") && Catch::Contains("showing version 1"));
    const GuardState s = core::sync::readGuardState(cache.path());
    CHECK(s.level == GuardState::Level::SetAside);
    REQUIRE(s.setAside.size() == 1);
    CHECK(s.setAside[0].version == 2);
    CHECK_THAT(core::sync::describeGuard(s), Catch::StartsWith("version 2 crashed the kiosk 2 times in a row") &&
                                                 Catch::Contains(": set aside at ") &&
                                                 Catch::Contains("showing version 1") &&
                                                 Catch::Contains("tried again from "));
    CHECK(core::sync::assessSync(cache.path(), status.value(), false, clock.now()).code ==
          core::sync::HealthCode::CrashedVersion);
    // Sync does not bring it back; a corrected version 3 is installed and shown.
    CHECK(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::NothingNew);
    feed.sessions["sessions"][0]["room"] = "salle-a";
    publish(feed, 3);
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    CHECK_THAT(run(cache.path(), logs.path(), "stable").out, Catch::Contains("child shows: cache version 3"));
    CHECK(core::sync::readGuardState(cache.path()).level == GuardState::Level::Ok);  // 3 replaced it
}

TEST_CASE("crash guard: the only version that ever drew is never set aside, it stays on screen and status says so",
          "[sync][crashguard]") {
    FeedFixture feed;
    TempDir cache("cache"), logs("logs");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    twoVersions(feed, cache.path(), clock);  // version 1 never drew on this kiosk
    for (int i = 0; i < 3; ++i) {
        const Child c = run(cache.path(), logs.path(), "abort");
        CHECK(c.exit == 128 + SIGABRT);
        CHECK_THAT(c.out, Catch::Contains("child shows: cache version 2"));
    }
    const Child last = run(cache.path(), logs.path(), "hang");
    CHECK_THAT(last.out, Catch::Contains("child shows: cache version 2"));
    CHECK_THAT(last.out, Catch::Contains("but stays on screen: no other version has drawn on this kiosk"));
    core::sync::ContentCache c(cache.path());
    CHECK(c.currentVersion() == 2);
    CHECK(c.badVersions().empty());
    const GuardState s = core::sync::readGuardState(cache.path());
    CHECK(s.level == GuardState::Level::Crashing);
    CHECK(s.crashingKey == "2");
    CHECK(s.crashingCount == 3);
    CHECK_THAT(core::sync::describeGuard(s), Catch::Contains("version 2 crashed the kiosk 3 times in a row") &&
                                                 Catch::Contains("signal 6 (SIGABRT)"));
    CHECK(core::sync::assessSync(cache.path(), std::nullopt, false, clock.now()).code ==
          core::sync::HealthCode::CrashedVersion);
    // It runs its minute: no longer crashing.
    CHECK_THAT(run(cache.path(), logs.path(), "stable").out, Catch::Contains("cache version 2"));
    CHECK(core::sync::readGuardState(cache.path()).level == GuardState::Level::Ok);
}

TEST_CASE("crash guard: no first frame within the bound counts as a crash, a stable start clears the count",
          "[sync][crashguard]") {
    FeedFixture feed;
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    twoVersions(feed, cache.path(), clock);
    CrashGuard guard(cache.path(), clock);
    // Version 1 drew before: it may replace version 2.
    REQUIRE(guard.beforeShowing(1).show);
    REQUIRE(guard.markDrawn(1));
    // Crash, stable, crash: never two crashes in a row.
    crashedStart(guard, 2);
    REQUIRE(guard.beforeShowing(2).show);
    REQUIRE(guard.markStable(2));
    crashedStart(guard, 2);
    // A start killed without a crash (a power cut) neither counts nor clears the count.
    REQUIRE(guard.beforeShowing(2).show);
    REQUIRE(guard.beforeShowing(2).show);
    CHECK(core::sync::ContentCache(cache.path()).badVersions().empty());
    REQUIRE(guard.recordCrash(2, false, "no first frame within 30 s"));
    const auto v = guard.beforeShowing(2);
    CHECK_FALSE(v.show);
    CHECK_THAT(v.message, Catch::Contains("crashed the kiosk 2 times in a row within 60 s of being shown (last: no "
                                          "first frame within 30 s)"));
    CHECK(core::sync::ContentCache(cache.path()).currentVersion() == 1);
    CHECK_THAT(guard.state().lastCrash, Catch::Contains("no first frame within 30 s while showing version 2"));
}

TEST_CASE("crash guard: a set-aside version is tried again after 6 h and sync installs it", "[sync][crashguard]") {
    FeedFixture feed;
    TempDir cache("cache");
    core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    twoVersions(feed, cache.path(), clock);
    CrashGuard guard(cache.path(), clock);
    REQUIRE(guard.beforeShowing(1).show);
    REQUIRE(guard.markDrawn(1));
    crashedStart(guard, 2);
    crashedStart(guard, 2);
    REQUIRE_FALSE(guard.beforeShowing(2).show);
    core::sync::ContentCache c(cache.path());
    REQUIRE(c.isBad(2));
    REQUIRE(guard.state().setAside.at(0).retryAt == at("2027-10-01T16:00:00Z"));
    clock.advance(6 * 3600 - 1);
    CHECK(guard.retryDue().empty());
    CHECK(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::NothingNew);
    clock.advance(2);
    CHECK(guard.retryDue() == std::vector<std::int64_t>{2});
    CHECK_FALSE(c.isBad(2));
    CHECK(guard.state().level == GuardState::Level::Ok);
    const auto r = SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce();
    INFO(r.error);
    CHECK(r.outcome == SyncOutcome::Updated);
    CHECK(c.currentVersion() == 2);
    CHECK(guard.beforeShowing(2).show);  // a fresh start: its old crashes were forgotten
}

TEST_CASE("crash guard: the bundled content is never set aside, and a corrupt state file is no history",
          "[sync][crashguard]") {
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    for (int i = 0; i < 3; ++i) {
        CrashGuard guard(cache.path(), clock);
        const auto start = guard.startContent(KIOSK_BUNDLED_CONTENT);
        REQUIRE(start.load.content);
        CHECK(start.source == "bundled");
        REQUIRE(guard.recordCrash(start.load.content->manifest.version, true, "no first frame within 30 s"));
    }
    CrashGuard guard(cache.path(), clock);
    const auto start = guard.startContent(KIOSK_BUNDLED_CONTENT);
    REQUIRE(start.load.content);  // still shown: it is the last resort
    CHECK(guard.state().level == GuardState::Level::Crashing);
    CHECK_THAT(core::sync::describeGuard(guard.state()), Catch::StartsWith("the bundled content (version "));

    writeText(cache / "crash_guard.json", "{ not json");
    CrashGuard fresh(cache.path(), clock);
    CHECK(fresh.state().level == GuardState::Level::Ok);
    for (int i = 0; i < 4; ++i) CHECK(fresh.beforeShowing(5).show);  // no crash recorded: nothing to set aside
}

namespace {
// `kiosk status` without a running kiosk: exit code, output in `out` (English).
int offlineStatus(const fs::path& cache, std::string& out) {
    const fs::path log = cache.parent_path() / (cache.filename().string() + "-status.txt");
    const std::string cmd = "LC_ALL=C.UTF-8 " + std::string(KIOSK_BINARY) + " status --cache " + cache.string() + " >" +
                            log.string() + " 2>&1";
    const int st = std::system(cmd.c_str());
    out = readText(log);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}
}  // namespace

TEST_CASE(
    "crash guard: kiosk status gives the guard state and exit 5 or 0, offline and from the running kiosk's socket",
    "[sync][crashguard]") {
    FeedFixture feed;
    TempDir cache("cache");
    const core::ManualClock clock(systemNow());  // the running kiosk's status judges staleness on its own clock
    twoVersions(feed, cache.path(), clock);
    {
        CrashGuard guard(cache.path(), clock);
        REQUIRE(guard.beforeShowing(1).show);
        REQUIRE(guard.markDrawn(1));
        crashedStart(guard, 2);
        crashedStart(guard, 2);
        REQUIRE_FALSE(guard.beforeShowing(2).show);
    }
    std::string out;
    CHECK(offlineStatus(cache.path(), out) == 5);
    CHECK_THAT(out, Catch::Contains("guard      version 2 crashed the kiosk 2 times in a row") &&
                        Catch::Contains("showing version 1; tried again from "));

    // The running kiosk: its sync service and staff socket on the same cache.
    core::sync::SyncService service(clock);
    core::sync::SyncServiceConfig config;
    config.settings = fileSettings(feed, cache.path());
    config.clockTickSeconds = 0.02;
    REQUIRE(service.start(config));
    for (int i = 0; i < 500 && service.attempts() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(service.attempts() > 0);
    const std::string answer = core::sync::answerStaffRequest("status", service, cache.path(), 5);
    CHECK_THAT(answer, Catch::StartsWith("exit 5\n"));
    CHECK_THAT(answer, Catch::Contains("guard      version 2 crashed the kiosk") &&
                           Catch::Contains("PROBLEM    version 2 crashed the kiosk"));
    core::sync::StaffSocket socket(core::sync::staffSocketPath(cache.path()), [&](const std::string& request) {
        return core::sync::answerStaffRequest(request, service, cache.path(), 5);
    });
    REQUIRE(socket.start());
    auto sent = core::sync::sendStaffRequest(socket.path(), "status", 10);
    REQUIRE(sent);
    CHECK(sent.value().exitCode == 5);
    CHECK_THAT(sent.value().text, Catch::Contains("guard      version 2"));

    // A newer version replaces it: ok again, on both paths.
    feed.sessions["sessions"][0]["room"] = "salle-a";
    publish(feed, 3);
    service.syncNow();
    for (int i = 0; i < 500 && core::sync::ContentCache(cache.path()).currentVersion() != 3; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(core::sync::ContentCache(cache.path()).currentVersion() == 3);
    sent = core::sync::sendStaffRequest(socket.path(), "status", 10);
    REQUIRE(sent);
    CHECK(sent.value().exitCode == 0);
    CHECK_THAT(sent.value().text, Catch::Contains("guard      ok; last crash: no first frame within 30 s"));
    socket.stop();
    service.stop();
    CHECK(offlineStatus(cache.path(), out) == 0);
    CHECK_THAT(out, Catch::Contains("guard      ok; last crash: "));
}

TEST_CASE("crash guard: a kiosk an older guard left blank (its only version marked bad) gets that version back",
          "[sync][crashguard]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    core::sync::ContentCache c(cache.path());
    REQUIRE(c.markBad(1));  // what two power cuts did before: nothing current, sync ignores version 1
    REQUIRE_FALSE(c.currentVersion());
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::NothingNew);
    REQUIRE_FALSE(c.currentVersion());
    CHECK(core::sync::readGuardState(cache.path()).level == GuardState::Level::SetAside);

    CrashGuard guard(cache.path(), clock);
    CHECK(guard.retryDue() == std::vector<std::int64_t>{1});  // at once, not in 6 h
    CHECK(c.badVersions().empty());
    const auto r = SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce();
    INFO(r.error);
    CHECK(r.outcome == SyncOutcome::Updated);
    CHECK(c.currentVersion() == 1);
    CHECK(core::sync::readGuardState(cache.path()).level == GuardState::Level::Ok);
}
