// Crash guard state and decisions (see crash_guard.hpp). The state file lists the latest
// starts, newest last: {"starts": [{"key": "7", "at": "...", "stable": false}, ...],
// "bad_bundled": ["bundled-3"]}.
#include "core/sync/crash_guard.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/files.hpp"
#include "core/log.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/sync_status.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr std::size_t kKeepStarts = 8;

std::string keyOf(std::int64_t version, bool bundled) { return (bundled ? "bundled-" : "") + std::to_string(version); }

std::string describe(std::int64_t version, bool bundled) {
    return bundled ? "the bundled content (version " + std::to_string(version) + ")"
                   : "version " + std::to_string(version);
}

json readState(const fs::path& file) {
    auto text = readFile(file, 1 << 16);
    if (!text) return json::object();
    try {
        json j = json::parse(text.value());
        if (j.is_object() && (!j.contains("starts") || j["starts"].is_array())) return j;
    } catch (const json::exception&) {
    }
    log::warning("crash guard: " + file.string() + " is unreadable; starting with no history");
    return json::object();
}

Status writeState(const fs::path& file, const json& j) { return writeFileAtomically(file, j.dump(1) + "\n"); }

bool contains(const json& list, const std::string& key) {
    if (!list.is_array()) return false;
    return std::any_of(list.begin(), list.end(), [&](const json& v) { return v.is_string() && v == key; });
}
}  // namespace

CrashGuard::CrashGuard(fs::path cacheDir, const Clock& clock, CrashGuardPolicy policy)
    : cacheDir_(std::move(cacheDir)), clock_(clock), policy_(policy) {}

bool CrashGuard::bundledIsBad(std::int64_t manifestVersion) const {
    std::lock_guard lock(mutex_);
    return contains(readState(stateFile()).value("bad_bundled", json::array()), keyOf(manifestVersion, true));
}

CrashGuard::Verdict CrashGuard::beforeShowing(std::int64_t version, bool bundled) {
    std::lock_guard lock(mutex_);
    const std::string key = keyOf(version, bundled);
    json state = readState(stateFile());
    json& starts = state["starts"];
    if (!starts.is_array()) starts = json::array();
    // Starts of this version that never reached stable, most recent first, unbroken.
    int unstable = 0;
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        if (!it->is_object() || it->value("key", "") != key || it->value("stable", true)) break;
        ++unstable;
    }
    Verdict v;
    if (unstable >= policy_.unstableStartsBeforeBad) {
        v.show = false;
        std::int64_t nowShowing = 0;
        if (bundled) {
            json& bad = state["bad_bundled"];
            if (!bad.is_array()) bad = json::array();
            if (!contains(bad, key)) bad.push_back(key);
        } else {
            ContentCache cache(cacheDir_);
            auto switched = cache.markBad(version);
            if (!switched)
                log::error("crash guard: cannot mark version " + std::to_string(version) + " bad: " + switched.error());
            nowShowing = switched ? switched.value() : 0;
        }
        starts = json::array();  // the history of a bad version is no longer needed
        if (auto s = writeState(stateFile(), state); !s) log::error("crash guard: " + s.error());
        v.message = describe(version, bundled) + " stopped the kiosk " + std::to_string(unstable) +
                    " times in a row within " + std::to_string(policy_.stableAfter.count()) +
                    " s of being shown: marked bad";
        report(v.message, version, bundled, nowShowing);
        return v;
    }
    starts.push_back({{"key", key}, {"at", formatIsoUtc(clock_.now())}, {"stable", false}});
    while (starts.size() > kKeepStarts) starts.erase(starts.begin());
    if (auto s = writeState(stateFile(), state); !s) log::warning("crash guard: " + s.error());
    return v;
}

Status CrashGuard::markStable() { return markStableIf({}); }

Status CrashGuard::markStable(std::int64_t version, bool bundled) { return markStableIf(keyOf(version, bundled)); }

Status CrashGuard::markStableIf(const std::string& key) {
    std::lock_guard lock(mutex_);
    json state = readState(stateFile());
    json& starts = state["starts"];
    if (!starts.is_array() || starts.empty() || !starts.back().is_object()) return Ok{};
    if (starts.back().value("stable", false)) return Ok{};
    if (!key.empty() && starts.back().value("key", "") != key) return Ok{};
    starts.back()["stable"] = true;
    return writeState(stateFile(), state);
}

// The log and status.json say what happened and what is shown now.
void CrashGuard::report(const std::string& message, std::int64_t version, bool bundled, std::int64_t nowShowing) {
    std::string full = formatIsoUtc(clock_.now()) + ": " + message;
    if (!bundled) {
        full += nowShowing ? "; showing version " + std::to_string(nowShowing) + " instead"
                           : "; no other cached version: the bundled content or a neutral screen is shown";
    } else {
        full += "; a neutral screen is shown until a good version arrives";
    }
    log::error("crash guard: " + full);
    SyncStatus status;
    if (auto s = readStatusFile(cacheDir_)) status = std::move(s).value();
    status.crashGuard = full;
    status.badVersions = ContentCache(cacheDir_).badVersions();
    if (!bundled && status.currentVersion == version) status.currentVersion = nowShowing;
    if (auto s = writeStatusFile(cacheDir_, status); !s) log::warning("crash guard: " + s.error());
}

StartContent CrashGuard::startContent(const fs::path& bundledDir, const LoadOptions& options) {
    std::string why;
    // Each round either shows a version or marks one bad, so a few rounds always end.
    for (int round = 0; round < 8; ++round) {
        StartContent start = SyncService::loadCurrentFromCache(cacheDir_, bundledDir, options);
        if (!start.load.content) return start;
        const bool bundled = start.version == 0;
        const std::int64_t version = bundled ? start.load.content->manifest.version : start.version;
        if (bundled && bundledIsBad(version)) {
            start.load = LoadResult{};
            start.source = "none";
            start.problem =
                (why.empty() ? "" : why + "; ") + "the bundled content is marked bad (it crashed the kiosk)";
            return start;
        }
        const Verdict v = beforeShowing(version, bundled);
        if (v.show) {
            if (!why.empty()) start.problem = why + (start.problem.empty() ? "" : "; " + start.problem);
            return start;
        }
        why += (why.empty() ? "" : "; ") + v.message;
    }
    StartContent none;
    none.source = "none";
    none.problem = why;
    return none;
}

}  // namespace kiosk::core::sync
