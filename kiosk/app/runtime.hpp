// What the three run modes (interactive, headless screenshot, self-test) share: the
// configuration merged with the command line, and small helpers built from it.
#pragma once

#include <memory>
#include <string>

#include "app/config.hpp"
#include "app/options.hpp"
#include "core/feed_loader.hpp"
#include "core/localized_text.hpp"
#include "core/time.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/metrics.hpp"

namespace kiosk::app {

struct Runtime {
    Options options;
    Config config;

    std::string contentDir() const;
    core::Lang startLang() const;
    // Geometry for a picture of w x h pixels with the configured physical size.
    ui::ScreenGeometry geometry(int w, int h) const;
    int requestedWidth() const { return options.width ? options.width : config.screen.width; }
    int requestedHeight() const { return options.height ? options.height : config.screen.height; }
    ui::UiOptions uiOptions() const;
    // The feed this kiosk syncs from; empty when sync is off (no feed_url, or --content
    // names a folder to show instead).
    std::string syncedFeedUrl() const;
};

// The host of a URL ("feeds.example.org" of "https://feeds.example.org/a/manifest.json").
std::string urlHost(const std::string& url);

// The seated reach of this screen in words, for --check and --status; `ok` is false when
// no part of the screen is 380-1220 mm above the floor.
std::string describeReach(const Runtime& rt, bool& ok);
// The kiosk's own assets (assets/ beside the bundled content); empty, with a warning in
// the log, when they cannot be read: the built-in artwork and tones are used.
core::AssetSet loadKioskAssets();

// Loads the configuration named on the command line, else the default one if it exists.
core::Result<Runtime> prepareRuntime(const Options& options);

// The start instant for --now, in the content's time zone; nullopt when --now is absent.
core::Result<std::optional<core::Instant>> resolveNow(const Options& options, const core::Content& content);

// Logs a feed's problems (each on one line) and a summary.
void logDiagnostics(const std::string& dir, const core::Diagnostics& diags);

}  // namespace kiosk::app
