// The crash record's signal handler and reader (see crash_record.hpp). Everything the
// handler touches is prepared beforehand in static buffers; it formats two numbers by hand.
#include "core/sync/crash_record.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <vector>

#include "core/files.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;

namespace {
constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
constexpr std::size_t kNumSignals = sizeof kSignals / sizeof kSignals[0];
constexpr std::size_t kKeyBytes = 41;

char g_path[4096];
long g_pid = 0;
// Two key buffers: a setter fills the one the handler does not read, then switches.
char g_keys[2][kKeyBytes];
std::atomic<int> g_activeKey{0};
std::mutex g_keyMutex;  // setters only; the handler never takes it
std::mutex g_armMutex;
bool g_armed = false;
struct sigaction g_previous[kNumSignals];
std::vector<char> g_altStack;
static_assert(std::atomic<int>::is_always_lock_free, "the handler reads it");

void append(char* buf, std::size_t& n, std::size_t cap, const char* s) {
    while (*s && n + 1 < cap) buf[n++] = *s++;
}
void appendNumber(char* buf, std::size_t& n, std::size_t cap, long v) {
    char digits[24];
    int d = 0;
    if (v < 0) v = 0;
    do {
        digits[d++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v > 0 && d < 23);
    while (d > 0 && n + 1 < cap) buf[n++] = digits[--d];
}

extern "C" void onCrashSignal(int sig) {
    const int saved = errno;
    const int fd = ::open(g_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) {
        char buf[128];
        std::size_t n = 0;
        append(buf, n, sizeof buf, "signal ");
        appendNumber(buf, n, sizeof buf, sig);
        append(buf, n, sizeof buf, "\npid ");
        appendNumber(buf, n, sizeof buf, g_pid);
        append(buf, n, sizeof buf, "\nkey ");
        append(buf, n, sizeof buf, g_keys[g_activeKey.load(std::memory_order_acquire)]);
        append(buf, n, sizeof buf, "\n");
        if (::write(fd, buf, n) == static_cast<ssize_t>(n)) (void)::fsync(fd);
        ::close(fd);
    }
    errno = saved;
    // Then what was there before arming (the default action: a core dump; or a test
    // framework's or sanitizer's report), as if this handler had not been called.
    for (std::size_t i = 0; i < kNumSignals; ++i) {
        if (kSignals[i] != sig) continue;
        if (!(g_previous[i].sa_flags & SA_SIGINFO) && g_previous[i].sa_handler == SIG_IGN) {
            struct sigaction dfl {};  // an ignored crash signal would loop: the default action
            dfl.sa_handler = SIG_DFL;
            sigemptyset(&dfl.sa_mask);
            ::sigaction(sig, &dfl, nullptr);
        } else {
            ::sigaction(sig, &g_previous[i], nullptr);
        }
    }
    ::raise(sig);  // pending until the handler returns (the signal is blocked in it), then delivered
}

std::optional<Instant> modified(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return std::nullopt;
    return Instant(std::chrono::seconds(st.st_mtime));
}
}  // namespace

fs::path crashRecordPath(const fs::path& dir, long pid) { return dir / ("crash-" + std::to_string(pid) + ".record"); }

Status armCrashRecord(const fs::path& dir) {
    std::lock_guard lock(g_armMutex);
    const std::string path = crashRecordPath(dir, static_cast<long>(::getpid())).string();
    if (path.size() >= sizeof g_path) return fail("crash record path " + path + " is too long");
    std::memcpy(g_path, path.c_str(), path.size() + 1);
    g_pid = static_cast<long>(::getpid());
    if (g_armed) return Ok{};
    if (g_altStack.empty()) {
        g_altStack.resize(std::max<std::size_t>(SIGSTKSZ, 64 * 1024));
        stack_t ss{};
        ss.ss_sp = g_altStack.data();
        ss.ss_size = g_altStack.size();
        (void)::sigaltstack(&ss, nullptr);  // without it a stack overflow is not recorded; nothing else changes
    }
    for (std::size_t i = 0; i < kNumSignals; ++i) {
        struct sigaction sa {};
        sa.sa_handler = onCrashSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        if (::sigaction(kSignals[i], &sa, &g_previous[i]) != 0) {
            for (std::size_t j = 0; j < i; ++j) ::sigaction(kSignals[j], &g_previous[j], nullptr);
            return fail(std::string("crash record: sigaction: ") + std::strerror(errno));
        }
    }
    g_armed = true;
    return Ok{};
}

void disarmCrashRecord() {
    std::lock_guard lock(g_armMutex);
    if (!g_armed) return;
    for (std::size_t i = 0; i < kNumSignals; ++i) ::sigaction(kSignals[i], &g_previous[i], nullptr);
    g_armed = false;
}

void setCrashRecordKey(std::string_view key) {
    std::lock_guard lock(g_keyMutex);
    const int next = 1 - g_activeKey.load(std::memory_order_relaxed);
    const std::size_t n = std::min(key.size(), kKeyBytes - 1);
    std::memcpy(g_keys[next], key.data(), n);
    g_keys[next][n] = '\0';
    g_activeKey.store(next, std::memory_order_release);
}

std::vector<CrashRecord> takeCrashRecords(const fs::path& dir) {
    std::vector<CrashRecord> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("crash-", 0) != 0 || name.size() < 14 || name.substr(name.size() - 7) != ".record") continue;
        CrashRecord r;
        r.when = modified(e.path());
        if (auto text = readFile(e.path(), 4096)) {
            std::size_t at = 0;
            const std::string& t = text.value();
            while (at < t.size()) {
                const std::size_t end = std::min(t.find('\n', at), t.size());
                const std::string line = t.substr(at, end - at);
                at = end + 1;
                const std::size_t sp = line.find(' ');
                if (sp == std::string::npos) continue;
                const std::string field = line.substr(0, sp), value = line.substr(sp + 1);
                try {
                    if (field == "signal") r.signal = std::stoi(value);
                    if (field == "pid") r.pid = std::stol(value);
                } catch (const std::exception&) {
                }
                if (field == "key") r.key = value;
            }
        }
        std::error_code rm;
        fs::remove(e.path(), rm);
        if (r.signal > 0 && r.pid > 0) out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const CrashRecord& a, const CrashRecord& b) { return a.when < b.when; });
    return out;
}

std::string describeSignal(int signal) {
    const char* name = nullptr;
    switch (signal) {
        case SIGSEGV: name = "SIGSEGV"; break;
        case SIGBUS: name = "SIGBUS"; break;
        case SIGFPE: name = "SIGFPE"; break;
        case SIGILL: name = "SIGILL"; break;
        case SIGABRT: name = "SIGABRT"; break;
        default: break;
    }
    return "signal " + std::to_string(signal) + (name ? std::string(" (") + name + ")" : std::string());
}

}  // namespace kiosk::core::sync
