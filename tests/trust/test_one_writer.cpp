// One writer for the cache: the flock, the staff socket's protocol, and a running holder
// (a child process syncing in a loop) with concurrent `kiosk rollback` / `kiosk sync`
// from the real program, which must leave one consistent cache.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstring>

#include <cstdio>
#include <cstdlib>

#include "../sync/sync_fixture.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/cache_lock.hpp"
#include "core/sync/staff_socket.hpp"
#include "core/sync/sync_service.hpp"

using namespace kiosk;
using namespace kiosk::test;
namespace ks = kiosk::core::sync;

namespace {
// Runs the kiosk program; returns its exit code, output in `out`.
int runKiosk(const std::string& args, std::string& out, const fs::path& tmp) {
    const fs::path log = tmp / "kiosk-out.txt";
    const std::string cmd = std::string(KIOSK_BINARY) + " " + args + " >" + log.string() + " 2>&1";
    const int st = std::system(cmd.c_str());
    out = readText(log);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

// Every file of the current and previous versions matches its manifest; no leftovers.
void requireConsistent(const fs::path& cache) {
    ks::ContentCache c(cache);
    REQUIRE(c.currentVersion());
    auto loaded = c.loadCurrent();
    REQUIRE(loaded.load.content);
    REQUIRE_FALSE(loaded.fromPrevious);
    CHECK(loaded.load.content->manifest.version == *c.currentVersion());
    for (auto v : {c.currentVersion(), c.previousVersion()}) {
        if (!v) continue;
        auto m = ks::parseManifestText(readText(c.versionDir(*v) / "manifest.json"));
        REQUIRE(m);
        for (const auto& e : m.value().files) {
            auto h = core::sha256File(c.versionDir(*v) / e.path);
            REQUIRE(h);
            CHECK(h.value() == e.sha256);
        }
    }
    for (const auto& d : fs::directory_iterator(cache / "versions")) {
        CHECK_FALSE(d.path().string().ends_with(".tmp"));
    }
}
}  // namespace

TEST_CASE("one writer: a held cache lock is refused with the holder's pid", "[lock]") {
    TempDir cache("cache");
    auto lock = ks::CacheLock::tryAcquire(cache.path());
    REQUIRE(lock.ok());
    CHECK(ks::CacheLock::holder(cache.path()) == ::getpid());
    auto second = ks::CacheLock::tryAcquire(cache.path());
    REQUIRE_FALSE(second.ok());
    CHECK_THAT(second.error(), Catch::Contains("process " + std::to_string(::getpid())));

    std::string out;  // the real program: no socket answers, the lock is held: nothing written
    CHECK(runKiosk("rollback --cache " + cache.path().string(), out, cache.path()) == 1);
    CHECK_THAT(out, Catch::Contains("in use by process " + std::to_string(::getpid())));
    CHECK(runKiosk("--sync-once --feed file:///nonexistent/manifest.json --cache " + cache.path().string(), out,
                   cache.path()) == 1);
    CHECK_THAT(out, Catch::Contains("in use by process"));

    { auto released = std::move(lock).value(); }  // released here
    CHECK_FALSE(ks::CacheLock::holder(cache.path()));
    CHECK(ks::CacheLock::tryAcquire(cache.path()).ok());
}

TEST_CASE("one writer: the staff socket answers one line per connection, owner only", "[lock]") {
    TempDir dir("sock");
    std::vector<std::string> seen;
    ks::StaffSocket socket(ks::staffSocketPath(dir.path()), [&seen](const std::string& request) {
        seen.push_back(request);
        if (request == "status") return std::string("ok\nall is well\n");
        if (request == "rollback") return std::string("failed\nno previous version\n");
        return std::string("error\nunknown\n");
    });
    REQUIRE(socket.start().ok());
    CHECK((fs::status(socket.path()).permissions() & fs::perms::others_all) == fs::perms::none);
    auto a = ks::sendStaffRequest(socket.path(), "status", 5);
    REQUIRE(a.ok());
    CHECK(a.value().exitCode == 0);
    CHECK(a.value().text == "all is well\n");
    auto b = ks::sendStaffRequest(socket.path(), "rollback", 5);
    REQUIRE(b.ok());
    CHECK(b.value().exitCode == 1);
    auto c = ks::sendStaffRequest(socket.path(), "dance", 5);
    REQUIRE(c.ok());
    CHECK(c.value().exitCode == 2);
    CHECK(seen == std::vector<std::string>{"status", "rollback", "dance"});
    socket.stop();
    CHECK_FALSE(fs::exists(socket.path()));
    auto none = ks::sendStaffRequest(socket.path(), "status", 1);
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error(), Catch::Contains("no kiosk answers"));
}

TEST_CASE("one writer: 12 idle connections do not hold up a staff command", "[lock]") {
    // Issue 21: the socket served one connection at a time, 5 s each, so idle clients
    // stalled `kiosk status` for a minute.
    TempDir dir("sock-idle");
    ks::StaffSocket socket(ks::staffSocketPath(dir.path()),
                           [](const std::string&) { return std::string("ok\nfine\n"); });
    REQUIRE(socket.start().ok());
    std::vector<int> idle;
    for (int i = 0; i < 12; ++i) {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        std::strncpy(a.sun_path, socket.path().c_str(), sizeof a.sun_path - 1);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        idle.push_back(fd);  // connected, says nothing
    }
    // 3 s: less than the first idle client's 5 s limit, so only a socket that serves
    // clients side by side answers in time (the old one needed 12 x 5 s)
    auto answer = ks::sendStaffRequest(socket.path(), "status", 3);
    REQUIRE(answer.ok());
    CHECK(answer.value().text == "fine\n");
    for (int fd : idle) ::close(fd);
    socket.stop();
}

TEST_CASE("one writer: a running kiosk and concurrent kiosk rollback and sync leave one consistent cache", "[lock]") {
    FeedFixture feed;
    TempDir cache("cache");
    publish(feed, 1);
    int stopPipe[2];
    REQUIRE(::pipe(stopPipe) == 0);
    int readyPipe[2];
    REQUIRE(::pipe(readyPipe) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The "running kiosk": holds the lock, syncs every 0.2 s, serves the staff socket.
        ::close(stopPipe[1]);
        auto lock = ks::CacheLock::tryAcquire(cache.path());
        if (!lock) ::_exit(3);
        const core::SystemClock clock;
        ks::SyncService service(clock);
        ks::SyncServiceConfig config;
        config.settings = testSettings("file://" + (feed.path() / "manifest.json").string(), cache.path());
        config.settings.http.allowedFileRoots = {feed.path().string()};
        config.poll.intervalSeconds = 0.2;
        config.poll.jitterFraction = 0;
        config.clockTickSeconds = 0.02;
        if (!service.start(config)) ::_exit(4);
        ks::StaffSocket socket(ks::staffSocketPath(cache.path()), [&](const std::string& request) {
            return ks::answerStaffRequest(request, service, cache.path(), 20);
        });
        if (!socket.start()) ::_exit(5);
        const char ok = 'r';
        if (::write(readyPipe[1], &ok, 1) != 1) ::_exit(6);
        char c;
        while (::read(stopPipe[0], &c, 1) > 0) {
        }
        socket.stop();
        service.stop();
        ::_exit(0);
    }
    ::close(stopPipe[0]);
    char c = 0;
    REQUIRE(::read(readyPipe[0], &c, 1) == 1);
    const auto waitForVersion = [&](std::int64_t v) {
        for (int i = 0; i < 100 && ks::ContentCache(cache.path()).currentVersion() != v; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        REQUIRE(ks::ContentCache(cache.path()).currentVersion() == v);
    };
    waitForVersion(1);
    feed.files["images/robot.png"] = tinyPng(21);
    publish(feed, 2);
    waitForVersion(2);

    // Staff commands while the kiosk keeps syncing; new versions keep arriving.
    std::string out;
    CHECK(runKiosk("rollback --cache " + cache.path().string(), out, cache.path()) == 0);
    CHECK_THAT(out, Catch::Contains("answered by the running kiosk") && Catch::Contains("version 1 is current again"));
    feed.files["images/robot.png"] = tinyPng(22);
    publish(feed, 3);
    CHECK(runKiosk("sync --cache " + cache.path().string(), out, cache.path()) == 0);
    CHECK_THAT(out, Catch::Contains("answered by the running kiosk"));
    CHECK(ks::ContentCache(cache.path()).currentVersion() == 3);
    for (int round = 0; round < 3; ++round) {
        feed.files["images/robot.png"] = tinyPng(static_cast<unsigned char>(30 + round));
        publish(feed, 4 + round);
        CHECK(runKiosk("--rollback --cache " + cache.path().string(), out, cache.path()) == 0);
        CHECK(runKiosk("status --cache " + cache.path().string(), out, cache.path()) <= 1);
        CHECK_THAT(out, Catch::Contains("answered by the running kiosk") && Catch::Contains("current    version"));
    }
    ::close(stopPipe[1]);  // stop the kiosk
    int st = 0;
    ::waitpid(child, &st, 0);
    CHECK(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 0);
    requireConsistent(cache.path());
    CHECK_FALSE(fs::exists(ks::staffSocketPath(cache.path())));

    // No kiosk now: the command takes the lock itself.
    CHECK(runKiosk("rollback --cache " + cache.path().string(), out, cache.path()) == 0);
    CHECK_THAT(out, !Catch::Contains("answered by the running kiosk"));
    requireConsistent(cache.path());
}
