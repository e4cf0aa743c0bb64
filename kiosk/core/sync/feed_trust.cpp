// The sync engine's signature step (issue 12): fetch manifest.json.minisig next to the
// manifest, check it with core/signature against the configured keys before anything is
// switched, refuse older signed versions (replay) and expired signatures on new versions,
// and record what the staff status says. Members of SyncEngine, kept out of sync_engine.cpp.
#include <algorithm>

#include "core/files.hpp"
#include "core/log.hpp"
#include "core/sync/sync_engine.hpp"

namespace kiosk::core::sync {

namespace {
constexpr const char* kSignatureName = "manifest.json.minisig";
constexpr std::uint64_t kMaxSignatureBytes = 4096;

std::string signatureUrl(const std::string& feedUrl) {
    return feedUrl.substr(0, feedUrl.rfind('/') + 1) + kSignatureName;
}
}  // namespace

Result<std::string> SyncEngine::checkSignature(const Manifest& m, const std::string& manifestText) {
    const auto refuse = [this, &m](const std::string& why) -> Result<std::string> {
        status_.signatureRefused = "version " + std::to_string(m.version) + " refused: " + why;
        return fail(status_.signatureRefused);
    };
    HttpRequest req;
    req.url = signatureUrl(settings_.feedUrl);
    req.maxBytes = kMaxSignatureBytes;
    req.verifyTime = verifyTime();
    auto r = http_.get(req);
    if (!r) return refuse("its signature could not be fetched: " + r.error());
    if (r.value().status == 404 || r.value().status == 410) {
        return refuse("the feed is not signed (no " + req.url +
                      "); this kiosk accepts only feeds signed with its key: run kiosk-feed sign");
    }
    if (!r.value().success()) return refuse("HTTP " + std::to_string(r.value().status) + " for " + req.url);
    const std::string signatureText = r.value().body;
    auto checked = verifyFeedManifest(manifestText, m.version, signatureText, settings_.feedPublicKeys);
    if (!checked) return refuse(checked.error());
    const FeedClaims& claims = checked.value().claims;
    const auto cur = cache_.currentVersion();
    if (cur && m.version < *cur) {
        return refuse("it is older than version " + std::to_string(*cur) +
                      " which this kiosk has (an old signed feed served again?)");
    }
    const Instant now = trusted_->correct(clock_.now());
    const bool expired = claims.expires && *claims.expires <= now;
    const std::int64_t floor = std::max(cur.value_or(0), cache_.rolledBackFrom());  // what sync would install
    if (expired && m.version > floor) {
        return refuse("its signature expired at " + formatIsoUtc(*claims.expires) +
                      ": sign it again (kiosk-feed sign) and publish the new signature");
    }
    status_.signatureRefused.clear();
    acceptSignedTime(signatureText, m);
    if (cur && m.version == *cur) {
        // The same version, possibly signed again with a later expiry: keep the newer claims,
        // but only for the very manifest the kiosk has.
        auto have = readFile(cache_.versionDir(*cur) / "manifest.json", settings_.load.limits.maxDocumentBytes);
        if (have && have.value() == manifestText) recordSignature(*cur, signatureText);
    }
    return signatureText;
}

// A signature that verified and was accepted is evidence of the time (issue 9, "Transport
// and time"): its signing time, else the manifest's `published` that it covers. Bounded
// like a TLS Date; never reached for a refused or unsigned manifest.
void SyncEngine::acceptSignedTime(const std::string& signatureText, const Manifest& m) {
    auto sig = parseSignatureFile(signatureText);  // verified just before
    const std::optional<Instant> signedAt = sig ? signingTime(sig.value().trustedComment) : std::nullopt;
    const Instant evidence = signedAt ? *signedAt : m.published.instant;
    const TimeEvidence e = trusted_->acceptSigned(evidence, systemNow());
    if (e.ignored) {
        log::warning("signature: signing time " + formatIsoUtc(evidence) +
                     " ignored: implausibly far ahead of the trusted time (check the signing computer's clock)");
    } else if (e.moved) {
        log::info("trusted time " + formatIsoUtc(e.floor) + " from the signature of version " +
                  std::to_string(m.version) +
                  (e.agreed   ? " (a server agrees)"
                   : e.capped ? " (one source alone: an hour a day at most)"
                              : ""));
    }
}

void SyncEngine::recordSignature(std::int64_t version, const std::string& signatureText) {
    auto sig = parseSignatureFile(signatureText);
    if (!sig) return;
    auto claims = parseFeedClaims(sig.value().trustedComment);
    if (!claims) return;
    PublicKey who;
    who.id = sig.value().keyId;
    status_.signatureKeyId = who.idHex();
    status_.signatureExpires = claims.value().expires;
    // Kept with the version it signs, for audits and for `kiosk status` after a restart.
    if (auto s = writeFileAtomically(cache_.versionDir(version) / kSignatureName, signatureText); !s) {
        log::warning("signature: " + s.error());
    }
}

// A 304 says the manifest did not change, not that its signature did not: when the
// signature we hold has expired, fetch it again so that a re-signed feed ends the "stale".
void SyncEngine::refreshSignatureIfStale(SyncReport& report) {
    if (settings_.feedPublicKeys.empty() || !status_.signatureExpires) return;
    if (*status_.signatureExpires > trusted_->correct(clock_.now())) return;
    const auto cur = cache_.currentVersion();
    if (!cur) return;
    auto manifestText = readFile(cache_.versionDir(*cur) / "manifest.json", settings_.load.limits.maxDocumentBytes);
    if (!manifestText) return;
    auto manifest = parseManifestText(manifestText.value(), settings_.load.limits);
    if (!manifest) return;
    if (checkSignature(manifest.value(), manifestText.value())) {
        report.actions.push_back("signature of version " + std::to_string(*cur) + " fetched again");
    }
}

void SyncEngine::reloadSignature() {
    status_.signatureKeyId.clear();
    status_.signatureExpires.reset();
    const auto cur = cache_.currentVersion();
    if (settings_.feedPublicKeys.empty() || !cur) return;
    const auto dir = cache_.versionDir(*cur);
    auto manifestText = readFile(dir / "manifest.json", settings_.load.limits.maxDocumentBytes);
    auto signatureText = readFile(dir / kSignatureName, kMaxSignatureBytes);
    if (!manifestText || !signatureText) return;
    auto checked = verifyFeedManifest(manifestText.value(), *cur, signatureText.value(), settings_.feedPublicKeys);
    if (!checked) return;
    status_.signatureKeyId = checked.value().key.idHex();
    status_.signatureExpires = checked.value().claims.expires;
}

std::string signatureState(const SyncStatus& s, Instant now) {
    if (!s.signatureRequired) return "unsigned";
    if (s.signatureKeyId.empty()) return "unverified";
    if (s.signatureExpires && *s.signatureExpires <= now) return "stale";
    return "valid";
}

std::string describeSignature(const SyncStatus& s, Instant now) {
    const std::string state = signatureState(s, now);
    std::string out;
    if (state == "unsigned")
        out = "unsigned (no feed_public_keys in the configuration: any feed is accepted)";
    else if (state == "unverified")
        out = "unverified: the content shown was not checked against a key (bundled or older cache)";
    else {
        const std::string until = s.signatureExpires ? formatIsoUtc(*s.signatureExpires) : std::string("no expiry");
        out = state == "stale" ? "stale: signed by key " + s.signatureKeyId + " but expired at " + until +
                                     " (content kept; the feed must be signed again)"
                               : "valid: signed by key " + s.signatureKeyId + ", until " + until;
    }
    if (!s.signatureRefused.empty()) out += "; last refused: " + s.signatureRefused;
    return out;
}

}  // namespace kiosk::core::sync
