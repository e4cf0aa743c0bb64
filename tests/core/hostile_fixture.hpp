// Test helpers for hostile content: raw document text written in place of a fixture's
// JSON, and PNG files built with zlib (real image data, compression bombs).
#pragma once

#include <string>

#include <zlib.h>

#include "feed_fixture.hpp"

namespace kiosk::test {

// Writes the fixture, replaces one document by `text` as is, then builds the manifest.
inline core::LoadResult loadWithRawDocument(const FeedFixture& f, const std::string& name, const std::string& text,
                                            const core::LoadOptions& options = {}) {
    f.writeDocuments();
    writeText(f.dir / name, text);
    f.writeManifest();
    return core::loadFeed(f.path(), options);
}

inline std::string zlibCompress(const std::string& raw) {
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                  static_cast<uLong>(raw.size()), 9) != Z_OK) {
        throw std::runtime_error("compress2 failed");
    }
    out.resize(size);
    return out;
}

// A zlib stream of `inflatedBytes` zero bytes, made in 1 MiB steps (about 1 KiB on disk per MiB).
inline std::string zlibZeros(std::uint64_t inflatedBytes) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, 15, 9, Z_RLE) != Z_OK) throw std::runtime_error("deflateInit failed");
    const std::string zeros(1 << 20, '\0');
    std::string out;
    std::string buf(1 << 16, '\0');
    std::uint64_t left = inflatedBytes;
    int rc = Z_OK;
    do {
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, zeros.size()));
        left -= n;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
        z.avail_in = static_cast<uInt>(n);
        const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef*>(buf.data());
            z.avail_out = static_cast<uInt>(buf.size());
            rc = deflate(&z, flush);
            out.append(buf.data(), buf.size() - z.avail_out);
        } while (z.avail_out == 0);
    } while (left > 0 || rc != Z_STREAM_END);
    deflateEnd(&z);
    return out;
}

// A PNG whose header says width x height (8-bit greyscale) with `zlib` as its data.
inline std::string pngWithZlib(std::uint32_t width, std::uint32_t height, const std::string& zlib) {
    return pngSignatureAndHeader(width, height) + pngChunk("IDAT", zlib) + pngChunk("IEND", "");
}

// A PNG whose IDAT holds `raw` (filter bytes included) compressed, whatever the header says.
inline std::string pngWithRawData(std::uint32_t width, std::uint32_t height, int bitDepth, int colourType,
                                  const std::string& raw) {
    std::string out("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    appendBigEndian32(ihdr, width);
    appendBigEndian32(ihdr, height);
    ihdr += static_cast<char>(bitDepth);
    ihdr += static_cast<char>(colourType);
    ihdr += std::string("\x00\x00\x00", 3);
    out += pngChunk("IHDR", ihdr);
    out += pngChunk("IDAT", zlibCompress(raw));
    out += pngChunk("IEND", "");
    return out;
}

// A correct image: every row a filter byte 0 then its samples.
inline std::string pngOfSize(std::uint32_t width, std::uint32_t height, int bitDepth, int colourType, int channels) {
    const std::size_t row = 1 + static_cast<std::size_t>(width) * channels * (bitDepth / 8);
    std::string raw(row * height, '\x40');
    for (std::size_t y = 0; y < height; ++y) raw[y * row] = 0;
    return pngWithRawData(width, height, bitDepth, colourType, raw);
}

}  // namespace kiosk::test
