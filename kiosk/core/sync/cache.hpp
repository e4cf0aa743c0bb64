// The content-addressed cache on disk: objects named by SHA-256, versions as feed folders
// of hard links, and a "current" pointer switched atomically with the previous kept.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/feed_loader.hpp"
#include "core/result.hpp"
#include "core/sync/file_layer.hpp"

namespace kiosk::core::sync {

// Layout under the cache folder:
//   objects/<sha256>          verified files, read-only by convention
//   objects/<sha256>.part     a download in progress (resumed with HTTP Range)
//   versions/<n>/             a complete feed folder (hard links to objects + manifest.json)
//   versions/<n>.tmp/         a version being assembled
//   current, previous         text files holding a version number
//   bad_versions              versions the crash guard saw crash the kiosk (one a line)
//   trusted_time, status.json, http_state.json, crash_guard.json
//
// Threads: one ContentCache per folder, used by one thread at a time (the sync worker,
// or the start-up code before the worker runs). Loading a version only reads files, so
// the UI may read versions/<current> while the worker assembles a new one.
class ContentCache {
public:
    explicit ContentCache(std::filesystem::path root, FileLayer& files = posixFileLayer());

    const std::filesystem::path& root() const { return root_; }
    // State kept apart from the cache (the rollback marker), so wiping a cache does not
    // undo a staff rollback; default: root().
    void setStateDir(std::filesystem::path dir) { state_ = std::move(dir); }
    const std::filesystem::path& stateDir() const { return state_.empty() ? root_ : state_; }
    // Creates the folders and clears leftovers of an interrupted run (*.tmp versions).
    Status prepare();

    std::optional<std::int64_t> currentVersion() const;
    std::optional<std::int64_t> previousVersion() const;
    std::filesystem::path versionDir(std::int64_t version) const;
    std::filesystem::path objectPath(const std::string& sha256) const;
    std::filesystem::path partPath(const std::string& sha256) const;

    // The object is present with the manifest's size (stat only).
    bool hasObject(const ManifestEntry& entry) const;
    // Reads the object and checks its SHA-256; a corrupt object is removed (false).
    bool verifyObject(const ManifestEntry& entry);
    // The download in partPath(): size and SHA-256 checked, then flushed and renamed into
    // objects/. A mismatch removes the part file and says which file and why.
    Status acceptDownload(const ManifestEntry& entry);
    // Flushes objects/ itself so that renamed objects survive a power cut.
    Status syncObjects();

    // Assembles versions/<manifest.version> from present objects plus `manifestText`,
    // loads it with core::loadFeed and, when nothing is fatal, makes it current (the old
    // current becomes previous) and collects garbage. On error the current version is untouched.
    Result<LoadResult> install(const Manifest& manifest, const std::string& manifestText, const LoadOptions& options);

    // Files of the current version that are missing or have the wrong size (stat only).
    std::vector<ManifestEntry> damagedInCurrent(const Manifest& current) const;
    // Links a (verified) object back into the current version after repair.
    Status relinkIntoCurrent(const ManifestEntry& entry);
    // The decode worker found `path` of the current version corrupt: removes the file and
    // its object so the next sync fetches it again.
    Status dropCorrupt(const std::string& path);

    // Makes the previous version current again (staff). Error when there is none. The
    // version left is remembered so that sync does not install it again: only a newer
    // version published after the rollback replaces the one rolled back to.
    Status rollback();
    std::int64_t rolledBackFrom() const;

    // Versions marked bad (crash guard): never loaded at start, never downloaded again.
    std::vector<std::int64_t> badVersions() const;
    bool isBad(std::int64_t version) const;
    // Marks `version` bad. When it is current, the previous version (if it is good) becomes
    // current, else no version is current (start-up falls back to the bundled content).
    // Returns the version now current, 0 for none.
    Result<std::int64_t> markBad(std::int64_t version);
    // The crash guard tries `version` again: it is no longer bad, the floor markBad() put
    // under sync for it is lowered (to the highest version still bad) and the feed's HTTP
    // validators are forgotten, so the next sync may install it again. A staff rollback's
    // floor is left alone. Nothing to do: Ok.
    Status unmarkBad(std::int64_t version);

    struct Loaded {
        LoadResult load;
        std::int64_t version = 0;
        bool fromPrevious = false;  // the current version did not load
        std::string problem;        // why the current version was not used
    };
    // Current version (documents verified by loadFeed), else the previous; versions marked
    // bad are skipped; content null when neither loads. Reads files only.
    Loaded loadCurrent(const LoadOptions& options = {}) const;

    // Removes versions other than current and previous, objects none of them uses, and
    // part files. Errors are logged and ignored (garbage only costs space).
    void collectGarbage();

private:
    std::optional<std::int64_t> readPointer(const char* name) const;
    static std::optional<std::int64_t> readPointerAt(const std::filesystem::path& file);
    Status writePointer(const char* name, std::int64_t version);
    Status linkVersion(const Manifest& manifest, const std::filesystem::path& dir);

    std::filesystem::path root_;
    std::filesystem::path state_;
    FileLayer& files_;
};

}  // namespace kiosk::core::sync

namespace kiosk::core::sync {
// Parses a manifest as one unit (format, version, published, every entry's path, size and
// hash); the error names the first problem. Any thread.
Result<Manifest> parseManifestText(const std::string& text, const FeedLimits& limits = {});
}  // namespace kiosk::core::sync
