// Building the Matomo and JSON upload requests and the upload worker (see uploader.hpp).
#include "core/stats/uploader.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "core/log.hpp"

namespace kiosk::core::stats {
using nlohmann::json;

namespace {

// FNV-1a: a fixed mapping (the same visit gives the same Matomo visitor id on a retry).
std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string visitorId(const std::string& kiosk, std::int64_t visit) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx",
                  static_cast<unsigned long long>(fnv1a(kiosk + ":" + std::to_string(visit))));
    return buf;
}

std::string base62(std::int64_t id) {
    static const char* digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::string out(6, '0');
    auto v = static_cast<std::uint64_t>(id);
    for (int i = 5; i >= 0; --i) {
        out[std::size_t(i)] = digits[v % 62];
        v /= 62;
    }
    return out;
}

std::string minuteIso(std::int64_t minute) {
    std::string s = formatIsoUtc(instantOfMinute(minute));  // "2027-10-20T07:03:00Z"
    return s.size() == 20 ? s.substr(0, 16) + "Z" : s;
}

}  // namespace

std::string matomoRequest(const StoredEvent& s, const UploadSettings& u, const std::string& kiosk) {
    const Event& e = s.event;
    std::string q = "?idsite=" + std::to_string(u.matomoSiteId) + "&rec=1&apiv=1&send_image=0";
    q += "&_id=" + visitorId(kiosk, e.visit) + "&pv_id=" + base62(s.id);
    q += "&cdt=" + std::to_string(e.minute * 60);
    q += "&dimension" + std::to_string(u.kioskDimension) + "=" + urlEncode(kiosk);
    q += "&dimension" + std::to_string(u.contentDimension) + "=" + std::to_string(e.contentVersion);
    q += "&ua=kiosk";  // a fixed user agent: nothing about any device reaches Matomo
    const auto event = [&](const std::string& category, const std::string& action, const std::string& name = {}) {
        q += "&e_c=" + urlEncode(category) + "&e_a=" + urlEncode(action);
        if (!name.empty()) q += "&e_n=" + urlEncode(name);
        q += "&url=" + urlEncode("app://kiosk/" + category);
    };
    const auto page = [&](const std::string& path) {
        q += "&action_name=" + urlEncode(path) + "&url=" + urlEncode("app://kiosk/" + path);
    };
    switch (e.kind) {
        case EventKind::VisitStarted:
            q += "&new_visit=1";
            event("visit", "start");
            break;
        case EventKind::VisitEnded:
            event("visit", "end");
            q += "&e_v=" + std::to_string(e.seconds);
            break;
        case EventKind::Screen: page(e.subject); break;
        case EventKind::Item: page(e.subject + "/" + e.item); break;
        case EventKind::Qr: event("qr", "shown", e.item); break;
        case EventKind::Filter: event("filter", e.subject); break;
        case EventKind::Language: event("language", e.subject); break;
        case EventKind::Accessibility: event("accessibility", e.subject); break;
    }
    return q;
}

std::string matomoBulkBody(const std::vector<StoredEvent>& batch, const UploadSettings& s, const std::string& kiosk) {
    json requests = json::array();
    for (const auto& e : batch) requests.push_back(matomoRequest(e, s, kiosk));
    return json{{"requests", requests}, {"token_auth", s.matomoToken}}.dump();
}

std::string jsonPostBody(const std::vector<StoredEvent>& batch, const std::string& kiosk) {
    json events = json::array();
    for (const auto& s : batch) {
        const Event& e = s.event;
        events.push_back({{"id", s.id},
                          {"minute", minuteIso(e.minute)},
                          {"kind", kindName(e.kind)},
                          {"subject", e.subject},
                          {"item", e.item},
                          {"visit", e.visit},
                          {"seconds", e.seconds},
                          {"content_version", e.contentVersion}});
    }
    return json{{"kiosk", kiosk}, {"events", events}}.dump();
}

StatsUploader::StatsUploader(UploadSettings settings, std::filesystem::path database)
    : settings_(std::move(settings)), database_(std::move(database)) {}

StatsUploader::~StatsUploader() { stop(); }

UploadReport StatsUploader::uploadPending() {
    UploadReport report;
    if (!settings_.enabled()) return report;
    auto opened = StatsStore::open(database_);
    if (!opened) {
        report.error = opened.error();
        return report;
    }
    StatsStore& store = *opened.value();
    const std::string kiosk = settings_.kioskId.empty() ? store.meta("kiosk_id") : settings_.kioskId;
    JsonPoster poster(settings_.http);
    const bool matomo = !settings_.matomoUrl.empty();
    for (;;) {
        auto batch = store.unsent(settings_.batchSize);
        if (!batch) {
            report.error = batch.error();
            break;
        }
        if (batch.value().empty()) break;
        const std::string body =
            matomo ? matomoBulkBody(batch.value(), settings_, kiosk) : jsonPostBody(batch.value(), kiosk);
        ++report.requests;
        {
            std::lock_guard lock(mutex_);
            ++status_.attempts;
        }
        auto answer = poster.post(matomo ? settings_.matomoUrl : settings_.postUrl, body);
        if (!answer) {
            report.error = answer.error();
            break;
        }
        if (!answer.value().success()) {
            report.error = (matomo ? settings_.matomoUrl : settings_.postUrl) + " answered HTTP " +
                           std::to_string(answer.value().status) + ": " + answer.value().body.substr(0, 200);
            break;
        }
        if (matomo) {  // a 2xx with invalid requests: resending them would not help
            const json j = json::parse(answer.value().body, nullptr, false);
            if (j.is_object() && j.value("invalid", 0) > 0) {
                log::warning("Matomo refused " + std::to_string(j.value("invalid", 0)) +
                             " statistics requests (check the site id and the custom dimensions)");
            }
        }
        std::vector<std::int64_t> ids;
        for (const auto& e : batch.value()) ids.push_back(e.id);
        if (auto s = store.markSent(ids); !s) {
            report.error = s.error();  // they will be sent again: a receiver may drop them by id
            break;
        }
        report.sent += ids.size();
    }
    std::lock_guard lock(mutex_);
    status_.sent += report.sent;
    if (!report.error.empty()) ++status_.failures;
    status_.lastError = report.error;
    return report;
}

void StatsUploader::start() {
    if (worker_.joinable() || !settings_.enabled()) return;
    {
        std::lock_guard lock(mutex_);
        stop_ = false;
    }
    worker_ = std::thread([this] { loop(); });
}

void StatsUploader::stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void StatsUploader::uploadSoon() {
    {
        std::lock_guard lock(mutex_);
        soon_ = true;
    }
    wake_.notify_all();
}

UploaderStatus StatsUploader::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void StatsUploader::loop() {
    double wait = settings_.intervalSeconds;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
            status_.busy = true;
            soon_ = false;
        }
        const UploadReport r = uploadPending();
        if (!r.error.empty()) log::warning("statistics upload: " + r.error + " (will retry)");
        wait = r.error.empty() ? settings_.intervalSeconds : std::min(settings_.maxBackoffSeconds, wait * 2);
        std::unique_lock lock(mutex_);
        status_.busy = false;
        wake_.wait_for(lock, std::chrono::duration<double>(wait), [&] { return stop_ || soon_; });
        if (stop_) return;
        if (soon_) wait = settings_.intervalSeconds;
    }
}

}  // namespace kiosk::core::stats
