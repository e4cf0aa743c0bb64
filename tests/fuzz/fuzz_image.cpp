// libFuzzer target for image headers, the bounded PNG data check and the whole decode
// (stb_image and the scale to a thumbnail), as the kiosk's decode workers run it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <unistd.h>

#include "core/image_decoder.hpp"
#include "core/image_header.hpp"

using namespace kiosk::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto h = readImageHeader(bytes)) {
        (void)checkPngData(bytes, h.value());
        (void)estimateDecodeBytes(h.value(), size, 64, 64);
    }
    static const std::string path = "/tmp/kiosk-fuzz-image-" + std::to_string(::getpid()) + ".img";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    ImageDecoderOptions o;
    o.maxPixels = 4'000'000;  // keeps each run fast; the limits' logic is the same
    (void)decodeImageFile({path, "", 64, 64, 1}, o);
    return 0;
}
