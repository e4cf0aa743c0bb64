// POSIX and recording implementations of the cache's file layer (see file_layer.hpp).
#include "core/sync/file_layer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/files.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;

namespace {
Error sysError(const std::string& what, const fs::path& path) {
    return fail("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

Status syncPath(const fs::path& path, int flags, const char* what) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return sysError(what, path);
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    errno = saved;
    if (rc != 0) return sysError(what, path);
    return Ok{};
}
}  // namespace

Status PosixFileLayer::writeFile(const fs::path& path, std::string_view data) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return sysError("write", path);
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const auto err = sysError("write", path);
            ::close(fd);
            return err;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) return sysError("write", path);
    return Ok{};
}

Status PosixFileLayer::syncFile(const fs::path& path) { return syncPath(path, O_RDONLY, "flush"); }

Status PosixFileLayer::rename(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) return sysError("rename " + from.string() + " to", to);
    return Ok{};
}

Status PosixFileLayer::syncDir(const fs::path& dir) { return syncPath(dir, O_RDONLY | O_DIRECTORY, "flush folder"); }

Status PosixFileLayer::link(const fs::path& from, const fs::path& to) {
    if (::link(from.c_str(), to.c_str()) != 0) return sysError("link " + from.string() + " as", to);
    return Ok{};
}

Status PosixFileLayer::makeDirs(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail("cannot create folder " + dir.string() + ": " + ec.message());
    return Ok{};
}

Status PosixFileLayer::remove(const fs::path& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) return fail("cannot remove " + path.string() + ": " + ec.message());
    return Ok{};
}

Status PosixFileLayer::replaceFile(const fs::path& path, std::string_view data) {
    return writeFileAtomically(path, data);
}

FileLayer& posixFileLayer() {
    static PosixFileLayer layer;
    return layer;
}

// ---- recording layer ----

std::string RecordingFileLayer::rel(const fs::path& p) const { return p.lexically_relative(base_).generic_string(); }

bool RecordingFileLayer::record(std::string step) {
    if (failWhen && failWhen(step)) return false;
    std::lock_guard lock(mutex_);
    steps_.push_back(std::move(step));
    return true;
}

std::vector<std::string> RecordingFileLayer::steps() const {
    std::lock_guard lock(mutex_);
    return steps_;
}

void RecordingFileLayer::clear() {
    std::lock_guard lock(mutex_);
    steps_.clear();
}

#define KIOSK_RECORD(text) \
    if (!record(text)) return fail("injected failure: " + std::string(text))

Status RecordingFileLayer::writeFile(const fs::path& path, std::string_view data) {
    KIOSK_RECORD("write " + rel(path));
    return posixFileLayer().writeFile(path, data);
}
Status RecordingFileLayer::syncFile(const fs::path& path) {
    KIOSK_RECORD("sync " + rel(path));
    return posixFileLayer().syncFile(path);
}
Status RecordingFileLayer::rename(const fs::path& from, const fs::path& to) {
    KIOSK_RECORD("rename " + rel(from) + " -> " + rel(to));
    return posixFileLayer().rename(from, to);
}
Status RecordingFileLayer::syncDir(const fs::path& dir) {
    KIOSK_RECORD("syncdir " + rel(dir));
    return posixFileLayer().syncDir(dir);
}
Status RecordingFileLayer::link(const fs::path& from, const fs::path& to) {
    KIOSK_RECORD("link " + rel(from) + " -> " + rel(to));
    return posixFileLayer().link(from, to);
}
Status RecordingFileLayer::makeDirs(const fs::path& dir) {
    KIOSK_RECORD("mkdir " + rel(dir));
    return posixFileLayer().makeDirs(dir);
}
Status RecordingFileLayer::remove(const fs::path& path) {
    KIOSK_RECORD("remove " + rel(path));
    return posixFileLayer().remove(path);
}
#undef KIOSK_RECORD

Status RecordingFileLayer::replaceFile(const fs::path& path, std::string_view data) {
    return writeFileAtomically(path, data, [&](std::string_view step, const fs::path& p) -> Status {
        const std::string record_ = "replace-" + std::string(step) + " " + rel(step == "syncdir" ? p : path);
        if (!record(record_)) return fail("injected failure: " + record_);
        return Ok{};
    });
}

}  // namespace kiosk::core::sync
