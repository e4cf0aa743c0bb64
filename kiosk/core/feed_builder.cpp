// Writing a feed's manifest after validating the folder (see feed_builder.hpp).
#include "core/feed_builder.hpp"

#include <nlohmann/json.hpp>

#include "core/files.hpp"
#include "core/json_parse.hpp"
#include "core/parsers.hpp"

namespace kiosk::core {
namespace fs = std::filesystem;

namespace {
// The current manifest, if there is a readable one; its version is the floor for the next.
std::optional<Manifest> currentManifest(const fs::path& dir, const FeedLimits& limits) {
    auto text = readFile(dir / "manifest.json", limits.maxDocumentBytes);
    if (!text) return std::nullopt;
    auto doc = parseJsonChecked(text.value(), jsonOptionsFor(limits));
    if (!doc) return std::nullopt;
    Diagnostics ignored;
    return detail::parseManifest(doc.value(), ignored, limits);
}

bool sameFiles(const std::vector<ManifestEntry>& a, const std::vector<ManifestEntry>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].path != b[i].path || a[i].size != b[i].size || a[i].sha256 != b[i].sha256) return false;
    }
    return true;
}
}  // namespace

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

BuildOutcome buildFeed(const fs::path& dir, Instant now, const LoadOptions& options) {
    BuildOutcome out;
    auto files = scanFeedFolder(dir, options.limits);
    if (!files) {
        out.error = files.error();
        return out;
    }
    const auto previous = currentManifest(dir, options.limits);
    out.manifest.files = std::move(files).value();
    out.manifest.published = DateTime{now, 0};
    out.manifest.version = previous ? previous->version + 1 : 1;

    LoadOptions verifyAll = options;
    verifyAll.verifyAllFiles = true;
    out.load = loadFeedWithManifest(dir, out.manifest, verifyAll);
    if (out.load.diagnostics.hasErrors()) return out;

    if (previous && sameFiles(previous->files, out.manifest.files)) {
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
