// The heartbeat: its JSON, the disk queue, and the sender against a local HTTP server
// through an offline period (nothing lost, nothing twice) and a screenshot request.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "core/supervision/heartbeat.hpp"
#include "core/supervision/heartbeat_service.hpp"
#include "supervision/supervision_fixture.hpp"

using namespace kiosk::core::supervision;
using kiosk::test::Child;
using kiosk::test::TempDir;
using kiosk::test::waitFor;
namespace fs = std::filesystem;

namespace {
KioskHealth sampleHealth() {
    KioskHealth h;
    h.kioskId = "hall-1";
    h.softwareVersion = "0.1.0";
    h.contentVersion = 7;
    h.cacheVersion = 8;
    h.contentPublishedUnix = 1'800'000'000;
    h.nowUnix = 1'800'000'600;
    h.screen = ScreenState::StaleContent;
    h.lastFrameHash = 0xabcdef;
    return h;
}

std::vector<nlohmann::json> received(const fs::path& log) {
    std::vector<nlohmann::json> out;
    std::istringstream in(kiosk::test::slurp(log));
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
}

struct Office {
    TempDir dir;
    fs::path log = dir.path / "beats.jsonl", shot = dir.path / "shot.png";
    int port = 0;
    std::unique_ptr<Child> child;
    void start(int askAt) {
        const fs::path portFile = dir.path / "port";
        fs::remove(portFile);
        std::vector<std::string> argv{fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
                                      KIOSK_SUPERVISION_TEST_DIR "/heartbeat_server.py",
                                      portFile.string(),
                                      log.string(),
                                      shot.string(),
                                      std::to_string(askAt)};
        if (port) argv.push_back(std::to_string(port));
        child = std::make_unique<Child>(argv);
        REQUIRE(waitFor([&] { return fs::exists(portFile); }, 10));
        port = std::stoi(kiosk::test::slurp(portFile));
    }
    void stop() { child.reset(); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/hb"; }
};
}  // namespace

TEST_CASE("heartbeat JSON carries the versions, the screen state and the sequence number") {
    const auto j = nlohmann::json::parse(heartbeatJson(sampleHealth(), 42));
    CHECK(j["format"] == "kiosk-heartbeat/1");
    CHECK(j["kiosk"] == "hall-1");
    CHECK(j["seq"] == 42);
    CHECK(j["content"]["version"] == 7);
    CHECK(j["content"]["cache_version"] == 8);
    CHECK(j["content"]["age_seconds"] == 600.0);
    CHECK(j["content"]["signature"] == "unsigned");
    CHECK(j["screen"]["state"] == "stale_content");
    CHECK(j["screen"]["frame_hash"] == "0000000000abcdef");
    CHECK(j["created_at"] == "2027-01-15T08:10:00Z");
    CHECK(j["sync"]["last_success_at"].is_null());
    CHECK(j["crash_guard"]["state"] == "ok");
    CHECK(j["crash_guard"]["versions_set_aside"] == 0);
}

TEST_CASE("heartbeat reply: requests are read, anything else asks nothing") {
    CHECK(parseHeartbeatReply(R"({"screenshot": true})").screenshot);
    CHECK(parseHeartbeatReply(R"({"sync_now": true})").syncNow);
    CHECK_FALSE(parseHeartbeatReply("not json").screenshot);
    CHECK_FALSE(parseHeartbeatReply("").syncNow);
    CHECK(parseHeartbeatReply(R"({"screenshot": true, "screenshot_url": "http://x/s"})").screenshotUrl == "http://x/s");
}

TEST_CASE("heartbeat queue: numbers keep growing across restarts, oldest first, bounded") {
    TempDir dir;
    {
        HeartbeatQueue q(dir.path, 3);
        REQUIRE(q.prepare());
        for (int i = 0; i < 5; ++i) REQUIRE(q.push(sampleHealth()));
        const auto items = q.pending();
        REQUIRE(items.size() == 3);  // the two oldest were dropped
        CHECK(items.front().seq == 3);
        CHECK(items.back().seq == 5);
        REQUIRE(q.remove(items.front()));
    }
    HeartbeatQueue again(dir.path, 3);
    REQUIRE(again.prepare());
    CHECK(again.pending().size() == 2);
    CHECK(again.push(sampleHealth()).value() == 6);
}

TEST_CASE("heartbeat service: an offline period loses nothing and sends nothing twice, a screenshot is answered") {
    Office office;
    office.start(/*askAt=*/7);
    TempDir state;
    HeartbeatSettings s;
    s.url = office.url();
    s.token = "test-token";
    s.queueDir = state.path / "heartbeats";
    s.retrySeconds = 0.2;
    s.timeoutSeconds = 5;
    std::atomic<int> screenshotAsks{0}, syncAsks{0};
    const std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};
    HeartbeatService* self = nullptr;
    HeartbeatCallbacks cb;
    cb.screenshotRequested = [&] {
        ++screenshotAsks;
        self->submitScreenshot(png);  // what the app does once the main thread read the frame back
    };
    cb.syncRequested = [&] { ++syncAsks; };
    HeartbeatService service(s, cb);
    self = &service;
    REQUIRE(service.start());

    for (int i = 0; i < 3; ++i) service.submit(sampleHealth());
    REQUIRE(waitFor([&] { return service.stats().sent == 3; }, 10));

    office.stop();  // offline: heartbeats 4..6 wait on disk
    for (int i = 0; i < 3; ++i) service.submit(sampleHealth());
    REQUIRE(waitFor([&] { return service.stats().queued == 3 && !service.stats().online; }, 10));
    CHECK(fs::exists(s.queueDir / "00000000000000000004.json"));

    office.start(7);  // back on the same port: the queue drains by itself
    REQUIRE(waitFor([&] { return service.stats().sent == 6; }, 10));
    service.submit(sampleHealth());  // 7: the office asks for a screenshot and a sync
    REQUIRE(waitFor([&] { return service.stats().screenshotsSent == 1; }, 10));
    service.stop();

    std::vector<std::uint64_t> seqs;
    for (const auto& j : received(office.log)) seqs.push_back(j["seq"].get<std::uint64_t>());
    CHECK(seqs == std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7});
    CHECK(service.stats().queued == 0);
    CHECK(screenshotAsks == 1);
    CHECK(syncAsks == 1);
    const std::string shot = kiosk::test::slurp(office.shot);
    CHECK(shot == std::string(png.begin(), png.end()));
}

TEST_CASE("heartbeat service: a refused token keeps the heartbeat queued") {
    Office office;
    office.start(0);
    TempDir state;
    HeartbeatSettings s;
    s.url = office.url();
    s.token = "wrong";
    s.queueDir = state.path / "q";
    s.retrySeconds = 0.2;
    HeartbeatService service(s, {});
    REQUIRE(service.start());
    service.submit(sampleHealth());
    REQUIRE(waitFor([&] { return service.stats().failed >= 1; }, 10));
    service.stop();
    CHECK(service.stats().sent == 0);
    HeartbeatQueue q(s.queueDir);
    REQUIRE(q.prepare());
    CHECK(q.pending().size() == 1);
}
