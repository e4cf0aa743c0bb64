// The WAV header parser on crafted inputs: sized and streaming headers, headers arriving
// a few bytes at a time, extra chunks, and garbage that must be refused.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "platform/wav_header.hpp"

using kiosk::platform::parseWavHeader;
using kiosk::platform::WavFormat;

namespace {

using Bytes = std::vector<unsigned char>;

void put32(Bytes& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
void put16(Bytes& b, std::uint16_t v) {
    b.push_back(static_cast<unsigned char>(v));
    b.push_back(static_cast<unsigned char>(v >> 8));
}
void tag(Bytes& b, const char* t) {
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<unsigned char>(t[i]));  // push_back: g++ 12 misreads insert
}

void fmtChunk(Bytes& b, std::uint16_t formatTag, std::uint16_t channels, std::uint32_t rate, std::uint16_t bits) {
    tag(b, "fmt ");
    put32(b, 16);
    put16(b, formatTag);
    put16(b, channels);
    put32(b, rate);
    put32(b, rate * channels * bits / 8);
    put16(b, static_cast<std::uint16_t>(channels * bits / 8));
    put16(b, bits);
}

Bytes header(std::uint32_t riffSize, std::uint32_t dataSize, std::uint16_t formatTag = 1, std::uint16_t channels = 1,
             std::uint32_t rate = 22050, std::uint16_t bits = 16) {
    Bytes b;
    tag(b, "RIFF");
    put32(b, riffSize);
    tag(b, "WAVE");
    fmtChunk(b, formatTag, channels, rate, bits);
    tag(b, "data");
    put32(b, dataSize);
    return b;
}

WavFormat parsedOrFail(const Bytes& b) {
    auto r = parseWavHeader(b);
    INFO((r ? std::string("ok") : r.error()));
    REQUIRE(r.ok());
    REQUIRE(r.value().has_value());
    return *r.value();
}

}  // namespace

TEST_CASE("a WAV header with real sizes gives the format and the data size", "[wav]") {
    Bytes b = header(36 + 1000, 1000);
    b.resize(b.size() + 10, 0);  // the first samples follow in the same read
    const WavFormat f = parsedOrFail(b);
    CHECK(f.sampleRate == 22050);
    CHECK(f.channels == 1);
    CHECK(f.bitsPerSample == 16);
    CHECK(f.headerBytes == 44);
    REQUIRE(f.dataBytes.has_value());
    CHECK(*f.dataBytes == 1000);
}

TEST_CASE("streaming placeholder sizes mean: read until the end of the stream", "[wav]") {
    CHECK_FALSE(parsedOrFail(header(0xFFFFFFFF, 0xFFFFFFFF)).dataBytes.has_value());
    CHECK_FALSE(parsedOrFail(header(0, 0)).dataBytes.has_value());
    // espeak-ng 1.51 writes 0x7ffff000 as the data size: a real bound, larger than any speech.
    const WavFormat espeak = parsedOrFail(header(0x7ffff024, 0x7ffff000));
    REQUIRE(espeak.dataBytes.has_value());
    CHECK(*espeak.dataBytes == 0x7ffff000u);
}

TEST_CASE("a header arriving a byte at a time asks for more until it is complete", "[wav]") {
    const Bytes full = header(0xFFFFFFFF, 0xFFFFFFFF, 1, 2, 44100, 8);
    for (std::size_t n = 0; n < full.size(); ++n) {
        auto r = parseWavHeader(std::span(full.data(), n));
        INFO("prefix of " << n << " bytes");
        REQUIRE(r.ok());
        CHECK_FALSE(r.value().has_value());
    }
    const WavFormat f = parsedOrFail(full);
    CHECK(f.channels == 2);
    CHECK(f.sampleRate == 44100);
    CHECK(f.bitsPerSample == 8);
}

TEST_CASE("chunks before the data (LIST, odd-sized) are skipped", "[wav]") {
    Bytes b;
    tag(b, "RIFF");
    put32(b, 0);
    tag(b, "WAVE");
    tag(b, "LIST");
    put32(b, 3);  // odd size: one padding byte follows
    b.insert(b.end(), {'a', 'b', 'c', 0});
    fmtChunk(b, 1, 1, 16000, 16);
    tag(b, "data");
    put32(b, 320);
    const WavFormat f = parsedOrFail(b);
    CHECK(f.sampleRate == 16000);
    CHECK(f.headerBytes == b.size());
    CHECK(*f.dataBytes == 320);
}

TEST_CASE("garbage and unsupported WAVs are errors, not silence", "[wav]") {
    auto isError = [](const Bytes& b) { return !parseWavHeader(b).ok(); };
    const std::string text = "Error: The specified espeak-ng voice does not exist.\n";
    CHECK(isError(Bytes(text.begin(), text.end())));
    CHECK(isError(Bytes{'R', 'I', 'F', 'X'}));  // refused as soon as the magic is wrong
    Bytes avi = header(0, 0);
    avi[8] = 'A', avi[9] = 'V', avi[10] = 'I', avi[11] = ' ';
    CHECK(isError(avi));
    CHECK(isError(header(0, 0, 3)));                // IEEE float
    CHECK(isError(header(0, 0, 1, 1, 22050, 24)));  // 24-bit
    CHECK(isError(header(0, 0, 1, 6)));             // 5.1 channels
    CHECK(isError(header(0, 0, 1, 1, 0)));          // 0 Hz

    Bytes dataFirst;
    tag(dataFirst, "RIFF");
    put32(dataFirst, 0);
    tag(dataFirst, "WAVE");
    tag(dataFirst, "data");
    put32(dataFirst, 0);
    CHECK(isError(dataFirst));

    Bytes huge;
    tag(huge, "RIFF");
    put32(huge, 0);
    tag(huge, "WAVE");
    tag(huge, "junk");
    put32(huge, 0x40000000);
    CHECK(isError(huge));
}
