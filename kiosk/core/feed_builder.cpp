// Writing a feed's manifest after validating the folder (see feed_builder.hpp).
#include "core/feed_builder.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/files.hpp"
#include "core/json_parse.hpp"
#include "core/parsers.hpp"

namespace kiosk::core {
namespace fs = std::filesystem;

namespace {
bool sameFiles(const std::vector<ManifestEntry>& a, const std::vector<ManifestEntry>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].path != b[i].path || a[i].size != b[i].size || a[i].sha256 != b[i].sha256) return false;
    }
    return true;
}
void collectSources(const nlohmann::json& j, std::set<std::string>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "src" && it->is_string())
                out.insert(it->get<std::string>());
            else
                collectSources(*it, out);
        }
    } else if (j.is_array()) {
        for (const auto& e : j) collectSources(e, out);
    }
}

const char* const kFeedDocuments[] = {"event.json", "sessions.json", "places.json",        "maps.json",
                                      "demos.json", "pages.json",    "announcements.json", "playlist.json"};
}  // namespace

std::vector<ManifestEntry> usedFiles(const fs::path& dir, std::vector<ManifestEntry> files,
                                     std::vector<std::string>& unused) {
    std::set<std::string> used(std::begin(kFeedDocuments), std::end(kFeedDocuments));
    std::set<std::string> sources;
    for (const char* doc : kFeedDocuments) {
        auto text = readFile(dir / doc, FeedLimits{}.maxDocumentBytes);
        if (!text) continue;
        // an unreadable document uses nothing here; the loader reports it. The checked
        // parse bounds the depth, so this recursion is bounded too.
        auto parsed = parseJsonChecked(text.value());
        if (parsed) collectSources(parsed.value(), sources);
    }
    used.insert(sources.begin(), sources.end());
    std::vector<ManifestEntry> kept;
    for (auto& f : files) {
        if (used.count(f.path))
            kept.push_back(std::move(f));
        else
            unused.push_back(f.path);
    }
    return kept;
}

Result<std::optional<Manifest>> readCurrentManifest(const fs::path& dir, const FeedLimits& limits) {
    std::error_code ec;
    const fs::path path = dir / "manifest.json";
    if (!fs::exists(fs::symlink_status(path, ec))) return std::optional<Manifest>{};
    auto text = readFile(path, limits.maxDocumentBytes);
    if (!text) return fail("manifest.json: " + text.error());
    auto doc = parseJsonChecked(text.value(), jsonOptionsFor(limits));
    if (!doc) return fail("manifest.json: " + doc.error());
    Diagnostics problems;
    std::optional<Manifest> m = detail::parseManifest(doc.value(), problems, limits);
    if (!m || !isFeedVersion(m->version)) {
        std::string why;  // the version's own problem, else the first one found
        for (const Diagnostic& d : problems.all()) {
            const bool version = d.path.find("version") != std::string::npos;
            if (version || why.empty()) why = d.path + ": " + d.message;
            if (version) break;
        }
        return fail("manifest.json: " + (why.empty() ? std::string("no usable version") : why));
    }
    return m;
}

Diagnostics gradeForStaff(const Diagnostics& diags) {
    Diagnostics out;
    for (const Diagnostic& d : diags.all()) {
        Severity level = d.severity;
        const bool access = d.path.find(".access[") != std::string::npos;
        const bool plan = d.path.ends_with(".floor_plan") && d.message.find("floor plan") != std::string::npos;
        const bool missingFile = d.message.find(" is not in the folder") != std::string::npos;
        if (level == Severity::Warning && (access || plan || missingFile)) level = Severity::ItemError;
        out.add(level, d.file, d.path, d.message);
    }
    return out;
}

std::string serializeManifest(const Manifest& m) {
    nlohmann::ordered_json j;
    j["format"] = m.format;
    j["version"] = m.version;
    j["published"] = formatIsoUtc(m.published.instant);
    auto& files = j["files"] = nlohmann::ordered_json::array();
    for (const auto& f : m.files) {
        files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
    }
    return j.dump(2) + "\n";
}

BuildOutcome buildFeed(const fs::path& dir, Instant now, const LoadOptions& options, std::int64_t versionFloor,
                       BuildRules rules) {
    BuildOutcome out;
    auto files = scanFeedFolder(dir, options.limits, &out.notRegular);
    if (!files) {
        out.error = files.error();
        return out;
    }
    // A manifest that is there but unreadable is never replaced by version 1: kiosks that
    // have a higher version would ignore the feed while it looks published.
    auto current = readCurrentManifest(dir, options.limits);
    if (!current) {
        out.error = current.error() +
                    "; fix it (its version must stay), or remove it to start again at version 1 (kiosks then "
                    "need kiosk-feed build --after URL to go above what they have)";
        return out;
    }
    const auto& previous = current.value();
    const std::int64_t base = std::max<std::int64_t>(previous ? previous->version : 0, versionFloor);
    if (base >= kMaxFeedVersion) {
        out.error = "the version cannot go above " + std::to_string(kMaxFeedVersion) + " (it is " +
                    std::to_string(base) + "): kiosks would never take a higher one";
        return out;
    }
    out.manifest.files = usedFiles(dir, std::move(files).value(), out.unused);
    out.manifest.published = DateTime{now, 0};
    out.manifest.version = base + 1;

    LoadOptions verifyAll = options;
    verifyAll.verifyAllFiles = true;
    out.load = loadFeedWithManifest(dir, out.manifest, verifyAll);
    if (rules == BuildRules::Staff) {
        out.load.diagnostics = gradeForStaff(out.load.diagnostics);
        if (out.load.diagnostics.hasErrors()) return out;
    } else if (!out.load.content) {
        return out;
    }

    if (previous && previous->version > versionFloor && sameFiles(previous->files, out.manifest.files)) {
        out.unchanged = true;
        out.manifest = *previous;
        return out;
    }
    auto status = writeFileAtomically(dir / "manifest.json", serializeManifest(out.manifest));
    if (!status) {
        out.error = status.error();
        return out;
    }
    out.written = true;
    return out;
}

}  // namespace kiosk::core
