// Sending the counts to the organisers' analytics: a Matomo through its HTTP Tracking API
// (bulk requests) or a plain JSON POST. Events wait in the SQLite database while the kiosk
// is offline and are marked sent only after a 2xx answer; a retry resends byte-identical
// requests carrying the same stable request id, so a receiver can drop repeats.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "core/stats/http_post.hpp"
#include "core/stats/store.hpp"

namespace kiosk::core::stats {

struct UploadSettings {
    // Matomo: https://stats.example.org/matomo.php, the site id and a token_auth with
    // write access (needed for cdt timestamps older than a day).
    std::string matomoUrl;
    int matomoSiteId = 0;
    std::string matomoToken;
    int kioskDimension = 1;    // custom dimension (visit scope) holding the kiosk id
    int contentDimension = 2;  // custom dimension (action scope) holding the feed version
    // The alternative: POST {"kiosk":..., "events":[...]} to this URL. Matomo wins when both are set.
    std::string postUrl;
    std::string kioskId;  // empty: the database's kiosk_id
    std::size_t batchSize = 200;
    double intervalSeconds = 300;     // between uploads when all went well
    double maxBackoffSeconds = 3600;  // failures double the wait up to this
    PostOptions http;
    bool enabled() const { return !matomoUrl.empty() || !postUrl.empty(); }
};

// One event as a Matomo tracking request ("?idsite=3&rec=1&..."). pv_id is the event's id
// (base 62, 6 characters) and _id a visitor id made from the kiosk id and the visit
// number: the pair is the stable request id. cdt is the event's minute (Unix seconds).
std::string matomoRequest(const StoredEvent& e, const UploadSettings& s, const std::string& kioskId);
std::string matomoBulkBody(const std::vector<StoredEvent>& batch, const UploadSettings& s, const std::string& kioskId);
// {"kiosk":"...","events":[{"id":12,"minute":"2027-10-20T07:03Z","kind":"screen",...}]}
std::string jsonPostBody(const std::vector<StoredEvent>& batch, const std::string& kioskId);

struct UploadReport {
    std::uint64_t sent = 0;      // events acknowledged by a 2xx answer in this run
    std::uint64_t requests = 0;  // POSTs made
    std::string error;           // why the run stopped early; empty when the queue is empty
};

struct UploaderStatus {
    std::uint64_t sent = 0, attempts = 0, failures = 0;
    std::string lastError;
    bool busy = false;
};

// Threads: uploadPending() on one thread at a time (it opens its own connection to the
// database); start() runs it on a worker every intervalSeconds (backing off on failure);
// uploadSoon() and status() from any thread; stop() and the destructor join the worker.
class StatsUploader {
public:
    StatsUploader(UploadSettings settings, std::filesystem::path database);
    ~StatsUploader();
    StatsUploader(const StatsUploader&) = delete;
    StatsUploader& operator=(const StatsUploader&) = delete;

    // Sends batches until the queue is empty or a request fails.
    UploadReport uploadPending();
    void start();
    void stop();
    void uploadSoon();  // e.g. when the network came back; the worker does not wait out its delay
    UploaderStatus status() const;

private:
    void loop();

    UploadSettings settings_;
    std::filesystem::path database_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false, soon_ = false;
    UploaderStatus status_;
    std::thread worker_;
};

}  // namespace kiosk::core::stats
