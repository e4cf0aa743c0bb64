// Regression tests for images that exhausted a kiosk's memory: a 1x1 PNG with gigabytes
// of compressed data, 16-bit and huge images. Each is refused from its header (or its
// bounded data check) before stb_image allocates, and the reserved budget is checked.
#include <catch2/catch.hpp>

#include "core/image_decoder.hpp"
#include "core/image_header.hpp"
#include "hostile_fixture.hpp"

using namespace kiosk;
using core::Severity;
using test::contains;
using test::describe;

namespace {
core::Decoded decodeBytes(const test::TempDir& dir, const std::string& name, const std::string& bytes, int maxW = 400,
                          int maxH = 300) {
    test::writeText(dir / name, bytes);
    return core::decodeImageFile({(dir / name).string(), "", maxW, maxH, 1}, core::ImageDecoderOptions{});
}
}  // namespace

TEST_CASE("a 1x1 PNG whose data inflates to 512 MiB is refused without inflating it", "[hostile][images]") {
    test::TempDir dir("bomb");
    const std::string zlib = test::zlibZeros(std::uint64_t{512} << 20);
    REQUIRE(zlib.size() < 2u << 20);  // small on disk
    const auto d = decodeBytes(dir, "bomb.png", test::pngWithZlib(1, 1, zlib));
    CHECK_FALSE(d.ok);
    CHECK(contains(d.error, "compression bomb"));
    CHECK(d.reservedBytes == 0u);  // refused before the decode budget was even asked
    CHECK(core::decodeBytesReserved() == 0u);

    SECTION("kiosk-feed validate reports it too") {
        test::FeedFixture f;
        f.files["images/robot.png"] = test::pngWithZlib(1, 1, test::zlibZeros(64u << 20));
        core::LoadOptions verify;
        verify.verifyAllFiles = true;
        const auto r = f.load(verify);
        INFO(describe(r.diagnostics));
        const auto* e = test::findDiag(r.diagnostics, Severity::ItemError, "images/robot.png");
        REQUIRE(e != nullptr);
        CHECK(contains(e->message, "compression bomb"));
    }
}

TEST_CASE("a 16-bit 8192x4800 PNG and an 8000x5000 RGBA PNG are refused from their headers", "[hostile][images]") {
    test::TempDir dir("big");
    // Headers only, with data a few bytes long: the refusal must come before any inflate.
    const auto deep = decodeBytes(dir, "deep.png", test::pngWithRawData(8192, 4800, 16, 6, std::string(16, '\0')));
    CHECK_FALSE(deep.ok);
    CHECK(contains(deep.error, "8192 x 4800 pixels"));
    CHECK(deep.reservedBytes == 0u);
    const auto wide = decodeBytes(dir, "wide.png", test::pngWithRawData(8000, 5000, 8, 6, std::string(16, '\0')));
    CHECK_FALSE(wide.ok);
    CHECK(contains(wide.error, "40 megapixels"));
    CHECK(wide.reservedBytes == 0u);
}

TEST_CASE("a 16-bit image within the pixel limit but over the decode budget is refused", "[hostile][images]") {
    core::ImageHeader h;
    h.format = core::ImageFormat::Png;
    h.width = 6000, h.height = 4000, h.channels = 4, h.bitsPerChannel = 16;
    const auto need16 = core::estimateDecodeBytes(h, 1000, 400, 300);
    h.bitsPerChannel = 8;
    const auto need8 = core::estimateDecodeBytes(h, 1000, 400, 300);
    CHECK(need16 > need8);
    CHECK(need16 > core::kMaxDecodeBytesPerImage);
    CHECK(need8 <= core::kMaxDecodeBytesPerImage);

    test::TempDir dir("deep16");
    const auto d = decodeBytes(dir, "deep16.png", test::pngWithRawData(6000, 4000, 16, 6, std::string(16, '\0')));
    CHECK_FALSE(d.ok);
    CHECK(contains(d.error, "16 bits per channel"));
    CHECK(contains(d.error, "MiB"));

    SECTION("kiosk-feed validate reports it too, instead of passing an image never drawn (issue 21)") {
        test::FeedFixture f;
        f.files["images/robot.png"] = test::pngWithRawData(6000, 4000, 16, 6, std::string(16, '\0'));
        core::LoadOptions verify;
        verify.verifyAllFiles = true;
        const auto r = f.load(verify);
        INFO(describe(r.diagnostics));
        const auto* e = test::findDiag(r.diagnostics, Severity::ItemError, "images/robot.png");
        REQUIRE(e != nullptr);
        CHECK(contains(e->message, "would never be shown"));
        CHECK(contains(e->message, "16 bits per channel"));
    }
}

TEST_CASE("a real 16-bit PNG decodes to 8-bit RGBA at the size shown, with its cost reserved", "[hostile][images]") {
    test::TempDir dir("ok16");
    const auto d = decodeBytes(dir, "ok16.png", test::pngOfSize(640, 480, 16, 2, 3), 160, 120);
    INFO(d.error);
    REQUIRE(d.ok);
    CHECK(d.sourceBits == 16);
    CHECK(d.width == 160);
    CHECK(d.height == 120);
    CHECK(d.pixels.size() == 160u * 120u * 4u);
    CHECK(d.pixels[0] == 0x40);                 // the high byte of 0x4040
    CHECK(d.reservedBytes > 640u * 480u * 6u);  // at least the 16-bit image itself
    CHECK(d.reservedBytes < 16u << 20);         // and nothing like the budget
    CHECK(core::decodeBytesReserved() == 0u);   // given back
    CHECK(core::decodeBytesReservedPeak() <= core::kMaxDecodeBytesTotal);
}

TEST_CASE("PNG data shorter than the header says, or damaged, is refused by the bounded check", "[hostile][images]") {
    const std::string good = test::pngOfSize(20, 10, 8, 0, 1);
    auto header = core::readImageHeader(good);
    REQUIRE(header.ok());
    CHECK(header.value().width == 20);
    CHECK(core::pngInflatedBytes(header.value()) == 10u * 21u);
    CHECK(core::checkPngData(good, header.value()).ok());

    const std::string shortData = test::pngWithRawData(20, 10, 8, 0, std::string(50, '\0'));
    auto s = core::checkPngData(shortData, core::readImageHeader(shortData).value());
    REQUIRE_FALSE(s.ok());
    CHECK(contains(s.error(), "shorter"));

    std::string damaged = good;
    damaged[damaged.size() - 20] ^= 0x55;  // inside the IDAT data
    auto h2 = core::readImageHeader(damaged);
    REQUIRE(h2.ok());
    CHECK_FALSE(core::checkPngData(damaged, h2.value()).ok());
}
