// Content-addressed cache: objects, versions, atomic pointer switch (see cache.hpp).
#include "core/sync/cache.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/files.hpp"
#include "core/json_parse.hpp"
#include "core/log.hpp"
#include "core/parsers.hpp"

namespace kiosk::core::sync {
namespace fs = std::filesystem;

Result<Manifest> parseManifestText(const std::string& text, const FeedLimits& limits) {
    // The one checked edge (numbers out of range, depth, counts): never an exception.
    auto doc = parseJsonChecked(text, jsonOptionsFor(limits));
    if (!doc) return fail("manifest.json " + doc.error());
    Diagnostics diags;
    auto m = detail::parseManifest(doc.value(), diags, limits);
    if (!m) {
        for (const auto& d : diags.all()) {
            if (d.severity > Severity::Warning) return fail("manifest refused: " + d.toString());
        }
        return fail("manifest refused");
    }
    return std::move(*m);
}

ContentCache::ContentCache(fs::path root, FileLayer& files) : root_(std::move(root)), files_(files) {}

Status ContentCache::prepare() {
    for (const char* sub : {"objects", "versions"}) {
        if (auto s = files_.makeDirs(root_ / sub); !s) return s;
        std::error_code ec;
        if (fs::is_symlink(fs::symlink_status(root_ / sub, ec))) {
            return fail((root_ / sub).string() + " is a symbolic link; the cache refuses it");
        }
    }
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root_ / "versions", ec)) {
        if (e.path().extension() == ".tmp") (void)files_.remove(e.path());
    }
    // Temporaries of an atomic write cut short by a power cut (".current.tmp-Ab12Cd").
    for (const auto& e : fs::directory_iterator(root_, ec)) {
        const std::string name = e.path().filename().string();
        if (name.front() == '.' && name.find(".tmp-") != std::string::npos) (void)files_.remove(e.path());
    }
    return Ok{};
}

fs::path ContentCache::versionDir(std::int64_t version) const { return root_ / "versions" / std::to_string(version); }
fs::path ContentCache::objectPath(const std::string& sha) const { return root_ / "objects" / sha; }
fs::path ContentCache::partPath(const std::string& sha) const { return root_ / "objects" / (sha + ".part"); }

std::optional<std::int64_t> ContentCache::readPointer(const char* name) const { return readPointerAt(root_ / name); }

std::int64_t ContentCache::rolledBackFrom() const {
    // In the state folder; a marker left in the cache by an older version still counts.
    return std::max(readPointerAt(stateDir() / "rolled_back_from").value_or(0),
                    readPointerAt(root_ / "rolled_back_from").value_or(0));
}

std::optional<std::int64_t> ContentCache::readPointerAt(const fs::path& file) {
    auto text = readFile(file, 64);
    if (!text) return std::nullopt;
    try {
        const long long v = std::stoll(text.value());
        if (v >= 1) return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<std::int64_t> ContentCache::currentVersion() const { return readPointer("current"); }
std::optional<std::int64_t> ContentCache::previousVersion() const { return readPointer("previous"); }

Status ContentCache::writePointer(const char* name, std::int64_t version) {
    return files_.replaceFile(root_ / name, std::to_string(version) + "\n");
}

bool ContentCache::hasObject(const ManifestEntry& entry) const {
    std::error_code ec;
    const auto st = fs::symlink_status(objectPath(entry.sha256), ec);
    return fs::is_regular_file(st) && fs::file_size(objectPath(entry.sha256), ec) == entry.size && !ec;
}

bool ContentCache::verifyObject(const ManifestEntry& entry) {
    if (!hasObject(entry)) return false;
    auto hash = sha256File(objectPath(entry.sha256));
    if (hash && hash.value() == entry.sha256) return true;
    log::warning("cache: object for " + entry.path + " is corrupt; it will be fetched again");
    (void)files_.remove(objectPath(entry.sha256));
    return false;
}

Status ContentCache::acceptDownload(const ManifestEntry& entry) {
    const fs::path part = partPath(entry.sha256);
    std::error_code ec;
    const auto size = fs::file_size(part, ec);
    if (ec) return fail("cannot read the download of " + entry.path + ": " + ec.message());
    if (size != entry.size) {
        (void)files_.remove(part);
        return fail(entry.path + ": expected " + std::to_string(entry.size) + " bytes as the manifest says, got " +
                    std::to_string(size));
    }
    auto hash = sha256File(part);
    if (!hash) return fail(hash.error());
    if (hash.value() != entry.sha256) {
        (void)files_.remove(part);
        return fail(entry.path + ": SHA-256 " + hash.value().substr(0, 12) + "... differs from the manifest's " +
                    entry.sha256.substr(0, 12) + "... (corrupt download or a changed file); it will be fetched again");
    }
    if (auto s = files_.syncFile(part); !s) return s;
    return files_.rename(part, objectPath(entry.sha256));
}

Status ContentCache::syncObjects() { return files_.syncDir(root_ / "objects"); }

Status ContentCache::linkVersion(const Manifest& manifest, const fs::path& dir) {
    std::set<fs::path> folders{dir};
    for (const ManifestEntry& e : manifest.files) {
        if (!isSafeFeedPath(e.path)) return fail("\"" + e.path + "\" would escape the cache; the version is refused");
        const fs::path target = dir / e.path;
        for (fs::path p = target.parent_path(); p != dir && folders.insert(p).second; p = p.parent_path()) {
        }
        if (auto s = files_.makeDirs(target.parent_path()); !s) return s;
        if (auto s = files_.link(objectPath(e.sha256), target); !s) return s;
    }
    // Deepest folders first, the version folder itself last.
    for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
        if (auto s = files_.syncDir(*it); !s) return s;
    }
    return Ok{};
}

Result<LoadResult> ContentCache::install(const Manifest& manifest, const std::string& manifestText,
                                         const LoadOptions& options) {
    if (isBad(manifest.version)) {
        return fail("version " + std::to_string(manifest.version) +
                    " is marked bad (it crashed the kiosk); not installed");
    }
    for (const ManifestEntry& e : manifest.files) {
        if (!hasObject(e)) return fail(e.path + " is not in the cache; the version cannot be assembled");
    }
    const fs::path finalDir = versionDir(manifest.version);
    const fs::path staging = finalDir.string() + ".tmp";
    (void)files_.remove(staging);
    if (auto s = files_.makeDirs(staging); !s) return fail(s.error());
    if (auto s = files_.writeFile(staging / "manifest.json", manifestText); !s) return fail(s.error());
    if (auto s = files_.syncFile(staging / "manifest.json"); !s) return fail(s.error());
    if (auto s = linkVersion(manifest, staging); !s) {
        (void)files_.remove(staging);
        return fail(s.error());
    }
    (void)files_.remove(finalDir);  // a version assembled before an interruption, never current
    if (auto s = files_.rename(staging, finalDir); !s) return fail(s.error());
    if (auto s = files_.syncDir(root_ / "versions"); !s) return fail(s.error());

    LoadResult load = loadFeed(finalDir, options);
    if (!load.content) {
        std::string why = "the new version has a fatal problem";
        for (const auto& d : load.diagnostics.all()) {
            if (d.severity == Severity::Fatal) {
                why = "version " + std::to_string(manifest.version) + " refused: " + d.toString();
                break;
            }
        }
        if (currentVersion() != manifest.version) (void)files_.remove(finalDir);
        return fail(why);
    }
    const auto old = currentVersion();
    if (old && *old != manifest.version) {
        if (auto s = writePointer("previous", *old); !s) return fail(s.error());
    }
    if (auto s = writePointer("current", manifest.version); !s) return fail(s.error());
    collectGarbage();
    return load;
}

std::vector<ManifestEntry> ContentCache::damagedInCurrent(const Manifest& current) const {
    std::vector<ManifestEntry> out;
    const fs::path dir = versionDir(current.version);
    for (const ManifestEntry& e : current.files) {
        std::error_code ec;
        const auto st = fs::symlink_status(dir / e.path, ec);
        if (!fs::is_regular_file(st) || fs::file_size(dir / e.path, ec) != e.size || ec) out.push_back(e);
    }
    return out;
}

Status ContentCache::relinkIntoCurrent(const ManifestEntry& entry) {
    const auto cur = currentVersion();
    if (!cur) return fail("there is no current version to repair");
    if (!isSafeFeedPath(entry.path)) return fail("\"" + entry.path + "\" would escape the cache");
    const fs::path target = versionDir(*cur) / entry.path;
    (void)files_.remove(target);
    if (auto s = files_.makeDirs(target.parent_path()); !s) return s;
    if (auto s = files_.link(objectPath(entry.sha256), target); !s) return s;
    return files_.syncDir(target.parent_path());
}

Status ContentCache::dropCorrupt(const std::string& path) {
    const auto cur = currentVersion();
    if (!cur || !isSafeFeedPath(path)) return fail("no current file " + path);
    auto text = readFile(versionDir(*cur) / "manifest.json", FeedLimits{}.maxDocumentBytes);
    if (!text) return fail(text.error());
    auto manifest = parseManifestText(text.value());
    if (!manifest) return fail(manifest.error());
    const ManifestEntry* e = manifest.value().find(path);
    if (!e) return fail(path + " is not in the current version");
    (void)files_.remove(objectPath(e->sha256));
    return files_.remove(versionDir(*cur) / path);
}

Status ContentCache::rollback() {
    const auto prev = previousVersion();
    const auto cur = currentVersion();
    if (!prev || !cur) return fail("there is no previous version to go back to");
    if (isBad(*prev))
        return fail("the previous version " + std::to_string(*prev) + " is marked bad (it crashed the kiosk)");
    LoadResult load = loadFeed(versionDir(*prev));
    if (!load.content) return fail("the previous version " + std::to_string(*prev) + " no longer loads");
    if (auto s = files_.replaceFile(stateDir() / "rolled_back_from",
                                    std::to_string(std::max(*cur, rolledBackFrom())) + "\n");
        !s) {
        return s;
    }
    if (auto s = writePointer("previous", *cur); !s) return s;
    return writePointer("current", *prev);
}

std::vector<std::int64_t> ContentCache::badVersions() const {
    std::vector<std::int64_t> out;
    auto text = readFile(root_ / "bad_versions", 1 << 16);
    if (!text) return out;
    std::size_t start = 0;
    const std::string& t = text.value();
    while (start < t.size()) {
        const std::size_t end = std::min(t.find('\n', start), t.size());
        try {
            const long long v = std::stoll(t.substr(start, end - start));
            if (v >= 1) out.push_back(v);
        } catch (const std::exception&) {
        }
        start = end + 1;
    }
    return out;
}

bool ContentCache::isBad(std::int64_t version) const {
    const auto bad = badVersions();
    return std::find(bad.begin(), bad.end(), version) != bad.end();
}

Result<std::int64_t> ContentCache::markBad(std::int64_t version) {
    auto bad = badVersions();
    if (std::find(bad.begin(), bad.end(), version) == bad.end()) bad.push_back(version);
    std::string text;
    for (const auto v : bad) text += std::to_string(v) + "\n";
    if (auto s = files_.replaceFile(root_ / "bad_versions", text); !s) return fail(s.error());
    const auto cur = currentVersion();
    if (cur != version) return cur.value_or(0);
    const auto prev = previousVersion();
    // The feed must not bring `version` back: the rollback floor says so too.
    if (auto s = writePointer("rolled_back_from", std::max(version, rolledBackFrom())); !s) return fail(s.error());
    if (prev && !isBad(*prev)) {
        if (auto s = writePointer("current", *prev); !s) return fail(s.error());
        if (auto s = files_.remove(root_ / "previous"); !s) return fail(s.error());
        return *prev;
    }
    if (auto s = files_.remove(root_ / "current"); !s) return fail(s.error());
    (void)files_.syncDir(root_);
    return std::int64_t{0};
}

Status ContentCache::unmarkBad(std::int64_t version) {
    auto bad = badVersions();
    const auto it = std::find(bad.begin(), bad.end(), version);
    if (it == bad.end()) return Ok{};
    bad.erase(it);
    std::string text;
    for (const auto v : bad) text += std::to_string(v) + "\n";
    if (auto s = bad.empty() ? files_.remove(root_ / "bad_versions") : files_.replaceFile(root_ / "bad_versions", text);
        !s)
        return s;
    // The feed's manifest is asked for in full again: an unchanged feed would answer 304.
    (void)files_.remove(root_ / "http_state.json");
    // markBad() writes its floor in the cache folder; a staff rollback's is in the state folder.
    if (readPointerAt(root_ / "rolled_back_from") != version) return Ok{};
    if (bad.empty()) return files_.remove(root_ / "rolled_back_from");
    return writePointer("rolled_back_from", *std::max_element(bad.begin(), bad.end()));
}

ContentCache::Loaded ContentCache::loadCurrent(const LoadOptions& options) const {
    Loaded out;
    const auto cur = currentVersion();
    const auto prev = previousVersion();
    if (cur && isBad(*cur)) {
        out.problem = "version " + std::to_string(*cur) + " is marked bad (it crashed the kiosk)";
        out.version = *cur;
    } else if (!cur) {
        out.problem = "the cache holds no version yet";
        return out;
    } else {
        out.version = *cur;
        out.load = loadFeed(versionDir(*cur), options);
        if (out.load.content) return out;
        for (const auto& d : out.load.diagnostics.all()) {
            if (d.severity == Severity::Fatal) {
                out.problem = "version " + std::to_string(*cur) + ": " + d.toString();
                break;
            }
        }
    }
    if (!prev || isBad(*prev)) return out;
    LoadResult p = loadFeed(versionDir(*prev), options);
    if (p.content) {
        out.load = std::move(p);
        out.version = *prev;
        out.fromPrevious = true;
    }
    return out;
}

void ContentCache::collectGarbage() {
    std::set<std::string> keepVersions, keepObjects;
    for (const auto& v : {currentVersion(), previousVersion()}) {
        if (!v) continue;
        keepVersions.insert(std::to_string(*v));
        auto text = readFile(versionDir(*v) / "manifest.json", FeedLimits{}.maxDocumentBytes);
        if (!text) continue;
        auto m = parseManifestText(text.value());
        if (!m) continue;
        for (const auto& e : m.value().files) keepObjects.insert(e.sha256);
    }
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root_ / "versions", ec)) {
        if (!keepVersions.count(e.path().filename().string())) (void)files_.remove(e.path());
    }
    for (const auto& e : fs::directory_iterator(root_ / "objects", ec)) {
        if (!keepObjects.count(e.path().filename().string())) (void)files_.remove(e.path());
    }
}

}  // namespace kiosk::core::sync
