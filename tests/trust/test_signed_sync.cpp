// The sync engine with feed_public_keys: signed versions are installed; another key, a
// tampered manifest or file, an older signed version (replay) or an expired signature are
// refused while the current version stays; expiry of the current one makes it "stale".
#include <catch2/catch.hpp>

#include "../sync/sync_fixture.hpp"
#include "core/signature.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/sync_engine.hpp"

using namespace kiosk;
using namespace kiosk::test;
using core::sync::SyncEngine;
using core::sync::SyncOutcome;

namespace {
struct SignedFeed {
    FeedFixture feed;
    TempDir cache{"cache"};
    core::SecretKey staff = core::generateSecretKey();
    core::ManualClock clock{at("2027-10-01T10:00:00Z")};

    core::sync::SyncSettings settings(std::vector<core::PublicKey> keys) const {
        auto s = testSettings("file://" + (feed.path() / "manifest.json").string(), cache.path());
        s.http.allowedFileRoots = {feed.path().string()};
        s.feedPublicKeys = std::move(keys);
        return s;
    }
    // Publishes `version` and signs it with `key` claiming `claimed` (default: the same).
    void publishSigned(std::int64_t version, const core::SecretKey& key, const char* expires = "2027-12-31T00:00:00Z",
                       std::int64_t claimed = 0) {
        publish(feed, version);
        sign(key, claimed ? claimed : version, expires);
    }
    void sign(const core::SecretKey& key, std::int64_t claimed, const char* expires) {
        const std::string manifest = readText(feed.path() / "manifest.json");
        writeText(feed.path() / "manifest.json.minisig",
                  core::signMessage(key, manifest, core::formatFeedClaims({claimed, at(expires)})));
    }
    core::sync::SyncReport sync(std::vector<core::PublicKey> keys) {
        SyncEngine engine(settings(std::move(keys)), clock);
        return engine.syncOnce();
    }
    core::sync::SyncReport sync() { return sync({staff.publicKey()}); }
    std::optional<std::int64_t> current() const { return core::sync::ContentCache(cache.path()).currentVersion(); }
    core::sync::SyncStatus status() const { return core::sync::readStatusFile(cache.path()).value(); }
};
}  // namespace

TEST_CASE("signed sync: a signed version is installed and the status says by which key", "[signature][sync]") {
    SignedFeed f;
    f.publishSigned(3, f.staff);
    const auto r = f.sync();
    INFO(r.error);
    REQUIRE(r.outcome == SyncOutcome::Updated);
    CHECK(f.current() == 3);
    const auto st = f.status();
    CHECK(core::sync::signatureState(st, f.clock.now()) == "valid");
    CHECK(st.signatureKeyId == f.staff.publicKey().idHex());
    CHECK(st.signatureExpires == at("2027-12-31T00:00:00Z"));
    CHECK_THAT(core::sync::describeSignature(st, f.clock.now()), Catch::Contains("2027-12-31"));
    CHECK(fs::exists(f.cache.path() / "versions/3/manifest.json.minisig"));
}

TEST_CASE("signed sync: another key, tampering and an unsigned feed are refused, content kept", "[signature][sync]") {
    SignedFeed f;
    f.publishSigned(3, f.staff);
    REQUIRE(f.sync().outcome == SyncOutcome::Updated);

    SECTION("another key") {
        const auto intruder = core::generateSecretKey();
        f.publishSigned(4, intruder);
        const auto r = f.sync();
        CHECK(r.outcome == SyncOutcome::Failed);
        CHECK_THAT(r.error, Catch::Contains(intruder.publicKey().idHex()) && Catch::Contains("version 4 refused"));
        CHECK_THAT(f.status().signatureRefused, Catch::Contains("not one of this kiosk's keys"));
    }
    SECTION("a manifest changed after signing") {
        f.publishSigned(4, f.staff);
        auto m = readText(f.feed.path() / "manifest.json");
        m.replace(m.find("\"version\""), 9, "\"version\" ");
        writeText(f.feed.path() / "manifest.json", m);
        const auto r = f.sync();
        CHECK(r.outcome == SyncOutcome::Failed);
        CHECK_THAT(r.error, Catch::Contains("bad signature"));
    }
    SECTION("a file changed after signing") {
        f.feed.files["images/robot.png"] = tinyPng(40);
        f.publishSigned(4, f.staff);
        writeText(f.feed.path() / "images/robot.png", tinyPng(77));  // the manifest's hash no longer matches
        const auto r = f.sync();
        CHECK(r.outcome == SyncOutcome::Failed);
        CHECK_THAT(r.error, Catch::Contains("robot.png"));
    }
    SECTION("a claim of another version") {
        f.publishSigned(4, f.staff, "2027-12-31T00:00:00Z", 9);
        CHECK_THAT(f.sync().error, Catch::Contains("signature is for version 9"));
    }
    SECTION("no signature at all") {
        publish(f.feed, 4);
        fs::remove(f.feed.path() / "manifest.json.minisig");
        const auto r = f.sync();
        CHECK(r.outcome == SyncOutcome::Failed);
        CHECK_THAT(r.error, Catch::Contains("not signed"));
    }
    CHECK(f.current() == 3);
    auto loaded = core::sync::ContentCache(f.cache.path()).loadCurrent();
    REQUIRE(loaded.load.content);
    CHECK(loaded.load.content->manifest.version == 3);
    CHECK(core::sync::signatureState(f.status(), f.clock.now()) == "valid");
}

TEST_CASE("signed sync: an older signed version is refused (no replay)", "[signature][sync]") {
    SignedFeed f;
    f.publishSigned(5, f.staff);
    REQUIRE(f.sync().outcome == SyncOutcome::Updated);
    f.feed.files["images/robot.png"] = tinyPng(3);
    f.publishSigned(4, f.staff);  // genuinely signed, but older
    const auto r = f.sync();
    CHECK(r.outcome == SyncOutcome::Failed);
    CHECK_THAT(r.error, Catch::Contains("older than version 5"));
    CHECK(f.current() == 5);
    CHECK_THAT(core::sync::describeSignature(f.status(), f.clock.now()), Catch::Contains("last refused"));
}

TEST_CASE("signed sync: expiry refuses new versions and makes the current one stale until re-signed",
          "[signature][sync]") {
    SignedFeed f;
    f.publishSigned(5, f.staff, "2027-10-02T00:00:00Z");
    REQUIRE(f.sync().outcome == SyncOutcome::Updated);
    f.clock.advance(2 * 86400.0);  // 2027-10-03: the signature of version 5 has expired
    auto r = f.sync();
    CHECK(r.outcome == SyncOutcome::NothingNew);
    CHECK(core::sync::signatureState(f.status(), f.clock.now()) == "stale");
    CHECK_THAT(core::sync::describeSignature(f.status(), f.clock.now()), Catch::Contains("content kept"));

    f.feed.files["images/robot.png"] = tinyPng(4);
    f.publishSigned(6, f.staff, "2027-10-02T12:00:00Z");  // new, but already expired
    r = f.sync();
    CHECK(r.outcome == SyncOutcome::Failed);
    CHECK_THAT(r.error, Catch::Contains("expired at 2027-10-02T12:00:00Z"));
    CHECK(f.current() == 5);

    f.publishSigned(6, f.staff, "2027-11-01T00:00:00Z");  // signed again by staff
    r = f.sync();
    INFO(r.error);
    CHECK(r.outcome == SyncOutcome::Updated);
    CHECK(core::sync::signatureState(f.status(), f.clock.now()) == "valid");
    CHECK(f.status().signatureRefused.empty());
}

TEST_CASE("signed sync: the same version signed again ends the stale state", "[signature][sync]") {
    SignedFeed f;
    f.publishSigned(5, f.staff, "2027-10-02T00:00:00Z");
    REQUIRE(f.sync().outcome == SyncOutcome::Updated);
    f.clock.advance(2 * 86400.0);
    REQUIRE(f.sync().outcome == SyncOutcome::NothingNew);
    REQUIRE(core::sync::signatureState(f.status(), f.clock.now()) == "stale");
    f.sign(f.staff, 5, "2027-11-01T00:00:00Z");  // manifest untouched: the server answers "not modified"
    const auto r = f.sync();
    CHECK(r.outcome == SyncOutcome::NothingNew);
    CHECK(core::sync::signatureState(f.status(), f.clock.now()) == "valid");
    CHECK(f.status().signatureExpires == at("2027-11-01T00:00:00Z"));
}

TEST_CASE("signed sync: two keys during a rotation, and no keys means unsigned", "[signature][sync]") {
    SignedFeed f;
    const auto next = core::generateSecretKey();
    f.publishSigned(3, f.staff);
    REQUIRE(f.sync({f.staff.publicKey(), next.publicKey()}).outcome == SyncOutcome::Updated);
    f.feed.files["images/robot.png"] = tinyPng(5);
    f.publishSigned(4, next);
    REQUIRE(f.sync({f.staff.publicKey(), next.publicKey()}).outcome == SyncOutcome::Updated);
    CHECK(f.status().signatureKeyId == next.publicKey().idHex());

    f.feed.files["images/robot.png"] = tinyPng(6);
    publish(f.feed, 5);
    fs::remove(f.feed.path() / "manifest.json.minisig");
    REQUIRE(f.sync({}).outcome == SyncOutcome::Updated);
    CHECK(core::sync::signatureState(f.status(), f.clock.now()) == "unsigned");
}

TEST_CASE("signed sync: a rollback shows the signature of the version rolled back to", "[signature][sync]") {
    SignedFeed f;
    f.publishSigned(3, f.staff, "2027-12-01T00:00:00Z");
    REQUIRE(f.sync().outcome == SyncOutcome::Updated);
    f.feed.files["images/robot.png"] = tinyPng(7);
    f.publishSigned(4, f.staff, "2027-12-15T00:00:00Z");
    REQUIRE(f.sync().outcome == SyncOutcome::Updated);
    SyncEngine engine(f.settings({f.staff.publicKey()}), f.clock);
    REQUIRE(engine.rollback().outcome == SyncOutcome::Updated);
    CHECK(engine.status().signatureExpires == at("2027-12-01T00:00:00Z"));
}

// Issue 9 ("Transport and time"): a verified signature's time is evidence; a refused one
// (another key, an older version) moves nothing.
TEST_CASE("signed sync: the signing time of a verified signature moves the trusted time, a refused one does not",
          "[signature][sync][time]") {
    SignedFeed f;  // the kiosk's clock says 2027-10-01T10:00:00Z: it is behind
    const auto signWith = [&f](const core::SecretKey& key, std::int64_t version, const char* signedAt) {
        const std::string manifest = readText(f.feed.path() / "manifest.json");
        const core::FeedClaims claims{version, at("2027-12-31T00:00:00Z")};
        writeText(f.feed.path() / "manifest.json.minisig",
                  core::signMessage(key, manifest, core::formatFeedClaims(claims, at(signedAt))));
    };
    publish(f.feed, 3);
    signWith(f.staff, 3, "2027-10-03T08:00:00Z");
    REQUIRE(f.sync().outcome == SyncOutcome::Updated);
    REQUIRE(f.status().trustedTime);
    // The signature alone is one source (the signing computer's clock): it moves the floor
    // by the slack past the system clock, not to its date at once (issue 21).
    const core::Instant moved = at("2027-10-01T10:00:00Z") + core::sync::TrustedTimePolicy{}.slack;
    CHECK(*f.status().trustedTime == moved);
    CHECK(f.status().trustedSource == "signed feed");
    f.clock.advance(3600);  // an accepted signature would now move it an hour and more again

    SECTION("another key's signature, dated later, is refused and moves nothing") {
        publish(f.feed, 4);
        signWith(core::generateSecretKey(), 4, "2027-10-20T00:00:00Z");
        CHECK(f.sync().outcome == SyncOutcome::Failed);
    }
    SECTION("an older signed version (a replay), dated later, moves nothing") {
        publish(f.feed, 2);
        signWith(f.staff, 2, "2027-10-20T00:00:00Z");
        CHECK(f.sync().outcome == SyncOutcome::Failed);
    }
    CHECK(f.current() == 3);
    CHECK(*f.status().trustedTime == moved);
}

TEST_CASE("signature claims: signed: and minisign's timestamp: give the signing time", "[signature]") {
    const std::string comment = "version:3 expires:2027-12-31T00:00:00Z signed:2027-10-03T08:00:00Z";
    const auto c = core::parseFeedClaims(comment);
    REQUIRE(c);
    CHECK(core::formatFeedClaims(c.value(), at("2027-10-03T08:00:00Z")) == comment);
    CHECK(core::signingTime(comment) == at("2027-10-03T08:00:00Z"));
    CHECK(core::signingTime("timestamp:1790000000\tfile:manifest.json") ==
          core::Instant(std::chrono::seconds(1790000000)));
    CHECK_FALSE(core::signingTime("version:3 signed:yesterday"));
    CHECK_FALSE(core::signingTime("version:3"));
}
