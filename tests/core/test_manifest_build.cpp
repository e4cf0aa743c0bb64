// The staff side: scanning a feed folder, writing its manifest (kiosk-feed build) with
// sizes, SHA-256 and a version that only goes up, and reading that manifest back.
#include <algorithm>
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <sys/stat.h>

#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "feed_fixture.hpp"

using namespace kiosk;
using core::Severity;
using test::contains;
using test::describe;
using test::FeedFixture;
using test::json;
namespace fs = std::filesystem;

namespace {

const core::Instant kNow = test::at("2027-09-30T10:00:00+02:00");
const core::Instant kLater = test::at("2027-10-02T08:15:00+02:00");

// The manifest on disk, parsed by the loader itself.
core::Manifest manifestOnDisk(const fs::path& dir) {
    const auto r = core::loadFeed(dir);
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    return r.content->manifest;
}

}  // namespace

TEST_CASE("sha256Hex and sha256File agree and match known digests", "[build]") {
    CHECK(core::sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(core::sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    test::TempDir dir("sha");
    test::writeText(dir / "abc.txt", "abc");
    auto h = core::sha256File(dir / "abc.txt");
    REQUIRE(h.ok());
    CHECK(h.value() == core::sha256Hex("abc"));
    CHECK_FALSE(core::sha256File(dir / "absent.txt").ok());
}

TEST_CASE("isSafeFeedPath accepts relative slash paths only", "[build]") {
    CHECK(core::isSafeFeedPath("event.json"));
    CHECK(core::isSafeFeedPath("images/plan.png"));
    CHECK(core::isSafeFeedPath("a/b/c.png"));
    for (const char* bad : {"", "/etc/passwd", "../x", "images/../x", "./event.json", "images//a.png", "images\\a.png",
                            "images/", "a/./b"}) {
        INFO(bad);
        CHECK_FALSE(core::isSafeFeedPath(bad));
    }
    CHECK_FALSE(core::isSafeFeedPath(std::string("a\0b", 3)));
    CHECK_FALSE(core::isSafeFeedPath(std::string(256, 'a')));
}

TEST_CASE("kiosk-feed build writes a manifest with the size and SHA-256 of every file", "[build]") {
    FeedFixture f;
    f.writeDocuments();
    REQUIRE_FALSE(fs::exists(f.dir / "manifest.json"));

    const auto out = core::buildFeed(f.path(), kNow);
    INFO(out.error << "\n" << describe(out.load.diagnostics));
    CHECK(out.error.empty());
    CHECK(out.written);
    CHECK_FALSE(out.unchanged);
    CHECK(out.load.diagnostics.empty());
    REQUIRE(fs::exists(f.dir / "manifest.json"));

    const json m = json::parse(test::readText(f.dir / "manifest.json"));
    CHECK(m["format"] == "kiosk-feed/1");
    CHECK(m["version"] == 1);
    CHECK(m["published"] == "2027-09-30T08:00:00Z");
    // Every document and both images, sorted by path, manifest.json itself excluded.
    std::vector<std::string> paths;
    for (const auto& e : m["files"]) {
        const std::string path = e["path"];
        paths.push_back(path);
        const fs::path file = f.dir / path;
        INFO(path);
        REQUIRE(fs::is_regular_file(file));
        CHECK(e["size"].get<std::uint64_t>() == fs::file_size(file));
        auto hash = core::sha256File(file);
        REQUIRE(hash.ok());
        CHECK(e["sha256"] == hash.value());
        CHECK(e["sha256"] == core::sha256Hex(test::readText(file)));
    }
    CHECK(paths == std::vector<std::string>{"announcements.json", "demos.json", "event.json", "images/plan.png",
                                            "images/robot.png", "maps.json", "pages.json", "places.json",
                                            "playlist.json", "sessions.json"});

    // The outcome describes the manifest written, and the folder now loads cleanly.
    CHECK(out.manifest.version == 1);
    CHECK(out.manifest.files.size() == paths.size());
    const auto r = core::loadFeed(f.path(), core::LoadOptions{core::FeedLimits{}, true});
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(r.diagnostics.empty());
    CHECK(r.content->manifest.version == 1);
    CHECK(r.content->manifest.published.instant == kNow);
}

TEST_CASE("kiosk-feed build raises the version when a file changed", "[build]") {
    FeedFixture f;
    f.writeDocuments();
    REQUIRE(core::buildFeed(f.path(), kNow).written);
    CHECK(manifestOnDisk(f.path()).version == 1);

    f.sessions["sessions"][0]["title"]["fr"] = "Atelier robots (complet)";
    f.writeDocuments();
    const auto out = core::buildFeed(f.path(), kLater);
    INFO(out.error << "\n" << describe(out.load.diagnostics));
    CHECK(out.written);
    CHECK_FALSE(out.unchanged);
    CHECK(out.manifest.version == 2);
    const auto m = manifestOnDisk(f.path());
    CHECK(m.version == 2);
    CHECK(m.published.instant == kLater);
    const auto* entry = m.find("sessions.json");
    REQUIRE(entry != nullptr);
    CHECK(entry->sha256 == core::sha256File(f.dir / "sessions.json").value());

    SECTION("adding a file is a change too, when a document uses it") {
        test::writeText(f.dir / "images/new.png", test::tinyPng(77));
        const auto unused = core::buildFeed(f.path(), kLater);
        CHECK(unused.unchanged);  // nothing uses it yet: not published, listed
        CHECK(std::find(unused.unused.begin(), unused.unused.end(), "images/new.png") != unused.unused.end());
        f.sessions["sessions"][0]["image"] = {{"src", "images/new.png"}, {"alt", "Une image"}};
        f.writeDocuments();
        const auto third = core::buildFeed(f.path(), kLater);
        CHECK(third.written);
        CHECK(third.manifest.version == 3);
        CHECK(manifestOnDisk(f.path()).find("images/new.png") != nullptr);
    }
    SECTION("a version a server published is the floor too (build --after)") {
        f.sessions["sessions"][0]["title"] = "Nouveau titre";
        f.writeDocuments();
        const auto next = core::buildFeed(f.path(), kLater, {}, 40);
        CHECK(next.written);
        CHECK(next.manifest.version == 41);
    }
    SECTION("a version written by hand is the floor for the next") {
        json m7 = json::parse(test::readText(f.dir / "manifest.json"));
        m7["version"] = 41;
        test::writeText(f.dir / "manifest.json", m7.dump());
        f.sessions["sessions"][0]["title"] = "Nouveau titre";
        f.writeDocuments();
        const auto next = core::buildFeed(f.path(), kLater);
        CHECK(next.written);
        CHECK(next.manifest.version == 42);
    }
}

TEST_CASE("kiosk-feed build on an unchanged folder keeps the version and does not rewrite", "[build]") {
    FeedFixture f;
    f.writeDocuments();
    REQUIRE(core::buildFeed(f.path(), kNow).written);
    const std::string before = test::readText(f.dir / "manifest.json");

    const auto again = core::buildFeed(f.path(), kLater);
    INFO(again.error << "\n" << describe(again.load.diagnostics));
    CHECK(again.error.empty());
    CHECK(again.unchanged);
    CHECK_FALSE(again.written);
    CHECK(again.manifest.version == 1);
    CHECK(again.manifest.published.instant == kNow);  // the manifest kept, not a new one
    CHECK(test::readText(f.dir / "manifest.json") == before);
    CHECK_FALSE(fs::exists(f.dir / "manifest.json.tmp"));
}

TEST_CASE("kiosk-feed build writes nothing when there is an item error", "[build]") {
    FeedFixture f;
    f.sessions["sessions"][1]["start"] = "14h30";
    f.writeDocuments();

    SECTION("first build: no manifest appears") {
        const auto out = core::buildFeed(f.path(), kNow);
        INFO(describe(out.load.diagnostics));
        CHECK_FALSE(out.written);
        CHECK_FALSE(out.unchanged);
        CHECK(out.load.diagnostics.count(Severity::ItemError) == 1u);
        CHECK(test::findDiag(out.load.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[1].start") !=
              nullptr);
        CHECK_FALSE(fs::exists(f.dir / "manifest.json"));
    }
    SECTION("later build: the previous manifest stays as it was") {
        FeedFixture good;
        good.writeDocuments();
        REQUIRE(core::buildFeed(good.path(), kNow).written);
        const std::string before = test::readText(good.dir / "manifest.json");
        good.sessions["sessions"][0]["place"] = "nulle-part";
        good.writeDocuments();
        const auto out = core::buildFeed(good.path(), kLater);
        INFO(describe(out.load.diagnostics));
        CHECK_FALSE(out.written);
        CHECK(out.load.diagnostics.hasErrors());
        CHECK(test::readText(good.dir / "manifest.json") == before);
    }
    SECTION("an image over the limits is an error for build, which checks every file") {
        FeedFixture big;
        big.files["images/huge.png"] = test::pngHeaderOnly(9000, 10);
        big.sessions["sessions"][0]["image"] = {{"src", "images/huge.png"}, {"alt", "Une image"}};
        big.writeDocuments();
        const auto out = core::buildFeed(big.path(), kNow);
        INFO(describe(out.load.diagnostics));
        CHECK_FALSE(out.written);
        CHECK(test::findDiag(out.load.diagnostics, Severity::ItemError, "images/huge.png") != nullptr);
        CHECK_FALSE(fs::exists(big.dir / "manifest.json"));
    }
}

TEST_CASE("kiosk-feed build still writes when there are only warnings", "[build]") {
    FeedFixture f;
    f.sessions["sessions"][0]["mood"] = "joyeux";
    f.writeDocuments();
    const auto out = core::buildFeed(f.path(), kNow);
    INFO(describe(out.load.diagnostics));
    CHECK(out.written);
    CHECK(out.load.diagnostics.count(Severity::Warning) == 1u);
    CHECK_FALSE(out.load.diagnostics.hasErrors());
}

TEST_CASE("scanFeedFolder lists regular files sorted and leaves out manifest, hidden and temporary files", "[build]") {
    FeedFixture f;
    f.files[".hidden"] = "x";
    f.files[".git/config"] = "y";
    f.files["notes.tmp"] = "z";
    f.files["images/.DS_Store"] = "w";
    f.files["images/sub/deep.png"] = test::tinyPng(5);
    f.writeDocuments();
    f.writeManifest();
    auto scanned = core::scanFeedFolder(f.path(), core::FeedLimits{});
    REQUIRE(scanned.ok());
    std::vector<std::string> paths;
    for (const auto& e : scanned.value()) paths.push_back(e.path);
    CHECK(std::is_sorted(paths.begin(), paths.end()));
    CHECK(paths.size() == 11u);
    CHECK(std::find(paths.begin(), paths.end(), "images/sub/deep.png") != paths.end());
    for (const char* excluded : {"manifest.json", ".hidden", ".git/config", "notes.tmp", "images/.DS_Store"}) {
        INFO(excluded);
        CHECK(std::find(paths.begin(), paths.end(), excluded) == paths.end());
    }
}

TEST_CASE("scanFeedFolder refuses a symbolic link", "[build]") {
    FeedFixture f;
    f.writeDocuments();
    test::TempDir outside("outside");
    test::writeText(outside / "secret.txt", "not part of the feed");
    fs::create_symlink(outside / "secret.txt", f.dir / "images/link.png");

    auto scanned = core::scanFeedFolder(f.path(), core::FeedLimits{});
    REQUIRE_FALSE(scanned.ok());
    INFO(scanned.error());
    // The message names the link inside the feed, where staff can find it.
    CHECK(contains(scanned.error(), "images/link.png"));
    CHECK(contains(scanned.error(), "symbolic link"));

    const auto out = core::buildFeed(f.path(), kNow);
    CHECK_FALSE(out.written);
    CHECK(contains(out.error, "symbolic link"));
    CHECK_FALSE(fs::exists(f.dir / "manifest.json"));

    SECTION("a symbolic link to a folder is refused too") {
        fs::remove(f.dir / "images/link.png");
        fs::create_directory_symlink(outside.path(), f.dir / "more");
        auto again = core::scanFeedFolder(f.path(), core::FeedLimits{});
        REQUIRE_FALSE(again.ok());
        CHECK(contains(again.error(), "symbolic link"));
    }
}

TEST_CASE("scanFeedFolder refuses more files than the limit", "[build]") {
    FeedFixture f;
    f.writeDocuments();
    core::FeedLimits limits;
    limits.maxFiles = 5;
    auto scanned = core::scanFeedFolder(f.path(), limits);
    REQUIRE_FALSE(scanned.ok());
    CHECK(contains(scanned.error(), "more than 5 files"));
    limits.maxFiles = 10;
    CHECK(core::scanFeedFolder(f.path(), limits).ok());
}

TEST_CASE("serializeManifest round-trips through loadFeed", "[build]") {
    FeedFixture f;
    f.writeDocuments();
    core::Manifest m = f.scanManifest(7);
    m.published = core::DateTime{test::at("2027-09-30T10:00:00+02:00"), 120};
    const std::string text = core::serializeManifest(m);
    test::writeText(f.dir / "manifest.json", text);

    const json j = json::parse(text);
    CHECK(j["format"] == "kiosk-feed/1");
    CHECK(j["version"] == 7);
    CHECK(j["published"] == "2027-09-30T08:00:00Z");
    CHECK(j["files"].size() == m.files.size());

    const auto r = core::loadFeed(f.path());
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(r.diagnostics.empty());
    const core::Manifest& back = r.content->manifest;
    CHECK(back.format == "kiosk-feed/1");
    CHECK(back.version == 7);
    CHECK(back.published.instant == m.published.instant);
    REQUIRE(back.files.size() == m.files.size());
    for (std::size_t i = 0; i < m.files.size(); ++i) {
        INFO(m.files[i].path);
        CHECK(back.files[i].path == m.files[i].path);
        CHECK(back.files[i].size == m.files[i].size);
        CHECK(back.files[i].sha256 == m.files[i].sha256);
    }
    // Serializing what was read gives the same text.
    CHECK(core::serializeManifest(back) == text);
}

TEST_CASE("loadFeedWithManifest checks a folder against a manifest held in memory", "[build]") {
    FeedFixture f;
    f.writeDocuments();
    const core::Manifest m = f.scanManifest(3);
    REQUIRE_FALSE(fs::exists(f.dir / "manifest.json"));
    const auto r = core::loadFeedWithManifest(f.path(), m, core::LoadOptions{});
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    CHECK(r.diagnostics.empty());
    CHECK(r.content->manifest.version == 3);
    CHECK(r.content->sessions.size() == 3u);

    core::Manifest wrong = m;
    for (auto& e : wrong.files) {
        if (e.path == "event.json") e.sha256 = std::string(64, '0');
    }
    const auto bad = core::loadFeedWithManifest(f.path(), wrong, core::LoadOptions{});
    CHECK(bad.content == nullptr);
    CHECK(test::findDiag(bad.diagnostics, Severity::Fatal, "event.json") != nullptr);
}

TEST_CASE("a manifest with a bad entry is refused as a whole", "[build][fatal]") {
    FeedFixture f;
    f.writeDocuments();
    json m = f.manifestJson();
    // Checked inside each section: a leaf section must assert (tests/test_main.cpp).
    const auto refused = [&f](const json& manifest) {
        test::writeText(f.dir / "manifest.json", manifest.dump());
        const auto r = core::loadFeed(f.path());
        INFO(describe(r.diagnostics));
        CHECK(r.content == nullptr);
        CHECK(test::findDiag(r.diagnostics, Severity::Fatal, "manifest.json") != nullptr);
    };
    SECTION("sha256 not lowercase hex") {
        m["files"][0]["sha256"] = std::string(64, 'A');
        refused(m);
    }
    SECTION("negative size") {
        m["files"][0]["size"] = -1;
        refused(m);
    }
    SECTION("a path listed twice") {
        m["files"].push_back(m["files"][0]);
        refused(m);
    }
    SECTION("manifest.json listing itself") {
        m["files"].push_back({{"path", "manifest.json"}, {"size", 10}, {"sha256", std::string(64, 'a')}});
        refused(m);
    }
    SECTION("version 0") {
        m["version"] = 0;
        refused(m);
    }
    SECTION("published without offset") {
        m["published"] = "2027-09-30T10:00:00";
        refused(m);
    }
}

// Issue 21: build never passes the version bound, never restarts a version, never blocks
// or crashes on what a folder holds.
TEST_CASE("kiosk-feed build refuses to go past the largest version kiosks take", "[build][hostile]") {
    FeedFixture f;
    f.writeDocuments();
    REQUIRE(core::buildFeed(f.path(), kNow).written);
    auto m = json::parse(test::readText(f.dir / "manifest.json"));
    m["version"] = core::kMaxFeedVersion - 1;
    test::writeText(f.dir / "manifest.json", m.dump());
    test::writeText(f.dir / "event.json", test::readText(f.dir / "event.json") + " ");  // a change
    const auto last = core::buildFeed(f.path(), kLater);
    INFO(last.error);
    REQUIRE(last.written);
    CHECK(last.manifest.version == core::kMaxFeedVersion);  // 2^53 - 1 itself is fine

    test::writeText(f.dir / "event.json", test::readText(f.dir / "event.json") + " ");
    const auto past = core::buildFeed(f.path(), kLater);
    CHECK_FALSE(past.written);
    CHECK(contains(past.error, "cannot go above 9007199254740991"));
    CHECK(json::parse(test::readText(f.dir / "manifest.json"))["version"] == core::kMaxFeedVersion);
    // a version floor read from a server is bounded the same way
    CHECK(contains(core::buildFeed(f.path(), kLater, {}, core::kMaxFeedVersion).error, "cannot go above"));
}

TEST_CASE("kiosk-feed build refuses an unreadable manifest instead of restarting at version 1", "[build][hostile]") {
    for (const char* bad : {R"("7")", "null", "0", "9007199254740992", "-3"}) {
        INFO(bad);
        FeedFixture f;
        f.writeDocuments();
        REQUIRE(core::buildFeed(f.path(), kNow).written);
        auto m = json::parse(test::readText(f.dir / "manifest.json"));
        m["version"] = json::parse(bad);
        const std::string broken = m.dump();
        test::writeText(f.dir / "manifest.json", broken);
        const auto out = core::buildFeed(f.path(), kLater);
        CHECK_FALSE(out.written);
        CHECK(contains(out.error, "manifest.json: $.version"));
        CHECK(contains(out.error, "remove it to start again at version 1"));
        CHECK(test::readText(f.dir / "manifest.json") == broken);  // left for staff to fix
    }
    FeedFixture f;
    f.writeDocuments();
    REQUIRE(core::buildFeed(f.path(), kNow).written);
    auto m = json::parse(test::readText(f.dir / "manifest.json"));
    m["files"][0]["size"] = nullptr;
    test::writeText(f.dir / "manifest.json", m.dump());
    auto current = core::readCurrentManifest(f.path());
    REQUIRE_FALSE(current.ok());
    CHECK(contains(current.error(), "$.files[0].size"));
    CHECK_FALSE(core::buildFeed(f.path(), kLater).written);
    fs::remove(f.dir / "manifest.json");
    auto none = core::readCurrentManifest(f.path());
    REQUIRE(none.ok());
    CHECK_FALSE(none.value().has_value());
    CHECK(core::buildFeed(f.path(), kLater).manifest.version == 1);  // removed on purpose: a fresh start
}

TEST_CASE("scanFeedFolder skips a pipe instead of blocking on it", "[build][hostile]") {
    FeedFixture f;
    f.writeDocuments();
    fs::create_directories(f.dir / "images");
    REQUIRE(mkfifo((f.dir / "images" / "tube.png").c_str(), 0600) == 0);
    std::vector<std::string> skipped;
    auto scanned = core::scanFeedFolder(f.path(), core::FeedLimits{}, &skipped);
    REQUIRE(scanned.ok());
    CHECK(skipped == std::vector<std::string>{"images/tube.png"});
    for (const auto& e : scanned.value()) CHECK(e.path != "images/tube.png");
    const auto out = core::buildFeed(f.path(), kNow);
    CHECK(out.written);
    CHECK(out.notRegular == std::vector<std::string>{"images/tube.png"});
    CHECK_FALSE(core::sha256File(f.dir / "images" / "tube.png").ok());  // refused, not opened
}

TEST_CASE("kiosk-feed build survives 100000 nested brackets in a document", "[build][hostile]") {
    FeedFixture f;
    f.writeDocuments();
    test::writeText(f.dir / "pages.json", std::string(100000, '[') + std::string(100000, ']'));
    std::vector<std::string> unused;
    auto scanned = core::scanFeedFolder(f.path(), core::FeedLimits{});
    REQUIRE(scanned.ok());
    core::usedFiles(f.path(), scanned.value(), unused);  // used to recurse 100000 deep: SIGSEGV
    const auto out = core::buildFeed(f.path(), kNow);
    CHECK_FALSE(out.written);
    bool named = false;
    for (const auto& d : out.load.diagnostics.all())
        named = named || (d.file == "pages.json" && contains(d.message, "nested"));
    CHECK(named);
}
