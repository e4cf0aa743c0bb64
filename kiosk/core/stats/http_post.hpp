// A JSON POST over libcurl for the statistics upload. The sync's HttpClient
// (core/sync/http_client.hpp) only makes GET requests and belongs to the sync worker;
// this is its counterpart for one small body, with the same TLS rules (always verified).
#pragma once

#include <string>

#include "core/result.hpp"

namespace kiosk::core::stats {

struct PostOptions {
    long connectTimeoutSeconds = 10;
    long totalTimeoutSeconds = 30;
    std::string caFile;  // extra trusted CA bundle (PEM); empty: the system's
    std::string userAgent = "kiosk-stats";
};

struct PostResponse {
    long status = 0;
    std::string body;  // the first 64 KiB
    bool success() const { return status >= 200 && status < 300; }
};

// Threads: one JSONPoster per thread. Errors: transport failures (refused, timeout, a
// connection closed before the answer, TLS) are Error values in words; any HTTP status
// is a response. Never throws.
class JsonPoster {
public:
    explicit JsonPoster(PostOptions options);
    ~JsonPoster();
    JsonPoster(const JsonPoster&) = delete;
    JsonPoster& operator=(const JsonPoster&) = delete;

    Result<PostResponse> post(const std::string& url, const std::string& json);

private:
    PostOptions options_;
    void* curl_ = nullptr;  // CURL*, kept so the connection is reused
};

// Percent-encodes everything but RFC 3986's unreserved characters (query values).
std::string urlEncode(const std::string& text);

}  // namespace kiosk::core::stats
