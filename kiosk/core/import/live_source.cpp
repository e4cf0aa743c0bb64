// Live sources: fetch, convert with the importers, merge with the feed (see live_source.hpp).
#include "core/import/live_source.hpp"

#include <cstdlib>

#include "core/feed_builder.hpp"
#include "core/files.hpp"
#include "core/import/feed_writer.hpp"
#include "core/json_parse.hpp"
#include "core/sync/cache.hpp"

namespace kiosk::core::import {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxLeftOutListed = 50;

// "https://x.org/a/programme.csv?x=1" -> "programme.csv": how staff know their sheet.
std::string sourceFileName(const std::string& url) {
    std::string path = url.substr(0, url.find_first_of("?#"));
    while (!path.empty() && path.back() == '/') path.pop_back();
    const std::string name = path.substr(path.find_last_of('/') + 1);
    return name.empty() || name.find(':') != std::string::npos ? std::string("live source") : name;
}

// The merged feed's item errors named as the source names them: "$.sessions[12]" of the
// merged sessions.json is the session with that index, whose id the import knows the row of.
std::vector<std::string> leftOutRows(const Imported& imported, const Diagnostics& loaded, const fs::path& dir,
                                     const std::string& sourceName) {
    std::vector<std::string> out;
    for (const Diagnostic& d : imported.diagnostics.all()) {
        if (d.severity == Severity::ItemError) out.push_back(d.toString());
    }
    nlohmann::json sessions;
    if (auto text = readFile(dir / "sessions.json", 4u << 20))
        if (auto parsed = parseJsonChecked(text.value())) sessions = std::move(parsed).value();
    for (const Diagnostic& d : loaded.all()) {
        if (d.severity != Severity::ItemError || d.file != "sessions.json" || d.path.rfind("$.sessions[", 0) != 0)
            continue;
        const std::size_t index = std::strtoul(d.path.c_str() + 11, nullptr, 10);
        std::string id;
        if (sessions.is_object() && sessions.contains("sessions") && sessions["sessions"].is_array() &&
            index < sessions["sessions"].size() && sessions["sessions"][index].is_object())
            id = sessions["sessions"][index].value("id", "");
        const auto origin = imported.origins.find(id);
        if (origin == imported.origins.end()) continue;  // the feed's own session: the feed's business
        out.push_back(sourceName + ": " + origin->second + ": " + d.message);
    }
    if (out.size() > kMaxLeftOutListed) out.resize(kMaxLeftOutListed);
    return out;
}

std::string firstProblems(const Diagnostics& diags) {
    std::string out;
    int n = 0;
    for (const Diagnostic& d : diags.all()) {
        if (d.severity <= Severity::Warning) continue;
        if (n++ == 3) return out + "; ...";
        out += (out.empty() ? "" : "; ") + d.toString();
    }
    return out;
}
}  // namespace

Result<LiveContent> contentFromSource(const fs::path& feedDir, Format format, std::string_view bytes,
                                      const fs::path& workDir, Instant now, const std::string& sourceName) {
    std::error_code ec;
    const fs::path next = workDir / "next";
    const fs::path current = workDir / "current";
    fs::remove_all(next, ec);
    fs::create_directories(workDir, ec);
    fs::copy(feedDir, next, fs::copy_options::recursive, ec);
    if (ec) return fail("cannot copy the feed " + feedDir.string() + " to " + next.string() + ": " + ec.message());
    // The merged programme keeps the feed's version number: the crash guard, metrics and
    // statistics name the feed version it came from.
    std::int64_t feedVersion = 0;
    if (auto text = readFile(next / "manifest.json", 4u << 20)) {
        if (auto m = sync::parseManifestText(text.value())) feedVersion = m.value().version;
    }
    fs::remove(next / "manifest.json", ec);

    ImportOptions options;
    options.sourceName = sourceName;
    readEventWindow(next, options);
    Imported imported = importBytes(format, bytes, options);
    if (imported.diagnostics.hasFatal())
        return fail("the source cannot be read: " + firstProblems(imported.diagnostics));
    WriteOptions w;
    w.sourceKey = "live";
    w.timeZone = options.timeZone;
    if (auto written = writeImport(next, imported, w); !written) return fail(written.error());
    // The kiosk's rules: a bad row is left out (and named), the rest of the sheet shows.
    const BuildOutcome built = buildFeed(next, now, {}, std::max<std::int64_t>(0, feedVersion - 1), BuildRules::Kiosk);
    if (!built.error.empty()) return fail(built.error);
    if (!built.load.content || !built.written)
        return fail("the merged programme is not valid: " + firstProblems(built.load.diagnostics));
    std::vector<std::string> leftOut = leftOutRows(imported, built.load.diagnostics, next, options.sourceName);

    fs::remove_all(workDir / "previous", ec);
    if (fs::exists(current, ec)) fs::rename(current, workDir / "previous", ec);
    fs::rename(next, current, ec);
    if (ec) return fail("cannot switch to the new programme: " + ec.message());
    LiveContent out;
    out.diagnostics = imported.diagnostics;
    out.diagnostics.append(built.load.diagnostics);
    auto loaded = loadFeed(current);  // from its final folder, so image paths resolve there
    if (!loaded.content) return fail("the merged programme is not valid: " + firstProblems(loaded.diagnostics));
    out.content = loaded.content;
    out.folder = current;
    out.leftOut = std::move(leftOut);
    return out;
}

LiveSource::LiveSource(LiveSourceConfig config, fs::path feedDir, fs::path workDir, sync::HttpOptions http)
    : config_(std::move(config)),
      feedDir_(std::move(feedDir)),
      workDir_(std::move(workDir)),
      client_(std::move(http)) {}

LiveSource::Outcome LiveSource::poll(Instant now) {
    sync::HttpRequest request;
    request.url = config_.url;
    request.ifNoneMatch = etag_;
    request.ifModifiedSince = lastModified_;
    request.maxBytes = config_.maxBytes;
    auto response = client_.get(request);
    if (!response) return failed(now, response.error());
    if (response.value().status == 304) return unchanged(now);
    if (!response.value().success()) return failed(now, "HTTP " + std::to_string(response.value().status));
    const std::string hash = sha256Hex(response.value().body);
    if (hash == lastHash_ && current()) return unchanged(now);
    const Outcome out = convert(response.value().body, now);
    if (out != Outcome::Updated) return out;
    etag_ = response.value().etag;
    lastModified_ = response.value().lastModified;
    lastHash_ = hash;
    return out;
}

LiveSource::Outcome LiveSource::setFeedDir(fs::path feedDir, Instant now) {
    feedDir_ = std::move(feedDir);
    if (lastGood_.empty()) return Outcome::Unchanged;
    return convert(lastGood_, now);
}

// A source that failed and now answers with the last good programme again is fine again.
LiveSource::Outcome LiveSource::unchanged(Instant now) {
    std::lock_guard lock(mutex_);
    if (failing_ && current_) {
        failing_ = false;
        status_ = "source " + config_.url + " answers again at " + formatIsoUtc(now) + ": unchanged, " +
                  std::to_string(current_->sessions.size()) + " sessions";
    }
    return Outcome::Unchanged;
}

bool LiveSource::failing() const {
    std::lock_guard lock(mutex_);
    return failing_;
}

LiveSource::Outcome LiveSource::failed(Instant now, const std::string& why) {
    std::lock_guard lock(mutex_);
    failing_ = true;
    status_ = "source " + config_.url + " failed at " + formatIsoUtc(now) + ": " + why +
              (current_ ? "; the last good programme is kept" : "; no programme from it yet");
    return Outcome::Failed;
}

LiveSource::Outcome LiveSource::convert(const std::string& bytes, Instant now) {
    auto live = contentFromSource(feedDir_, config_.format, bytes, workDir_, now, sourceFileName(config_.url));
    if (!live) return failed(now, live.error());
    lastGood_ = bytes;
    std::lock_guard lock(mutex_);
    current_ = live.value().content;
    leftOut_ = live.value().leftOut;
    failing_ = false;
    status_ = "source " + config_.url + " converted at " + formatIsoUtc(now) + ": " +
              std::to_string(current_->sessions.size()) + " sessions" +
              (leftOut_.empty() ? "" : ", " + std::to_string(leftOut_.size()) + " row(s) left out");
    return Outcome::Updated;
}

std::shared_ptr<const Content> LiveSource::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

std::vector<std::string> LiveSource::leftOut() const {
    std::lock_guard lock(mutex_);
    return leftOut_;
}

std::string LiveSource::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

}  // namespace kiosk::core::import
