// libcurl and file:// transfers for the sync worker (see http_client.hpp).
#include "core/sync/http_client.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>

namespace kiosk::core::sync {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kErrorBodyKeep = 4096;

struct Transfer {
    CURL* curl = nullptr;
    const HttpRequest* request = nullptr;
    HttpResponse* response = nullptr;
    std::atomic<std::uint64_t>* liveBytes = nullptr;
    int fd = -1;
    std::uint64_t prefix = 0;  // bytes of toFile kept (resume)
    long hopStatus = 0;        // status of the response whose headers are arriving
    bool started = false, toFile = false, tooLarge = false, ioError = false;
    std::string ioMessage;
};

bool startsWithNoCase(const std::string& s, const char* prefix) {
    const std::size_t n = std::strlen(prefix);
    return s.size() >= n && strncasecmp(s.c_str(), prefix, n) == 0;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::string line(data, size * count);
    HttpResponse& r = *t->response;
    if (startsWithNoCase(line, "HTTP/")) {  // a new response (after a redirect or 100)
        const auto space = line.find(' ');
        t->hopStatus = space == std::string::npos ? 0 : std::atol(line.c_str() + space + 1);
        r.etag.clear();
        r.lastModified.clear();
        r.date.reset();
        r.retryAfterSeconds.reset();
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) return size * count;
    const std::string name = line.substr(0, colon + 1);
    const std::string value = trim(line.substr(colon + 1));
    if (startsWithNoCase(name, "etag:"))
        r.etag = value;
    else if (startsWithNoCase(name, "last-modified:"))
        r.lastModified = value;
    else if (startsWithNoCase(name, "date:"))
        r.date = parseHttpDate(value);
    else if (startsWithNoCase(name, "content-length:") && (t->hopStatus < 300 || t->hopStatus > 399)) {
        // Refuse an announced oversize body at once. Not CURLOPT_MAXFILESIZE: libcurl applies
        // it to the small page of a redirect too, which would refuse a redirected tiny file.
        const std::uint64_t announced = std::strtoull(value.c_str(), nullptr, 10);
        const std::uint64_t whole = announced + (t->hopStatus == 206 ? t->prefix : 0);
        if (whole > t->request->maxBytes) {
            t->tooLarge = true;
            return 0;
        }
    } else if (startsWithNoCase(name, "retry-after:")) {
        const Instant now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        r.retryAfterSeconds = parseRetryAfter(value, r.date.value_or(now));
    }
    return size * count;
}

// Decides on the first body bytes where they go: the file (200 from the start, 206
// after the kept prefix) or, for an error status, a short in-memory excerpt.
void startBody(Transfer& t) {
    t.started = true;
    long code = 0;
    curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &code);
    t.response->status = code;
    if (t.fd < 0) return;
    if (code == 206) {
        t.toFile = true;
        t.response->resumedFrom = t.prefix;
        if (::lseek(t.fd, static_cast<off_t>(t.prefix), SEEK_SET) < 0) t.ioError = true;
    } else if (code == 200) {
        t.toFile = true;
        t.prefix = 0;
        if (::ftruncate(t.fd, 0) != 0 || ::lseek(t.fd, 0, SEEK_SET) < 0) t.ioError = true;
    }
    if (t.ioError) t.ioMessage = std::strerror(errno);
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (!t->started) startBody(*t);
    if (t->ioError) return 0;
    HttpResponse& r = *t->response;
    if (t->prefix + r.bodyBytes + n > t->request->maxBytes) {
        t->tooLarge = true;  // the running check: Content-Length may be absent or wrong
        return 0;
    }
    r.bodyBytes += n;
    t->liveBytes->store(r.bodyBytes, std::memory_order_relaxed);
    if (t->toFile) {
        std::size_t done = 0;
        while (done < n) {
            const ssize_t w = ::write(t->fd, data + done, n - done);
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) {
                t->ioError = true;
                t->ioMessage = std::strerror(errno);
                return 0;
            }
            done += static_cast<std::size_t>(w);
        }
    } else if (t->fd < 0) {
        r.body.append(data, n);
    } else if (r.body.size() < kErrorBodyKeep) {
        r.body.append(data, std::min(n, kErrorBodyKeep - r.body.size()));
    }
    return n;
}

// Certificates are checked at the trusted time when the system clock is behind it.
CURLcode onSslContext(CURL*, void* sslctx, void* user) {
    const auto* when = static_cast<const std::time_t*>(user);
    X509_VERIFY_PARAM* param = SSL_CTX_get0_param(static_cast<SSL_CTX*>(sslctx));
    if (param && *when > 0) X509_VERIFY_PARAM_set_time(param, *when);
    return CURLE_OK;
}

std::string describeCurlError(CURLcode code, const char* detail, const Transfer& t, const HttpRequest& req) {
    // libcurl's own words, quoted: translations of the message leave them as they are.
    const std::string more = (detail && *detail) ? std::string(": \"") + detail + "\"" : std::string();
    if (t.tooLarge) {
        return req.url + " is larger than the limit of " + std::to_string(req.maxBytes) + " bytes";
    }
    if (t.ioError) return "cannot write the download to " + req.toFile.string() + ": " + t.ioMessage;
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY: return "host name not found (DNS) for " + req.url + more;
        case CURLE_COULDNT_CONNECT: return "cannot connect (refused or unreachable) to " + req.url + more;
        case CURLE_OPERATION_TIMEDOUT:
            if (detail && std::strstr(detail, "too slow")) return "transfer stalled (too slow) for " + req.url + more;
            return "timed out waiting for " + req.url + more;
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
            return "the connection closed before the whole answer arrived (truncated) for " + req.url + more;
        case CURLE_TOO_MANY_REDIRECTS: return "too many redirects (a redirect loop?) for " + req.url + more;
        case CURLE_FILESIZE_EXCEEDED:
            return req.url + " is larger than the limit of " + std::to_string(req.maxBytes) + " bytes";
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
            return "TLS certificate or connection refused for " + req.url + more +
                   " (check the server's certificate, the ca_file setting and the clock)";
        case CURLE_UNSUPPORTED_PROTOCOL:
            if (startsWithNoCase(req.url, "https://")) {  // https itself is allowed: a redirect went elsewhere
                return req.url +
                       ": a redirect away from https was refused (a secure feed must stay secure; fix the "
                       "server's redirect)" +
                       more;
            }
            return "unsupported address " + req.url + " (only http, https and allowed file:// folders)";
        default: return std::string(curl_easy_strerror(code)) + " for " + req.url + more;
    }
}

bool underRoot(const fs::path& target, const fs::path& root) {
    auto t = target.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++t) {
        if (r->empty()) continue;  // trailing separator
        if (t == target.end() || *t != *r) return false;
    }
    return true;
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : options_(std::move(options)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

bool HttpClient::canVerifyAtTime() {
    const curl_version_info_data* v = curl_version_info(CURLVERSION_NOW);
    return v && v->ssl_version && std::strncmp(v->ssl_version, "OpenSSL", 7) == 0;
}

HttpProgress HttpClient::progress() const {
    return {busy_.load(), bytes_.load(), requests_.load(), totalBytes_.load()};
}

Result<HttpResponse> HttpClient::get(const HttpRequest& request) {
    busy_ = true;
    bytes_ = 0;
    lastTooLarge_ = false;
    ++requests_;
    auto result = request.url.rfind("file://", 0) == 0 ? getFile(request) : getHttp(request);
    if (result) totalBytes_ += result.value().bodyBytes + result.value().headerBytes;
    busy_ = false;
    return result;
}

Result<HttpResponse> HttpClient::getHttp(const HttpRequest& request) {
    CURL* c = static_cast<CURL*>(curl_);
    if (!c) return fail("the network library could not start (curl_easy_init failed)");
    curl_easy_reset(c);
    HttpResponse response;
    Transfer t;
    t.curl = c;
    t.request = &request;
    t.response = &response;
    t.liveBytes = &bytes_;
    if (!request.toFile.empty()) {
        const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (request.resume ? 0 : O_TRUNC);
        t.fd = ::open(request.toFile.c_str(), flags, 0644);
        if (t.fd < 0) return fail("cannot write " + request.toFile.string() + ": " + std::strerror(errno));
        if (request.resume) {
            const off_t end = ::lseek(t.fd, 0, SEEK_END);
            t.prefix = end > 0 ? static_cast<std::uint64_t>(end) : 0;
            if (t.prefix >= request.maxBytes) {  // nothing sensible to resume
                t.prefix = 0;
                if (::ftruncate(t.fd, 0) != 0) t.prefix = 0;
            }
        }
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    std::time_t verifyAt = request.verifyTime ? request.verifyTime->time_since_epoch().count() : 0;
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    const bool https = startsWithNoCase(request.url, "https://");
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, options_.maxRedirects);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options_.connectTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.totalTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, options_.lowSpeedBytesPerSecond);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options_.lowSpeedSeconds);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);  // always on: there is no setting to turn it off
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.caFile.c_str());
    if (verifyAt > 0 && canVerifyAtTime()) {
        curl_easy_setopt(c, CURLOPT_SSL_CTX_FUNCTION, onSslContext);
        curl_easy_setopt(c, CURLOPT_SSL_CTX_DATA, &verifyAt);
        curl_easy_setopt(c, CURLOPT_SSL_SESSIONID_CACHE, 0L);  // a cached session would skip the check
    }
    curl_easy_setopt(c, CURLOPT_USERAGENT, options_.userAgent.c_str());
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip for JSON when the server offers it
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    struct curl_slist* headers = nullptr;
    if (!request.ifNoneMatch.empty())
        headers = curl_slist_append(headers, ("If-None-Match: " + request.ifNoneMatch).c_str());
    if (!request.ifModifiedSince.empty()) {
        headers = curl_slist_append(headers, ("If-Modified-Since: " + request.ifModifiedSince).c_str());
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    const std::string range = std::to_string(t.prefix) + "-";
    if (t.prefix > 0) curl_easy_setopt(c, CURLOPT_RANGE, range.c_str());

    const CURLcode code = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (t.fd >= 0) ::close(t.fd);
    long headerSize = 0;
    curl_easy_getinfo(c, CURLINFO_HEADER_SIZE, &headerSize);
    response.headerBytes = static_cast<std::uint64_t>(headerSize);
    lastTooLarge_ = t.tooLarge || code == CURLE_FILESIZE_EXCEEDED;
    if (code != CURLE_OK) {
        totalBytes_ += response.bodyBytes + response.headerBytes;
        return fail(describeCurlError(code, errbuf, t, request));
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return checkFinalHop(c, request, std::move(response));
}

// After the transfer: where the redirects ended. CURLOPT_REDIR_PROTOCOLS_STR already
// refuses https -> http; this check keeps that true whatever libcurl version runs.
Result<HttpResponse> HttpClient::checkFinalHop(void* handle, const HttpRequest& request, HttpResponse response) {
    CURL* c = static_cast<CURL*>(handle);
    const char* scheme = nullptr;
    curl_easy_getinfo(c, CURLINFO_SCHEME, &scheme);
    char* effective = nullptr;
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
    response.finalUrl = effective ? effective : request.url;
    const bool finalHttps = scheme && strncasecmp(scheme, "https", 5) == 0 && scheme[5] == '\0';
    if (startsWithNoCase(request.url, "https://") && !finalHttps) {
        return fail(request.url + " was redirected to " + response.finalUrl +
                    ", which is not https: refused (a secure feed must stay secure; fix the server's redirect)");
    }
    long verify = -1;
    curl_easy_getinfo(c, CURLINFO_SSL_VERIFYRESULT, &verify);
    response.tlsVerified = finalHttps && verify == 0;  // VERIFYPEER and VERIFYHOST are always on
    return response;
}

Result<HttpResponse> HttpClient::getFile(const HttpRequest& request) {
    char* decoded = curl_easy_unescape(nullptr, request.url.c_str() + 7, 0, nullptr);
    if (!decoded) return fail("cannot read the address " + request.url);
    std::string rest(decoded);
    curl_free(decoded);
    if (rest.rfind("localhost/", 0) == 0) rest = rest.substr(9);
    if (rest.empty() || rest.front() != '/') return fail(request.url + ": expected file:///absolute/path");
    const fs::path given(rest);
    std::error_code ec;
    HttpResponse response;
    if (!fs::exists(fs::symlink_status(given, ec))) {
        response.status = 404;
        return response;
    }
    if (fs::is_symlink(fs::symlink_status(given, ec))) return fail(request.url + " is a symbolic link; refused");
    const fs::path real = fs::canonical(given, ec);
    if (ec) return fail("cannot read " + given.string() + ": " + ec.message());
    bool allowed = false;
    for (const auto& root : options_.allowedFileRoots) {
        const fs::path r = fs::weakly_canonical(root, ec);
        if (!ec && !root.empty() && underRoot(real, r)) allowed = true;
    }
    if (!allowed) {
        return fail(request.url + " is not inside a folder allowed by the allowed_file_roots setting; refused");
    }
    if (!fs::is_regular_file(real, ec)) return fail(request.url + " is not a regular file");
    const std::uint64_t size = fs::file_size(real, ec);
    if (ec) return fail("cannot read " + real.string() + ": " + ec.message());
    if (size > request.maxBytes) {
        lastTooLarge_ = true;
        return fail(request.url + " is larger than the limit of " + std::to_string(request.maxBytes) + " bytes");
    }
    const auto mtime = fs::last_write_time(real, ec).time_since_epoch().count();
    response.etag = "\"" + std::to_string(size) + "-" + std::to_string(mtime) + "\"";
    if (!request.ifNoneMatch.empty() && request.ifNoneMatch == response.etag) {
        response.status = 304;
        return response;
    }
    std::ifstream in(real, std::ios::binary);
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size) return fail("cannot read all of " + real.string());
    response.status = 200;
    response.bodyBytes = size;
    bytes_ = size;
    if (request.toFile.empty()) {
        response.body = std::move(data);
        return response;
    }
    std::ofstream out(request.toFile, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) return fail("cannot write " + request.toFile.string());
    return response;
}

std::string escapeUrlPath(const std::string& path) {
    std::string out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string seg = path.substr(start, end - start);
        char* e = curl_easy_escape(nullptr, seg.c_str(), static_cast<int>(seg.size()));
        if (!out.empty() || start > 0) out += '/';
        out += e ? e : "";
        curl_free(e);
        start = end + 1;
    }
    return out;
}

std::optional<Instant> parseHttpDate(const std::string& value) {
    const std::time_t t = curl_getdate(value.c_str(), nullptr);
    if (t < 0) return std::nullopt;
    return Instant(std::chrono::seconds(t));
}

std::optional<long> parseRetryAfter(const std::string& value, Instant now) {
    if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos && value.size() < 10) {
        return std::stol(value);
    }
    const auto when = parseHttpDate(value);
    if (!when) return std::nullopt;
    const long secs = static_cast<long>((*when - now).count());
    return secs > 0 ? secs : 0;
}

}  // namespace kiosk::core::sync
