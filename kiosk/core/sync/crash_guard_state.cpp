// The crash guard's state read back for staff (see crash_guard_state.hpp) and the JSON
// helpers its decisions share (crash_guard_json.hpp).
#include "core/sync/crash_guard_state.hpp"

#include <algorithm>

#include "core/files.hpp"
#include "core/log.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/crash_guard_json.hpp"
#include "core/sync/status_json.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;
using nlohmann::json;

namespace guard_json {

json read(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return json::object();
    auto text = readFile(file, 1 << 16);
    if (text) {
        try {
            json j = json::parse(text.value());
            if (j.is_object()) return j;
        } catch (const json::exception&) {
        }
    }
    log::warning("crash guard: " + file.string() + " is unreadable; starting with no history");
    return json::object();
}

std::string keyOf(std::int64_t version, bool bundled) { return (bundled ? "bundled-" : "") + std::to_string(version); }

std::optional<std::int64_t> cacheVersionOf(const std::string& key) {
    if (key.empty() || key.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    try {
        return std::stoll(key);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

json& arrayAt(json& j, const char* name) {
    if (!j.contains(name) || !j[name].is_array()) j[name] = json::array();
    return j[name];
}

bool listHas(const json& list, const std::string& key) {
    if (!list.is_array()) return false;
    return std::any_of(list.begin(), list.end(), [&](const json& v) { return v.is_string() && v == key; });
}

GuardState stateFrom(const json& j, const std::vector<std::int64_t>& bad, std::int64_t current) {
    GuardState s;
    s.currentVersion = current;
    if (j.contains("set_aside") && j["set_aside"].is_array()) {
        for (const json& e : j["set_aside"]) {
            if (!e.is_object() || !e.contains("version") || !e["version"].is_number_integer()) continue;
            SetAsideVersion v;
            v.version = e["version"].get<std::int64_t>();
            if (std::find(bad.begin(), bad.end(), v.version) == bad.end()) continue;  // no longer bad
            v.since = status_json::readInstant(e, "at");
            v.retryAt = status_json::readInstant(e, "retry_at");
            v.why = e.value("why", "");
            s.setAside.push_back(std::move(v));
        }
    }
    for (const std::int64_t b : bad) {  // set aside by an older kiosk, which kept no dates
        const bool known =
            std::any_of(s.setAside.begin(), s.setAside.end(), [b](const SetAsideVersion& v) { return v.version == b; });
        if (!known) s.setAside.push_back({b, std::nullopt, std::nullopt, "crashed the kiosk"});
    }
    std::sort(s.setAside.begin(), s.setAside.end(),
              [](const SetAsideVersion& a, const SetAsideVersion& b) { return a.version < b.version; });
    if (j.contains("crashing") && j["crashing"].is_object()) {
        s.crashingKey = j["crashing"].value("key", "");
        s.crashingCount = j["crashing"].value("crashes", 0);
    }
    if (j.contains("last_crash") && j["last_crash"].is_string()) s.lastCrash = j["last_crash"].get<std::string>();
    if (activeSetAside(s) > 0)
        s.level = GuardState::Level::SetAside;
    else if (!s.crashingKey.empty())
        s.level = GuardState::Level::Crashing;
    return s;
}

}  // namespace guard_json

GuardState readGuardState(const fs::path& cacheDir) {
    std::error_code ec;
    if (!fs::is_directory(cacheDir, ec)) return {};
    const ContentCache cache(cacheDir);
    return guard_json::stateFrom(guard_json::read(cacheDir / "crash_guard.json"), cache.badVersions(),
                                 cache.currentVersion().value_or(0));
}

int activeSetAside(const GuardState& state) {
    return static_cast<int>(std::count_if(state.setAside.begin(), state.setAside.end(),
                                          [&](const SetAsideVersion& v) { return v.version >= state.currentVersion; }));
}

std::string describeGuardKey(const std::string& key) {
    if (key.rfind("bundled-", 0) == 0) return "the bundled content (version " + key.substr(8) + ")";
    return "version " + key;
}

std::string describeGuard(const GuardState& s) {
    std::vector<std::string> parts;
    for (const SetAsideVersion& v : s.setAside) {
        if (v.version < s.currentVersion) continue;  // a newer version replaced it
        std::string p = "version " + std::to_string(v.version) + " " + v.why + ": set aside";
        if (v.since) p += " at " + formatIsoUtc(*v.since);
        p += s.currentVersion ? ", showing version " + std::to_string(s.currentVersion) : ", nothing else to show";
        if (v.retryAt) p += "; tried again from " + formatIsoUtc(*v.retryAt);
        parts.push_back(std::move(p));
    }
    if (!s.crashingKey.empty()) {
        std::string p = describeGuardKey(s.crashingKey) + " crashed the kiosk " + std::to_string(s.crashingCount) +
                        " times in a row but stays on screen: no other version has drawn on this kiosk";
        if (!s.lastCrash.empty()) p += " (last crash: " + s.lastCrash + ")";
        parts.push_back(std::move(p));
    }
    if (parts.empty()) return s.lastCrash.empty() ? "ok: no crash recorded" : "ok; last crash: " + s.lastCrash;
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

const char* guardLevelName(GuardState::Level level) {
    switch (level) {
        case GuardState::Level::Ok: return "ok";
        case GuardState::Level::Crashing: return "crashing";
        case GuardState::Level::SetAside: return "set_aside";
    }
    return "?";
}

}  // namespace kiosk::core::sync
