// Crash guard decisions (see crash_guard.hpp); the state file's layout is described in
// crash_guard_json.hpp. A version is set aside only for recorded crashes, and only when
// another cached version that has drawn on this kiosk can take its place.
#include "core/sync/crash_guard.hpp"

#include <unistd.h>

#include <algorithm>

#include "core/files.hpp"
#include "core/log.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/crash_guard_json.hpp"
#include "core/sync/crash_record.hpp"
#include "core/sync/status_json.hpp"
#include "core/sync/sync_status.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;
using nlohmann::json;
using namespace guard_json;

namespace {
constexpr std::size_t kKeepStarts = 8;
constexpr std::size_t kKeepDrawn = 16;

long thisProcess() { return static_cast<long>(::getpid()); }

Status save(const fs::path& file, const json& j) { return writeFileAtomically(file, j.dump(1) + "\n"); }

void trim(json& list, std::size_t keep) {
    while (list.size() > keep) list.erase(list.begin());
}

// The latest start made by process `pid`, with `key` unless it is empty; null: none.
json* latestStart(json& starts, long pid, const std::string& key) {
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        if (!it->is_object() || it->value("pid", 0L) != pid) continue;
        if (key.empty() || it->value("key", "") == key) return &*it;
    }
    return nullptr;
}

// The unbroken run of starts of `key` that never reached stable, newest first: how many
// of them crashed, and how the latest crash went.
struct Run {
    int crashes = 0;
    std::string last;
};
Run unstableRun(const json& starts, const std::string& key) {
    Run run;
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        if (!it->is_object() || it->value("key", "") != key || it->value("stable", true)) break;
        if (!it->contains("crash")) continue;  // killed without a crash record: a power cut
        if (run.crashes++ == 0) run.last = it->value("crash", "");
    }
    return run;
}

void remember(json& state, const std::string& key) {
    json& drawn = arrayAt(state, "drawn");
    if (listHas(drawn, key)) return;
    drawn.push_back(key);
    trim(drawn, kKeepDrawn);
}

void noteCrash(json& state, json& start, const std::string& what, const std::optional<Instant>& when) {
    start["crash"] = what;
    const std::string key = start.value("key", "");
    state["last_crash"] = what + " while showing " + describeGuardKey(key) + " (" +
                          (when ? formatIsoUtc(*when) : std::string("at an unknown time")) + ")";
    log::error("crash guard: " + what + " while showing " + describeGuardKey(key) + ": counted as a crash");
}

// Versions in bad_versions that the state does not list (set aside by an older kiosk)
// get a retry time; entries whose version is no longer bad are dropped.
void adoptBadVersions(json& state, const ContentCache& cache, Instant now, std::chrono::seconds retryAfter) {
    const auto bad = cache.badVersions();
    json& list = arrayAt(state, "set_aside");
    json kept = json::array();
    for (const json& e : list) {
        if (e.is_object() && e.contains("version") && e["version"].is_number_integer() &&
            std::find(bad.begin(), bad.end(), e["version"].get<std::int64_t>()) != bad.end())
            kept.push_back(e);
    }
    for (const std::int64_t b : bad) {
        const bool listed =
            std::any_of(kept.begin(), kept.end(), [b](const json& e) { return e["version"].get<std::int64_t>() == b; });
        if (!listed)
            kept.push_back({{"version", b},
                            {"at", nullptr},
                            {"retry_at", formatIsoUtc(now + retryAfter)},
                            {"why", "crashed the kiosk"}});
    }
    list = std::move(kept);
}

// Counts the records crashed processes left (crash_record.hpp) in `state`.
void absorbRecords(json& state, const fs::path& dir) {
    for (const CrashRecord& r : takeCrashRecords(dir)) {
        json& starts = arrayAt(state, "starts");
        // The record names what was on screen; without a name, the process's latest start.
        json* start = latestStart(starts, r.pid, r.key);
        const std::string what = describeSignal(r.signal);
        if (!start && r.key.empty()) {
            log::warning("crash guard: process " + std::to_string(r.pid) + " died of " + what +
                         " before it showed any version: not counted");
            continue;
        }
        if (!start) {  // it crashed before recording a start of it (loading it, or after a staff rollback)
            starts.push_back({{"key", r.key},
                              {"at", r.when ? json(formatIsoUtc(*r.when)) : json(nullptr)},
                              {"pid", r.pid},
                              {"drawn", false},
                              {"stable", false}});
            start = &starts.back();
        }
        noteCrash(state, *start, what, r.when);
    }
    trim(arrayAt(state, "starts"), kKeepStarts);
}
}  // namespace

CrashGuard::CrashGuard(fs::path cacheDir, const Clock& clock, CrashGuardPolicy policy)
    : cacheDir_(std::move(cacheDir)), clock_(clock), policy_(policy) {}

GuardState CrashGuard::state() const {
    std::lock_guard lock(mutex_);
    return readGuardState(cacheDir_);
}

void CrashGuard::absorbCrashRecords() {
    std::lock_guard lock(mutex_);
    json state = read(stateFile());
    const std::string before = state.dump();
    absorbRecords(state, cacheDir_);
    if (state.dump() == before) return;
    if (auto s = save(stateFile(), state); !s) log::warning("crash guard: " + s.error());
}

CrashGuard::Verdict CrashGuard::beforeShowing(std::int64_t version, bool bundled) {
    std::lock_guard lock(mutex_);
    const std::string key = keyOf(version, bundled);
    const Instant now = clock_.now();
    ContentCache cache(cacheDir_);
    json state = read(stateFile());
    absorbRecords(state, cacheDir_);
    adoptBadVersions(state, cache, now, policy_.retryAfter);
    json& starts = arrayAt(state, "starts");
    for (const json& s : starts)  // a state file from before "drawn" was kept: stable starts drew
        if (s.is_object() && (s.value("stable", false) || s.value("drawn", false))) remember(state, s.value("key", ""));
    Verdict v;
    const Run run = unstableRun(starts, key);
    if (run.crashes >= policy_.crashesBeforeSetAside) {
        const std::string why = "crashed the kiosk " + std::to_string(run.crashes) + " times in a row within " +
                                std::to_string(policy_.stableAfter.count()) + " s of being shown (last: " + run.last +
                                ")";
        // Only a version that has drawn here may take its place: never a blank kiosk.
        std::optional<std::int64_t> other;
        if (!bundled && cache.currentVersion() == version) {
            const auto prev = cache.previousVersion();
            if (prev && !cache.isBad(*prev) && listHas(state.value("drawn", json::array()), keyOf(*prev, false)) &&
                fs::exists(cache.versionDir(*prev) / "manifest.json"))
                other = prev;
        }
        if (other) {
            auto switched = cache.markBad(version);
            if (switched) {
                const Instant retryAt = now + policy_.retryAfter;
                arrayAt(state, "set_aside")
                    .push_back({{"version", version},
                                {"at", formatIsoUtc(now)},
                                {"retry_at", formatIsoUtc(retryAt)},
                                {"why", why}});
                json left = json::array();
                for (const json& s : starts)
                    if (!s.is_object() || s.value("key", "") != key) left.push_back(s);
                starts = std::move(left);  // its history is no longer needed
                if (state.contains("crashing") && state["crashing"].value("key", "") == key) state.erase("crashing");
                if (auto s = save(stateFile(), state); !s) log::error("crash guard: " + s.error());
                v.show = false;
                v.message = describeGuardKey(key) + " " + why + ": set aside until " + formatIsoUtc(retryAt);
                report(v.message, version, switched.value(), true);
                return v;
            }
            log::error("crash guard: cannot set version " + std::to_string(version) + " aside: " + switched.error());
        }
        state["crashing"] = {{"key", key}, {"crashes", run.crashes}};
        v.message = describeGuardKey(key) + " " + why + " but stays on screen: " +
                    (bundled ? "the bundled content is the last resort" : "no other version has drawn on this kiosk");
        report(v.message, version, version, false);
    }
    starts.push_back(
        {{"key", key}, {"at", formatIsoUtc(now)}, {"pid", thisProcess()}, {"drawn", false}, {"stable", false}});
    trim(starts, kKeepStarts);
    setCrashRecordKey(key);
    if (auto s = save(stateFile(), state); !s) log::warning("crash guard: " + s.error());
    return v;
}

Status CrashGuard::markDrawn(std::int64_t version, bool bundled) {
    std::lock_guard lock(mutex_);
    const std::string key = keyOf(version, bundled);
    json state = read(stateFile());
    if (json* start = latestStart(arrayAt(state, "starts"), thisProcess(), key)) {
        if (start->value("drawn", false) && listHas(state.value("drawn", json::array()), key)) return Ok{};
        (*start)["drawn"] = true;
    }
    remember(state, key);
    return save(stateFile(), state);
}

Status CrashGuard::markStable() {
    std::lock_guard lock(mutex_);
    json state = read(stateFile());
    json& starts = arrayAt(state, "starts");
    if (starts.empty() || !starts.back().is_object() || starts.back().value("stable", false)) return Ok{};
    starts.back()["stable"] = true;
    starts.back()["drawn"] = true;
    remember(state, starts.back().value("key", ""));
    state.erase("crashing");  // what it showed ran its minute
    return save(stateFile(), state);
}

Status CrashGuard::markStable(std::int64_t version, bool bundled) {
    {
        std::lock_guard lock(mutex_);
        const json state = read(stateFile());
        const json starts = state.value("starts", json::array());
        if (starts.empty() || !starts.back().is_object() || starts.back().value("key", "") != keyOf(version, bundled))
            return Ok{};
    }
    return markStable();
}

Status CrashGuard::recordCrash(std::int64_t version, bool bundled, const std::string& what) {
    std::lock_guard lock(mutex_);
    const std::string key = keyOf(version, bundled);
    json state = read(stateFile());
    json& starts = arrayAt(state, "starts");
    json* start = latestStart(starts, thisProcess(), key);
    if (!start) {
        starts.push_back({{"key", key},
                          {"at", formatIsoUtc(clock_.now())},
                          {"pid", thisProcess()},
                          {"drawn", false},
                          {"stable", false}});
        trim(starts, kKeepStarts);
        start = &starts.back();
    }
    noteCrash(state, *start, what, clock_.now());
    return save(stateFile(), state);
}

std::vector<std::int64_t> CrashGuard::retryDue() {
    std::lock_guard lock(mutex_);
    const Instant now = clock_.now();
    ContentCache cache(cacheDir_);
    json state = read(stateFile());
    const std::string before = state.dump();
    adoptBadVersions(state, cache, now, policy_.retryAfter);
    // Nothing current (a kiosk blanked by an older guard, which set aside its only
    // version): a blank screen is worse than any crash, so everything is tried at once.
    const bool blank = !cache.currentVersion();
    std::vector<std::int64_t> lifted;
    json left = json::array();
    for (const json& e : arrayAt(state, "set_aside")) {
        const auto at = status_json::readInstant(e, "retry_at");
        const std::int64_t version = e["version"].get<std::int64_t>();
        if (!blank && (!at || *at > now)) {
            left.push_back(e);
            continue;
        }
        if (auto s = cache.unmarkBad(version); !s) {
            log::error("crash guard: cannot try version " + std::to_string(version) + " again: " + s.error());
            left.push_back(e);
            continue;
        }
        const std::string since = e.contains("at") && e["at"].is_string() ? e["at"].get<std::string>() : "?";
        log::info("crash guard: version " + std::to_string(version) + ", set aside at " + since + ", is tried again (" +
                  (blank ? std::string("nothing else to show")
                         : std::to_string(policy_.retryAfter.count() / 3600) + " h later") +
                  "); sync may install it");
        lifted.push_back(version);
    }
    state["set_aside"] = std::move(left);
    if (state.dump() != before) {
        if (auto s = save(stateFile(), state); !s) log::warning("crash guard: " + s.error());
    }
    return lifted;
}

// The log and status.json say what happened and what is shown now.
void CrashGuard::report(const std::string& message, std::int64_t version, std::int64_t nowShowing, bool setAside) {
    std::string full = formatIsoUtc(clock_.now()) + ": " + message;
    if (setAside) full += "; showing version " + std::to_string(nowShowing) + " instead";
    log::error("crash guard: " + full);
    SyncStatus status;
    if (auto s = readStatusFile(cacheDir_)) status = std::move(s).value();
    status.crashGuard = full;
    status.badVersions = ContentCache(cacheDir_).badVersions();
    if (setAside && status.currentVersion == version) status.currentVersion = nowShowing;
    if (auto s = writeStatusFile(cacheDir_, status); !s) log::warning("crash guard: " + s.error());
}

StartContent CrashGuard::startContent(const fs::path& bundledDir, const LoadOptions& options) {
    absorbCrashRecords();
    (void)retryDue();
    // A crash while loading the current version is that version's.
    if (const auto cur = ContentCache(cacheDir_).currentVersion()) setCrashRecordKey(keyOf(*cur, false));
    std::string why;
    // Each round either shows a version or sets one aside, so a few rounds always end.
    for (int round = 0; round < 8; ++round) {
        StartContent start = SyncService::loadCurrentFromCache(cacheDir_, bundledDir, options);
        if (!start.load.content) return start;
        const bool bundled = start.version == 0;
        const std::int64_t version = bundled ? start.load.content->manifest.version : start.version;
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
