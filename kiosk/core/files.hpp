// Small file helpers for core: bounded reads, SHA-256 (libsodium), safe feed paths and
// atomic replacement (write, fsync, rename, fsync the folder).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kiosk::core {

// Whole file, refusing files larger than maxBytes with an error naming the size.
Result<std::string> readFile(const std::filesystem::path& path, std::uint64_t maxBytes);

std::string sha256Hex(std::string_view data);
// Streams the file; error when it cannot be read.
Result<std::string> sha256File(const std::filesystem::path& path);

// A feed path: relative, '/' separated, no "..", no "." segments, no backslash, no NUL.
bool isSafeFeedPath(std::string_view path);

// Writes `data` so that a power cut leaves either the old or the new file complete.
Status writeFileAtomically(const std::filesystem::path& path, std::string_view data);

}  // namespace kiosk::core
