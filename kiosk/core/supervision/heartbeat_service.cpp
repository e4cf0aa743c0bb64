// The heartbeat worker and its libcurl POSTs (see heartbeat_service.hpp). The sync's
// HttpClient only GETs feeds; heartbeats need POST bodies and their own thread so that a
// slow office server never delays content sync, hence a second, small libcurl user here.
#include "core/supervision/heartbeat_service.hpp"

#include <chrono>

#include <curl/curl.h>

#include "core/files.hpp"
#include "core/log.hpp"

namespace kiosk::core::supervision {
namespace {

struct Response {
    long status = 0;
    std::string body;
};

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
    auto* body = static_cast<std::string*>(user);
    if (body->size() < (64u << 10)) body->append(data, size * n);  // replies are small
    return size * n;
}

Result<Response> post(const HeartbeatSettings& s, const std::string& url, const std::string& contentType,
                      const std::string& body, const std::vector<std::string>& extraHeaders = {}) {
    CURL* curl = curl_easy_init();
    if (!curl) return fail("libcurl could not start");
    curl_slist* headers = curl_slist_append(nullptr, ("Content-Type: " + contentType).c_str());
    if (!s.token.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + s.token).c_str());
    for (const auto& h : extraHeaders) headers = curl_slist_append(headers, h.c_str());
    Response r;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, s.timeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk-heartbeat");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
    if (!s.caFile.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, s.caFile.c_str());
    const CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) return fail(url + ": " + curl_easy_strerror(rc));
    if (r.status < 200 || r.status > 299) return fail(url + ": HTTP " + std::to_string(r.status));
    return r;
}

}  // namespace

HeartbeatService::HeartbeatService(HeartbeatSettings settings, HeartbeatCallbacks callbacks)
    : settings_(std::move(settings)), callbacks_(std::move(callbacks)), queue_(settings_.queueDir) {}

HeartbeatService::~HeartbeatService() { stop(); }

Status HeartbeatService::start() {
    if (settings_.url.empty()) return fail("no heartbeat URL (set supervision.heartbeat_url)");
    if (auto s = queue_.prepare(); !s) return s;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    stopping_ = false;
    worker_ = std::thread([this] { run(); });
    return Ok{};
}

void HeartbeatService::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void HeartbeatService::submit(const KioskHealth& health) {
    {
        std::lock_guard lock(mutex_);
        toQueue_.push_back(health);
    }
    wake_.notify_all();
}

void HeartbeatService::submitScreenshot(std::vector<std::uint8_t> png) {
    {
        std::lock_guard lock(mutex_);
        screenshot_ = std::move(png);
    }
    wake_.notify_all();
}

HeartbeatService::Stats HeartbeatService::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void HeartbeatService::run() {
    bool queueEmpty = queue_.pending().empty();
    auto retryAt = std::chrono::steady_clock::now();
    while (true) {
        std::vector<KioskHealth> incoming;
        std::optional<std::vector<std::uint8_t>> png;
        {
            std::unique_lock lock(mutex_);
            auto ready = [&] { return stopping_ || !toQueue_.empty() || screenshot_.has_value(); };
            if (queueEmpty) {
                wake_.wait(lock, ready);
            } else {
                wake_.wait_until(lock, retryAt, ready);
            }
            if (stopping_) return;
            incoming.swap(toQueue_);
            png = std::exchange(screenshot_, std::nullopt);
        }
        for (const auto& h : incoming) {
            if (auto seq = queue_.push(h); !seq) log::warning("heartbeat not queued: " + seq.error());
        }
        if (png) sendScreenshot(*png);
        queueEmpty = flush();
        retryAt = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                         std::chrono::duration<double>(settings_.retrySeconds));
    }
}

bool HeartbeatService::flush() {
    auto items = queue_.pending();
    for (const auto& item : items) {
        auto body = readFile(item.file, 1u << 20);
        if (!body) {  // unreadable: nothing will make it readable later
            log::warning("heartbeat " + std::to_string(item.seq) + " dropped: " + body.error());
            (void)queue_.remove(item);
            continue;
        }
        auto r = post(settings_, settings_.url, "application/json", body.value());
        if (!r) {
            std::lock_guard lock(mutex_);
            if (stats_.online || stats_.failed == 0) log::warning("heartbeat not sent, kept for later: " + r.error());
            stats_.online = false;
            ++stats_.failed;
            stats_.queued = queue_.pending().size();
            return false;
        }
        if (auto s = queue_.remove(item); !s) log::warning(s.error());
        {
            std::lock_guard lock(mutex_);
            if (!stats_.online && stats_.sent > 0) log::info("heartbeat: office reachable again");
            stats_.online = true;
            ++stats_.sent;
        }
        // Callbacks run without the lock: they may call submitScreenshot() right away.
        const HeartbeatReply reply = parseHeartbeatReply(r.value().body);
        if (reply.screenshot) {
            screenshotUrl_ = reply.screenshotUrl.empty() ? settings_.url + "/screenshot" : reply.screenshotUrl;
            if (callbacks_.screenshotRequested) callbacks_.screenshotRequested();
        }
        if (reply.syncNow && callbacks_.syncRequested) callbacks_.syncRequested();
    }
    std::lock_guard lock(mutex_);
    stats_.queued = 0;
    return true;
}

void HeartbeatService::sendScreenshot(const std::vector<std::uint8_t>& png) {
    if (screenshotUrl_.empty()) return;  // nobody asked
    const std::string body(png.begin(), png.end());
    auto r = post(settings_, screenshotUrl_, "image/png", body);
    if (!r) {
        log::warning("screenshot not sent: " + r.error());
        return;
    }
    screenshotUrl_.clear();
    std::lock_guard lock(mutex_);
    ++stats_.screenshotsSent;
}

}  // namespace kiosk::core::supervision
