// Status file of content sync as JSON (see sync_status.hpp).
#include "core/sync/sync_status.hpp"

#include <nlohmann/json.hpp>

#include "core/files.hpp"
#include "core/sync/status_json.hpp"

namespace kiosk::core::sync {
using nlohmann::json;
using status_json::instant;
using status_json::readInstant;

std::string statusToJson(const SyncStatus& s) {
    json j;
    j["feed_url"] = s.feedUrl;
    j["current_version"] = s.currentVersion;
    j["published"] = instant(s.published);
    j["last_attempt"] = instant(s.lastAttempt);
    j["last_success"] = instant(s.lastSuccess);
    j["next_attempt"] = instant(s.nextAttempt);
    j["trusted_time"] = instant(s.trustedTime);
    j["trusted_source"] = s.trustedSource;
    j["last_result"] = s.lastResult;
    j["last_error"] = s.lastError;
    j["consecutive_failures"] = s.consecutiveFailures;
    j["bytes_downloaded"] = s.bytesDownloaded;
    j["requests"] = s.requests;
    j["signature_required"] = s.signatureRequired;
    j["signature_key_id"] = s.signatureKeyId;
    j["signature_expires"] = instant(s.signatureExpires);
    j["signature_refused"] = s.signatureRefused;
    j["bad_versions"] = s.badVersions;
    j["crash_guard"] = s.crashGuard;
    return j.dump(2) + "\n";
}

Result<SyncStatus> statusFromJson(const std::string& text) {
    try {
        const json j = json::parse(text);
        SyncStatus s;
        s.feedUrl = j.value("feed_url", "");
        s.currentVersion = j.value("current_version", std::int64_t{0});
        s.published = readInstant(j, "published");
        s.lastAttempt = readInstant(j, "last_attempt");
        s.lastSuccess = readInstant(j, "last_success");
        s.nextAttempt = readInstant(j, "next_attempt");
        s.trustedTime = readInstant(j, "trusted_time");
        s.trustedSource = j.value("trusted_source", "");
        s.lastResult = j.value("last_result", "");
        s.lastError = j.value("last_error", "");
        s.consecutiveFailures = j.value("consecutive_failures", 0);
        s.bytesDownloaded = j.value("bytes_downloaded", std::uint64_t{0});
        s.requests = j.value("requests", std::uint64_t{0});
        s.signatureRequired = j.value("signature_required", false);
        s.signatureKeyId = j.value("signature_key_id", "");
        s.signatureExpires = readInstant(j, "signature_expires");
        s.signatureRefused = j.value("signature_refused", "");
        s.badVersions = j.value("bad_versions", std::vector<std::int64_t>{});
        s.crashGuard = j.value("crash_guard", "");
        return s;
    } catch (const json::exception& e) {
        return fail(std::string("status.json is not a sync status: ") + e.what());
    }
}

Status writeStatusFile(const std::filesystem::path& cacheDir, const SyncStatus& status) {
    return writeFileAtomically(cacheDir / "status.json", statusToJson(status));
}

Result<SyncStatus> readStatusFile(const std::filesystem::path& cacheDir) {
    auto text = readFile(cacheDir / "status.json", 1 << 16);
    if (!text) return fail(text.error());
    return statusFromJson(text.value());
}

}  // namespace kiosk::core::sync
