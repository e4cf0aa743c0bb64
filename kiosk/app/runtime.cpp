// Shared set-up of the run modes (see runtime.hpp).
#include "app/runtime.hpp"

#include <cstdio>
#include <filesystem>

#include "app/font_lookup.hpp"
#include "app/install_paths.hpp"
#include "core/assets.hpp"
#include "core/log.hpp"

namespace kiosk::app {

std::string Runtime::contentDir() const {
    if (!options.contentDir.empty()) return options.contentDir;
    if (!config.contentDir.empty()) return config.contentDir;
    return defaultPaths().content;
}

std::string Runtime::syncedFeedUrl() const {
    if (!options.contentDir.empty()) return {};
    return options.feedUrl.empty() ? config.feedUrl : options.feedUrl;
}

std::string urlHost(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const auto start = scheme + 3;
    const auto end = url.find('/', start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

core::Lang Runtime::startLang() const {
    core::Lang lang = core::Lang::Fr;
    core::parseLang(options.lang.empty() ? config.language : options.lang, lang);
    return lang;
}

ui::ScreenGeometry Runtime::geometry(int w, int h) const {
    ui::ScreenGeometry g;
    g.widthPx = w;
    g.heightPx = h;
    g.diagonalInches = config.screen.diagonalInches;
    g.viewingDistanceMm = config.screen.viewingDistanceMm;
    g.mountingHeightMm = config.screen.mountingHeightMm;
    return g;
}

ui::UiOptions Runtime::uiOptions() const {
    ui::UiOptions o;
    o.defaultLang = startLang();
    o.idleSeconds = config.idleSeconds;
    o.herePlace = config.herePlace;
    o.hereRoom = config.hereRoom;
    o.assets = loadKioskAssets();
    o.fontFiles.regular = config.fontRegular;
    o.fontFiles.bold = config.fontBold;
    return o;
}

core::AssetSet loadKioskAssets() {
    // Without them (a broken install) the built-in artwork, icon and tones are used.
    auto assets = core::loadAssets(defaultPaths().assets);
    if (!assets) {
        core::log::warning("kiosk assets: " + assets.error() + " (built-in artwork is used)");
        return {};
    }
    return std::move(assets.value());
}

std::string describeReach(const Runtime& rt, bool& ok) {
    const ui::ReachBand band =
        ui::reachBand(rt.geometry(rt.requestedWidth(), rt.requestedHeight()), rt.config.screen.mountingHeightMm);
    char buf[120];
    std::snprintf(buf, sizeof buf, "screen from %.0f to %.0f mm above the floor", band.screenBottomMm,
                  band.screenTopMm);
    ok = band.overlaps;
    if (!band.overlaps)
        return std::string(buf) +
               ": no part is between 380 and 1220 mm, the seated layout cannot help (lower the screen)";
    if (band.whole) return std::string(buf) + ": all of it within a seated person's reach";
    return std::string(buf) + ": seated layout uses rows " + std::to_string(band.topPx) + " to " +
           std::to_string(band.bottomPx);
}

core::Result<Runtime> prepareRuntime(const Options& options) {
    Runtime rt;
    rt.options = options;
    std::string path = options.configFile;
    if (const std::string installed = defaultPaths().config;
        path.empty() && std::filesystem::is_regular_file(installed)) {
        path = installed;
    }
    if (path.empty()) {
        rt.config = defaultConfig();
    } else {
        auto c = loadConfig(path);
        if (!c) return core::fail(c.error());
        rt.config = std::move(c).value();
    }
    for (const auto& w : rt.config.warnings) core::log::warning(rt.config.path + ": " + w);
    // Font files not named in the configuration come from fontconfig; when it has no
    // such family the UI's built-in default path is kept and --check reports it.
    for (auto [file, bold] : {std::pair{&rt.config.fontRegular, false}, std::pair{&rt.config.fontBold, true}}) {
        if (!file->empty()) continue;
        if (auto found = findFontFile(rt.config.fontFamily, bold)) {
            *file = found.value();
        } else {
            core::log::warning(found.error());
            *file = bold ? ui::FontFiles{}.bold : ui::FontFiles{}.regular;
        }
    }
    if (rt.config.screen.rotation != 0) {
        core::log::warning("screen.rotation " + std::to_string(rt.config.screen.rotation) +
                           " is not supported by this version yet: the picture is not rotated");
    }
    return rt;
}

core::Result<std::optional<core::Instant>> resolveNow(const Options& options, const core::Content& content) {
    if (options.now.empty()) return std::optional<core::Instant>{};
    auto t = core::parseNowOption(options.now, content.timeZone);
    if (!t) return core::fail("--now: " + t.error());
    return std::optional<core::Instant>{t.value()};
}

void logDiagnostics(const std::string& dir, const core::Diagnostics& diags) {
    for (const auto& d : diags.all()) {
        const auto level = d.severity <= core::Severity::Warning ? core::log::Level::Warning : core::log::Level::Error;
        core::log::write(level, std::string("content: ") + d.toString());
    }
    core::log::info("content " + dir + ": " + std::to_string(diags.count(core::Severity::Fatal)) + " fatal, " +
                    std::to_string(diags.count(core::Severity::ItemError)) + " errors, " +
                    std::to_string(diags.count(core::Severity::Warning)) + " warnings");
}

}  // namespace kiosk::app
