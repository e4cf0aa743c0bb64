// The systemd notifications against a fake NOTIFY_SOCKET opened by the test: READY=1,
// WATCHDOG=1 rate-limited to WatchdogSec/4, the loop's longest sleep, and no-ops off systemd.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>

#include "app/supervision/supervisor.hpp"
#include "app/supervision/watchdog.hpp"
#include "supervision/supervision_fixture.hpp"

using kiosk::app::Watchdog;

namespace {
// A datagram socket like systemd's notify socket.
struct FakeNotifySocket {
    kiosk::test::TempDir dir;
    int fd = -1;
    FakeNotifySocket() {
        fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        const std::string path = (dir.path / "notify").string();
        std::snprintf(a.sun_path, sizeof a.sun_path, "%s", path.c_str());
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~FakeNotifySocket() {
        close(fd);
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
    }
    std::vector<std::string> messages() {
        std::vector<std::string> out;
        char buf[512];
        for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) out.emplace_back(buf, static_cast<std::size_t>(n));
        return out;
    }
};
}  // namespace

TEST_CASE("watchdog: READY=1 then WATCHDOG=1 at most every WatchdogSec/4") {
    FakeNotifySocket sock;
    setenv("WATCHDOG_USEC", "400000", 1);
    setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    double now = 100;
    Watchdog w([&] { return now; });
    REQUIRE(w.intervalSeconds());
    CHECK(*w.intervalSeconds() == Approx(0.4));
    CHECK(w.maxSleepSeconds() == Approx(0.2));
    w.ready("test");
    CHECK(sock.messages() == std::vector<std::string>{"READY=1\nSTATUS=test", "WATCHDOG=1"});
    now += 0.05;
    w.tick();
    CHECK(sock.messages().empty());  // too soon: systemd needs no more
    now += 0.06;
    w.tick();
    CHECK(sock.messages() == std::vector<std::string>{"WATCHDOG=1"});
    w.status("content version 3");
    w.stopping();
    CHECK(sock.messages() == std::vector<std::string>{"STATUS=content version 3", "STOPPING=1"});
}

TEST_CASE("watchdog: another process's watchdog is not ours, but the parent's is (cage)") {
    FakeNotifySocket sock;
    setenv("WATCHDOG_USEC", "1000000", 1);
    setenv("WATCHDOG_PID", "1", 1);  // neither us nor, under ctest, our parent
    if (getppid() != 1) CHECK_FALSE(Watchdog().intervalSeconds());
    setenv("WATCHDOG_PID", std::to_string(getppid()).c_str(), 1);
    CHECK(Watchdog().intervalSeconds());
}

TEST_CASE("watchdog: without systemd every call is a no-op and the loop may sleep its own way") {
    unsetenv("NOTIFY_SOCKET");
    Watchdog w;
    w.ready();
    w.tick();
    CHECK(w.notificationsSent() == 0);
    CHECK_FALSE(w.intervalSeconds());
    CHECK(w.maxSleepSeconds(5.0) == Approx(5.0));
}

TEST_CASE("supervisor: the loop wakes for the next metrics write, not only for the watchdog") {
    unsetenv("NOTIFY_SOCKET");
    kiosk::test::TempDir dir;
    kiosk::app::Config c;
    c.supervision.metricsFile = (dir.path / "kiosk.prom").string();
    kiosk::app::Supervisor s(c, {});
    CHECK(s.maxSleepSeconds(3600) == Approx(0));  // never written: due now
    s.update(1, std::nullopt, {});
    CHECK(std::filesystem::exists(dir.path / "kiosk.prom"));
    const double wait = s.maxSleepSeconds(3600);
    CHECK(wait > kiosk::app::Supervisor::metricsSeconds - 2);
    CHECK(wait <= kiosk::app::Supervisor::metricsSeconds);
    CHECK(s.maxSleepSeconds(1) <= 1);
    kiosk::app::Supervisor quiet(kiosk::app::Config{}, {});  // nothing to report: the loop's own wait
    CHECK(quiet.maxSleepSeconds(3600) == Approx(3600));
}
