// RIFF/WAVE header parsing for the speech player (see wav_header.hpp). Chunks other than
// "fmt " and "data" (LIST, fact...) are skipped, as the RIFF format allows.
#include "platform/wav_header.hpp"

#include <cstring>
#include <string>

namespace kiosk::platform {
namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;  // a speech header is 44 bytes; beyond this it is garbage
constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;

std::uint32_t le32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}
std::uint16_t le16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }
bool tagIs(const unsigned char* p, const char* tag) { return std::memcmp(p, tag, 4) == 0; }

bool isStreamingSize(std::uint32_t size) { return size == 0 || size == 0xFFFFFFFFu; }

core::Result<WavFormat> readFmtChunk(const unsigned char* p, std::uint32_t size) {
    if (size < 16) return core::fail("WAV fmt chunk is too short (" + std::to_string(size) + " bytes)");
    std::uint16_t tag = le16(p);
    if (tag == kFormatExtensible && size >= 26) tag = le16(p + 24);  // sub-format GUID starts with the tag
    if (tag != kFormatPcm) return core::fail("WAV is not PCM (format tag " + std::to_string(tag) + ")");
    WavFormat f;
    f.channels = le16(p + 2);
    f.sampleRate = static_cast<int>(le32(p + 4));
    f.bitsPerSample = le16(p + 14);
    if (f.channels < 1 || f.channels > 2) return core::fail("WAV has " + std::to_string(f.channels) + " channels");
    if (f.sampleRate < 1000 || f.sampleRate > 192000) {
        return core::fail("WAV sample rate " + std::to_string(f.sampleRate) + " Hz is out of range");
    }
    if (f.bitsPerSample != 8 && f.bitsPerSample != 16) {
        return core::fail("WAV has " + std::to_string(f.bitsPerSample) + "-bit samples (8 or 16 expected)");
    }
    return f;
}

}  // namespace

core::Result<std::optional<WavFormat>> parseWavHeader(std::span<const unsigned char> bytes) {
    const std::size_t n = bytes.size();
    const unsigned char* b = bytes.data();
    // Reject garbage as soon as the bytes present contradict "RIFF....WAVE".
    static constexpr char kMagic[] = "RIFF\0\0\0\0WAVE";
    for (std::size_t i = 0; i < n && i < 12; ++i) {
        if (i >= 4 && i < 8) continue;
        if (b[i] != static_cast<unsigned char>(kMagic[i])) return core::fail("not a WAV stream (no RIFF/WAVE header)");
    }
    if (n < 12) return std::optional<WavFormat>{};

    std::optional<WavFormat> format;
    std::size_t pos = 12;
    while (pos + 8 <= n) {
        const unsigned char* chunk = b + pos;
        const std::uint32_t size = le32(chunk + 4);
        if (tagIs(chunk, "data")) {
            if (!format) return core::fail("WAV data chunk comes before the fmt chunk");
            format->dataBytes = isStreamingSize(size) ? std::nullopt : std::optional<std::uint32_t>(size);
            format->headerBytes = pos + 8;
            return format;
        }
        if (size > kMaxHeaderBytes || pos + 8 + size > kMaxHeaderBytes) {
            return core::fail("WAV header chunk '" + std::string(reinterpret_cast<const char*>(chunk), 4) +
                              "' is implausibly large");
        }
        if (pos + 8 + size > n) break;  // the chunk is not complete yet
        if (tagIs(chunk, "fmt ")) {
            auto fmt = readFmtChunk(chunk + 8, size);
            if (!fmt) return core::fail(fmt.error());
            format = std::move(fmt).value();
        }
        pos += 8 + size + (size & 1u);  // chunks are padded to even sizes
    }
    if (n > kMaxHeaderBytes) return core::fail("WAV header is longer than 64 KiB");
    return std::optional<WavFormat>{};
}

}  // namespace kiosk::platform
