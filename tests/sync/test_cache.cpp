// Cache and engine behaviour that needs no server: file:// feeds under allowed roots,
// the write order, failure at every file step, repair, rollback and garbage collection.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/sync/cache.hpp"
#include "core/sync/sync_engine.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::sync::SyncEngine;
using core::sync::SyncOutcome;

namespace {

std::size_t indexOf(const std::vector<std::string>& steps, const std::string& step) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i] == step) return i;
    }
    return steps.size();
}

// The cache's current version loads and every file matches its manifest hash.
void requireCompleteVersion(const fs::path& cache, std::int64_t version) {
    core::sync::ContentCache c(cache);
    REQUIRE(c.currentVersion() == version);
    auto loaded = c.loadCurrent();
    REQUIRE(loaded.load.content);
    REQUIRE_FALSE(loaded.fromPrevious);
    for (const auto& e : loaded.load.content->manifest.files) {
        auto h = core::sha256File(c.versionDir(version) / e.path);
        REQUIRE(h);
        CHECK(h.value() == e.sha256);
    }
}
}  // namespace

TEST_CASE("a file:// feed inside an allowed root is installed as version folders", "[sync][cache]") {
    FeedFixture feed;
    publish(feed, 3);
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    SyncEngine engine(fileSettings(feed, cache.path()), clock);
    REQUIRE(engine.prepare());
    const auto r = engine.syncOnce();
    INFO(r.error);
    REQUIRE(r.outcome == SyncOutcome::Updated);
    REQUIRE(r.content);
    CHECK(r.content->root == (cache.path() / "versions" / "3").string());
    requireCompleteVersion(cache.path(), 3);
    // The same manifest again: a file:// feed answers "not modified" from size and time.
    CHECK(engine.syncOnce().outcome == SyncOutcome::NothingNew);
    auto status = core::sync::readStatusFile(cache.path());
    REQUIRE(status);
    CHECK(status.value().currentVersion == 3);
    CHECK(status.value().lastError.empty());
    CHECK(status.value().lastSuccess.has_value());
}

TEST_CASE("file:// outside the allowed roots, and symbolic links, are refused", "[sync][cache]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache"), other("other");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    auto settings = fileSettings(feed, cache.path());
    settings.http.allowedFileRoots = {other.path().string()};
    SyncEngine refused(settings, clock);
    REQUIRE(refused.prepare());
    auto r = refused.syncOnce();
    CHECK(r.outcome == SyncOutcome::Failed);
    CHECK_THAT(r.error, Catch::Contains("allowed_file_roots"));

    // A link inside the allowed root that points outside it.
    fs::create_symlink(feed.path() / "manifest.json", other / "manifest.json");
    settings.feedUrl = "file://" + (other / "manifest.json").string();
    SyncEngine viaLink(settings, clock);
    r = viaLink.syncOnce();
    CHECK(r.outcome == SyncOutcome::Failed);
    CHECK_THAT(r.error, Catch::Contains("symbolic link"));
    CHECK_FALSE(core::sync::ContentCache(cache.path()).currentVersion());
}

TEST_CASE("write order: objects flushed before rename, version before pointer, pointer last", "[sync][cache]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    core::sync::RecordingFileLayer files(cache.path());
    SyncEngine engine(fileSettings(feed, cache.path()), clock, files);
    REQUIRE(engine.prepare());
    REQUIRE(engine.syncOnce().outcome == SyncOutcome::Updated);
    const auto steps = files.steps();
    INFO([&] {
        std::string s;
        for (auto& x : steps) s += x + "\n";
        return s;
    }());
    const core::Manifest manifest = feed.scanManifest();
    const std::string sessionsHash = manifest.find("sessions.json")->sha256;
    const auto syncObj = indexOf(steps, "sync objects/" + sessionsHash + ".part");
    const auto renameObj = indexOf(steps, "rename objects/" + sessionsHash + ".part -> objects/" + sessionsHash);
    const auto syncObjects = indexOf(steps, "syncdir objects");
    const auto writeManifest = indexOf(steps, "write versions/1.tmp/manifest.json");
    const auto syncManifest = indexOf(steps, "sync versions/1.tmp/manifest.json");
    const auto syncVersionDir = indexOf(steps, "syncdir versions/1.tmp");
    const auto renameVersion = indexOf(steps, "rename versions/1.tmp -> versions/1");
    const auto syncVersions = indexOf(steps, "syncdir versions");
    const auto writePointer = indexOf(steps, "replace-write current");
    const auto syncPointer = indexOf(steps, "replace-sync current");
    const auto renamePointer = indexOf(steps, "replace-rename current");
    REQUIRE(renamePointer < steps.size());
    REQUIRE(syncObj < steps.size());
    CHECK(syncObj < renameObj);
    CHECK(renameObj < syncObjects);
    CHECK(syncObjects < writeManifest);
    CHECK(writeManifest < syncManifest);
    CHECK(syncManifest < syncVersionDir);
    CHECK(syncVersionDir < renameVersion);
    CHECK(renameVersion < syncVersions);
    CHECK(syncVersions < writePointer);
    CHECK(writePointer < syncPointer);
    CHECK(syncPointer < renamePointer);
    CHECK(renamePointer + 1 < steps.size());
    CHECK(steps[renamePointer + 1] == "replace-syncdir .");  // the folder holding the pointer, flushed last
}

TEST_CASE("a failure at any file step leaves the previous version whole", "[sync][cache]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    {
        SyncEngine first(fileSettings(feed, cache.path()), clock);
        REQUIRE(first.prepare());
        REQUIRE(first.syncOnce().outcome == SyncOutcome::Updated);
    }
    feed.sessions["sessions"][0]["room"] = "salle-b";
    feed.files["images/new.png"] = tinyPng(99);
    publish(feed, 2);
    // Count the steps of a successful install into a scratch copy, then fail each in turn.
    std::size_t total = 0;
    {
        TempDir scratch("scratch");
        fs::copy(cache.path(), scratch.path(), fs::copy_options::recursive);
        core::sync::RecordingFileLayer files(scratch.path());
        SyncEngine e(fileSettings(feed, scratch.path()), clock, files);
        REQUIRE(e.syncOnce().outcome == SyncOutcome::Updated);
        total = files.steps().size();
    }
    REQUIRE(total > 10);
    for (std::size_t failAt = 0; failAt < total; ++failAt) {
        core::sync::RecordingFileLayer files(cache.path());
        std::size_t n = 0;
        std::string failed;
        files.failWhen = [&](const std::string& step) {
            if (n++ != failAt) return false;
            failed = step;
            return true;
        };
        SyncEngine e(fileSettings(feed, cache.path()), clock, files);
        const auto r = e.syncOnce();
        INFO("failed step " << failAt << ": " << failed << " -> " << r.error);
        core::sync::ContentCache c(cache.path());
        if (r.outcome == SyncOutcome::Failed) {
            // Either nothing changed, or the pointer rename went through before the failure.
            const auto v = c.currentVersion();
            REQUIRE(v);
            requireCompleteVersion(cache.path(), *v);
            CHECK_FALSE(r.error.empty());
            if (*v == 2) {  // switched: undo for the next round by rolling back
                REQUIRE(c.rollback());
                fs::remove(cache.path() / "rolled_back_from");
            }
        } else {
            // The failed step was garbage collection or a final flush the engine tolerates.
            requireCompleteVersion(cache.path(), 2);
            REQUIRE(c.rollback());
            fs::remove(cache.path() / "rolled_back_from");
        }
        fs::remove(cache.path() / "http_state.json");
    }
    SyncEngine finalRun(fileSettings(feed, cache.path()), clock);
    REQUIRE(finalRun.syncOnce().outcome == SyncOutcome::Updated);
    requireCompleteVersion(cache.path(), 2);
}

TEST_CASE("a corrupt document in the cache is dropped and fetched again", "[sync][cache]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    {
        SyncEngine e(fileSettings(feed, cache.path()), clock);
        REQUIRE(e.syncOnce().outcome == SyncOutcome::Updated);
    }
    // Same size, different bytes: only a hash notices.
    const fs::path doc = cache / "versions/1/sessions.json";
    std::string text = readText(doc);
    text[text.size() / 2] = text[text.size() / 2] == 'a' ? 'b' : 'a';
    writeText(doc, text);  // writes through the hard link: the object is corrupt too
    CHECK_FALSE(core::sync::ContentCache(cache.path()).loadCurrent().load.content);

    SyncEngine e(fileSettings(feed, cache.path()), clock);
    const auto r = e.syncOnce();
    INFO(r.error);
    REQUIRE(r.outcome == SyncOutcome::Repaired);
    requireCompleteVersion(cache.path(), 1);
}

TEST_CASE("a missing image of the current version is fetched again while the feed is unchanged", "[sync][cache]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    SyncEngine e(fileSettings(feed, cache.path()), clock);
    REQUIRE(e.syncOnce().outcome == SyncOutcome::Updated);
    REQUIRE(e.cache().dropCorrupt("images/robot.png"));  // what a decode worker reports
    CHECK_FALSE(fs::exists(cache / "versions/1/images/robot.png"));
    const auto r = e.syncOnce();
    REQUIRE(r.outcome == SyncOutcome::Repaired);
    CHECK(fs::exists(cache / "versions/1/images/robot.png"));
    requireCompleteVersion(cache.path(), 1);
}

TEST_CASE("older versions are ignored, rollback is kept, garbage is collected", "[sync][cache]") {
    FeedFixture feed;
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    auto sync = [&] {
        SyncEngine e(fileSettings(feed, cache.path()), clock);
        return e.syncOnce();
    };
    publish(feed, 5);
    REQUIRE(sync().outcome == SyncOutcome::Updated);
    feed.files["images/robot.png"] = tinyPng(1);
    publish(feed, 6);
    REQUIRE(sync().outcome == SyncOutcome::Updated);
    feed.files["images/robot.png"] = tinyPng(2);
    publish(feed, 7);
    REQUIRE(sync().outcome == SyncOutcome::Updated);
    core::sync::ContentCache c(cache.path());
    CHECK(c.currentVersion() == 7);
    CHECK(c.previousVersion() == 6);
    CHECK_FALSE(fs::exists(c.versionDir(5)));
    // Objects: those of versions 6 and 7 only (robot.png of version 5 is gone).
    CHECK_FALSE(fs::exists(c.objectPath(core::sha256Hex(tinyPng(10)))));
    CHECK(fs::exists(c.objectPath(core::sha256Hex(tinyPng(1)))));

    // An old USB stick: version 4 changes nothing.
    feed.files["images/robot.png"] = tinyPng(3);
    publish(feed, 4);
    auto r = sync();
    CHECK(r.outcome == SyncOutcome::NothingNew);
    CHECK(c.currentVersion() == 7);

    // Staff rollback: 6 is current, and version 7 is not installed again.
    SyncEngine e(fileSettings(feed, cache.path()), clock);
    r = e.rollback();
    REQUIRE(r.outcome == SyncOutcome::Updated);
    CHECK(r.content->manifest.version == 6);
    publish(feed, 7);
    CHECK(sync().outcome == SyncOutcome::NothingNew);
    CHECK(c.currentVersion() == 6);
    publish(feed, 8);
    CHECK(sync().outcome == SyncOutcome::Updated);
    CHECK(c.currentVersion() == 8);
}

TEST_CASE("unsafe paths and invalid manifests are refused as a whole", "[sync][cache]") {
    FeedFixture feed;
    publish(feed, 1);
    TempDir cache("cache");
    const core::ManualClock clock(at("2027-10-01T10:00:00Z"));
    REQUIRE(SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce().outcome == SyncOutcome::Updated);
    const std::string good = readText(feed.dir / "manifest.json");
    const char* bad[] = {"../escape.png", "/etc/passwd", "images\\\\robot.png", "images/../../x.png"};
    for (const char* path : bad) {
        json m = json::parse(good);
        m["version"] = 2;
        m["files"].push_back({{"path", path}, {"size", 3}, {"sha256", std::string(64, 'a')}});
        writeText(feed.dir / "manifest.json", m.dump());
        SyncEngine e(fileSettings(feed, cache.path()), clock);
        const auto r = e.syncOnce();
        INFO(path << ": " << r.error);
        CHECK(r.outcome == SyncOutcome::Failed);
        CHECK_THAT(r.error, Catch::Contains("manifest refused"));
        CHECK(core::sync::ContentCache(cache.path()).currentVersion() == 1);
        auto status = core::sync::readStatusFile(cache.path());
        REQUIRE(status);
        CHECK_THAT(status.value().lastError, Catch::Contains("manifest refused"));
    }
    writeText(feed.dir / "manifest.json", "{ \"format\": \"kiosk-feed/1\", ");
    const auto r = SyncEngine(fileSettings(feed, cache.path()), clock).syncOnce();
    CHECK_THAT(r.error, Catch::Contains("not valid JSON"));
    requireCompleteVersion(cache.path(), 1);
}
