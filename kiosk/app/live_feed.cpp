// The live source worker for the App, and the interactive --texts record (see live_feed.hpp).
#include "app/live_feed.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/sync_once.hpp"
#include "core/log.hpp"
#include "ui/frame_state.hpp"

namespace kiosk::app {

std::unique_ptr<core::import::LiveService> startLiveSource(const Runtime& rt, const std::string& feedDir,
                                                           std::function<void()> onPublished) {
    const LiveConfig& live = rt.config.live;
    if (live.url.empty() || feedDir.empty()) return nullptr;
    const core::sync::SyncServiceConfig sync = syncConfigFrom(rt);  // the same HTTP settings and cache folder
    core::import::LiveServiceConfig c;
    c.source.url = live.url;
    if (!core::import::parseFormat(live.format, c.source.format)) return nullptr;  // checked by loadConfig
    c.source.maxBytes = rt.config.maxDownloadBytes;
    c.feedDir = feedDir;
    c.cacheDir = sync.settings.cacheDir;
    c.http = sync.settings.http;
    c.poll = sync.poll;
    c.poll.intervalSeconds = live.pollSeconds;
    // A broken sheet is fetched again within one interval, then less and less often.
    c.poll.firstBackoffSeconds = live.pollSeconds;
    c.poll.maxBackoffSeconds = std::max(c.poll.maxBackoffSeconds, live.pollSeconds);
    c.onPublished = std::move(onPublished);
    // The worker keeps real time whatever the UI's clock (--now simulates the programme's
    // day, not the source's polls; the status shows when polls really happened), and never
    // reads the UI's clock from its thread.
    static const core::SystemClock realTime;
    auto service = std::make_unique<core::import::LiveService>(realTime);
    if (auto s = service->start(std::move(c)); !s) {
        core::log::error("live source not started: " + s.error());
        return nullptr;
    }
    core::log::info("following the live source " + live.url + " (" + live.format + ", every " +
                    std::to_string(static_cast<int>(live.pollSeconds)) + " s), merged with " + feedDir);
    return service;
}

void TextsRecord::afterFrame() {
    std::string all;
    for (const auto& t : ui::drawnTexts()) all += t.text + "\n";
    if (all == last_) return;
    last_ = all;
    const std::string tmp = path_ + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << all;
        if (!out) {
            core::log::warning("cannot write " + tmp);
            return;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path_, ec);
    if (ec) core::log::warning("cannot write " + path_ + ": " + ec.message());
}

}  // namespace kiosk::app
