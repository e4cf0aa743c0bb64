// libFuzzer target for one feed document parser, chosen at build time with
// KIOSK_FUZZ_DOCUMENT (event, sessions, places, maps, demos, pages, announcements,
// playlist, manifest): the text goes through the parse edge, then the parser.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "core/json_parse.hpp"
#include "core/parsers.hpp"

using namespace kiosk::core;

namespace {
enum class Doc { Event, Sessions, Places, Maps, Demos, Pages, Announcements, Playlist, Manifest };
constexpr Doc kDoc = Doc::KIOSK_FUZZ_DOCUMENT;

// What the documents may refer to: one place with a floor plan, one listed image.
const Manifest& manifest() {
    static const Manifest m = [] {
        Manifest x;
        x.files.push_back({"images/robot.png", 10, std::string(64, 'a')});
        return x;
    }();
    return m;
}
const std::vector<Place>& places() {
    static const std::vector<Place> p = [] {
        Place x;
        x.id = "mairie";
        return std::vector<Place>{x};
    }();
    return p;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const FeedLimits limits;
    auto doc = parseJsonChecked(text, jsonOptionsFor(limits));
    if (!doc) return 0;
    Diagnostics diags;
    detail::ParseContext ctx{diags, limits, manifest()};
    std::vector<FloorPlan> plans;
    std::set<std::string> rejected;
    ctx.places = &places();
    ctx.floorPlans = &plans;
    ctx.rejectedPlaces = &rejected;
    const auto& j = doc.value();
    switch (kDoc) {
        case Doc::Event: (void)detail::parseEvent(j, ctx); break;
        case Doc::Sessions: (void)detail::parseSessions(j, ctx); break;
        case Doc::Places: (void)detail::parsePlaces(j, ctx, &rejected); break;
        case Doc::Maps: {
            std::optional<TerritoryMap> territory;
            detail::parseMaps(j, ctx, territory, plans);
            break;
        }
        case Doc::Demos: (void)detail::parseDemos(j, ctx); break;
        case Doc::Pages: (void)detail::parsePages(j, ctx); break;
        case Doc::Announcements: (void)detail::parseAnnouncements(j, ctx); break;
        case Doc::Playlist: (void)detail::parsePlaylist(j, ctx); break;
        case Doc::Manifest: (void)detail::parseManifest(j, diags, limits); break;
    }
    for (const Diagnostic& d : diags.all()) (void)d.toString();
    return 0;
}
