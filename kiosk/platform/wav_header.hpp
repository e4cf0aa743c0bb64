// The RIFF/WAVE header at the start of a PCM stream, as espeak-ng writes it on stdout.
// In streaming mode the RIFF and data sizes are placeholders (0, 0xFFFFFFFF or ~2 GiB).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "core/result.hpp"

namespace kiosk::platform {

struct WavFormat {
    int sampleRate = 0;     // Hz
    int channels = 0;       // 1 or 2
    int bitsPerSample = 0;  // 8 (unsigned) or 16 (signed little-endian)
    // Bytes of sample data announced by the header; nullopt when the size is a streaming
    // placeholder (0 or 0xFFFFFFFF): read until the end of the stream.
    std::optional<std::uint32_t> dataBytes;
    std::size_t headerBytes = 0;  // offset of the first sample byte
};

// Parses the header at the start of `bytes` (the first bytes read from the stream).
// Returns the format once the "data" chunk header has been seen; nullopt when more bytes
// are needed; an error when the bytes are not a PCM WAV this player handles (not RIFF,
// not WAVE, compressed, unsupported sample size or channel count, or a header over 64 KiB).
// Pure function; no allocation beyond the error message; safe on any thread.
core::Result<std::optional<WavFormat>> parseWavHeader(std::span<const unsigned char> bytes);

}  // namespace kiosk::platform
