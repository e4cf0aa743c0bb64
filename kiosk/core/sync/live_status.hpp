// The staff status of a live source (issue 11), kept in <cache>/live_source.json by the
// kiosk's live worker and shown by `kiosk status`, next to status.json's sync status.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace kiosk::core::sync {

struct LiveSourceStatus {
    std::string url;
    std::string format;         // "csv", "openagenda", ...
    std::string state;          // what the source gave last, or why it failed, in words
    bool failing = false;       // the last attempt failed (the last good programme is shown)
    bool hasProgramme = false;  // a programme from the source is shown
    std::size_t sessions = 0;   // in the programme shown
    int consecutiveFailures = 0;
    std::optional<Instant> lastAttempt, lastSuccess, lastChange, nextAttempt;
    // Rows or items of the source the programme shown leaves out, each named by the
    // source's own row or id with the reason ("programme.csv: row 7, column date: ...").
    std::vector<std::string> leftOut;
};

std::string liveStatusToJson(const LiveSourceStatus& status);
Result<LiveSourceStatus> liveStatusFromJson(const std::string& text);

// <cacheDir>/live_source.json, written atomically. Any thread.
std::filesystem::path liveStatusPath(const std::filesystem::path& cacheDir);
Status writeLiveStatusFile(const std::filesystem::path& cacheDir, const LiveSourceStatus& status);
// nullopt when the file is missing or unreadable (no live source configured).
std::optional<LiveSourceStatus> readLiveStatusFile(const std::filesystem::path& cacheDir);

// The lines `kiosk status` prints, "live       ..." (empty when there is no file); sets
// `failing` when the source's last attempt failed.
std::string formatLiveStatus(const std::filesystem::path& cacheDir, bool& failing);

}  // namespace kiosk::core::sync
