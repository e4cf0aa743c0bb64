// The few file-system steps the cache's crash safety depends on, behind an interface so
// tests can fail any step or record their order (SIGKILL alone never loses the page cache).
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kiosk::core::sync {

// Every call returns an error value naming the path and the system's reason; none throws.
// Implementations must be callable from one thread at a time per cache (the sync worker).
class FileLayer {
public:
    virtual ~FileLayer() = default;
    // Creates or truncates `path` and writes `data` (no fsync: call syncFile).
    virtual Status writeFile(const std::filesystem::path& path, std::string_view data) = 0;
    virtual Status syncFile(const std::filesystem::path& path) = 0;
    // rename(2): atomic replacement within one file system.
    virtual Status rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
    virtual Status syncDir(const std::filesystem::path& dir) = 0;
    // A hard link `to` naming the same file as `from`.
    virtual Status link(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
    virtual Status makeDirs(const std::filesystem::path& dir) = 0;
    // Removes a file or a whole folder; a missing path is not an error.
    virtual Status remove(const std::filesystem::path& path) = 0;
    // Replaces `path` crash-safely with core::writeFileAtomically (unique temporary, write,
    // fsync, close, rename, fsync the folder).
    virtual Status replaceFile(const std::filesystem::path& path, std::string_view data) = 0;
};

// The real thing: POSIX calls.
class PosixFileLayer final : public FileLayer {
public:
    Status writeFile(const std::filesystem::path& path, std::string_view data) override;
    Status syncFile(const std::filesystem::path& path) override;
    Status rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    Status syncDir(const std::filesystem::path& dir) override;
    Status link(const std::filesystem::path& from, const std::filesystem::path& to) override;
    Status makeDirs(const std::filesystem::path& dir) override;
    Status remove(const std::filesystem::path& path) override;
    Status replaceFile(const std::filesystem::path& path, std::string_view data) override;
};

// The shared real layer (stateless).
FileLayer& posixFileLayer();

// For tests: performs each step through the real layer and records it as
// "write <path>", "sync <path>", "rename <from> -> <to>", "syncdir <dir>", "link <from> -> <to>",
// "mkdir <dir>", "remove <path>", and for replaceFile each step of the atomic write as
// "replace-<step> <path>" (create, write, sync, close, rename with the final path,
// syncdir with the folder; paths relative to `base`); `failWhen` can make any step fail
// before it happens. Thread-safe.
class RecordingFileLayer final : public FileLayer {
public:
    explicit RecordingFileLayer(std::filesystem::path base) : base_(std::move(base)) {}
    // Called with the step's record; returning true makes that step fail (nothing done).
    std::function<bool(const std::string& step)> failWhen;

    std::vector<std::string> steps() const;
    void clear();

    Status writeFile(const std::filesystem::path& path, std::string_view data) override;
    Status syncFile(const std::filesystem::path& path) override;
    Status rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    Status syncDir(const std::filesystem::path& dir) override;
    Status link(const std::filesystem::path& from, const std::filesystem::path& to) override;
    Status makeDirs(const std::filesystem::path& dir) override;
    Status remove(const std::filesystem::path& path) override;
    Status replaceFile(const std::filesystem::path& path, std::string_view data) override;

private:
    bool record(std::string step);  // false when the step must fail
    std::string rel(const std::filesystem::path& p) const;

    std::filesystem::path base_;
    mutable std::mutex mutex_;
    std::vector<std::string> steps_;
};

}  // namespace kiosk::core::sync
