// Statistics wiring from the configuration (see stats_setup.hpp).
#include "app/stats_setup.hpp"

#include <unistd.h>

#include "core/log.hpp"

namespace kiosk::app {

std::string statsKioskId(const StatsConfig& stats) {
    if (!stats.kioskId.empty()) return stats.kioskId;
    char host[256] = {0};
    std::string id;
    if (::gethostname(host, sizeof host - 1) == 0) {
        for (const char* p = host; *p && id.size() < 64; ++p) {
            if (core::stats::isSafeToken(std::string_view(p, 1))) id += *p;
        }
    }
    return id.empty() ? "kiosk" : id;
}

core::stats::UploadSettings uploadSettings(const StatsConfig& stats, const std::string& kioskId) {
    core::stats::UploadSettings u;
    u.matomoUrl = stats.matomoUrl;
    u.matomoSiteId = stats.matomoSiteId;
    u.matomoToken = stats.matomoToken;
    u.kioskDimension = stats.matomoKioskDimension;
    u.contentDimension = stats.matomoContentDimension;
    u.postUrl = stats.postUrl;
    u.kioskId = kioskId;
    u.intervalSeconds = stats.uploadSeconds;
    return u;
}

std::unique_ptr<StatsServices> startStats(const Config& config, const core::Clock& clock) {
    auto services = std::make_unique<StatsServices>();
    const StatsConfig& sc = config.stats;
    if (sc.database.empty()) {
        core::log::info("statistics off (no stats.database in the configuration)");
        return services;
    }
    const std::string kiosk = statsKioskId(sc);
    core::stats::RecorderOptions o;
    o.database = sc.database;
    o.kioskId = kiosk;
    o.retention.rawDays = sc.rawDays;
    const auto upload = uploadSettings(sc, kiosk);
    o.retention.keepUnsent = upload.enabled();
    services->recorder = std::make_unique<core::stats::StatsRecorder>(o, clock);
    if (upload.enabled()) {
        services->uploader = std::make_unique<core::stats::StatsUploader>(upload, sc.database);
        services->uploader->start();
    }
    core::log::info("statistics: " + sc.database + " as " + kiosk +
                    (upload.enabled() ? ", uploaded to " + (sc.matomoUrl.empty() ? sc.postUrl : sc.matomoUrl) : ""));
    return services;
}

}  // namespace kiosk::app
