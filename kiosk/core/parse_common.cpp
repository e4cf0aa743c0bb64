// Pieces shared by the document parsers: images with text alternatives, access lists,
// and the manifest itself (checked as one unit before any file of the feed is trusted).
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/files.hpp"
#include "core/parsers.hpp"

namespace kiosk::core::detail {

std::optional<JsonItem> documentRoot(const nlohmann::json& doc, const char* file, const ParseContext& ctx,
                                     Severity level) {
    JsonItem root(doc, "$", file, ctx.diags, level, ctx.limits);
    if (!doc.is_object()) {
        root.error("$", "expected an object, got " + describeJson(doc));
        return std::nullopt;
    }
    return root;
}

void requireUnique(JsonItem& item, std::set<std::string>& seen, const std::string& id) {
    if (id.empty()) return;
    if (!seen.insert(id).second) item.error(item.path() + ".id", "duplicate id \"" + id + "\"; only the first is used");
}

void requirePlace(JsonItem& item, const char* key, const std::string& placeId, const ParseContext& ctx) {
    if (placeId.empty() || !ctx.places) return;
    for (const Place& p : *ctx.places) {
        if (p.id == placeId) return;
    }
    if (ctx.rejectedPlaces && ctx.rejectedPlaces->count(placeId)) {
        item.error(item.path() + "." + key,
                   "place \"" + placeId + "\" was skipped for its own errors (see places.json)");
        return;
    }
    item.error(item.path() + "." + key, "expected the id of a place in places.json, got \"" + placeId + "\"");
}

std::optional<Image> readImageObject(JsonItem& item, const ParseContext& ctx) {
    item.allowOnly({"src", "alt"});
    Image image;
    image.src = item.string("src", true, 255);
    image.alt = item.text("alt", true);
    if (image.src.empty()) return std::nullopt;
    if (!isSafeFeedPath(image.src)) {
        item.error(item.path() + ".src", "expected a relative path inside the feed, got \"" + image.src + "\"");
        return std::nullopt;
    }
    if (!ctx.manifest.find(image.src)) {
        std::error_code ec;
        if (!ctx.root.empty() && !std::filesystem::exists(std::filesystem::path(ctx.root) / image.src, ec))
            item.warn(item.path() + ".src", "the file " + image.src + " is not in the folder; not shown");
        else
            item.warn(item.path() + ".src", "image \"" + image.src + "\" is not listed in the manifest; not shown");
        return std::nullopt;
    }
    return image;
}

std::optional<Image> readImage(JsonItem& parent, const char* key, const ParseContext& ctx) {
    auto child = parent.child(key, false);
    if (!child) return std::nullopt;
    return readImageObject(*child, ctx);
}

AccessSet readAccess(JsonItem& item, const char* key) {
    AccessSet set = 0;
    for (const auto& k :
         item.choiceList(key, {"step_free", "induction_loop", "sign_language", "audio_description", "quiet_room"})) {
        AccessFeature f;
        if (parseAccess(k, f)) set |= f;
    }
    return set;
}

std::optional<Manifest> parseManifest(const nlohmann::json& doc, Diagnostics& diags, const FeedLimits& limits) {
    // "published" is when the feed was built, not content: any clock's date is accepted.
    FeedLimits manifestLimits = limits;
    manifestLimits.minYear = 1970;
    manifestLimits.maxYear = 9999;
    JsonItem root(doc, "$", "manifest.json", diags, Severity::Fatal, manifestLimits);
    if (!doc.is_object()) {
        root.error("$", "expected an object, got " + describeJson(doc));
        return std::nullopt;
    }
    root.allowOnly({"format", "version", "published", "files", "signature"});
    Manifest m;
    m.format = root.string("format", true, 64);
    if (!m.format.empty() && m.format != "kiosk-feed/1") {
        root.error("$.format",
                   "expected \"kiosk-feed/1\", got \"" + m.format + "\" (a newer format this kiosk cannot read)");
    }
    m.version = root.integer("version", true, 1, kMaxFeedVersion).value_or(0);
    if (auto p = root.dateTime("published", true)) m.published = *p;
    // Every entry must be right: a manifest is accepted or refused as one unit.
    for (auto& f : root.elements("files", true, limits.maxFiles)) {
        ManifestEntry e;
        e.path = f.string("path", true, 255);
        if (!e.path.empty() && (!isSafeFeedPath(e.path) || e.path == "manifest.json")) {
            f.error(f.path() + ".path", "expected a relative path inside the feed, got \"" + e.path + "\"");
        }
        e.size = static_cast<std::uint64_t>(f.integer("size", true, 0, INT64_C(1) << 40).value_or(0));
        e.sha256 = f.string("sha256", true, 64);
        const bool hexOk = e.sha256.size() == 64 && e.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
        if (!e.sha256.empty() && !hexOk) {
            f.error(f.path() + ".sha256", "expected 64 lowercase hexadecimal digits, got \"" + e.sha256 + "\"");
        }
        if (m.find(e.path)) f.error(f.path() + ".path", "\"" + e.path + "\" is listed twice");
        m.files.push_back(std::move(e));
    }
    if (!root.ok()) return std::nullopt;
    return m;
}

}  // namespace kiosk::core::detail
