// The cache's writer lock with flock(2) (see cache_lock.hpp). flock is released by the
// kernel when the holder dies, so a crashed kiosk never leaves the cache locked.
#include "core/sync/cache_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace kiosk::core::sync {
namespace fs = std::filesystem;

namespace {
fs::path lockPath(const fs::path& dir) { return dir / "lock"; }

std::optional<pid_t> readPid(int fd) {
    char buf[32] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return std::nullopt;
    const long pid = std::strtol(buf, nullptr, 10);
    if (pid <= 0) return std::nullopt;
    return static_cast<pid_t>(pid);
}
}  // namespace

Result<CacheLock> CacheLock::tryAcquire(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail("cache folder " + dir.string() + ": " + ec.message());
    const int fd = ::open(lockPath(dir).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return fail("cannot open " + lockPath(dir).string() + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        const auto pid = readPid(fd);
        ::close(fd);
        if (err != EWOULDBLOCK) return fail("cannot lock " + lockPath(dir).string() + ": " + std::strerror(err));
        return fail("the cache " + dir.string() + " is in use by " +
                    (pid ? "process " + std::to_string(*pid) : std::string("another process")) + " (a running kiosk?)");
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        // The pid is only for messages; the lock itself is held.
    }
    return CacheLock(dir, fd);
}

std::optional<pid_t> CacheLock::holder(const fs::path& dir) {
    const int fd = ::open(lockPath(dir).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::optional<pid_t> out;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0)
        out = readPid(fd);  // held exclusively by someone
    else
        ::flock(fd, LOCK_UN);
    ::close(fd);
    return out;
}

CacheLock::CacheLock(CacheLock&& other) noexcept : dir_(std::move(other.dir_)), fd_(std::exchange(other.fd_, -1)) {}

CacheLock& CacheLock::operator=(CacheLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        dir_ = std::move(other.dir_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

CacheLock::~CacheLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace kiosk::core::sync
