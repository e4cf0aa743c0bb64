// Starting the statistics from the configuration: the recorder the UI reports to and,
// when an upload is configured, the upload worker (issue 14, docs/privacy.md).
#pragma once

#include <memory>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "core/stats/recorder.hpp"
#include "core/stats/uploader.hpp"

namespace kiosk::app {

// Owns both; destroy it (on the main thread) after the UI stops calling sink(): the
// recorder writes what is queued, the uploader's worker is joined.
struct StatsServices {
    std::unique_ptr<core::stats::StatsRecorder> recorder;  // null when stats.database is ""
    std::unique_ptr<core::stats::StatsUploader> uploader;  // null when no upload is configured
    core::stats::NullSink off;
    // What the UI calls: the recorder, or a sink that does nothing.
    core::stats::Sink& sink() { return recorder ? static_cast<core::stats::Sink&>(*recorder) : off; }
};

// Never blocks on disk or network: the recorder opens the database on its own thread.
std::unique_ptr<StatsServices> startStats(const Config& config, const core::Clock& clock);
core::stats::UploadSettings uploadSettings(const StatsConfig& stats, const std::string& kioskId);
// stats.kiosk_id, else the host name cut to a safe token, else "kiosk".
std::string statsKioskId(const StatsConfig& stats);

}  // namespace kiosk::app
