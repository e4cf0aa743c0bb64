// The heartbeat's pieces that need no network: its JSON (docs/supervision.md), the office's
// answer, and the on-disk queue that keeps heartbeats while the kiosk is offline.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/supervision/health.hpp"

namespace kiosk::core::supervision {

// {"format":"kiosk-heartbeat/1","kiosk":...,"seq":N,"created_at":"...Z",...}. Pure.
std::string heartbeatJson(const KioskHealth& health, std::uint64_t seq);

// What the office may ask in its answer: {"screenshot": true, "sync_now": true,
// "screenshot_url": "..."}; an empty or non-JSON body asks nothing.
struct HeartbeatReply {
    bool screenshot = false;
    bool syncNow = false;
    std::string screenshotUrl;  // where to POST the PNG; empty: <heartbeat_url>/screenshot
};
HeartbeatReply parseHeartbeatReply(const std::string& body);

// Heartbeats waiting to be sent, one file each (<dir>/<seq>.json, written atomically), the
// next sequence number in <dir>/next_seq. A heartbeat leaves the queue only once the
// office accepted it (2xx), so none is lost across an offline period or a restart, and the
// receiver can drop a repeat by its "seq" (a reply lost in transit). Oldest first; at most
// `limit` kept (the oldest dropped, with a log line). Threads: one at a time.
class HeartbeatQueue {
public:
    explicit HeartbeatQueue(std::filesystem::path dir, std::size_t limit = 10000);
    Status prepare();  // creates the folder and reads next_seq
    // Stores the heartbeat of `health` under the next sequence number; returns it.
    Result<std::uint64_t> push(const KioskHealth& health);
    struct Item {
        std::uint64_t seq = 0;
        std::filesystem::path file;
    };
    std::vector<Item> pending() const;  // oldest first
    Status remove(const Item& item);
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
    std::size_t limit_;
    std::uint64_t next_ = 1;
};

}  // namespace kiosk::core::supervision
