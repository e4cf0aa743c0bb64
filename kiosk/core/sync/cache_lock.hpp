// One writer for the cache: an exclusive flock on <cache>/lock, held by the running kiosk
// (or by a staff command when no kiosk runs), released when the holder exits or crashes.
#pragma once

#include <sys/types.h>
#include <filesystem>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace kiosk::core::sync {

// Threads: any; one holder per process and folder (flock locks belong to the open file,
// so a second CacheLock in the same process on the same folder fails too). Movable.
class CacheLock {
public:
    // Takes the lock without waiting: creates the folder and <cache>/lock if needed and
    // writes the holder's pid in it. Error when another process holds it, naming its pid
    // ("... is held by process 1234 (a running kiosk?)"), or when the folder is unusable.
    static Result<CacheLock> tryAcquire(const std::filesystem::path& cacheDir);
    // The pid written by the current holder; nullopt when nobody holds the lock.
    static std::optional<pid_t> holder(const std::filesystem::path& cacheDir);

    CacheLock(CacheLock&& other) noexcept;
    CacheLock& operator=(CacheLock&& other) noexcept;
    CacheLock(const CacheLock&) = delete;
    CacheLock& operator=(const CacheLock&) = delete;
    ~CacheLock();  // releases

    const std::filesystem::path& cacheDir() const { return dir_; }

private:
    CacheLock(std::filesystem::path dir, int fd) : dir_(std::move(dir)), fd_(fd) {}
    std::filesystem::path dir_;
    int fd_ = -1;
};

}  // namespace kiosk::core::sync
