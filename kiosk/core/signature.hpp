// Signed feeds in minisign's format (Ed25519 through libsodium): key files, signature
// files, and the feed's claims (version, expiry) carried in the signature's trusted comment.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace kiosk::core {

// minisign's layouts (https://jedisct1.github.io/minisign/), all little-endian:
//   public key  "Ed" keyId[8] pk[32]                     (base64, after an untrusted comment line)
//   secret key  "Ed" kdf[2] "B2" salt[32] ops[8] mem[8] {keyId[8] sk[64] chk[32]}
//               kdf "Sc": the braces are XORed with scrypt(password); kdf 0,0: stored as is
//   signature   "ED" keyId[8] sig[64]  (sig of BLAKE2b-512(file); "Ed": of the file itself)
//               then "trusted comment: ..." and sig[64] of (sig || trusted comment)
using KeyId = std::array<unsigned char, 8>;

struct PublicKey {
    KeyId id{};
    std::array<unsigned char, 32> key{};
    std::string idHex() const;   // as minisign prints it: "9BEEED97A7FB3912"
    std::string base64() const;  // the one line minisign -P takes
};

struct SecretKey {
    KeyId id{};
    std::array<unsigned char, 64> key{};  // libsodium's seed || public key
    PublicKey publicKey() const;
};

// A fresh key pair from libsodium's random generator.
SecretKey generateSecretKey();

// A public key from the base64 line or from a whole minisign.pub file. Errors say what
// was expected. Any thread.
Result<PublicKey> parsePublicKey(const std::string& text);
std::string formatPublicKeyFile(const PublicKey& key);

// How hard scrypt works on the password: minisign always uses Sensitive (1 GiB of
// memory, seconds of work); Interactive (16 MiB) suits small machines and tests.
enum class KdfStrength { Interactive, Sensitive };
// The secret key file; no password: stored unencrypted (like minisign -W). Error when
// scrypt cannot get its memory.
Result<std::string> formatSecretKeyFile(const SecretKey& key, const std::optional<std::string>& password,
                                        KdfStrength strength = KdfStrength::Sensitive);
Result<bool> secretKeyFileIsEncrypted(const std::string& text);
// Decrypts with the password when the file is encrypted (ignored otherwise). Error on a
// wrong password (the checksum does not match) or a damaged file.
Result<SecretKey> parseSecretKeyFile(const std::string& text, const std::string& password = {});

struct Signature {
    std::string untrustedComment, trustedComment;
    KeyId keyId{};
    bool prehashed = true;  // "ED" (BLAKE2b-512 of the file), else legacy "Ed"
    std::array<unsigned char, 64> sig{}, globalSig{};
};

// A .minisig file, prehashed ("ED") as minisign >= 0.8 makes by default. Comments must
// be one line each (newlines are replaced by spaces).
std::string signMessage(const SecretKey& key, const std::string& message, const std::string& trustedComment,
                        const std::string& untrustedComment = "signature from kiosk-feed secret key");
Result<Signature> parseSignatureFile(const std::string& text);
// The key among `keys` that made `signature` of `message`, with the trusted comment
// checked too. Errors: no key with that id ("signed with another key"), a bad signature
// (the file or the comment was changed).
Result<PublicKey> verifySignature(const Signature& signature, const std::string& message,
                                  const std::vector<PublicKey>& keys);

// What a feed's signature says about it: "version:12 expires:2027-11-30T00:00:00Z".
struct FeedClaims {
    std::int64_t version = 0;
    std::optional<Instant> expires;  // nullopt: never expires
};
// `signedAt` adds " signed:DATE": when it was signed (kiosk-feed sign writes it).
std::string formatFeedClaims(const FeedClaims& claims, std::optional<Instant> signedAt = std::nullopt);
Result<FeedClaims> parseFeedClaims(const std::string& trustedComment);
// When a trusted comment says it was signed: "signed:2027-10-01T10:00:00Z", else minisign's
// own "timestamp:1790000000"; nullopt when neither is there or readable. Evidence of the
// time only once the signature verified (core/sync/feed_trust.cpp).
std::optional<Instant> signingTime(const std::string& trustedComment);

// The whole check of a signed manifest: the signature by one of `keys`, its claims, and
// their version equal to the manifest's. Expiry is the caller's (it depends on the clock).
struct FeedSignature {
    PublicKey key;
    FeedClaims claims;
};
Result<FeedSignature> verifyFeedManifest(const std::string& manifestText, std::int64_t manifestVersion,
                                         const std::string& signatureText, const std::vector<PublicKey>& keys);

}  // namespace kiosk::core
