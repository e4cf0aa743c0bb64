// Bounded file reading, SHA-256 through libsodium and the one atomic file write of the
// kiosk (see files.hpp).
#include "core/files.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace kiosk::core {
namespace fs = std::filesystem;

namespace {
std::string hex(const unsigned char* bytes, std::size_t n) {
    std::string out(n * 2, '0');
    sodium_bin2hex(out.data(), out.size() + 1, bytes, n);
    return out;
}
void ensureSodium() {
    static const int ready = sodium_init();  // thread-safe static init; -1 only if no entropy
    (void)ready;
}
}  // namespace

Result<std::string> readFile(const fs::path& path, std::uint64_t maxBytes) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return fail("cannot read " + path.string() + ": " + ec.message());
    if (size > maxBytes) {
        return fail(path.filename().string() + " is " + std::to_string(size) + " bytes, more than the limit of " +
                    std::to_string(maxBytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open " + path.string() + ": " + std::strerror(errno));
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size) return fail("cannot read all of " + path.string());
    return data;
}

std::string sha256Hex(std::string_view data) {
    ensureSodium();
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return hex(out, sizeof out);
}

Result<std::string> sha256File(const fs::path& path) {
    ensureSodium();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return fail(path.string() + " is not a regular file");  // a pipe blocks
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open " + path.string() + ": " + std::strerror(errno));
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = in.gcount();
        if (n > 0)
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buf.data()),
                                      static_cast<unsigned long long>(n));
    }
    if (in.bad()) return fail("read error in " + path.string());
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, out);
    return hex(out, sizeof out);
}

bool isSafeFeedPath(std::string_view path) {
    if (path.empty() || path.size() > 255 || path.front() == '/') return false;
    if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view seg = path.substr(start, end - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        start = end + 1;
    }
    return true;
}

namespace {
// Runs the test hook for one step; an error from it stands for the system refusing the step.
Status step(const WriteStepHook& hook, const char* name, const fs::path& path) {
    if (!hook) return Ok{};
    return hook(name, path);
}

Error sysFail(const std::string& what, const fs::path& path, int err) {
    return fail("cannot " + what + " " + path.string() + ": " + std::strerror(err));
}

// write(2) until done; EINTR is retried. Returns 0 or the errno.
int writeAll(int fd, std::string_view data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) return EIO;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// Writes the temporary file: every error path closes the descriptor exactly once.
Status fillTemporary(int fd, const fs::path& tmp, std::string_view data, const WriteStepHook& hook) {
    if (auto s = step(hook, "write", tmp); !s) {
        ::close(fd);
        return s;
    }
    if (const int err = writeAll(fd, data); err != 0) {
        ::close(fd);
        return sysFail("write", tmp, err);
    }
    if (auto s = step(hook, "sync", tmp); !s) {
        ::close(fd);
        return s;
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        return sysFail("flush", tmp, err);
    }
    // close() is checked on its own: on some file systems (NFS) it reports a failed write.
    if (auto s = step(hook, "close", tmp); !s) {
        ::close(fd);
        return s;
    }
    if (::close(fd) != 0) return sysFail("close", tmp, errno);
    return Ok{};
}
}  // namespace

Result<std::uint64_t> freeBytes(const fs::path& path) {
    struct statvfs st {};
    if (::statvfs(path.c_str(), &st) != 0) return sysFail("measure the free space of", path, errno);
    return static_cast<std::uint64_t>(st.f_bavail) * static_cast<std::uint64_t>(st.f_frsize);
}

Status syncDirectory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return sysFail("open folder", dir, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) return sysFail("flush folder", dir, err);
    return Ok{};
}

Status writeFileAtomically(const fs::path& path, std::string_view data, const WriteStepHook& hook) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    // A unique name in the same folder (rename(2) is atomic only within one file system);
    // the leading dot keeps it out of feed folder scans.
    std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    if (auto s = step(hook, "create", path); !s) return s;
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) return sysFail("create a temporary file for", path, errno);
    const fs::path tmp = pattern;
    if (::fchmod(fd, 0644) != 0) {  // mkstemp makes 0600; these files are read by staff tools
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return sysFail("set permissions of", tmp, err);
    }
    if (auto s = fillTemporary(fd, tmp, data, hook); !s) {
        ::unlink(tmp.c_str());
        return s;
    }
    Status renamed = step(hook, "rename", path);
    if (renamed && ::rename(tmp.c_str(), path.c_str()) != 0) renamed = sysFail("replace", path, errno);
    if (!renamed) {
        ::unlink(tmp.c_str());
        return renamed;
    }
    if (auto s = step(hook, "syncdir", dir); !s) return s;
    return syncDirectory(dir);
}

}  // namespace kiosk::core
