// What an image file says about itself, read from its header alone (PNG IHDR, JPEG SOF,
// stb_image's info for other formats), and what decoding it would cost in memory, so an
// image is refused before anything is allocated for its pixels.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.hpp"

namespace kiosk::core {

enum class ImageFormat { Png, Jpeg, Other };

struct ImageHeader {
    ImageFormat format = ImageFormat::Other;
    int width = 0, height = 0;
    int channels = 0;        // in the file (a PNG palette counts as 1)
    int bitsPerChannel = 8;  // 1..16 (32 for HDR)
    bool interlaced = false;
    bool palette = false;
};

// Reads only the header; an error names what is wrong. Never throws.
Result<ImageHeader> readImageHeader(std::string_view bytes);

// PNG only: how many bytes the image data must inflate to for the header's size.
std::uint64_t pngInflatedBytes(const ImageHeader& h);

// PNG only: inflates the image data through a fixed 64 KiB buffer, counting, and refuses
// data that inflates to more than the header's dimensions need (a compression bomb:
// stb_image would grow its buffer to gigabytes) or is broken. Other formats: Ok.
Status checkPngData(std::string_view bytes, const ImageHeader& h);

// Peak bytes that decoding to RGBA (8 bits) with stb_image and scaling to outW x outH
// allocates, file bytes included; an upper estimate from the header alone.
std::uint64_t estimateDecodeBytes(const ImageHeader& h, std::uint64_t fileBytes, int outW, int outH);

}  // namespace kiosk::core
