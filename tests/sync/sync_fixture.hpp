// Test helpers for the sync tests: child processes, nginx and the fault server on
// 127.0.0.1 with their own temporary folders, test certificates made with openssl, and
// feeds built from the core fixture. Header-only; throws std::runtime_error on set-up failure.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "../core/feed_fixture.hpp"
#include "core/clock.hpp"
#include "core/sync/sync_engine.hpp"

namespace kiosk::test {

inline core::Instant systemNow() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// A manual clock another thread may read while the test moves it (the sync worker).
class SteppedClock final : public core::Clock {
public:
    explicit SteppedClock(core::Instant start) : start_(start) {}
    core::Instant now() const override {
        return start_ + std::chrono::seconds(static_cast<long long>(elapsed_.load()));
    }
    double seconds() const override { return elapsed_.load(); }
    void advance(double secs) { elapsed_.store(elapsed_.load() + secs); }

private:
    core::Instant start_;
    std::atomic<double> elapsed_{0};
};

// A port that was free a moment ago on 127.0.0.1 (the kernel picks it).
inline int freePort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) throw std::runtime_error("bind 127.0.0.1:0 failed");
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(s);
    return ntohs(a.sin_port);
}

inline bool portAccepts(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

// A child process with stdout and stderr in `logFile`; killed (SIGTERM, then SIGKILL) and reaped on destruction.
class Process {
public:
    Process(std::vector<std::string> argv, const fs::path& logFile) {
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            const int fd = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                ::dup2(fd, 1);
                ::dup2(fd, 2);
            }
            std::vector<char*> args;
            for (auto& a : argv) args.push_back(a.data());
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
    }
    ~Process() { stop(); }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    pid_t pid() const { return pid_; }
    void kill(int sig) {
        if (pid_ > 0) ::kill(pid_, sig);
    }
    // Exit code (128 + signal when killed); blocks.
    int wait() {
        if (pid_ <= 0) return exitCode_;
        int st = 0;
        ::waitpid(pid_, &st, 0);
        pid_ = -1;
        exitCode_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        return exitCode_;
    }
    void stop() {
        if (pid_ <= 0) return;
        kill(SIGTERM);
        for (int i = 0; i < 100; ++i) {
            int st = 0;
            if (::waitpid(pid_, &st, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        kill(SIGKILL);
        wait();
    }

private:
    pid_t pid_ = -1;
    int exitCode_ = -1;
};

inline void waitForPort(int port, const fs::path& log) {
    for (int i = 0; i < 250; ++i) {
        if (portAccepts(port)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::string why;
    try {
        why = readText(log);
    } catch (const std::exception&) {
    }
    throw std::runtime_error("server on port " + std::to_string(port) + " did not start: " + why);
}

// A CA and a server certificate for 127.0.0.1, made with the openssl command.
// `daysFromNow` shifts the server certificate's validity window (a future one simulates a
// kiosk whose clock is behind).
struct TestCerts {
    TempDir dir{"certs"};
    fs::path ca() const { return dir / "ca.pem"; }
    fs::path cert() const { return dir / "server.pem"; }
    fs::path key() const { return dir / "server.key"; }

    explicit TestCerts(int startDaysFromNow = 0) {
        const std::string d = dir.path().string();
        writeText(dir / "ext.cnf", "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        writeText(dir / "ca.cnf", "[ca]\ndefault_ca=c\n[c]\ndatabase=" + d + "/index\nnew_certs_dir=" + d +
                                      "\nserial=" + d +
                                      "/serial\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\n"
                                      "[p]\ncommonName=supplied\n");
        writeText(dir / "index", "");
        writeText(dir / "serial", "1000\n");
        const auto ymd = [](int days) {
            const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
            char buf[32];
            std::strftime(buf, sizeof buf, "%Y%m%d%H%M%SZ", std::gmtime(&t));
            return std::string(buf);
        };
        const std::string q = " >>" + d + "/openssl.log 2>&1";
        const std::string cmds[] = {
            "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + d + "/ca.key -out " + d +
                "/ca.pem -days 30 -subj /CN=kiosk-test-ca" + q,
            "openssl req -newkey rsa:2048 -nodes -keyout " + d + "/server.key -out " + d +
                "/server.csr -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1" + q,
            "openssl ca -batch -config " + d + "/ca.cnf -cert " + d + "/ca.pem -keyfile " + d + "/ca.key -in " + d +
                "/server.csr -out " + d + "/server.pem -startdate " + ymd(startDaysFromNow - 1) + " -enddate " +
                ymd(startDaysFromNow + 10) + " -notext" + q,
        };
        for (const auto& c : cmds) {
            if (std::system(c.c_str()) != 0)
                throw std::runtime_error("openssl failed: " + c + "\n" + readText(dir / "openssl.log"));
        }
    }
};

// nginx serving `root` on 127.0.0.1 (HTTPS when certs are given), as an ordinary process
// with its pid, temp and log files in its own folder. Access log: "<status> <bytes_sent> <uri>".
// `extra` is added inside the server block (e.g. a location that redirects).
class Nginx {
public:
    explicit Nginx(const fs::path& root, const TestCerts* certs = nullptr, const std::string& extra = "")
        : port_(freePort()) {
        const std::string d = dir_.path().string();
        std::string listen = "listen 127.0.0.1:" + std::to_string(port_);
        std::string tls;
        if (certs) {
            listen += " ssl";
            tls = "ssl_certificate " + certs->cert().string() + "; ssl_certificate_key " + certs->key().string() + ";";
        }
        writeText(dir_ / "nginx.conf",
                  "worker_processes 1; daemon off; master_process off; pid " + d +
                      "/nginx.pid;\n"
                      "error_log " +
                      d +
                      "/error.log;\nevents { worker_connections 64; }\n"
                      "http {\n log_format k '$status $bytes_sent $uri';\n access_log " +
                      d +
                      "/access.log k;\n"
                      " client_body_temp_path " +
                      d + "/body; proxy_temp_path " + d +
                      "/proxy;\n"
                      " fastcgi_temp_path " +
                      d + "/fcgi; uwsgi_temp_path " + d + "/uwsgi; scgi_temp_path " + d +
                      "/scgi;\n"
                      " types { application/json json; image/png png; }\n default_type application/octet-stream;\n"
                      " server { " +
                      listen + "; " + tls + " root " + root.string() + "; " + extra + " }\n}\n");
        process_ = std::make_unique<Process>(
            std::vector<std::string>{"nginx", "-p", d, "-e", d + "/error.log", "-c", d + "/nginx.conf"},
            dir_ / "stdout.log");
        waitForPort(port_, dir_ / "error.log");
    }
    int port() const { return port_; }
    std::string url(const std::string& path, bool https = false) const {
        return std::string(https ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + "/" + path;
    }
    void stop() { process_->stop(); }
    // Lines of the access log so far ("200 1234 /manifest.json").
    std::vector<std::string> accessLog() const {
        std::vector<std::string> lines;
        std::ifstream in(dir_ / "access.log");
        for (std::string l; std::getline(in, l);) lines.push_back(l);
        return lines;
    }

private:
    TempDir dir_{"nginx"};
    int port_;
    std::unique_ptr<Process> process_;
};

// The fault-injecting server (fault_server.py) serving `root`.
class FaultServer {
public:
    explicit FaultServer(const fs::path& root) {
        const fs::path portFile = dir_ / "port";
        const std::string py = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        process_ = std::make_unique<Process>(
            std::vector<std::string>{py, KIOSK_SYNC_TEST_DIR "/fault_server.py", root.string(), portFile.string()},
            dir_ / "log");
        for (int i = 0; i < 250 && !fs::exists(portFile); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (!fs::exists(portFile)) throw std::runtime_error("fault server did not start: " + readText(dir_ / "log"));
        port_ = std::stoi(readText(portFile));
    }
    std::string url(const std::string& mode, const std::string& path = "manifest.json") const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/" + mode + "/" + path;
    }

private:
    TempDir dir_{"fault"};
    int port_ = 0;
    std::unique_ptr<Process> process_;
};

// Engine settings for tests: short timeouts so stalls end in about a second.
inline core::sync::SyncSettings testSettings(const std::string& url, const fs::path& cache) {
    core::sync::SyncSettings s;
    s.feedUrl = url;
    s.cacheDir = cache;
    s.http.connectTimeoutSeconds = 2;
    s.http.totalTimeoutSeconds = 4;
    s.http.lowSpeedBytesPerSecond = 100;
    s.http.lowSpeedSeconds = 1;
    return s;
}

// Settings for a feed read from a folder (file://), allowed as a file root.
inline core::sync::SyncSettings fileSettings(const FeedFixture& feed, const fs::path& cache) {
    auto s = testSettings("file://" + (feed.path() / "manifest.json").string(), cache);
    s.http.allowedFileRoots = {feed.path().string()};
    return s;
}

// Writes the fixture's documents and a manifest with `version`.
// The manifest's modification time moves on with each version: nginx's ETag is made of
// size and whole-second mtime, and tests publish several versions within one second.
inline void publish(FeedFixture& feed, std::int64_t version) {
    feed.writeDocuments();
    feed.writeManifest(version);
    fs::last_write_time(feed.dir / "manifest.json",
                        fs::file_time_type::clock::now() + std::chrono::seconds(2 * version));
}

}  // namespace kiosk::test
