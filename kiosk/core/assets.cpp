// Loading and verifying the kiosk's own assets (see assets.hpp).
#include "core/assets.hpp"

#include "core/diagnostics.hpp"
#include "core/files.hpp"
#include "core/json_parse.hpp"
#include "core/log.hpp"
#include "core/parsers.hpp"

namespace kiosk::core {

Result<AssetSet> loadAssets(const std::filesystem::path& dir) {
    const FeedLimits limits;
    auto text = readFile(dir / "manifest.json", limits.maxDocumentBytes);
    if (!text) return fail(dir.string() + "/manifest.json: " + text.error());
    auto doc = parseJsonChecked(text.value(), jsonOptionsFor(limits));
    if (!doc) return fail(dir.string() + "/manifest.json: " + doc.error());
    Diagnostics diags;
    auto manifest = detail::parseManifest(doc.value(), diags, limits);
    if (!manifest) {
        const std::string why = diags.all().empty() ? "not a manifest" : diags.all().front().message;
        return fail(dir.string() + "/manifest.json: " + why);
    }
    AssetSet set;
    set.root = dir.string();
    set.manifest = std::move(*manifest);
    return set;
}

Result<std::string> readVerifiedAsset(const AssetSet& assets, std::string_view path) {
    const ManifestEntry* e = assets.find(path);
    if (!e) return fail("asset " + std::string(path) + " is not in " + assets.root + "/manifest.json");
    auto bytes = readFile(assets.pathOf(*e), FeedLimits{}.maxImageBytes);
    std::string problem;
    if (!bytes) {
        problem = bytes.error();
    } else if (bytes.value().size() != e->size) {
        problem = std::to_string(bytes.value().size()) + " bytes, the manifest says " + std::to_string(e->size);
    } else if (sha256Hex(bytes.value()) != e->sha256) {
        problem = "its SHA-256 differs from the manifest's";
    }
    if (!problem.empty()) {
        const std::string message = "asset " + assets.pathOf(*e) + " refused (" + problem + "): using the built-in one";
        log::warning(message);
        return fail(message);
    }
    return bytes;
}

}  // namespace kiosk::core
