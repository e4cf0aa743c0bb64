// Heartbeat JSON, the office's reply and the on-disk queue (see heartbeat.hpp).
#include "core/supervision/heartbeat.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "core/files.hpp"
#include "core/log.hpp"

namespace kiosk::core::supervision {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string isoUtc(double unixSeconds) {
    const std::time_t t = static_cast<std::time_t>(std::floor(unixSeconds));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

json optionalTime(const std::optional<double>& t) { return t ? json(isoUtc(*t)) : json(nullptr); }

}  // namespace

std::string heartbeatJson(const KioskHealth& h, std::uint64_t seq) {
    char hash[24];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(h.lastFrameHash));
    json j = {
        {"format", "kiosk-heartbeat/1"},
        {"kiosk", h.kioskId},
        {"seq", seq},
        {"created_at", isoUtc(h.nowUnix)},
        {"software_version", h.softwareVersion},
        {"content",
         {{"version", h.contentVersion},
          {"cache_version", h.cacheVersion},
          {"published_at", optionalTime(h.contentPublishedUnix)},
          {"age_seconds", h.contentPublishedUnix ? json(h.nowUnix - *h.contentPublishedUnix) : json(nullptr)},
          {"signature", h.signatureState}}},
        {"sync",
         {{"last_success_at", optionalTime(h.lastSyncSuccessUnix)},
          {"last_failure_at", optionalTime(h.lastSyncFailureUnix)},
          {"failures_in_a_row", h.syncFailuresInARow}}},
        {"crash_guard", {{"state", h.crashGuardState}, {"versions_set_aside", h.versionsSetAside}}},
        {"screen",
         {{"state", screenStateName(h.screen)},
          {"frame_hash", hash},
          {"unchanged_seconds", h.secondsSincePictureChanged},
          {"recovery_step", h.recoveryStep},
          {"frames_drawn", h.framesDrawn}}},
        {"process", {{"uptime_seconds", h.uptimeSeconds}, {"resident_bytes", h.residentBytes}}},
    };
    return j.dump();
}

HeartbeatReply parseHeartbeatReply(const std::string& body) {
    HeartbeatReply r;
    const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return r;
    if (auto it = j.find("screenshot"); it != j.end() && it->is_boolean()) r.screenshot = it->get<bool>();
    if (auto it = j.find("sync_now"); it != j.end() && it->is_boolean()) r.syncNow = it->get<bool>();
    if (auto it = j.find("screenshot_url"); it != j.end() && it->is_string()) r.screenshotUrl = it->get<std::string>();
    return r;
}

HeartbeatQueue::HeartbeatQueue(fs::path dir, std::size_t limit)
    : dir_(std::move(dir)), limit_(std::max<std::size_t>(limit, 1)) {}

Status HeartbeatQueue::prepare() {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) return fail("heartbeat queue " + dir_.string() + ": " + ec.message());
    if (auto text = readFile(dir_ / "next_seq", 64)) {
        try {
            next_ = std::max<std::uint64_t>(1, std::stoull(text.value()));
        } catch (const std::exception&) {
        }
    }
    // A lost next_seq must not reuse numbers still queued.
    for (const Item& item : pending()) next_ = std::max(next_, item.seq + 1);
    return Ok{};
}

Result<std::uint64_t> HeartbeatQueue::push(const KioskHealth& health) {
    const std::uint64_t seq = next_;
    // The counter first: a crash between the two writes skips a number, never repeats one.
    if (auto s = writeFileAtomically(dir_ / "next_seq", std::to_string(seq + 1) + "\n"); !s) return fail(s.error());
    next_ = seq + 1;
    char name[32];
    std::snprintf(name, sizeof name, "%020llu.json", static_cast<unsigned long long>(seq));
    if (auto s = writeFileAtomically(dir_ / name, heartbeatJson(health, seq)); !s) return fail(s.error());
    auto items = pending();
    for (std::size_t i = 0; items.size() > limit_ && i < items.size() - limit_; ++i) {
        log::warning("heartbeat queue full: dropping heartbeat " + std::to_string(items[i].seq));
        (void)remove(items[i]);
    }
    return seq;
}

std::vector<HeartbeatQueue::Item> HeartbeatQueue::pending() const {
    std::vector<Item> items;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (name.size() != 25 || !name.ends_with(".json")) continue;  // skips *.tmp and next_seq
        try {
            items.push_back({std::stoull(name.substr(0, 20)), e.path()});
        } catch (const std::exception&) {
        }
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.seq < b.seq; });
    return items;
}

Status HeartbeatQueue::remove(const Item& item) {
    std::error_code ec;
    fs::remove(item.file, ec);
    if (ec) return fail("cannot remove " + item.file.string() + ": " + ec.message());
    return Ok{};
}

}  // namespace kiosk::core::supervision
