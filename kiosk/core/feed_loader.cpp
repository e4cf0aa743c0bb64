// Feed loading: manifest first (one unit), then each document verified against it and
// parsed, then cross-references; problems become diagnostics, never exceptions.
#include "core/feed_loader.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "core/files.hpp"
#include "core/image_header.hpp"
#include "core/json_parse.hpp"
#include "core/parsers.hpp"

namespace kiosk::core {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* const kDocuments[] = {"event.json", "sessions.json", "places.json",        "maps.json",
                                  "demos.json", "pages.json",    "announcements.json", "playlist.json"};

bool isDocument(const std::string& path) {
    return std::any_of(std::begin(kDocuments), std::end(kDocuments), [&](const char* d) { return path == d; });
}

// The parse edge: structure limits (depth, entries) and every nlohmann exception become
// one diagnostic for the whole document.
std::optional<json> parseJsonText(const std::string& text, const std::string& file, Severity level, Diagnostics& diags,
                                  const FeedLimits& limits) {
    auto doc = parseJsonChecked(text, jsonOptionsFor(limits));
    if (!doc) {
        diags.add(level, file, "", doc.error());
        return std::nullopt;
    }
    return std::move(doc).value();
}

class Loader {
public:
    Loader(fs::path dir, Manifest manifest, const LoadOptions& options, Diagnostics& diags)
        : dir_(std::move(dir)), manifest_(std::move(manifest)), options_(options), diags_(diags) {}

    std::shared_ptr<Content> run();

private:
    std::optional<json> document(const char* name, bool required);
    bool verifyFile(const ManifestEntry& entry, Severity level, std::string* contents);
    void verifyOtherFiles();
    void reportUnlistedFiles();
    void checkPlaceReferences(Content& c);

    fs::path dir_;
    Manifest manifest_;
    const LoadOptions& options_;
    Diagnostics& diags_;
};

// Size and hash against the manifest; `contents` receives the bytes when given.
bool Loader::verifyFile(const ManifestEntry& entry, Severity level, std::string* contents) {
    const fs::path path = dir_ / entry.path;
    std::error_code ec;
    if (fs::is_symlink(path, ec)) {
        diags_.add(level, entry.path, "", "is a symbolic link; feeds may only hold regular files");
        return false;
    }
    if (!fs::is_regular_file(path, ec)) {
        diags_.add(level, entry.path, "", "listed in the manifest but missing from the feed folder");
        return false;
    }
    const bool isDoc = isDocument(entry.path);
    const std::uint64_t limit = isDoc ? options_.limits.maxDocumentBytes : options_.limits.maxImageBytes;
    const auto size = fs::file_size(path, ec);
    if (size != entry.size) {
        diags_.add(level, entry.path, "",
                   "expected " + std::to_string(entry.size) + " bytes as in the manifest, got " + std::to_string(size) +
                       " (run kiosk-feed build after editing)");
        if (!options_.diagnoseChangedFiles || size > limit) return false;
        auto data = readFile(path, limit);
        if (!data) return false;
        if (contents) *contents = std::move(data).value();
        return true;  // reported above; read on so staff see every problem at once
    }
    if (size > limit) {
        diags_.add(level, entry.path, "",
                   "is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(limit));
        return false;
    }
    auto data = readFile(path, limit);
    if (!data) {
        diags_.add(level, entry.path, "", data.error());
        return false;
    }
    const std::string actual = sha256Hex(data.value());
    if (actual != entry.sha256) {
        diags_.add(level, entry.path, "",
                   "expected SHA-256 " + entry.sha256.substr(0, 12) + "… as in the manifest, got " +
                       actual.substr(0, 12) + "… (the file changed after kiosk-feed build?)");
        if (!options_.diagnoseChangedFiles) return false;
        if (contents) *contents = std::move(data).value();
        return true;  // reported above; read on so staff see every problem at once
    }
    if (contents) *contents = std::move(data).value();
    return true;
}

std::optional<json> Loader::document(const char* name, bool required) {
    const Severity level = required ? Severity::Fatal : Severity::ItemError;
    const ManifestEntry* entry = manifest_.find(name);
    if (!entry) {
        if (required) {
            diags_.add(level, name, "", "missing: this document is required and must be listed in manifest.json");
        } else {
            diags_.add(Severity::Warning, name, "", "not in this feed; the kiosk shows less");
        }
        return std::nullopt;
    }
    std::string text;
    if (!verifyFile(*entry, level, &text)) return std::nullopt;
    return parseJsonText(text, name, level, diags_, options_.limits);
}

// Images and other files: checked now only when asked (validate, build).
void Loader::verifyOtherFiles() {
    for (const ManifestEntry& e : manifest_.files) {
        if (isDocument(e.path)) continue;
        std::string data;
        if (!verifyFile(e, Severity::ItemError, &data)) continue;
        std::string ext = fs::path(e.path).extension().string();
        for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") continue;
        auto header = readImageHeader(data);
        if (!header) {
            diags_.add(Severity::ItemError, e.path, "", "expected a PNG or JPEG image: " + header.error());
            continue;
        }
        const int w = header.value().width, h = header.value().height;
        const auto pixels = static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h);
        if (w > options_.limits.maxImageSide || h > options_.limits.maxImageSide) {
            diags_.add(Severity::ItemError, e.path, "",
                       "expected at most " + std::to_string(options_.limits.maxImageSide) + " pixels a side, got " +
                           std::to_string(w) + "x" + std::to_string(h));
        } else if (pixels > options_.limits.maxImagePixels) {
            diags_.add(Severity::ItemError, e.path, "",
                       "expected at most " + std::to_string(options_.limits.maxImagePixels / 1'000'000) +
                           " megapixels, got " + std::to_string(w) + "x" + std::to_string(h) + "; resize it");
        } else if (const std::uint64_t need =
                       estimateDecodeBytes(header.value(), data.size(), std::min(w, 3840), std::min(h, 3840));
                   need > kMaxDecodeBytesPerImage) {
            // what the kiosk's decoder would refuse (a 16-bit 24-megapixel PNG): said now, not at the screen
            diags_.add(Severity::ItemError, e.path, "",
                       "decoding this " + std::to_string(w) + "x" + std::to_string(h) + " image (" +
                           std::to_string(header.value().bitsPerChannel) + " bits per channel) would need about " +
                           std::to_string(need >> 20) + " MiB, more than the kiosk's " +
                           std::to_string(kMaxDecodeBytesPerImage >> 20) +
                           " MiB: it would never be shown; export it smaller or with 8 bits per channel");
        } else if (auto data_ok = checkPngData(data, header.value()); !data_ok) {
            diags_.add(Severity::ItemError, e.path, "",
                       "the image cannot be used: " + data_ok.error() + "; export it again");
        }
    }
}

void Loader::reportUnlistedFiles() {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name.front() == '.') {  // hidden files and folders are never part of a feed
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        // lexically: fs::relative would follow symbolic links
        const std::string rel = it->path().lexically_relative(dir_).generic_string();
        if (rel == "manifest.json" || rel == "manifest.json.minisig" || rel.ends_with(".tmp")) continue;
        if (rel.ends_with(".md")) continue;  // staff notes (LISEZMOI.md of kiosk-feed init), never published
        if (!manifest_.find(rel)) {
            diags_.add(Severity::Warning, rel, "",
                       "in the feed folder but not in the manifest; ignored (run kiosk-feed build)");
        }
    }
}

void Loader::checkPlaceReferences(Content& c) {
    for (Place& p : c.places) {
        if (!p.floorPlanId.empty() && !c.findFloorPlan(p.floorPlanId)) {
            diags_.add(Severity::Warning, "places.json", "$.places[?(@.id=='" + p.id + "')].floor_plan",
                       "expected the id of a floor plan in maps.json, got \"" + p.floorPlanId + "\"");
            p.floorPlanId.clear();
        }
    }
    for (const Place& p : c.places) {
        if (!p.coordinates)
            diags_.add(Severity::Note, "places.json", "$.places[?(@.id=='" + p.id + "')].coordinates",
                       "no coordinates: the place is listed but has no pin on the territory map");
    }
    if (!c.territory) return;
    const GeoBounds& b = c.territory->bounds;
    for (const Place& p : c.places) {
        if (!p.coordinates) continue;
        const GeoPoint& g = *p.coordinates;
        if (g.lat > b.north || g.lat < b.south || g.lon < b.west || g.lon > b.east) {
            diags_.add(Severity::Warning, "places.json", "$.places[?(@.id=='" + p.id + "')].coordinates",
                       "outside the territory map's bounds; not drawn on the map");
        }
    }
}

std::shared_ptr<Content> Loader::run() {
    auto c = std::make_shared<Content>();
    c->root = dir_.string();
    detail::ParseContext base{diags_, options_.limits, manifest_};
    base.root = dir_.string();

    auto eventDoc = document("event.json", true);
    auto sessionsDoc = document("sessions.json", true);
    if (eventDoc) {
        if (auto e = detail::parseEvent(*eventDoc, base)) c->event = std::move(*e);
    }
    if (options_.verifyAllFiles) verifyOtherFiles();
    reportUnlistedFiles();
    const bool diagnoseOn = options_.diagnoseChangedFiles && eventDoc && sessionsDoc;
    if (diags_.hasFatal() && !diagnoseOn) return nullptr;
    auto tz = TimeZone::locate(c->event.timeZoneName);
    if (!tz) {
        diags_.add(Severity::Fatal, "event.json", "$.time_zone", tz.error());
        return nullptr;
    }
    c->timeZone = tz.value();

    std::set<std::string> rejectedPlaces;
    if (auto d = document("places.json", false)) c->places = detail::parsePlaces(*d, base, &rejectedPlaces);
    detail::ParseContext ctx = base;
    ctx.places = &c->places;
    ctx.rejectedPlaces = &rejectedPlaces;
    if (auto d = document("maps.json", false)) detail::parseMaps(*d, ctx, c->territory, c->floorPlans);
    ctx.floorPlans = &c->floorPlans;
    ctx.event = &c->event;
    ctx.timeZone = &c->timeZone;
    if (sessionsDoc) c->sessions = detail::parseSessions(*sessionsDoc, ctx);
    if (auto d = document("demos.json", false)) c->demos = detail::parseDemos(*d, ctx);
    if (auto d = document("pages.json", false)) c->pages = detail::parsePages(*d, ctx);
    if (auto d = document("announcements.json", false)) c->announcements = detail::parseAnnouncements(*d, ctx);
    if (auto d = document("playlist.json", false)) c->playlist = detail::parsePlaylist(*d, ctx);
    if (diags_.hasFatal()) return nullptr;

    checkPlaceReferences(*c);
    if (c->playlist.empty()) {
        c->playlist = {{SlideKind::Welcome, 10},
                       {SlideKind::NowNext, 15},
                       {SlideKind::Demos, 12},
                       {SlideKind::Map, 10},
                       {SlideKind::Announcements, 8}};
    }
    std::stable_sort(c->sessions.begin(), c->sessions.end(), [](const Session& a, const Session& b) {
        if (a.start.instant != b.start.instant) return a.start.instant < b.start.instant;
        return a.title.str(Lang::Fr) < b.title.str(Lang::Fr);
    });
    c->manifest = std::move(manifest_);
    return c;
}

LoadResult loadFeedUnchecked(const fs::path& dir, const LoadOptions& options);

}  // namespace

LoadResult loadFeedWithManifest(const fs::path& dir, Manifest manifest, const LoadOptions& options) {
    LoadResult result;
    try {
        Loader loader(dir, std::move(manifest), options, result.diagnostics);
        result.content = loader.run();
    } catch (const std::exception& e) {  // out of memory, or a bug: never past this edge
        result.content = nullptr;
        result.diagnostics.add(Severity::Fatal, dir.string(), "", std::string("could not be loaded: ") + e.what());
    }
    return result;
}

LoadResult loadFeed(const fs::path& dir, const LoadOptions& options) {
    try {
        return loadFeedUnchecked(dir, options);
    } catch (const std::exception& e) {  // out of memory, or a bug: never past this edge
        LoadResult result;
        result.diagnostics.add(Severity::Fatal, dir.string(), "", std::string("could not be loaded: ") + e.what());
        return result;
    }
}

namespace {
LoadResult loadFeedUnchecked(const fs::path& dir, const LoadOptions& options) {
    LoadResult result;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        result.diagnostics.add(Severity::Fatal, dir.string(), "", "is not a folder");
        return result;
    }
    const fs::path manifestPath = dir / "manifest.json";
    if (!fs::is_regular_file(manifestPath, ec)) {
        result.diagnostics.add(
            Severity::Fatal, "manifest.json", "",
            "missing: a feed needs a manifest (write it with: kiosk-feed build " + dir.string() + ")");
        return result;
    }
    auto text = readFile(manifestPath, options.limits.maxDocumentBytes);
    if (!text) {
        result.diagnostics.add(Severity::Fatal, "manifest.json", "", text.error());
        return result;
    }
    auto doc = parseJsonText(text.value(), "manifest.json", Severity::Fatal, result.diagnostics, options.limits);
    if (!doc) return result;
    auto manifest = detail::parseManifest(*doc, result.diagnostics, options.limits);
    if (!manifest) return result;
    Loader loader(dir, std::move(*manifest), options, result.diagnostics);
    result.content = loader.run();
    return result;
}
}  // namespace

Result<std::vector<ManifestEntry>> scanFeedFolder(const fs::path& dir, const FeedLimits& limits,
                                                  std::vector<std::string>* notRegular) {
    std::vector<ManifestEntry> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return fail(dir.string() + " is not a folder");
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec) return fail("cannot list " + dir.string() + ": " + ec.message());
        const std::string rel = it->path().lexically_relative(dir).generic_string();  // no link following
        const std::string name = it->path().filename().string();
        if (name.front() == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink()) return fail(rel + " is a symbolic link; a feed may only hold regular files");
        if (it->is_directory()) continue;
        if (!it->is_regular_file()) {  // a pipe, socket or device: reading it could block forever
            if (notRegular) notRegular->push_back(rel);
            continue;
        }
        if (rel == "manifest.json" || rel == "manifest.json.minisig" || rel.ends_with(".tmp")) continue;
        if (!isSafeFeedPath(rel)) return fail("\"" + rel + "\" is not a usable file name in a feed");
        auto hash = sha256File(it->path());
        if (!hash) return fail(hash.error());
        out.push_back({rel, static_cast<std::uint64_t>(it->file_size()), hash.value()});
        if (out.size() > limits.maxFiles) {
            return fail("more than " + std::to_string(limits.maxFiles) + " files in " + dir.string());
        }
    }
    if (ec) return fail("cannot list " + dir.string() + ": " + ec.message());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

}  // namespace kiosk::core
