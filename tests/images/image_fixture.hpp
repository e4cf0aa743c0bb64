// Helpers for the image tests: a scratch folder, PNG files written on purpose (good,
// truncated, or a bare header claiming any size) and bounded waits for worker results.
#pragma once

#include <stb_image_write.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

namespace fs = std::filesystem;

inline const fs::path kBundledImages = fs::path(KIOSK_BUNDLED_CONTENT) / "images";

// A fresh folder per test case, removed at the end.
class ScratchDir {
public:
    ScratchDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("kiosk-image-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

inline std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void writeBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// An RGBA PNG of w x h whose pixel (x, y) is colour(x, y) as 0xRRGGBBAA.
inline void writePng(const fs::path& p, int w, int h, const std::function<std::uint32_t(int, int)>& colour) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const std::uint32_t c = colour(x, y);
            unsigned char* o = &px[(static_cast<std::size_t>(y) * w + x) * 4];
            o[0] = static_cast<unsigned char>(c >> 24);
            o[1] = static_cast<unsigned char>(c >> 16);
            o[2] = static_cast<unsigned char>(c >> 8);
            o[3] = static_cast<unsigned char>(c);
        }
    }
    stbi_write_png(p.string().c_str(), w, h, 4, px.data(), w * 4);
}

inline std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline void put32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
}

// A PNG signature and a valid IHDR chunk claiming w x h RGBA pixels, then IEND: no pixel
// data at all, so any attempt to decode it fails with a different message than a refusal.
inline std::string pngHeaderOnly(std::uint32_t w, std::uint32_t h) {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr = "IHDR";
    put32(ihdr, w);
    put32(ihdr, h);
    ihdr += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, no filter, no interlace
    put32(png, 13);
    png += ihdr;
    put32(png, crc32(ihdr));
    put32(png, 0);
    png += "IEND";
    put32(png, crc32("IEND"));
    return png;
}

// Calls step() until it returns true, at most `limit`; short sleeps between tries.
inline bool eventually(const std::function<bool()>& step, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (step()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return step();
}

}  // namespace kiosk::test
