// Small file helpers for core: bounded reads, SHA-256 (libsodium), safe feed paths and
// atomic replacement (unique temporary, write, fsync, close, rename, fsync the folder).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
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

// Test hook for writeFileAtomically: called before each step with the step's name
// ("create", "write", "sync", "close", "rename", "syncdir") and the path it concerns (the
// final path for create and rename, the temporary file, or the folder); an error makes
// that step fail as if the system had refused it.
using WriteStepHook = std::function<Status(std::string_view step, const std::filesystem::path& path)>;

// The kiosk's one way to replace a file: a unique temporary file in the same folder
// (mkstemp), written, fsynced, closed (each checked), renamed over `path`, then the folder
// fsynced. A power cut leaves the old or the new file complete; on error the temporary
// file is removed, no descriptor is left open and `path` is untouched (unless only the
// final folder flush failed). Any thread; concurrent writers of one path: last rename wins.
Status writeFileAtomically(const std::filesystem::path& path, std::string_view data, const WriteStepHook& hook = {});

// Bytes an unprivileged process may still write on the file system holding `path`
// (statvfs f_bavail x f_frsize); error when it cannot be asked.
Result<std::uint64_t> freeBytes(const std::filesystem::path& path);

// fsync(2) on a folder, so that renames and new names in it survive a power cut.
Status syncDirectory(const std::filesystem::path& dir);

}  // namespace kiosk::core
