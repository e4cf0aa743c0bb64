// Size, count, depth, date and memory limits a feed must respect, so that a wrong or
// hostile feed can neither exhaust a kiosk's memory or disk nor crash it. Documented in
// docs/feed-format.md ("Limits"); every limit gives a diagnostic, never an exception.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::core {

struct FeedLimits {
    std::uint64_t maxDocumentBytes = 4u << 20;  // one JSON document: 4 MiB
    std::uint64_t maxImageBytes = 16u << 20;    // one image: 16 MiB
    int maxImageSide = 16384;                   // pixels, width or height
    std::uint64_t maxImagePixels = 24'000'000;  // width x height: 24 megapixels
    std::size_t maxFiles = 2000;                // entries in the manifest
    std::size_t maxSessions = 2000;
    std::size_t maxItems = 500;        // places, demos, pages, announcements, slides
    std::size_t maxTextBytes = 20000;  // one text in one language
    std::size_t maxPolygonPoints = 200;
    std::size_t maxGalleryImages = 20;
    // Structure of any JSON document, checked while parsing, before any value is built:
    std::size_t maxJsonDepth = 32;       // objects and arrays nested in each other
    std::size_t maxJsonEntries = 10000;  // entries of one object or array
    // Dates: an event lasts at most maxEventDays; every date lies in [minYear, maxYear].
    int maxEventDays = 60;
    int minYear = 2000;
    int maxYear = 2100;
};

// A feed's version: a whole number from 1 to 2^53 - 1, the largest integer every JSON
// reader (JavaScript's included) keeps exact. One check for build, sign, verify and sync.
inline constexpr std::int64_t kMaxFeedVersion = INT64_C(9007199254740991);
inline constexpr bool isFeedVersion(std::int64_t v) { return v >= 1 && v <= kMaxFeedVersion; }

// Problems listed per load; past this, one line says how many more there are (fatal
// problems are always listed). Keeps a hostile feed from producing gigabytes of messages.
inline constexpr std::size_t kMaxListedDiagnostics = 500;

// Image decoding memory (see image_decoder.hpp): what one decode may allocate at its
// peak, estimated from the header before anything is allocated, and what all decodes
// running at once may hold together (a decode waits for room in that total).
inline constexpr std::uint64_t kMaxDecodeBytesPerImage = 320ull << 20;  // 320 MiB
inline constexpr std::uint64_t kMaxDecodeBytesTotal = 320ull << 20;     // 320 MiB, all workers

}  // namespace kiosk::core
