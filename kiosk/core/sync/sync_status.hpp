// What staff need to know about content sync, kept in <cache>/status.json (written
// atomically after every attempt) and readable through SyncService::status().
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace kiosk::core::sync {

struct SyncStatus {
    std::string feedUrl;
    std::int64_t currentVersion = 0;   // 0: no downloaded version (bundled content)
    std::optional<Instant> published;  // of the current version
    std::optional<Instant> lastAttempt, lastSuccess, nextAttempt;
    std::optional<Instant> trustedTime;  // the clock floor (see trusted_time.hpp)
    std::string trustedSource;           // where it came from ("https://host", "signed feed")
    std::string lastResult;              // what the last attempt did, in words
    std::string lastError;               // empty when the last attempt succeeded
    int consecutiveFailures = 0;
    std::uint64_t bytesDownloaded = 0;  // since the status file was created
    std::uint64_t requests = 0;
    // Signed feeds (issue 12): the current version's signature, and the last refusal.
    bool signatureRequired = false;           // the kiosk has feed_public_keys
    std::string signatureKeyId;               // key that signed the current version; empty: not verified
    std::optional<Instant> signatureExpires;  // after it the feed is stale (kept, but said)
    std::string signatureRefused;             // why the last fetched manifest was refused; empty: none
    std::vector<std::int64_t> badVersions;    // marked bad by the crash guard (see crash_guard.hpp)
    std::string crashGuard;                   // the crash guard's last action in words, with its date
};

// "unsigned" (no keys configured), "valid", "stale" (expired at `now`), "unverified"
// (keys configured but the current version was not verified: bundled content, or a
// cache filled before the keys were set).
std::string signatureState(const SyncStatus& status, Instant now);
// One line for staff: the state with key, expiry and the last refusal.
std::string describeSignature(const SyncStatus& status, Instant now);

std::string statusToJson(const SyncStatus& status);
// Error when the text is not a status file; unknown fields are ignored.
Result<SyncStatus> statusFromJson(const std::string& text);

// <cacheDir>/status.json; write is atomic (write, fsync, rename, fsync folder). Any thread.
Status writeStatusFile(const std::filesystem::path& cacheDir, const SyncStatus& status);
Result<SyncStatus> readStatusFile(const std::filesystem::path& cacheDir);

}  // namespace kiosk::core::sync
