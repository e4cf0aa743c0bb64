// Image headers, PNG data bounds and decode memory estimates (see image_header.hpp).
#include "core/image_header.hpp"

#include <stb_image.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace kiosk::core {
namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
    return (std::uint32_t(static_cast<unsigned char>(b[at])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(b[at + 3]));
}
unsigned be16(std::string_view b, std::size_t at) {
    return (unsigned(static_cast<unsigned char>(b[at])) << 8) | unsigned(static_cast<unsigned char>(b[at + 1]));
}

const char kPngSignature[] = "\x89PNG\r\n\x1a\n";

Result<ImageHeader> pngHeader(std::string_view b) {
    // signature, then the IHDR chunk: length 13, "IHDR", width, height, depth, colour type, ..., interlace
    if (b.size() < 33 || be32(b, 8) != 13 || b.substr(12, 4) != "IHDR")
        return fail("a PNG file without its IHDR header");
    ImageHeader h;
    h.format = ImageFormat::Png;
    const std::uint32_t w = be32(b, 16), ht = be32(b, 20);
    if (w == 0 || ht == 0 || w > 0x7FFFFFFF || ht > 0x7FFFFFFF) return fail("a PNG header with an impossible size");
    h.width = static_cast<int>(w);
    h.height = static_cast<int>(ht);
    h.bitsPerChannel = static_cast<unsigned char>(b[24]);
    const int colour = static_cast<unsigned char>(b[25]);
    h.interlaced = b[28] != 0;
    switch (colour) {
        case 0: h.channels = 1; break;
        case 2: h.channels = 3; break;
        case 3: h.channels = 1, h.palette = true; break;
        case 4: h.channels = 2; break;
        case 6: h.channels = 4; break;
        default: return fail("a PNG header with an unknown colour type " + std::to_string(colour));
    }
    const int d = h.bitsPerChannel;
    if (d != 1 && d != 2 && d != 4 && d != 8 && d != 16)
        return fail("a PNG header with a bit depth of " + std::to_string(d));
    return h;
}

Result<ImageHeader> jpegHeader(std::string_view b) {
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) return fail("a JPEG file with a broken marker");
        const unsigned marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // markers without a length
            i += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) break;  // end of image, start of scan: no frame header before
        const unsigned len = be16(b, i + 2);
        if (len < 2) return fail("a JPEG file with a broken segment");
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (i + 10 > b.size()) break;
            ImageHeader h;
            h.format = ImageFormat::Jpeg;
            h.bitsPerChannel = static_cast<unsigned char>(b[i + 4]);
            h.height = static_cast<int>(be16(b, i + 5));
            h.width = static_cast<int>(be16(b, i + 7));
            h.channels = static_cast<unsigned char>(b[i + 9]);
            if (h.width == 0 || h.height == 0) return fail("a JPEG header with a size of 0 (not supported)");
            if (h.channels != 1 && h.channels != 3 && h.channels != 4)
                return fail("a JPEG with an unusual number of channels");
            return h;
        }
        i += 2 + len;
    }
    return fail("a JPEG file without its frame header (SOF)");
}

}  // namespace

Result<ImageHeader> readImageHeader(std::string_view b) {
    if (b.size() >= 8 && std::memcmp(b.data(), kPngSignature, 8) == 0) return pngHeader(b);
    if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8) {
        return jpegHeader(b);
    }
    if (b.size() > 0x7FFFFFFF) return fail("a file too large to be an image");
    const auto* data = reinterpret_cast<const stbi_uc*>(b.data());
    const int len = static_cast<int>(b.size());
    ImageHeader h;
    if (!stbi_info_from_memory(data, len, &h.width, &h.height, &h.channels)) {
        const char* why = stbi_failure_reason();
        return fail(std::string("not a readable image (") + (why ? why : "unknown format") + ")");
    }
    if (stbi_is_hdr_from_memory(data, len)) {
        h.bitsPerChannel = 32;
    } else if (stbi_is_16_bit_from_memory(data, len)) {
        h.bitsPerChannel = 16;
    }
    return h;
}

std::uint64_t pngInflatedBytes(const ImageHeader& h) {
    const int samples = h.channels;
    const auto rowBytes = [&](std::uint64_t w) { return (w * samples * h.bitsPerChannel + 7) / 8 + 1; };
    if (!h.interlaced) return static_cast<std::uint64_t>(h.height) * rowBytes(static_cast<std::uint64_t>(h.width));
    // Adam7: seven reduced images, each row with its own filter byte.
    static const int xo[] = {0, 4, 0, 2, 0, 1, 0}, yo[] = {0, 0, 4, 0, 2, 0, 1};
    static const int xs[] = {8, 8, 4, 4, 2, 2, 1}, ys[] = {8, 8, 8, 4, 4, 2, 2};
    std::uint64_t total = 0;
    for (int p = 0; p < 7; ++p) {
        const std::uint64_t pw = h.width > xo[p] ? static_cast<std::uint64_t>(h.width - xo[p] + xs[p] - 1) / xs[p] : 0;
        const std::uint64_t ph =
            h.height > yo[p] ? static_cast<std::uint64_t>(h.height - yo[p] + ys[p] - 1) / ys[p] : 0;
        if (pw && ph) total += ph * rowBytes(pw);
    }
    return total;
}

Status checkPngData(std::string_view b, const ImageHeader& h) {
    if (h.format != ImageFormat::Png) return Ok{};
    const std::uint64_t expected = pngInflatedBytes(h);
    const std::uint64_t allowed = expected + 1024;  // a little slack for lenient encoders
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return fail("cannot check the PNG data (zlib)");
    std::array<unsigned char, 1 << 16> out{};
    std::uint64_t total = 0;
    bool ended = false;
    std::string problem;
    std::size_t i = 8;
    while (!ended && problem.empty() && i + 12 <= b.size()) {
        const std::uint32_t len = be32(b, i);
        const std::string_view type = b.substr(i + 4, 4);
        if (len > b.size() - i - 12) {
            problem = "a PNG chunk runs past the end of the file (truncated?)";
            break;
        }
        if (type == "IEND") break;
        if (type == "CgBI") problem = "an Apple-specific PNG variant (CgBI) that is not supported";
        if (type == "IDAT") {
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(b.data() + i + 8));
            z.avail_in = len;
            while (z.avail_in > 0 && problem.empty() && !ended) {
                z.next_out = out.data();
                z.avail_out = out.size();
                const int rc = inflate(&z, Z_NO_FLUSH);
                total += out.size() - z.avail_out;
                if (total > allowed) {
                    problem = "its image data inflates to more than the " + std::to_string(expected) +
                              " bytes its header's " + std::to_string(h.width) + " x " + std::to_string(h.height) +
                              " pixels need (a compression bomb?)";
                } else if (rc == Z_STREAM_END) {
                    ended = true;
                } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                    problem = "its compressed image data is damaged";
                }
            }
        }
        i += 12 + len;
    }
    inflateEnd(&z);
    if (!problem.empty()) return fail(problem);
    if (total < expected) return fail("its image data is shorter than its header's size says (truncated?)");
    return Ok{};
}

std::uint64_t estimateDecodeBytes(const ImageHeader& h, std::uint64_t fileBytes, int outW, int outH) {
    const std::uint64_t px = static_cast<std::uint64_t>(h.width) * static_cast<std::uint64_t>(h.height);
    const std::uint64_t bps = h.bitsPerChannel > 16 ? 4 : h.bitsPerChannel > 8 ? 2 : 1;
    const std::uint64_t ch = h.palette ? 4 : static_cast<std::uint64_t>(std::max(h.channels, 1));
    const std::uint64_t rgba8 = px * 4;
    const std::uint64_t result =
        static_cast<std::uint64_t>(std::max(outW, 1)) * static_cast<std::uint64_t>(std::max(outH, 1)) * 4;
    // Phases of stb_image: inflate or entropy-decode, convert channels, convert to 8 bits, scale.
    std::uint64_t a = 0;
    if (h.format == ImageFormat::Png) {
        a = fileBytes + pngInflatedBytes(h) + px * ch * bps;
    } else if (h.format == ImageFormat::Jpeg) {
        a = px * ch + rgba8;  // one plane per component (padded to whole blocks), then RGBA
        a += a / 8;
    } else {
        a = px * ch * bps + px * 4 * bps;
    }
    const std::uint64_t b = ch != 4 ? px * ch * bps + px * 4 * bps : 0;
    const std::uint64_t c = bps > 1 ? px * 4 * bps + rgba8 : 0;
    const std::uint64_t d = rgba8 + result + (4u << 20);  // stb_image_resize's working rows
    return fileBytes + std::max({a, b, c, d});
}

}  // namespace kiosk::core
