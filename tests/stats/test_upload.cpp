// Upload to a local Matomo stand-in (tests/stats/matomo_standin.py on 127.0.0.1): the
// bulk request format, and that a network cut (server down then up, a connection dropped
// after the server read the request, an HTTP 500) loses and duplicates nothing.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "../sync/sync_fixture.hpp"
#include "core/stats/uploader.hpp"
#include "stats_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::stats::StatsStore;
using core::stats::StatsUploader;
using core::stats::UploadSettings;
using nlohmann::json;

namespace {

class StandIn {
public:
    explicit StandIn(const std::string& mode = "ok", int port = 0) : log_(dir_ / "posts.jsonl") {
        port_ = port ? port : freePort();
        proc_ = std::make_unique<Process>(
            std::vector<std::string>{"python3", KIOSK_STATS_TEST_DIR "/matomo_standin.py", (dir_ / "port").string(),
                                     log_.string(), mode, std::to_string(port_)},
            dir_ / "server.log");
        waitForPort(port_, dir_ / "server.log");
    }
    std::string url(const std::string& path = "matomo.php") const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
    }
    std::vector<json> posts() const {
        std::vector<json> out;
        if (!fs::exists(log_)) return out;
        std::istringstream in(readText(log_));
        for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
        return out;
    }
    int port() const { return port_; }

private:
    TempDir dir_{"standin"};
    fs::path log_;
    int port_ = 0;
    std::unique_ptr<Process> proc_;
};

UploadSettings matomoSettings(const std::string& url) {
    UploadSettings s;
    s.matomoUrl = url;
    s.matomoSiteId = 3;
    s.matomoToken = "0123456789abcdef0123456789abcdef";  // invented
    s.batchSize = 7;                                     // several requests per upload, so a cut can fall between two
    s.http.connectTimeoutSeconds = 2;
    s.http.totalTimeoutSeconds = 5;
    return s;
}

// A few scripted visits on one kiosk; returns the number of events.
std::int64_t recordVisits(const fs::path& db, const std::string& kiosk, int visits) {
    core::ManualClock clock(eventMorning());
    core::stats::StatsRecorder recorder(recorderOptions(db, kiosk), clock);
    recorder.setContentVersion(5);
    for (int v = 0; v < visits; ++v) {
        scriptedVisit(recorder, clock, v % 2 ? "atelier-robots" : "conference-inaugurale", 90);
        recorder.languageUsed("en");
        recorder.accessibilityUsed("high_contrast");
        clock.advance(600);
    }
    recorder.flush();
    return static_cast<std::int64_t>(recorder.status().written);
}

std::int64_t unsentIn(const fs::path& db) { return StatsStore::open(db).value()->countEvents(true).value(); }

// Stable ids the stand-in acknowledged (answered 2xx), and every id it received.
std::multiset<std::string> ids(const std::vector<json>& posts, bool acknowledgedOnly) {
    std::multiset<std::string> out;
    for (const auto& p : posts) {
        if (acknowledgedOnly && p["outcome"] != "ok") continue;
        for (const auto& i : p["ids"]) out.insert(i.get<std::string>());
    }
    return out;
}

}  // namespace

TEST_CASE("upload: Matomo bulk requests carry the site, token, dimensions and minute timestamps", "[stats][net]") {
    TempDir dir("stats-up");
    const fs::path db = dir / "stats.sqlite";
    const std::int64_t events = recordVisits(db, "borne-accueil", 3);
    REQUIRE(events == 3 * 11);
    StandIn server;
    StatsUploader up(matomoSettings(server.url()), db);
    const auto r = up.uploadPending();
    INFO(r.error);
    REQUIRE(r.error.empty());
    CHECK(r.sent == std::uint64_t(events));
    CHECK(r.requests == std::uint64_t(events + 6) / 7);
    CHECK(unsentIn(db) == 0);

    const auto posts = server.posts();
    REQUIRE(posts.size() == r.requests);
    std::size_t requests = 0;
    bool sawNewVisit = false, sawSession = false, sawQr = false, sawLength = false;
    for (const auto& p : posts) {
        INFO(p.dump());
        CHECK(p["path"] == "/matomo.php");
        CHECK(p["content_type"] == "application/json");
        CHECK(p["problems"].empty());
        CHECK(p["body"]["token_auth"] == "0123456789abcdef0123456789abcdef");
        for (const auto& q : p["body"]["requests"]) {
            const std::string s = q.get<std::string>();
            ++requests;
            CHECK(s.rfind("?idsite=3&rec=1&", 0) == 0);
            CHECK(s.find("&dimension1=borne-accueil") != std::string::npos);
            CHECK(s.find("&dimension2=5") != std::string::npos);
            sawNewVisit = sawNewVisit || s.find("&new_visit=1") != std::string::npos;
            sawSession = sawSession || s.find("action_name=session%2Fatelier-robots") != std::string::npos;
            sawQr = sawQr || s.find("e_c=qr&e_a=shown&e_n=atelier-robots") != std::string::npos;
            sawLength = sawLength ||
                        (s.find("e_c=visit&e_a=end") != std::string::npos && s.find("&e_v=90") != std::string::npos);
        }
    }
    CHECK(requests == std::size_t(events));
    CHECK(sawNewVisit);
    CHECK(sawSession);
    CHECK(sawQr);
    CHECK(sawLength);
    // Each event once.
    const auto got = ids(posts, true);
    CHECK(std::set<std::string>(got.begin(), got.end()).size() == got.size());
    // Nothing left: a second run sends nothing.
    CHECK(up.uploadPending().requests == 0);
}

TEST_CASE("upload: server down then up loses and duplicates nothing", "[stats][net]") {
    TempDir dir("stats-up");
    const fs::path db = dir / "stats.sqlite";
    const std::int64_t first = recordVisits(db, "borne-accueil", 2);
    const int port = freePort();
    StatsUploader up(matomoSettings("http://127.0.0.1:" + std::to_string(port) + "/matomo.php"), db);
    auto r = up.uploadPending();  // nobody listens
    CHECK_FALSE(r.error.empty());
    CHECK(r.error.find("cannot connect") != std::string::npos);
    CHECK(r.sent == 0);
    CHECK(unsentIn(db) == first);
    const std::int64_t second = recordVisits(db, "borne-accueil", 2);  // more while offline

    StandIn server("ok", port);
    r = up.uploadPending();
    INFO(r.error);
    REQUIRE(r.error.empty());
    CHECK(r.sent == std::uint64_t(first + second));
    const auto all = ids(server.posts(), false);
    CHECK(all.size() == std::size_t(first + second));
    CHECK(std::set<std::string>(all.begin(), all.end()).size() == all.size());  // not one repeat
    CHECK(unsentIn(db) == 0);
}

TEST_CASE("upload: a connection dropped after the server read it, or a 500, is retried with the same ids",
          "[stats][net]") {
    for (const std::string mode : {"drop:2", "s500:1"}) {
        INFO(mode);
        TempDir dir("stats-up");
        const fs::path db = dir / "stats.sqlite";
        const std::int64_t events = recordVisits(db, "borne-showroom", 3);
        StandIn server(mode);
        StatsUploader up(matomoSettings(server.url()), db);
        auto r = up.uploadPending();
        CHECK_FALSE(r.error.empty());  // the first request's answer never came (or was 500)
        CHECK(r.sent == 0);
        CHECK(unsentIn(db) == events);  // nothing marked sent without a 2xx
        while (!r.error.empty() && unsentIn(db) > 0) r = up.uploadPending();
        INFO(r.error);
        CHECK(unsentIn(db) == 0);

        const auto posts = server.posts();
        // The repeated requests are byte-identical to the ones cut: idempotent by their ids.
        for (const auto& p : posts) {
            if (p["outcome"] == "ok") continue;
            bool resent = false;
            for (const auto& q : posts) resent = resent || (q["outcome"] == "ok" && q["body"] == p["body"]);
            CHECK(resent);
        }
        const auto acknowledged = ids(posts, true);
        CHECK(acknowledged.size() == std::size_t(events));  // every event acknowledged once
        CHECK(std::set<std::string>(acknowledged.begin(), acknowledged.end()).size() == acknowledged.size());
        std::int64_t counted = 0;
        for (const auto& p : posts) counted += p["new"].get<std::int64_t>();
        CHECK(counted == events);  // what the receiver counted: each event exactly once
    }
}

TEST_CASE("upload: the plain JSON POST alternative, minutes only, each event once", "[stats][net]") {
    TempDir dir("stats-up");
    const fs::path db = dir / "stats.sqlite";
    const std::int64_t events = recordVisits(db, "borne-accueil", 2);
    StandIn server("drop:1");
    UploadSettings s;
    s.postUrl = server.url("collect");
    s.batchSize = 10;
    StatsUploader up(s, db);
    CHECK_FALSE(up.uploadPending().error.empty());
    const auto r = up.uploadPending();
    INFO(r.error);
    REQUIRE(r.error.empty());
    CHECK(unsentIn(db) == 0);
    const auto posts = server.posts();
    REQUIRE(posts.size() >= 2);
    const json& body = posts.back()["body"];
    CHECK(body["kiosk"] == "borne-accueil");
    const std::string minute = posts.front()["body"]["events"][0]["minute"].get<std::string>();
    CHECK(minute == "2027-10-20T08:00Z");  // no seconds
    const auto acknowledged = ids(posts, true);
    CHECK(acknowledged.size() == std::size_t(events));
    CHECK(std::set<std::string>(acknowledged.begin(), acknowledged.end()).size() == acknowledged.size());
}

TEST_CASE("upload worker: a scripted day on two kiosks reaches the stand-in exactly once across a cut",
          "[stats][net]") {
    TempDir dir("stats-up");
    const fs::path dbA = dir / "accueil.sqlite", dbB = dir / "showroom.sqlite";
    const int port = freePort();
    UploadSettings s = matomoSettings("http://127.0.0.1:" + std::to_string(port) + "/matomo.php");
    s.intervalSeconds = 0.05;
    s.maxBackoffSeconds = 0.2;
    StatsUploader upA(s, dbA), upB(s, dbB);
    const std::int64_t a1 = recordVisits(dbA, "borne-accueil", 6), b1 = recordVisits(dbB, "borne-showroom", 4);
    upA.start();
    upB.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // offline: retries fail
    CHECK(upA.status().failures > 0);
    CHECK(unsentIn(dbA) == a1);
    std::int64_t total = a1 + b1;
    {
        StandIn server("drop:3", port);  // back, but the first three answers are cut
        const std::int64_t a2 = recordVisits(dbA, "borne-accueil", 3);
        total += a2;
        upA.uploadSoon();
        upB.uploadSoon();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while ((unsentIn(dbA) > 0 || unsentIn(dbB) > 0) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        upA.stop();
        upB.stop();
        CHECK(unsentIn(dbA) == 0);
        CHECK(unsentIn(dbB) == 0);
        const auto posts = server.posts();
        std::int64_t counted = 0;
        std::map<std::string, std::int64_t> perKiosk;
        for (const auto& p : posts) {
            counted += p["new"].get<std::int64_t>();
            CHECK(p["problems"].empty());
        }
        const auto acknowledged = ids(posts, true);
        for (const auto& i : acknowledged) ++perKiosk[i.substr(0, i.find('/'))];
        CHECK(counted == total);
        CHECK(acknowledged.size() == std::size_t(total));
        CHECK(perKiosk["borne-accueil"] == a1 + a2);
        CHECK(perKiosk["borne-showroom"] == b1);
    }
}
