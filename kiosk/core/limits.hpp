// Size and count limits a feed must respect, so that a wrong or hostile feed cannot
// exhaust a kiosk's memory or disk. Documented in docs/feed-format.md.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::core {

struct FeedLimits {
    std::uint64_t maxDocumentBytes = 4u << 20;  // one JSON document: 4 MiB
    std::uint64_t maxImageBytes = 16u << 20;    // one image: 16 MiB
    int maxImageSide = 8192;                    // pixels, width or height
    std::size_t maxFiles = 2000;                // entries in the manifest
    std::size_t maxSessions = 2000;
    std::size_t maxItems = 500;                 // places, demos, pages, announcements, slides
    std::size_t maxTextBytes = 20000;           // one text in one language
    std::size_t maxPolygonPoints = 200;
    std::size_t maxGalleryImages = 20;
};

}  // namespace kiosk::core
