// One sync attempt against the feed (see sync_engine.hpp).
#include "core/sync/sync_engine.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/files.hpp"
#include "core/log.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;

const char* outcomeName(SyncOutcome o) {
    switch (o) {
        case SyncOutcome::NothingNew: return "nothing new";
        case SyncOutcome::Updated: return "updated";
        case SyncOutcome::Repaired: return "repaired";
        case SyncOutcome::Failed: return "failed";
    }
    return "?";
}

namespace {
std::string baseUrl(const std::string& feedUrl) { return feedUrl.substr(0, feedUrl.rfind('/') + 1); }

std::optional<Manifest> readVersionManifest(const ContentCache& cache, std::int64_t version) {
    auto text = readFile(cache.versionDir(version) / "manifest.json", FeedLimits{}.maxDocumentBytes);
    if (!text) return std::nullopt;
    auto m = parseManifestText(text.value());
    if (!m) return std::nullopt;
    return std::move(m).value();
}

bool isDocument(const std::string& path) { return path.find('/') == std::string::npos && path.ends_with(".json"); }

// "https://host:port" of a URL: the source a server's dates are recorded under.
std::string originOf(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const std::size_t end = url.find_first_of("/?#", scheme + 3);
    std::string authority = url.substr(scheme + 3, end == std::string::npos ? std::string::npos : end - scheme - 3);
    if (const std::size_t at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    return url.substr(0, scheme + 3) + authority;
}
}  // namespace

SyncEngine::SyncEngine(SyncSettings settings, const Clock& clock, FileLayer& files)
    : settings_(std::move(settings)),
      clock_(clock),
      files_(files),
      cache_(settings_.cacheDir, files),
      http_(settings_.http),
      trusted_(settings_.trustedTime ? settings_.trustedTime
                                     : std::make_shared<TrustedTime>(trustedTimeFile(
                                           settings_.stateDir.empty() ? settings_.cacheDir : settings_.stateDir))) {
    if (!settings_.stateDir.empty()) cache_.setStateDir(settings_.stateDir);
    if (auto s = readStatusFile(settings_.cacheDir)) status_ = std::move(s).value();
    status_.feedUrl = settings_.feedUrl;
    status_.signatureRequired = !settings_.feedPublicKeys.empty();
}

Status SyncEngine::prepare() {
    if (auto s = cache_.prepare(); !s) return fail("cache folder " + settings_.cacheDir.string() + ": " + s.error());
    if (auto s = files_.makeDirs(cache_.stateDir()); !s)
        return fail("state folder " + cache_.stateDir().string() + ": " + s.error());
    return Ok{};
}

std::optional<Instant> SyncEngine::verifyTime() const {
    const auto floor = trusted_->value();
    if (floor && *floor > systemNow()) return floor;
    return std::nullopt;
}

// Only the Date of an answer that came over verified TLS counts (docs/sync.md, "Clock
// safety"); a plain http or file:// answer, and any manifest's own dates, never do.
void SyncEngine::observeDate(const HttpResponse& resp, SyncReport& report) {
    if (!resp.date || !resp.tlsVerified) return;
    const std::string origin = originOf(resp.finalUrl);
    const TimeEvidence e = trusted_->acceptVerifiedDate(origin, *resp.date, systemNow());
    if (e.ignored) {
        report.actions.push_back("server date " + formatIsoUtc(*resp.date) +
                                 " ignored: implausibly far ahead of the trusted time (check the server's clock)");
    } else if (e.agreed && e.moved) {
        report.actions.push_back("trusted time " + formatIsoUtc(e.floor) + " (" + trusted_->record().source +
                                 " agree)");
    } else if (e.capped) {
        report.actions.push_back("trusted time " + formatIsoUtc(e.floor) + " (server date " + formatIsoUtc(*resp.date) +
                                 " is further ahead; one server alone moves the clock an hour a day at most)");
    } else if (e.moved) {
        report.actions.push_back("trusted time " + formatIsoUtc(e.floor));
    }
}

// Before any download: the whole feed within max_feed_bytes, and room for the files not
// in the cache yet plus min_free_bytes on the cache's file system.
Status SyncEngine::checkRoom(const Manifest& m) const {
    std::uint64_t total = 0, missing = 0;
    std::set<std::string> seen;
    for (const ManifestEntry& e : m.files) {
        total += e.size;
        if (seen.insert(e.sha256).second && !cache_.hasObject(e)) missing += e.size;
    }
    if (total > settings_.maxFeedBytes) {
        return fail("the feed is " + std::to_string(total) + " bytes in total, more than the max_feed_bytes limit of " +
                    std::to_string(settings_.maxFeedBytes) +
                    "; nothing was downloaded (make the feed smaller or "
                    "raise max_feed_bytes)");
    }
    auto free = freeBytes(settings_.cacheDir);
    if (!free) return fail(free.error());
    if (free.value() < missing + settings_.minFreeBytes) {
        return fail("not enough free space in " + settings_.cacheDir.string() + ": " + std::to_string(missing >> 20) +
                    " MiB to download and " + std::to_string(settings_.minFreeBytes >> 20) + " MiB to keep free, " +
                    std::to_string(free.value() >> 20) +
                    " MiB free; nothing was downloaded (free some space or "
                    "move cache_dir)");
    }
    return Ok{};
}

SyncEngine::HttpState SyncEngine::loadHttpState() const {
    HttpState st;
    auto text = readFile(settings_.cacheDir / "http_state.json", 1 << 16);
    if (!text) return st;
    try {
        const auto j = nlohmann::json::parse(text.value());
        st.url = j.value("url", "");
        st.etag = j.value("etag", "");
        st.lastModified = j.value("last_modified", "");
        st.version = j.value("version", std::int64_t{0});
    } catch (const nlohmann::json::exception&) {
    }
    return st;
}

void SyncEngine::saveHttpState(const HttpState& st) const {
    nlohmann::json j{{"url", st.url}, {"etag", st.etag}, {"last_modified", st.lastModified}, {"version", st.version}};
    if (auto s = files_.replaceFile(settings_.cacheDir / "http_state.json", j.dump()); !s) log::warning(s.error());
}

// Stat every file of the current version; hash its documents once per run, since a
// document corrupt on disk would otherwise be refused at every start and never refetched.
std::vector<ManifestEntry> SyncEngine::findDamage(const Manifest& current) {
    auto damaged = cache_.damagedInCurrent(current);
    if (documentsChecked_) return damaged;
    documentsChecked_ = true;
    for (const ManifestEntry& e : current.files) {
        if (!isDocument(e.path)) continue;
        bool listed = false;
        for (const auto& d : damaged) listed = listed || d.path == e.path;
        if (listed) continue;
        auto hash = sha256File(cache_.versionDir(current.version) / e.path);
        if (hash && hash.value() == e.sha256) continue;
        log::warning("cache: " + e.path + " of version " + std::to_string(current.version) + " is corrupt");
        (void)cache_.dropCorrupt(e.path);
        damaged.push_back(e);
    }
    return damaged;
}

Status SyncEngine::downloadObject(const ManifestEntry& e, SyncReport& report) {
    if (e.size > settings_.maxDownloadBytes) {
        return fail(e.path + " is " + std::to_string(e.size) + " bytes, more than the max_download_bytes limit of " +
                    std::to_string(settings_.maxDownloadBytes));
    }
    HttpRequest req;
    req.url = baseUrl(settings_.feedUrl) + escapeUrlPath(e.path);
    req.toFile = cache_.partPath(e.sha256);
    req.resume = true;
    req.maxBytes = e.size;
    req.verifyTime = verifyTime();
    auto r = http_.get(req);
    if (!r) {
        if (http_.lastFailureWasTooLarge()) {
            (void)files_.remove(req.toFile);
            return fail(e.path + ": the server sent more than the " + std::to_string(e.size) +
                        " bytes the manifest lists");
        }
        return fail(r.error());  // the part file stays: the next attempt resumes it
    }
    const HttpResponse& resp = r.value();
    if (!resp.success()) {
        (void)files_.remove(req.toFile);
        if (resp.status == 404) {
            return fail(e.path + " is listed in the manifest but the server does not have it (HTTP 404 for " + req.url +
                        ")");
        }
        return fail("HTTP " + std::to_string(resp.status) + " for " + req.url);
    }
    if (auto s = cache_.acceptDownload(e); !s) return s;
    ++report.filesDownloaded;
    report.actions.push_back(
        "downloaded " + e.path + " (" + std::to_string(resp.bodyBytes) + " bytes" +
        (resp.resumedFrom ? ", resumed after " + std::to_string(resp.resumedFrom) : std::string()) + ")");
    return Ok{};
}

Status SyncEngine::downloadObjects(const Manifest& manifest, SyncReport& report) {
    std::set<std::string> seen;
    for (const ManifestEntry& e : manifest.files) {
        if (!seen.insert(e.sha256).second) continue;
        if (cache_.verifyObject(e)) {
            ++report.filesReused;
            continue;
        }
        if (auto s = downloadObject(e, report); !s) return s;
    }
    return cache_.syncObjects();
}

SyncReport SyncEngine::repair(const Manifest& current, const std::vector<ManifestEntry>& damaged, SyncReport report) {
    for (const ManifestEntry& e : damaged) {
        if (!cache_.verifyObject(e)) {
            if (auto s = downloadObject(e, report); !s) {
                report.error = "repairing version " + std::to_string(current.version) + ": " + s.error();
                return report;
            }
        }
        if (auto s = cache_.relinkIntoCurrent(e); !s) {
            report.error = s.error();
            return report;
        }
        report.actions.push_back("repaired " + e.path);
    }
    (void)cache_.syncObjects();
    auto loaded = cache_.loadCurrent(settings_.load);
    if (!loaded.load.content || loaded.fromPrevious) {
        report.error = "version " + std::to_string(current.version) + " still does not load: " + loaded.problem;
        return report;
    }
    report.outcome = SyncOutcome::Repaired;
    report.content = loaded.load.content;
    return report;
}

SyncReport SyncEngine::attempt() {
    SyncReport report;
    const auto cur = cache_.currentVersion();
    report.version = cur.value_or(0);
    const std::optional<Manifest> curManifest = cur ? readVersionManifest(cache_, *cur) : std::nullopt;
    const std::vector<ManifestEntry> damaged = curManifest ? findDamage(*curManifest) : std::vector<ManifestEntry>{};
    HttpState state = loadHttpState();
    HttpRequest req;
    req.url = settings_.feedUrl;
    req.maxBytes = settings_.load.limits.maxDocumentBytes;
    req.verifyTime = verifyTime();
    if (curManifest && damaged.empty() && state.url == settings_.feedUrl && state.version == *cur) {
        req.ifNoneMatch = state.etag;
        req.ifModifiedSince = state.lastModified;
    }
    auto r = http_.get(req);
    if (!r) {
        report.error = r.error();
        if (req.verifyTime && report.error.find("TLS") != std::string::npos) {
            report.error +=
                "; certificates were checked as of the trusted time " + formatIsoUtc(*req.verifyTime) +
                ", ahead of the system clock: if that date is wrong, stop the kiosk and run kiosk --reset-time";
        }
        return report;
    }
    const HttpResponse& resp = r.value();
    if (resp.status == 304 || resp.status == 200) observeDate(resp, report);
    if (resp.status == 304) {
        report.actions.push_back("manifest not modified (304)");
        if (!damaged.empty()) return repair(*curManifest, damaged, std::move(report));
        refreshSignatureIfStale(report);
        report.outcome = SyncOutcome::NothingNew;
        return report;
    }
    if (resp.status != 200) {
        report.retryAfterSeconds = resp.retryAfterSeconds;
        report.error = "HTTP " + std::to_string(resp.status) + " for " + req.url;
        if (resp.retryAfterSeconds) report.error += " (retry after " + std::to_string(*resp.retryAfterSeconds) + " s)";
        return report;
    }
    auto parsed = parseManifestText(resp.body, settings_.load.limits);
    if (!parsed) {
        report.error = parsed.error();
        return report;
    }
    const Manifest& m = parsed.value();
    std::string signatureText;  // signed feeds: checked before anything is downloaded or switched
    if (!settings_.feedPublicKeys.empty()) {
        auto sig = checkSignature(m, resp.body);
        if (!sig) {
            report.error = sig.error();
            return report;
        }
        signatureText = std::move(sig).value();
    }
    // An unsigned m.published is no evidence of the time; checkSignature() gave a verified
    // signature's time to the trusted time (acceptSignedTime).
    if (cache_.isBad(m.version)) {
        saveHttpState({settings_.feedUrl, resp.etag, resp.lastModified, cur.value_or(0)});
        report.actions.push_back(
            "feed version " + std::to_string(m.version) +
            " is marked bad (it crashed the kiosk): ignored until the crash guard tries it again or a "
            "newer version is published");
        report.outcome = SyncOutcome::NothingNew;
        return report;
    }
    const HttpState newState{settings_.feedUrl, resp.etag, resp.lastModified, cur.value_or(0)};
    const std::int64_t floor = std::max(cur.value_or(0), cache_.rolledBackFrom());
    if (cur && m.version <= floor && curManifest) {
        saveHttpState(newState);
        if (m.version == *cur && !damaged.empty()) return repair(*curManifest, damaged, std::move(report));
        report.actions.push_back("feed version " + std::to_string(m.version) + " is not newer than " +
                                 std::to_string(floor) + (floor > *cur ? " (rolled back by staff)" : "") + ": ignored");
        report.outcome = SyncOutcome::NothingNew;
        return report;
    }
    report.actions.push_back("feed version " + std::to_string(m.version) + " with " + std::to_string(m.files.size()) +
                             " files");
    if (auto s = checkRoom(m); !s) {
        report.error = s.error();
        return report;
    }
    if (auto s = downloadObjects(m, report); !s) {
        report.error = s.error();
        return report;
    }
    auto installed = cache_.install(m, resp.body, settings_.load);
    if (!installed) {
        report.error = installed.error();
        return report;
    }
    if (!signatureText.empty()) recordSignature(m.version, signatureText);
    saveHttpState({settings_.feedUrl, resp.etag, resp.lastModified, m.version});
    report.outcome = SyncOutcome::Updated;
    report.version = m.version;
    report.content = installed.value().content;
    report.actions.push_back("switched to version " + std::to_string(m.version));
    return report;
}

void SyncEngine::finish(SyncReport& report) {
    const Instant now = trusted_->correct(systemNow());
    status_.lastAttempt = now;
    status_.requests += report.requests;
    status_.bytesDownloaded += report.bytes;
    if (report.outcome == SyncOutcome::Failed) {
        ++status_.consecutiveFailures;
        status_.lastError = report.error;
        status_.lastResult = "failed: " + report.error;
    } else {
        status_.consecutiveFailures = 0;
        status_.lastError.clear();
        status_.lastSuccess = now;
        status_.lastResult = std::string(outcomeName(report.outcome)) +
                             (report.actions.empty() ? std::string() : ": " + report.actions.back());
    }
    if (const auto cur = cache_.currentVersion()) {
        status_.currentVersion = *cur;
        if (report.content)
            status_.published = report.content->manifest.published.instant;
        else if (auto m = readVersionManifest(cache_, *cur))
            status_.published = m->published.instant;
    }
    const TrustedTimeRecord trusted = trusted_->record();
    status_.trustedTime = trusted.value;
    status_.trustedSource = trusted.source;
    status_.badVersions = cache_.badVersions();
    if (auto s = trusted_->save(); !s) log::warning("trusted time: " + s.error());
    if (auto s = writeStatusFile(settings_.cacheDir, status_); !s) log::warning("sync status: " + s.error());
}

SyncReport SyncEngine::syncOnce() {
    const HttpProgress before = http_.progress();
    SyncReport report;
    if (auto s = prepare(); !s)
        report.error = s.error();
    else
        report = attempt();
    const HttpProgress after = http_.progress();
    report.requests = after.requests - before.requests;
    report.bytes = after.totalBytes - before.totalBytes;
    if (report.outcome == SyncOutcome::Failed && report.error.empty()) report.error = "unknown failure";
    report.version = cache_.currentVersion().value_or(0);
    finish(report);
    return report;
}

SyncReport SyncEngine::rollback() {
    SyncReport report;
    if (auto s = cache_.rollback(); !s) {
        report.error = s.error();
        return report;
    }
    auto loaded = cache_.loadCurrent(settings_.load);
    report.version = loaded.version;
    report.content = loaded.load.content;
    report.outcome = report.content ? SyncOutcome::Updated : SyncOutcome::Failed;
    if (!report.content) report.error = loaded.problem;
    report.actions.push_back("rolled back to version " + std::to_string(loaded.version));
    reloadSignature();
    status_.lastResult = report.actions.back();
    status_.currentVersion = loaded.version;
    if (report.content) status_.published = report.content->manifest.published.instant;
    (void)writeStatusFile(settings_.cacheDir, status_);
    return report;
}

void SyncEngine::setNextAttempt(std::optional<Instant> when) {
    status_.nextAttempt = when;
    if (auto s = writeStatusFile(settings_.cacheDir, status_); !s) log::warning("sync status: " + s.error());
}

}  // namespace kiosk::core::sync
