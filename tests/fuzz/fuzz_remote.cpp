// libFuzzer target for what a server sends besides the feed's documents: the heartbeat
// answer, minisign signature and public key files with the signed claims, and the HTTP
// Date and Retry-After headers. The first byte picks the parser; the rest is the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/signature.hpp"
#include "core/supervision/heartbeat.hpp"
#include "core/sync/http_client.hpp"

using namespace kiosk::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 5) {
        case 0: (void)supervision::parseHeartbeatReply(text); break;
        case 1:
            if (auto sig = parseSignatureFile(text)) (void)parseFeedClaims(sig.value().trustedComment);
            break;
        case 2: (void)parsePublicKey(text); break;
        case 3: (void)parseFeedClaims(text); break;
        case 4: {
            (void)sync::parseHttpDate(text);
            (void)sync::parseRetryAfter(text, Instant{});
            break;
        }
    }
    return 0;
}
