// The one network owner: an HTTP(S) client over libcurl with timeouts, size limits,
// conditional requests, Range resume, and file:// limited to configured folders.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace kiosk::core::sync {

struct HttpOptions {
    long connectTimeoutSeconds = 10;
    long totalTimeoutSeconds = 300;    // one request, headers to last byte
    long lowSpeedBytesPerSecond = 64;  // below this for lowSpeedSeconds: a stalled transfer
    long lowSpeedSeconds = 30;
    // More is treated as a redirect loop. Redirects keep the scheme or go from http to
    // https; an https feed redirected to plain http is refused (a downgrade on the wire).
    long maxRedirects = 5;
    std::string caFile;                         // extra trusted CA bundle (PEM); empty: the system's
    std::vector<std::string> allowedFileRoots;  // file:// URLs only under these folders
    std::string userAgent = "kiosk-sync";
};

struct HttpRequest {
    std::string url;
    std::string ifNoneMatch;            // ETag of the copy we have
    std::string ifModifiedSince;        // Last-Modified of the copy we have
    std::uint64_t maxBytes = 4u << 20;  // the whole body (a resumed one included)
    // Body destination: empty keeps it in memory; else it is written to this file and, when
    // the file already holds a prefix and resume is set, only the rest is asked for (Range).
    std::filesystem::path toFile;
    bool resume = false;
    // Verify certificates as if it were this instant (trusted time ahead of a wrong clock).
    std::optional<Instant> verifyTime;
};

struct HttpResponse {
    long status = 0;   // 200, 206, 304, 404...; file:// gives 200
    std::string body;  // in-memory bodies; for files only an error page's start
    std::string etag, lastModified;
    std::optional<Instant> date;            // the server's Date header
    std::optional<long> retryAfterSeconds;  // 429/503 Retry-After (seconds or HTTP date)
    std::uint64_t bodyBytes = 0;            // body bytes received by this request
    std::uint64_t headerBytes = 0;
    std::uint64_t resumedFrom = 0;  // bytes already in toFile that the server did not resend
    // The final answer came over https with the certificate chain and host name verified
    // (the only kind whose Date may move the trusted time); false for http and file://.
    bool tlsVerified = false;
    std::string finalUrl;  // after redirects
    bool success() const { return status == 200 || status == 206; }
};

// What other threads may read while a request runs.
struct HttpProgress {
    bool busy = false;
    std::uint64_t bytes = 0;                     // body bytes of the running request
    std::uint64_t requests = 0, totalBytes = 0;  // since construction
};

// Threads: one owner thread makes requests (libcurl handles are not shared); progress()
// may be read from any thread. Errors: transport problems (refused, DNS, timeouts, TLS,
// redirect loops, limits, file roots) are Error values in words; any HTTP status is a
// response. Never throws.
class HttpClient {
public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    Result<HttpResponse> get(const HttpRequest& request);
    HttpProgress progress() const;
    // After a failed get(): whether it failed because the body passed request.maxBytes.
    bool lastFailureWasTooLarge() const { return lastTooLarge_; }
    const HttpOptions& options() const { return options_; }

    // Whether certificates can be checked at a given time (libcurl built on OpenSSL).
    static bool canVerifyAtTime();

private:
    Result<HttpResponse> getFile(const HttpRequest& request);
    Result<HttpResponse> getHttp(const HttpRequest& request);
    static Result<HttpResponse> checkFinalHop(void* curl, const HttpRequest& request, HttpResponse response);

    HttpOptions options_;
    void* curl_ = nullptr;  // CURL*, reused so connections are kept alive
    bool lastTooLarge_ = false;
    std::atomic<bool> busy_{false};
    std::atomic<std::uint64_t> bytes_{0}, requests_{0}, totalBytes_{0};
};

// "Retry-After: 120" or an HTTP date relative to `now`; nullopt when unreadable.
std::optional<long> parseRetryAfter(const std::string& value, Instant now);
// A feed path with each segment percent-escaped, for appending to a base URL.
std::string escapeUrlPath(const std::string& path);
// RFC 7231 date ("Sun, 06 Nov 1994 08:49:37 GMT"); nullopt when unreadable.
std::optional<Instant> parseHttpDate(const std::string& value);

}  // namespace kiosk::core::sync
