// One sync attempt, start to finish: conditional manifest request, version check, only
// missing objects downloaded and verified, whole-version install, repair, status update.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/feed_loader.hpp"
#include "core/signature.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/http_client.hpp"
#include "core/sync/sync_status.hpp"
#include "core/sync/trusted_time.hpp"

namespace kiosk::core::sync {

struct SyncSettings {
    std::string feedUrl;  // the manifest: http(s)://.../manifest.json or file:///...
    std::filesystem::path cacheDir;
    std::filesystem::path stateDir;  // trusted time, rollback marker; empty: cacheDir
    HttpOptions http;
    std::uint64_t maxDownloadBytes = 64u << 20;  // one file; also capped by the manifest's size
    // The whole feed (every file of a manifest added up): a larger manifest is refused
    // before anything is downloaded (config max_feed_bytes, default 512 MiB).
    std::uint64_t maxFeedBytes = std::uint64_t{512} << 20;
    // A download must leave this much free on the cache's file system (statvfs), or it
    // does not start (config min_free_bytes, default 64 MiB; --check uses the same).
    std::uint64_t minFreeBytes = std::uint64_t{64} << 20;
    LoadOptions load;
    // Signed feeds (issue 12, feed_trust.cpp): with keys, only manifests signed by one of
    // them are installed; empty: unsigned feeds are accepted as before.
    std::vector<PublicKey> feedPublicKeys;
    // Shared with the app's TrustedClock (the same floor the screen reads); null: the
    // engine keeps its own, read from trustedTimeFile(stateDir, else cacheDir).
    std::shared_ptr<TrustedTime> trustedTime;
};

enum class SyncOutcome { NothingNew, Updated, Repaired, Failed };
const char* outcomeName(SyncOutcome o);  // "nothing new", "updated", "repaired", "failed"

struct SyncReport {
    SyncOutcome outcome = SyncOutcome::Failed;
    std::int64_t version = 0;               // current version after the attempt
    std::string error;                      // Failed: the cause in words
    std::vector<std::string> actions;       // what was done, one line each
    std::optional<long> retryAfterSeconds;  // from a 429/503
    std::uint64_t requests = 0, bytes = 0;  // of this attempt (bodies and headers)
    std::uint64_t filesDownloaded = 0, filesReused = 0;
    std::shared_ptr<const Content> content;  // Updated/Repaired: the loaded version
};

// Threads: one owner thread (it owns the HttpClient); status() is a copy for that thread,
// SyncService publishes it to others. Errors: every failure is a report with the current
// version left as it was; nothing throws.
// Time: `clock` may be the system clock or a TrustedClock over it; the engine reads the
// uncorrected clock to tell when it is behind the trusted floor.
class SyncEngine {
public:
    SyncEngine(SyncSettings settings, const Clock& clock, FileLayer& files = posixFileLayer());

    // Creates the cache folders; error when the cache folder cannot be used at all.
    Status prepare();
    SyncReport syncOnce();
    // Makes the previous version current; the report carries the loaded content.
    SyncReport rollback();

    const SyncStatus& status() const { return status_; }
    void setNextAttempt(std::optional<Instant> when);  // recorded in the status file
    ContentCache& cache() { return cache_; }
    TrustedTime& trustedTime() { return *trusted_; }
    std::shared_ptr<TrustedTime> trustedTimeShared() const { return trusted_; }
    HttpClient& http() { return http_; }
    const SyncSettings& settings() const { return settings_; }

private:
    struct HttpState {
        std::string url, etag, lastModified;
        std::int64_t version = 0;
    };
    SyncReport attempt();
    Status downloadObjects(const Manifest& manifest, SyncReport& report);
    Status downloadObject(const ManifestEntry& entry, SyncReport& report);
    SyncReport repair(const Manifest& current, const std::vector<ManifestEntry>& damaged, SyncReport report);
    std::vector<ManifestEntry> findDamage(const Manifest& current);
    std::optional<Instant> verifyTime() const;
    Instant systemNow() const { return uncorrected(clock_).now(); }
    void observeDate(const HttpResponse& response, SyncReport& report);
    Status checkRoom(const Manifest& manifest) const;
    void finish(SyncReport& report);
    HttpState loadHttpState() const;
    // Signed feeds (defined in feed_trust.cpp): fetches and checks manifest.json.minisig;
    // the error says why the manifest is refused (also kept in the status).
    Result<std::string> checkSignature(const Manifest& manifest, const std::string& manifestText);
    void recordSignature(std::int64_t version, const std::string& signatureText);
    void acceptSignedTime(const std::string& signatureText, const Manifest& manifest);
    void refreshSignatureIfStale(SyncReport& report);
    void reloadSignature();  // the current version's stored signature, after a rollback
    void saveHttpState(const HttpState& state) const;

    SyncSettings settings_;
    const Clock& clock_;
    FileLayer& files_;
    ContentCache cache_;
    HttpClient http_;
    std::shared_ptr<TrustedTime> trusted_;
    SyncStatus status_;
    bool documentsChecked_ = false;  // the current version's documents hashed once per run
};

}  // namespace kiosk::core::sync
