// Bounded file reading, SHA-256 through libsodium and atomic writes (see files.hpp).
#include "core/files.hpp"

#include <fcntl.h>
#include <sodium.h>
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
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open " + path.string() + ": " + std::strerror(errno));
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = in.gcount();
        if (n > 0) crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buf.data()),
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

Status writeFileAtomically(const fs::path& path, std::string_view data) {
    const fs::path tmp = path.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail("cannot write " + tmp.string() + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            return fail("cannot write " + tmp.string() + ": " + why);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) return fail("cannot flush " + tmp.string() + ": " + std::strerror(errno));
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        return fail("cannot replace " + path.string() + ": " + std::strerror(errno));
    }
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return Ok{};
}

}  // namespace kiosk::core
