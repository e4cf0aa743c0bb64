// Live sources (issue 11): a programme URL (OpenAgenda API answer, pretalx schedule,
// iCalendar, a published CSV sheet) polled with conditional requests and merged with
// the feed's own files by the same importers; a failing source keeps the last good one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "core/feed_loader.hpp"
#include "core/import/importer.hpp"
#include "core/sync/http_client.hpp"

namespace kiosk::core::import {

// The feed folder `feedDir` (never modified) plus a fetched source, as content: the feed
// is copied to `workDir`/next, the source merged in (hand-made fields kept), the manifest
// built and the result loaded; then next replaces `workDir`/current. An error (fatal
// import problem, an invalid result) leaves `workDir`/current as it was. Files only.
struct LiveContent {
    std::shared_ptr<const Content> content;
    Diagnostics diagnostics;       // the importer's and the loader's
    std::filesystem::path folder;  // workDir/current
    // What of the source the programme leaves out, named by the source's row or id: the
    // importer's refused rows and the items the loader refused in the merged feed.
    std::vector<std::string> leftOut;
};
// `sourceName` names the source in what is left out ("programme.csv: row 7, ...").
Result<LiveContent> contentFromSource(const std::filesystem::path& feedDir, Format format, std::string_view bytes,
                                      const std::filesystem::path& workDir, Instant now,
                                      const std::string& sourceName = "live source");

struct LiveSourceConfig {
    std::string url;
    Format format = Format::CsvSessions;
    std::uint64_t maxBytes = 16u << 20;  // a larger answer is refused (a programme is small)
};

// One source, polled by its owner thread (poll() blocks on the network); current() and
// status() may be read from any thread.
class LiveSource {
public:
    LiveSource(LiveSourceConfig config, std::filesystem::path feedDir, std::filesystem::path workDir,
               sync::HttpOptions http = {});

    enum class Outcome { Updated, Unchanged, Failed };
    // One conditional request (If-None-Match / If-Modified-Since). 304 or the same bytes:
    // Unchanged. A transport error, an HTTP error or a source that no longer converts:
    // Failed, and the last good content stays current.
    Outcome poll(Instant now);
    std::shared_ptr<const Content> current() const;
    // The feed the source is merged with changed (a new synced version): merge the last
    // good source bytes with it again, without a request. Unchanged when nothing was
    // fetched yet; Failed (last good kept) when the merge no longer works.
    Outcome setFeedDir(std::filesystem::path feedDir, Instant now);
    const LiveSourceConfig& config() const { return config_; }
    // For the staff status: what the source gave last and when, or why it failed.
    std::string status() const;
    bool failing() const;  // the last poll or merge failed
    // Rows of the source the current programme leaves out (see LiveContent::leftOut).
    std::vector<std::string> leftOut() const;

private:
    LiveSourceConfig config_;
    std::filesystem::path feedDir_, workDir_;
    sync::HttpClient client_;
    Outcome convert(const std::string& bytes, Instant now);
    Outcome failed(Instant now, const std::string& why);
    Outcome unchanged(Instant now);

    std::string etag_, lastModified_, lastHash_, lastGood_;
    mutable std::mutex mutex_;
    std::shared_ptr<const Content> current_;
    std::vector<std::string> leftOut_;
    std::string status_ = "source not fetched yet";
    bool failing_ = false;
};

}  // namespace kiosk::core::import
