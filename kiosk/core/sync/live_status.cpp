// The live source's status file as JSON (see live_status.hpp).
#include "core/sync/live_status.hpp"

#include <nlohmann/json.hpp>

#include "core/files.hpp"
#include "core/sync/status_json.hpp"

namespace kiosk::core::sync {
using nlohmann::json;
using status_json::instant;
using status_json::readInstant;

namespace {
std::string when(const std::optional<Instant>& t) { return t ? formatIsoUtc(*t) : std::string("never"); }
}  // namespace

std::string liveStatusToJson(const LiveSourceStatus& s) {
    json j;
    j["url"] = s.url;
    j["format"] = s.format;
    j["state"] = s.state;
    j["failing"] = s.failing;
    j["has_programme"] = s.hasProgramme;
    j["sessions"] = s.sessions;
    j["consecutive_failures"] = s.consecutiveFailures;
    j["last_attempt"] = instant(s.lastAttempt);
    j["last_success"] = instant(s.lastSuccess);
    j["last_change"] = instant(s.lastChange);
    j["next_attempt"] = instant(s.nextAttempt);
    j["left_out"] = s.leftOut;
    return j.dump(2) + "\n";
}

Result<LiveSourceStatus> liveStatusFromJson(const std::string& text) {
    try {
        const json j = json::parse(text);
        LiveSourceStatus s;
        s.url = j.value("url", "");
        s.format = j.value("format", "");
        s.state = j.value("state", "");
        s.failing = j.value("failing", false);
        s.hasProgramme = j.value("has_programme", false);
        s.sessions = j.value("sessions", std::size_t{0});
        s.consecutiveFailures = j.value("consecutive_failures", 0);
        s.lastAttempt = readInstant(j, "last_attempt");
        s.lastSuccess = readInstant(j, "last_success");
        s.lastChange = readInstant(j, "last_change");
        s.nextAttempt = readInstant(j, "next_attempt");
        s.leftOut = j.value("left_out", std::vector<std::string>{});
        return s;
    } catch (const json::exception& e) {
        return fail(std::string("live_source.json is not a live source status: ") + e.what());
    }
}

std::filesystem::path liveStatusPath(const std::filesystem::path& cacheDir) { return cacheDir / "live_source.json"; }

Status writeLiveStatusFile(const std::filesystem::path& cacheDir, const LiveSourceStatus& status) {
    return writeFileAtomically(liveStatusPath(cacheDir), liveStatusToJson(status));
}

std::optional<LiveSourceStatus> readLiveStatusFile(const std::filesystem::path& cacheDir) {
    auto text = readFile(liveStatusPath(cacheDir), 1 << 20);
    if (!text) return std::nullopt;
    auto s = liveStatusFromJson(text.value());
    if (!s) return std::nullopt;
    return std::move(s).value();
}

std::string formatLiveStatus(const std::filesystem::path& cacheDir, bool& failing) {
    failing = false;
    const auto s = readLiveStatusFile(cacheDir);
    if (!s) return {};
    failing = s->failing;
    std::string out = "live       " + s->url + " (" + s->format + ")\n";
    out += "live state " + s->state + "\n";
    out += "live ok    " + when(s->lastSuccess) + (s->lastChange ? ", programme changed " + when(s->lastChange) : "") +
           "\n";
    out += "live next  " + when(s->nextAttempt) + "\n";
    for (const std::string& row : s->leftOut) out += "live left  " + row + "\n";
    if (!s->leftOut.empty())
        out += "WARNING    " + std::to_string(s->leftOut.size()) +
               " row(s) of the live source are left out of the programme (see \"live left\"); the other rows "
               "are shown\n";
    if (s->failing) {
        out += "PROBLEM    the live source failed " + std::to_string(s->consecutiveFailures) + " times in a row; " +
               (s->hasProgramme ? "the kiosk shows its last good programme" : "the kiosk shows the feed without it") +
               " (see \"live state\")\n";
    }
    return out;
}

}  // namespace kiosk::core::sync
