// libcurl JSON POST for the statistics upload (see http_post.hpp).
#include "core/stats/http_post.hpp"

#include <curl/curl.h>

#include <mutex>

namespace kiosk::core::stats {
namespace {

constexpr std::size_t kBodyKeep = 64 * 1024;

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    const std::size_t n = size * count;
    if (body->size() < kBodyKeep) body->append(data, std::min(n, kBodyKeep - body->size()));
    return n;
}

}  // namespace

JsonPoster::JsonPoster(PostOptions options) : options_(std::move(options)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
}

JsonPoster::~JsonPoster() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Result<PostResponse> JsonPoster::post(const std::string& url, const std::string& json) {
    CURL* c = static_cast<CURL*>(curl_);
    if (!c) return fail("the network library could not start (curl_easy_init failed)");
    curl_easy_reset(c);
    PostResponse response;
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would turn the POST into a GET
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options_.connectTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.totalTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.caFile.c_str());
    curl_easy_setopt(c, CURLOPT_USERAGENT, options_.userAgent.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, json.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json.size()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
    struct curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    const CURLcode code = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
        const std::string detail = errbuf[0] ? std::string(": ") + errbuf : std::string();
        switch (code) {
            case CURLE_COULDNT_CONNECT: return fail("cannot connect (refused or unreachable) to " + url + detail);
            case CURLE_COULDNT_RESOLVE_HOST: return fail("host name not found (DNS) for " + url + detail);
            case CURLE_OPERATION_TIMEDOUT: return fail("timed out waiting for " + url + detail);
            case CURLE_GOT_NOTHING:
            case CURLE_RECV_ERROR:
            case CURLE_PARTIAL_FILE:
                return fail("the connection closed before the answer arrived from " + url + detail);
            default: return fail(std::string(curl_easy_strerror(code)) + " for " + url + detail);
        }
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

std::string urlEncode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace kiosk::core::stats
