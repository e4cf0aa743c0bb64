// core::ImageDecoder: real bundled PNGs scaled to fit, broken, hostile and tampered files
// refused with a message, cancellation, and decoding only ever on worker threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <set>

#include "core/files.hpp"
#include "core/image_decoder.hpp"
#include "image_fixture.hpp"

using namespace kiosk;
using kiosk::test::eventually;
using kiosk::test::ScratchDir;

namespace {

const std::string kMap = (test::kBundledImages / "carte-territoire.png").string();  // 1600 x 1400
const std::string kDemo = (test::kBundledImages / "demo-archives-1.png").string();  // 960 x 600

// Enqueues one request and waits (bounded) for its result.
core::Decoded decodeOnWorker(core::DecodeRequest r, core::ImageDecoderOptions o = {}) {
    core::ImageDecoder decoder(std::move(o));
    decoder.enqueue(std::move(r));
    std::vector<core::Decoded> got;
    const bool done = eventually([&] {
        for (auto& d : decoder.takeFinished()) got.push_back(std::move(d));
        return !got.empty();
    });
    REQUIRE(done);
    REQUIRE(got.size() == 1);
    return std::move(got.front());
}

}  // namespace

TEST_CASE("a bundled PNG is decoded on a worker thread and scaled down to fit with its aspect kept", "[decoder]") {
    const std::string sha = core::sha256Hex(test::readBytes(kMap));
    const auto d = decodeOnWorker({kMap, sha, 400, 400, 42});
    INFO(d.error);
    REQUIRE(d.ok);
    CHECK(d.ticket == 42);
    CHECK(d.sourceWidth == 1600);
    CHECK(d.sourceHeight == 1400);
    CHECK(d.width == 400);
    CHECK(d.height == 350);
    CHECK(d.pixels.size() == 400u * 350u * 4u);
    CHECK(d.decodedOn != std::thread::id{});
    CHECK(d.decodedOn != std::this_thread::get_id());
}

TEST_CASE("images are never scaled up and one side may be unlimited", "[decoder]") {
    const auto big = decodeOnWorker({kDemo, "", 4000, 4000, 1});
    REQUIRE(big.ok);
    CHECK(big.width == 960);
    CHECK(big.height == 600);

    const auto byHeight = decodeOnWorker({kDemo, "", 0, 300, 2});
    REQUIRE(byHeight.ok);
    CHECK(byHeight.width == 480);
    CHECK(byHeight.height == 300);
}

TEST_CASE("fitWithin keeps the aspect ratio, never enlarges and never returns zero", "[decoder]") {
    int w = 0, h = 0;
    core::fitWithin(1600, 1400, 400, 400, w, h);
    CHECK((w == 400 && h == 350));
    core::fitWithin(100, 50, 1000, 1000, w, h);
    CHECK((w == 100 && h == 50));
    core::fitWithin(8000, 10, 100, 100, w, h);
    CHECK((w == 100 && h == 1));
    core::fitWithin(300, 600, 0, 0, w, h);
    CHECK((w == 300 && h == 600));
    core::fitWithin(1000, 3000, 500, 0, w, h);
    CHECK((w == 500 && h == 1500));
}

TEST_CASE("pixels come out as RGBA and transparent edges keep their colour when scaled", "[decoder]") {
    ScratchDir dir;
    const auto png = dir / "half.png";
    // Left half opaque red, right half fully transparent black.
    test::writePng(png, 64, 64, [](int x, int) { return x < 32 ? 0xFF0000FFu : 0x00000000u; });
    const auto d = decodeOnWorker({png.string(), "", 16, 16, 1});
    REQUIRE(d.ok);
    REQUIRE(d.width == 16);
    const auto px = [&](int x, int y) { return &d.pixels[(static_cast<std::size_t>(y) * 16 + x) * 4]; };
    CHECK(px(0, 8)[0] == 255);
    CHECK(px(0, 8)[1] == 0);
    CHECK(px(0, 8)[2] == 0);
    CHECK(px(0, 8)[3] == 255);
    CHECK(px(15, 8)[3] == 0);
    for (int x = 0; x < 16; ++x) {
        const unsigned char* p = px(x, 8);
        INFO("x = " << x << ", alpha = " << int(p[3]));
        if (p[3] > 0) CHECK(p[0] >= 250);  // no dark fringe where red meets transparent
    }
}

TEST_CASE("a truncated or corrupt file fails with a message naming it", "[decoder]") {
    ScratchDir dir;
    const std::string bytes = test::readBytes(kDemo);
    const auto truncated = dir / "truncated.png";
    test::writeBytes(truncated, bytes.substr(0, bytes.size() / 2));
    const auto t = decodeOnWorker({truncated.string(), "", 200, 200, 1});
    CHECK_FALSE(t.ok);
    CHECK(t.pixels.empty());
    CHECK_THAT(t.error, Catch::Contains("truncated.png") && Catch::Contains("cannot be decoded"));

    const auto garbage = dir / "notes.png";
    test::writeBytes(garbage, "this is a text file, not an image\n");
    const auto g = decodeOnWorker({garbage.string(), "", 200, 200, 2});
    CHECK_FALSE(g.ok);
    CHECK_THAT(g.error, Catch::Contains("notes.png") && Catch::Contains("not a readable image"));

    const auto missing = decodeOnWorker({(dir / "missing.png").string(), "", 200, 200, 3});
    CHECK_FALSE(missing.ok);
    CHECK_THAT(missing.error, Catch::Contains("missing.png"));
}

TEST_CASE("absurd dimensions are refused from the header before decoding", "[decoder]") {
    ScratchDir dir;
    // The files hold no pixel data: decoding would fail with "cannot be decoded", so the
    // size message shows the refusal came from the header before any decode.
    const auto wide = dir / "wide.png";
    test::writeBytes(wide, test::pngHeaderOnly(17000, 10));
    const auto w = decodeOnWorker({wide.string(), "", 200, 200, 1});
    CHECK_FALSE(w.ok);
    CHECK_THAT(w.error, Catch::Contains("wide.png") && Catch::Contains("17000 x 10 pixels") &&
                            Catch::Contains("16384 pixels per side"));
    CHECK_THAT(w.error, !Catch::Contains("cannot be decoded"));

    const auto huge = dir / "huge.png";
    test::writeBytes(huge, test::pngHeaderOnly(8000, 8000));
    const auto h = decodeOnWorker({huge.string(), "", 200, 200, 2});
    CHECK_FALSE(h.ok);
    CHECK_THAT(h.error, Catch::Contains("64 megapixels") && Catch::Contains("limit of 24 megapixels"));

    // A sane size passes the check and then fails for what it is: a header without data.
    const auto empty = dir / "empty.png";
    test::writeBytes(empty, test::pngHeaderOnly(100, 10));
    const auto e = decodeOnWorker({empty.string(), "", 200, 200, 3});
    CHECK_FALSE(e.ok);
    CHECK_THAT(e.error, Catch::Contains("cannot be decoded"));
}

TEST_CASE("files above the size limit are refused without decoding", "[decoder]") {
    core::ImageDecoderOptions o;
    o.maxFileBytes = 1000;
    const auto d = decodeOnWorker({kDemo, "", 200, 200, 1}, o);
    CHECK_FALSE(d.ok);
    CHECK_THAT(d.error, Catch::Contains("more than the limit of 1000"));
}

TEST_CASE("a SHA-256 mismatch fails and the right hash in either letter case passes", "[decoder]") {
    const auto bad = decodeOnWorker({kDemo, std::string(64, '0'), 200, 200, 1});
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.error, Catch::Contains("demo-archives-1.png") && Catch::Contains("SHA-256 does not match"));

    std::string sha = core::sha256Hex(test::readBytes(kDemo));
    std::transform(sha.begin(), sha.end(), sha.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
    CHECK(decodeOnWorker({kDemo, sha, 200, 200, 2}).ok);
}

TEST_CASE("cancelPending drops queued requests that no worker started", "[decoder]") {
    core::ImageDecoder decoder;  // one worker
    constexpr std::uint64_t kCount = 40;
    for (std::uint64_t t = 1; t <= kCount; ++t) decoder.enqueue({kMap, "", 800, 800, t});
    const auto dropped = decoder.cancelPending();
    CHECK(dropped.size() >= kCount - 1);  // the single worker may have started one
    CHECK(decoder.queued() == 0);

    std::vector<core::Decoded> got;
    REQUIRE(eventually([&] {
        for (auto& d : decoder.takeFinished()) got.push_back(std::move(d));
        return got.size() == kCount - dropped.size() && decoder.inProgress() == 0;
    }));
    CHECK(decoder.takeFinished().empty());
    std::set<std::uint64_t> seen(dropped.begin(), dropped.end());
    for (const auto& d : got) {
        CHECK(d.ok);
        CHECK(seen.insert(d.ticket).second);  // no result for a dropped ticket
    }
    CHECK(seen.size() == kCount);

    // The decoder keeps working after a cancel.
    decoder.enqueue({kDemo, "", 100, 100, 99});
    REQUIRE(eventually([&] {
        got = decoder.takeFinished();
        return !got.empty();
    }));
    CHECK(got.front().ticket == 99);
}

TEST_CASE("two workers decode off the calling thread and the destructor joins", "[decoder]") {
    core::ImageDecoderOptions o;
    o.threads = 2;
    std::atomic<int> notified{0};
    o.onFinished = [&] { ++notified; };
    std::set<std::thread::id> threads;
    {
        core::ImageDecoder decoder(o);
        for (std::uint64_t t = 1; t <= 6; ++t) decoder.enqueue({kDemo, "", 320, 320, t});
        std::size_t n = 0;
        REQUIRE(eventually([&] {
            for (const auto& d : decoder.takeFinished()) {
                CHECK(d.ok);
                threads.insert(d.decodedOn);
                ++n;
            }
            return n == 6;
        }));
        for (std::uint64_t t = 1; t <= 20; ++t) decoder.enqueue({kMap, "", 320, 320, 100 + t});
    }  // destroyed with queued work: drops it and joins
    CHECK(notified.load() >= 6);
    CHECK(threads.count(std::this_thread::get_id()) == 0);
    CHECK(threads.size() >= 1);
    CHECK(threads.size() <= 2);
}
