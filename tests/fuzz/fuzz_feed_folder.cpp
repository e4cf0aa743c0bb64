// libFuzzer target for kiosk-feed validate and build on a whole folder (issue 21): the
// first byte picks a document of a small valid feed (or its manifest.json), the rest
// replaces its text; then the staff tool's steps run on the folder as kiosk-feed does:
// scan, read the current manifest, list used files, validate every file, build.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace {
const char* const kDocuments[] = {"event.json", "sessions.json",      "places.json",   "maps.json",    "demos.json",
                                  "pages.json", "announcements.json", "playlist.json", "manifest.json"};

const std::pair<const char*, const char*> kBase[] = {
    {"event.json", R"({"id": "fete", "name": {"fr": "Fête", "en": "Fair"}, "start_date": "2027-10-18",
      "end_date": "2027-10-19", "time_zone": "Europe/Paris", "organiser": {"name": "Asso"}})"},
    {"sessions.json", R"({"sessions": [{"id": "a", "title": "Atelier", "type": "workshop", "place": "mairie",
      "room": "Salle 1", "start": "2027-10-18T14:00:00+02:00", "end": "2027-10-18T15:00:00+02:00"}]})"},
    {"places.json", R"({"places": [{"id": "mairie", "name": "Mairie"}]})"},
};

fs::path folder() {
    static const fs::path dir = [] {
        char pattern[] = "/tmp/fuzz-feed-folder-XXXXXX";
        const fs::path d = mkdtemp(pattern);
        return d;
    }();
    return dir;
}

void write(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// The base feed, as kiosk-feed init would leave it: three documents and a built manifest.
void reset() {
    const fs::path dir = folder();
    std::error_code ec;
    for (const char* doc : kDocuments) fs::remove(dir / doc, ec);
    for (const auto& [name, text] : kBase) write(dir / name, text);
    (void)buildFeed(dir, SystemClock().now());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    reset();
    const fs::path dir = folder();
    const char* doc = kDocuments[data[0] % (sizeof kDocuments / sizeof *kDocuments)];
    write(dir / doc, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));

    std::vector<std::string> notRegular, unused;
    auto scanned = scanFeedFolder(dir, FeedLimits{}, &notRegular);
    (void)readCurrentManifest(dir);
    if (scanned) {
        Manifest fresh;
        fresh.files = usedFiles(dir, std::move(scanned).value(), unused);
        LoadOptions all;
        all.verifyAllFiles = true;
        const LoadResult r = loadFeedWithManifest(dir, fresh, all);
        const Diagnostics graded = gradeForStaff(r.diagnostics);  // kept: .all() of a temporary would dangle
        for (const Diagnostic& d : graded.all()) (void)d.toString();
    }
    const BuildOutcome built = buildFeed(dir, SystemClock().now());
    (void)built.error.size();
    return 0;
}
