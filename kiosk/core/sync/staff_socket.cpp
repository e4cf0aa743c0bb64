// The staff socket of a running kiosk and its client (see staff_socket.hpp). Plain POSIX
// sockets: one listening thread woken by poll(2), a pipe to stop it.
#include "core/sync/staff_socket.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

#include "core/log.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/crash_guard_state.hpp"
#include "core/sync/live_status.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxRequest = 256;
constexpr std::size_t kMaxClients = 32;  // connections waiting for their request line
constexpr std::size_t kMaxAnswer = 1 << 20;

Result<sockaddr_un> address(const fs::path& path) {
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    if (path.string().size() >= sizeof a.sun_path) {
        return fail("the staff socket path " + path.string() + " is longer than " +
                    std::to_string(sizeof a.sun_path - 1) + " bytes: use a shorter cache_dir");
    }
    std::memcpy(a.sun_path, path.c_str(), path.string().size());
    return a;
}

// Waits until fd is readable (or writable); false on timeout or stop.
bool waitFor(int fd, short events, int timeoutMs) {
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, timeoutMs) == 1;
}

void writeAll(int fd, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

std::string when(const std::optional<Instant>& t) { return t ? formatIsoUtc(*t) : std::string("never"); }
}  // namespace

fs::path staffSocketPath(const fs::path& cacheDir) { return cacheDir / "staff.sock"; }

StaffSocket::StaffSocket(fs::path path, Handler handler) : path_(std::move(path)), handler_(std::move(handler)) {}

StaffSocket::~StaffSocket() { stop(); }

Status StaffSocket::start() {
    if (thread_.joinable()) return fail("the staff socket is already open");
    auto addr = address(path_);
    if (!addr) return fail(addr.error());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail(std::string("staff socket: ") + std::strerror(errno));
    ::unlink(path_.c_str());           // a stale socket of a crashed kiosk: we hold the cache lock
    const mode_t old = ::umask(0177);  // created 0600: only the kiosk's user may connect
    const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&addr.value()), sizeof(sockaddr_un));
    ::umask(old);
    if (bound != 0 || ::listen(fd, 4) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        return fail("staff socket " + path_.string() + ": " + why);
    }
    if (::pipe2(stopPipe_, O_CLOEXEC) != 0) {
        ::close(fd);
        return fail(std::string("staff socket: ") + std::strerror(errno));
    }
    listenFd_ = fd;
    thread_ = std::thread([this] { run(); });
    return Ok{};
}

void StaffSocket::stop() {
    if (!thread_.joinable()) return;
    const char c = 'q';
    if (::write(stopPipe_[1], &c, 1) < 0) log::warning("staff socket: cannot wake its thread");
    thread_.join();
    ::close(listenFd_);
    ::close(stopPipe_[0]);
    ::close(stopPipe_[1]);
    listenFd_ = stopPipe_[0] = stopPipe_[1] = -1;
    ::unlink(path_.c_str());
}

// One thread serves every client: connections wait in a poll(2) set, each with its own
// deadline, so idle clients (12 of them stalled the socket for a minute) never hold up a
// staff command; a complete request line is answered at once.
void StaffSocket::run() {
    struct Client {
        int fd;
        pid_t pid;
        std::string line;
        std::chrono::steady_clock::time_point deadline;
    };
    std::vector<Client> clients;
    auto drop = [&](std::size_t i) {
        ::close(clients[i].fd);
        clients.erase(clients.begin() + static_cast<std::ptrdiff_t>(i));
    };
    for (;;) {
        std::vector<pollfd> fds{{listenFd_, POLLIN, 0}, {stopPipe_[0], POLLIN, 0}};
        for (const Client& c : clients) fds.push_back({c.fd, POLLIN, 0});
        int timeoutMs = -1;
        const auto now = std::chrono::steady_clock::now();
        for (const Client& c : clients) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(c.deadline - now).count();
            timeoutMs = timeoutMs < 0 ? static_cast<int>(std::max<long long>(left, 0))
                                      : std::min(timeoutMs, static_cast<int>(std::max<long long>(left, 0)));
        }
        if (::poll(fds.data(), fds.size(), timeoutMs) < 0) {
            if (errno == EINTR) continue;
            log::warning(std::string("staff socket: ") + std::strerror(errno));
            break;
        }
        if (fds[1].revents) break;
        // Clients first (their indexes match fds from 2), from the last so erasing is safe.
        for (std::size_t i = clients.size(); i-- > 0;) {
            const short ev = fds[i + 2].revents;
            if (!ev) continue;
            char buf[64];
            const ssize_t n = ::recv(clients[i].fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n <= 0 && !(n < 0 && (errno == EAGAIN || errno == EINTR))) {
                if (!clients[i].line.empty()) serve(clients[i].fd, clients[i].pid, clients[i].line);
                drop(i);
                continue;
            }
            if (n > 0) clients[i].line.append(buf, static_cast<std::size_t>(n));
            if (clients[i].line.find('\n') != std::string::npos || clients[i].line.size() >= kMaxRequest) {
                serve(clients[i].fd, clients[i].pid, clients[i].line);
                drop(i);
            }
        }
        const auto after = std::chrono::steady_clock::now();
        for (std::size_t i = clients.size(); i-- > 0;) {
            if (clients[i].deadline <= after) drop(i);  // a client that says nothing
        }
        if (fds[0].revents & POLLIN) {
            const int client = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) continue;
            ucred peer{};
            socklen_t len = sizeof peer;
            if (::getsockopt(client, SOL_SOCKET, SO_PEERCRED, &peer, &len) != 0 ||
                (peer.uid != ::getuid() && peer.uid != 0)) {
                writeAll(client, "error\nonly the kiosk's own user may send staff commands\n");
                ::close(client);
                continue;
            }
            const timeval sendLimit{5, 0};  // a client that never reads its answer
            ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &sendLimit, sizeof sendLimit);
            if (clients.size() >= kMaxClients) drop(0);  // the oldest waiting one gives way
            clients.push_back({client, peer.pid, {}, after + std::chrono::seconds(5)});
        }
    }
    for (std::size_t i = clients.size(); i-- > 0;) drop(i);
}

void StaffSocket::serve(int client, pid_t pid, std::string line) {
    line = line.substr(0, line.find('\n'));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    log::info("staff command from process " + std::to_string(pid) + ": " + line);
    writeAll(client, handler_(line));
}

Result<StaffAnswer> sendStaffRequest(const fs::path& socketPath, const std::string& request, double timeoutSeconds) {
    auto addr = address(socketPath);
    if (!addr) return fail(addr.error());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail(std::string("socket: ") + std::strerror(errno));
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr.value()), sizeof(sockaddr_un)) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        return fail("no kiosk answers on " + socketPath.string() + " (" + why + ")");
    }
    writeAll(fd, request + "\n");
    ::shutdown(fd, SHUT_WR);
    std::string answer;
    char buf[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !waitFor(fd, POLLIN, static_cast<int>(left.count()))) {
            ::close(fd);
            return fail("the running kiosk did not answer \"" + request + "\" within " +
                        std::to_string(static_cast<int>(timeoutSeconds)) + " s");
        }
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        answer.append(buf, static_cast<std::size_t>(n));
        if (answer.size() > kMaxAnswer) break;
    }
    ::close(fd);
    const std::size_t nl = answer.find('\n');
    const std::string head = answer.substr(0, nl);
    StaffAnswer out;
    out.text = nl == std::string::npos ? std::string() : answer.substr(nl + 1);
    if (head == "ok")
        out.exitCode = 0;
    else if (head == "failed")
        out.exitCode = 1;
    else if (head == "error")
        out.exitCode = 2;
    else if (head.rfind("exit ", 0) == 0 && head.size() <= 8 &&
             head.find_first_not_of("0123456789", 5) == std::string::npos && head.size() > 5)
        out.exitCode = std::stoi(head.substr(5));  // kiosk status's own codes (sync_health.hpp)
    else
        return fail("the running kiosk gave an answer this program does not understand: \"" + head + "\"");
    return out;
}

std::string formatStaffStatus(const fs::path& cacheDir, const SyncStatus& s, Instant now) {
    const ContentCache cache(cacheDir);
    const auto current = cache.currentVersion();
    const auto previous = cache.previousVersion();
    std::string out;
    const auto line = [&out](const char* name, const std::string& value) {
        out += name;
        out.append(11 - std::min<std::size_t>(10, std::strlen(name)), ' ');
        out += value + "\n";
    };
    line("cache", cacheDir.string());
    line("current", current ? "version " + std::to_string(*current) : "none (bundled content)");
    line("previous", previous ? "version " + std::to_string(*previous) + " (kiosk rollback makes it current)" : "none");
    line("feed", s.feedUrl.empty() ? "(none)" : s.feedUrl);
    line("published", when(s.published));
    line("last try", when(s.lastAttempt) + ": " + s.lastResult);
    line("last ok", when(s.lastSuccess));
    line("signature", describeSignature(s, now));
    line("next try", when(s.nextAttempt));
    line("downloaded", std::to_string(s.bytesDownloaded) + " bytes in " + std::to_string(s.requests) + " requests");
    if (!s.lastError.empty()) {
        line("last error", s.lastError + " (" + std::to_string(s.consecutiveFailures) + " failures in a row)");
    }
    if (!s.crashGuard.empty()) line("crash", s.crashGuard);  // a version marked bad, and what is shown instead
    line("guard", describeGuard(readGuardState(cacheDir)));  // the crash guard's state now
    bool liveFailing = false;
    out += formatLiveStatus(cacheDir, liveFailing);  // a live_source, when the kiosk follows one
    return out;
}

std::string answerStaffRequest(const std::string& request, SyncService& sync, const fs::path& cacheDir,
                               double waitSeconds, const HealthThresholds& thresholds) {
    if (request == "status") {
        // The same verdict and exit code as kiosk status without a running kiosk.
        const SyncStatus s = sync.status();
        bool liveFailing = false;
        (void)formatLiveStatus(cacheDir, liveFailing);
        const SyncHealth health = assessSync(cacheDir, s, !s.feedUrl.empty(), sync.trustedNow(), thresholds);
        int code = static_cast<int>(health.code);
        if (code == 0 && liveFailing) code = 1;
        std::string out = code == 0 ? "ok\n" : code == 1 ? "failed\n" : "exit " + std::to_string(code) + "\n";
        out += formatStaffStatus(cacheDir, s, sync.trustedNow());
        out += "trusted    " + describeTrustedTime(sync.trustedTime(), sync.systemNow()) + "\n";
        for (const auto& p : health.problems) out += "PROBLEM    " + p + "\n";
        return out;
    }
    if (request == "reset-time") {
        auto was = sync.resetTrustedTime();
        if (!was) return "failed\n" + was.error() + "\n";
        return "ok\ntrusted time " + (was.value() ? formatIsoUtc(*was.value()) : std::string("(none)")) +
               " forgotten; the running kiosk now trusts the system clock (" + formatIsoUtc(sync.systemNow()) +
               ") until a verified server answers\n";
    }
    if (request == "rollback") {
        auto done = sync.rollback();
        if (done.wait_for(std::chrono::duration<double>(waitSeconds)) != std::future_status::ready) {
            return "failed\nthe kiosk's sync worker did not do the rollback in time; try again\n";
        }
        const Status st = done.get();
        if (!st) return "failed\n" + st.error() + "\n";
        return "ok\nversion " + std::to_string(sync.status().currentVersion) +
               " is current again; the running kiosk shows it now\n";
    }
    if (request == "sync") {
        if (sync.status().feedUrl.empty()) {
            return "failed\nthis kiosk has no feed_url: content sync is off (set feed_url in its configuration)\n";
        }
        const std::uint64_t before = sync.attempts();
        sync.syncNow();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(waitSeconds);
        while (sync.attempts() == before && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (sync.attempts() == before) return "failed\nthe sync attempt did not finish in time; see kiosk status\n";
        const SyncStatus s = sync.status();
        return std::string(s.lastError.empty() ? "ok" : "failed") + "\n" + s.lastResult + "\nversion " +
               std::to_string(s.currentVersion) + "\n";
    }
    return "error\nunknown staff command \"" + request + "\": expected status, rollback, sync or reset-time\n";
}

}  // namespace kiosk::core::sync
