// minisign-compatible keys and signatures on libsodium (see signature.hpp). Every
// cryptographic step is a libsodium call; this file only lays bytes out as minisign does.
#include "core/signature.hpp"

#include "core/limits.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <sstream>

namespace kiosk::core {
namespace {

constexpr const char* kCommentPrefix = "untrusted comment: ";
constexpr const char* kTrustedPrefix = "trusted comment: ";
constexpr std::size_t kSecretKeyBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr std::size_t kSecretOffset = 2 + 2 + 2 + 32 + 8 + 8;  // where {keyId sk chk} starts

void ensureSodium() {
    static const int ready = sodium_init();  // thread-safe, idempotent
    (void)ready;
}

std::string toBase64(const unsigned char* data, std::size_t n) {
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

Result<std::vector<unsigned char>> fromBase64(const std::string& text, std::size_t expected, const char* what) {
    std::vector<unsigned char> out(expected + 8);
    std::size_t len = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \t\r\n", &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len != expected) {
        return fail(std::string(what) + ": expected " + std::to_string(expected) + " bytes in base64");
    }
    out.resize(len);
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        out.push_back(l);
    }
    return out;
}

std::string oneLine(std::string s) {
    for (char& c : s) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return s;
}

std::uint64_t loadLe64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

void storeLe64(unsigned char* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

// BLAKE2b-256 of "Ed" || keyId || sk, as minisign checks a decrypted key.
std::array<unsigned char, 32> secretKeyChecksum(const SecretKey& k) {
    std::array<unsigned char, 32> chk{};
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, chk.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("Ed"), 2);
    crypto_generichash_update(&st, k.id.data(), k.id.size());
    crypto_generichash_update(&st, k.key.data(), k.key.size());
    crypto_generichash_final(&st, chk.data(), chk.size());
    return chk;
}

// The scrypt key stream XORed over {keyId sk chk}.
Status xorWithPassword(unsigned char* data, std::size_t n, const std::string& password, const unsigned char* salt,
                       std::uint64_t ops, std::uint64_t mem) {
    std::vector<unsigned char> stream(n);
    if (crypto_pwhash_scryptsalsa208sha256(stream.data(), n, password.data(), password.size(), salt, ops,
                                           static_cast<std::size_t>(mem)) != 0) {
        return fail("the password could not be processed (scrypt needs " + std::to_string(mem >> 20) +
                    " MiB of memory)");
    }
    for (std::size_t i = 0; i < n; ++i) data[i] ^= stream[i];
    sodium_memzero(stream.data(), n);
    return Ok{};
}

std::array<unsigned char, 64> blake2b512(const std::string& message) {
    std::array<unsigned char, 64> h{};
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       nullptr, 0);
    return h;
}

}  // namespace

std::string PublicKey::idHex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llX", static_cast<unsigned long long>(loadLe64(id.data())));
    return buf;
}

std::string PublicKey::base64() const {
    unsigned char raw[2 + 8 + 32];
    std::memcpy(raw, "Ed", 2);
    std::memcpy(raw + 2, id.data(), 8);
    std::memcpy(raw + 10, key.data(), 32);
    return toBase64(raw, sizeof raw);
}

PublicKey SecretKey::publicKey() const {
    PublicKey p;
    p.id = id;
    crypto_sign_ed25519_sk_to_pk(p.key.data(), key.data());
    return p;
}

SecretKey generateSecretKey() {
    ensureSodium();
    SecretKey k;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_keypair(pk, k.key.data());
    randombytes_buf(k.id.data(), k.id.size());
    return k;
}

Result<PublicKey> parsePublicKey(const std::string& text) {
    ensureSodium();
    std::string b64 = text;
    for (const std::string& l : lines(text)) {  // a whole .pub file: the line after the comment
        if (!l.empty() && l.rfind(kCommentPrefix, 0) != 0) {
            b64 = l;
            break;
        }
    }
    auto raw = fromBase64(b64, 42, "public key");
    if (!raw) return fail(raw.error() + " (a minisign public key such as RWQ..., 56 characters)");
    const auto& r = raw.value();
    if (r[0] != 'E' || r[1] != 'd') return fail("public key: not an Ed25519 minisign key");
    PublicKey p;
    std::memcpy(p.id.data(), r.data() + 2, 8);
    std::memcpy(p.key.data(), r.data() + 10, 32);
    return p;
}

std::string formatPublicKeyFile(const PublicKey& key) {
    return std::string(kCommentPrefix) + "minisign public key " + key.idHex() + "\n" + key.base64() + "\n";
}

Result<std::string> formatSecretKeyFile(const SecretKey& key, const std::optional<std::string>& password,
                                        KdfStrength strength) {
    ensureSodium();
    unsigned char raw[kSecretKeyBytes] = {};
    std::memcpy(raw, "Ed", 2);
    std::memcpy(raw + 4, "B2", 2);
    unsigned char* secret = raw + kSecretOffset;
    std::memcpy(secret, key.id.data(), 8);
    std::memcpy(secret + 8, key.key.data(), 64);
    if (password) {
        std::memcpy(raw + 2, "Sc", 2);
        randombytes_buf(raw + 6, 32);
        const bool sensitive = strength == KdfStrength::Sensitive;
        const std::uint64_t ops = sensitive ? crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_SENSITIVE
                                            : crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE;
        const std::uint64_t mem = sensitive ? crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_SENSITIVE
                                            : crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE;
        storeLe64(raw + 38, ops);
        storeLe64(raw + 46, mem);
        const auto chk = secretKeyChecksum(key);
        std::memcpy(secret + 72, chk.data(), 32);
        if (auto s = xorWithPassword(secret, 8 + 64 + 32, *password, raw + 6, ops, mem); !s) return fail(s.error());
    }
    // Unencrypted: salt, limits and checksum stay zero, byte for byte as minisign -W writes.
    std::string out =
        std::string(kCommentPrefix) + "minisign encrypted secret key\n" + toBase64(raw, sizeof raw) + "\n";
    sodium_memzero(raw, sizeof raw);
    return out;
}

namespace {
Result<std::vector<unsigned char>> secretKeyBytes(const std::string& text) {
    const auto ls = lines(text);
    if (ls.size() < 2 || ls[0].rfind(kCommentPrefix, 0) != 0) {
        return fail("secret key: expected a minisign secret key file (an untrusted comment line, then base64)");
    }
    auto raw = fromBase64(ls[1], kSecretKeyBytes, "secret key");
    if (!raw) return raw;
    const auto& r = raw.value();
    if (std::memcmp(r.data(), "Ed", 2) != 0 || std::memcmp(r.data() + 4, "B2", 2) != 0) {
        return fail("secret key: not an Ed25519 minisign key");
    }
    const bool scrypt = std::memcmp(r.data() + 2, "Sc", 2) == 0;
    if (!scrypt && (r[2] != 0 || r[3] != 0)) return fail("secret key: unknown key derivation");
    return raw;
}
}  // namespace

Result<bool> secretKeyFileIsEncrypted(const std::string& text) {
    auto raw = secretKeyBytes(text);
    if (!raw) return fail(raw.error());
    return raw.value()[2] == 'S';
}

Result<SecretKey> parseSecretKeyFile(const std::string& text, const std::string& password) {
    ensureSodium();
    auto parsed = secretKeyBytes(text);
    if (!parsed) return fail(parsed.error());
    std::vector<unsigned char> raw = std::move(parsed).value();
    const bool encrypted = raw[2] == 'S';
    unsigned char* secret = raw.data() + kSecretOffset;
    if (encrypted) {
        const std::uint64_t ops = loadLe64(raw.data() + 38), mem = loadLe64(raw.data() + 46);
        if (mem > (std::uint64_t{4} << 30)) return fail("secret key: scrypt asks for more than 4 GiB of memory");
        if (auto s = xorWithPassword(secret, 8 + 64 + 32, password, raw.data() + 6, ops, mem); !s) {
            return fail(s.error());
        }
    }
    SecretKey k;
    std::memcpy(k.id.data(), secret, 8);
    std::memcpy(k.key.data(), secret + 8, 64);
    if (encrypted) {
        const auto chk = secretKeyChecksum(k);
        if (sodium_memcmp(chk.data(), secret + 72, 32) != 0) {
            sodium_memzero(raw.data(), raw.size());
            return fail("wrong password for the secret key (or the key file is damaged)");
        }
    }
    sodium_memzero(raw.data(), raw.size());
    return k;
}

std::string signMessage(const SecretKey& key, const std::string& message, const std::string& trustedComment,
                        const std::string& untrustedComment) {
    ensureSodium();
    const auto hash = blake2b512(message);
    unsigned char sigLine[2 + 8 + 64];
    std::memcpy(sigLine, "ED", 2);
    std::memcpy(sigLine + 2, key.id.data(), 8);
    crypto_sign_detached(sigLine + 10, nullptr, hash.data(), hash.size(), key.key.data());
    const std::string trusted = oneLine(trustedComment);
    std::string global(reinterpret_cast<const char*>(sigLine + 10), 64);
    global += trusted;
    unsigned char globalSig[64];
    crypto_sign_detached(globalSig, nullptr, reinterpret_cast<const unsigned char*>(global.data()), global.size(),
                         key.key.data());
    return std::string(kCommentPrefix) + oneLine(untrustedComment) + "\n" + toBase64(sigLine, sizeof sigLine) + "\n" +
           kTrustedPrefix + trusted + "\n" + toBase64(globalSig, sizeof globalSig) + "\n";
}

Result<Signature> parseSignatureFile(const std::string& text) {
    ensureSodium();
    const auto ls = lines(text);
    if (ls.size() < 4 || ls[0].rfind(kCommentPrefix, 0) != 0 || ls[2].rfind(kTrustedPrefix, 0) != 0) {
        return fail(
            "signature: expected a minisign signature file (4 lines: comment, signature, trusted comment, "
            "global signature)");
    }
    auto sig = fromBase64(ls[1], 74, "signature");
    if (!sig) return fail(sig.error());
    auto global = fromBase64(ls[3], 64, "global signature");
    if (!global) return fail(global.error());
    Signature s;
    const auto& r = sig.value();
    if (r[0] == 'E' && r[1] == 'D')
        s.prehashed = true;
    else if (r[0] == 'E' && r[1] == 'd')
        s.prehashed = false;
    else
        return fail("signature: unknown algorithm (expected minisign's Ed25519)");
    s.untrustedComment = ls[0].substr(std::strlen(kCommentPrefix));
    s.trustedComment = ls[2].substr(std::strlen(kTrustedPrefix));
    std::memcpy(s.keyId.data(), r.data() + 2, 8);
    std::memcpy(s.sig.data(), r.data() + 10, 64);
    std::memcpy(s.globalSig.data(), global.value().data(), 64);
    return s;
}

Result<PublicKey> verifySignature(const Signature& s, const std::string& message, const std::vector<PublicKey>& keys) {
    ensureSodium();
    const PublicKey* key = nullptr;
    for (const PublicKey& k : keys) {
        if (k.id == s.keyId) key = &k;
    }
    if (!key) {
        PublicKey other;
        other.id = s.keyId;
        std::string known;
        for (const PublicKey& k : keys) known += (known.empty() ? "" : ", ") + k.idHex();
        return fail("signed with key " + other.idHex() + ", which is not one of this kiosk's keys (" + known + ")");
    }
    int bad = 0;
    if (s.prehashed) {
        const auto hash = blake2b512(message);
        bad = crypto_sign_verify_detached(s.sig.data(), hash.data(), hash.size(), key->key.data());
    } else {
        bad = crypto_sign_verify_detached(s.sig.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                          message.size(), key->key.data());
    }
    if (bad != 0) return fail("bad signature: the manifest is not the one key " + key->idHex() + " signed");
    std::string global(reinterpret_cast<const char*>(s.sig.data()), 64);
    global += s.trustedComment;
    if (crypto_sign_verify_detached(s.globalSig.data(), reinterpret_cast<const unsigned char*>(global.data()),
                                    global.size(), key->key.data()) != 0) {
        return fail("bad signature: the trusted comment was changed after signing");
    }
    return *key;
}

std::string formatFeedClaims(const FeedClaims& c, std::optional<Instant> signedAt) {
    std::string out = "version:" + std::to_string(c.version);
    if (c.expires) out += " expires:" + formatIsoUtc(*c.expires);
    if (signedAt) out += " signed:" + formatIsoUtc(*signedAt);
    return out;
}

std::optional<Instant> signingTime(const std::string& comment) {
    std::optional<Instant> timestamp;
    std::istringstream in(comment);
    for (std::string word; in >> word;) {
        if (word.rfind("signed:", 0) == 0) {
            if (auto dt = parseDateTimeWithOffset(word.substr(7))) return dt->instant;
        } else if (word.rfind("timestamp:", 0) == 0) {  // minisign's default trusted comment
            const std::string v = word.substr(10);
            if (!v.empty() && v.size() <= 12 && v.find_first_not_of("0123456789") == std::string::npos) {
                timestamp = Instant(std::chrono::seconds(std::stoll(v)));
            }
        }
    }
    return timestamp;
}

Result<FeedClaims> parseFeedClaims(const std::string& comment) {
    FeedClaims c;
    bool haveVersion = false;
    std::istringstream in(comment);
    for (std::string word; in >> word;) {
        if (word.rfind("version:", 0) == 0) {
            const std::string v = word.substr(8);
            if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
                return fail("trusted comment: version: expected a number, got \"" + v + "\"");
            }
            c.version = std::stoll(v);
            if (!isFeedVersion(c.version)) {
                return fail("trusted comment: version: expected a whole number from 1 to " +
                            std::to_string(kMaxFeedVersion) + ", got " + v);
            }
            haveVersion = true;
        } else if (word.rfind("expires:", 0) == 0) {
            auto dt = parseDateTimeWithOffset(word.substr(8));
            if (!dt) return fail("trusted comment: expires: expected a date-time such as 2027-11-30T00:00:00Z");
            c.expires = dt->instant;
        }  // other words (a timestamp, a file name) are minisign's or the staff's own
    }
    if (!haveVersion) {
        return fail("trusted comment \"" + comment +
                    "\" has no version:N (sign the feed with kiosk-feed sign, or "
                    "minisign -t \"version:N expires:DATE\")");
    }
    return c;
}

Result<FeedSignature> verifyFeedManifest(const std::string& manifestText, std::int64_t manifestVersion,
                                         const std::string& signatureText, const std::vector<PublicKey>& keys) {
    auto sig = parseSignatureFile(signatureText);
    if (!sig) return fail("manifest.json.minisig: " + sig.error());
    auto key = verifySignature(sig.value(), manifestText, keys);
    if (!key) return fail(key.error());
    auto claims = parseFeedClaims(sig.value().trustedComment);
    if (!claims) return fail(claims.error());
    if (claims.value().version != manifestVersion) {
        return fail("the signature is for version " + std::to_string(claims.value().version) +
                    " but the manifest says version " + std::to_string(manifestVersion));
    }
    return FeedSignature{key.value(), claims.value()};
}

}  // namespace kiosk::core
