// platform::TextureCache on a headless SDL software renderer: Loading then Ready after
// pumping, correct colours on screen, LRU eviction under a budget, failures logged once.
#include <SDL.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

#include "core/files.hpp"
#include "image_fixture.hpp"
#include "platform/texture_cache.hpp"
#include "platform/video.hpp"

using namespace kiosk;
using kiosk::test::eventually;
using kiosk::test::ScratchDir;
using State = ui::ImageHandle::State;

namespace {

const std::string kMap = (test::kBundledImages / "carte-territoire.png").string();
const std::string kDemoA = (test::kBundledImages / "demo-archives-1.png").string();
const std::string kDemoB = (test::kBundledImages / "demo-archives-2.png").string();
const std::string kDemoC = (test::kBundledImages / "demo-avatar-lsf-1.png").string();

std::unique_ptr<platform::Video> headless() {
    platform::VideoOptions vo;
    vo.headless = true;
    vo.width = 320;
    vo.height = 240;
    auto video = platform::Video::open(vo);
    REQUIRE(video.ok());
    return std::move(video).value();
}

platform::TextureCacheOptions exactSizes(std::size_t budget = 96u << 20) {
    platform::TextureCacheOptions o;
    o.sizeStep = 1;
    o.budgetBytes = budget;
    return o;
}

// Frames as the app runs them: pump, then the UI requests its images; until all are
// Ready or Failed (bounded).
bool framesUntilSettled(platform::TextureCache& cache, const std::vector<std::string>& paths, int w, int h) {
    return eventually([&] {
        cache.pump();
        bool settled = true;
        for (const auto& p : paths) settled = cache.request(p, "", w, h).state != State::Loading && settled;
        return settled;
    });
}

// Everything written to stderr (where core::log writes) while it lives.
class StderrCapture {
public:
    StderrCapture() : file_(std::tmpfile()) {
        std::fflush(stderr);
        saved_ = ::dup(2);
        ::dup2(::fileno(file_), 2);
    }
    ~StderrCapture() {
        restore();
        std::fclose(file_);
    }
    std::string text() {
        restore();
        std::string out;
        std::rewind(file_);
        char buf[512];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, file_)) > 0;) out.append(buf, n);
        return out;
    }

private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        saved_ = -1;
    }
    std::FILE* file_;
    int saved_ = -1;
};

}  // namespace

TEST_CASE("a request is Loading first, then Ready with a texture once pumped", "[texture_cache]") {
    auto video = headless();
    platform::TextureCache cache(video->renderer());

    const auto first = cache.request(kMap, "", 300, 200);
    CHECK(first.state == State::Loading);  // never decoded on the calling thread
    CHECK(first.texture == nullptr);
    CHECK(cache.stats().loading == 1);
    CHECK(cache.request(kMap, "", 300, 200).state == State::Loading);
    CHECK(cache.stats().loading == 1);  // asked again while loading: still one decode

    bool arrived = false;
    ui::ImageHandle h;
    REQUIRE(eventually([&] {
        arrived = cache.pump() || arrived;
        h = cache.request(kMap, "", 300, 200);
        return h.state == State::Ready;
    }));
    CHECK(arrived);
    REQUIRE(h.texture != nullptr);
    // Sizes are rounded up to 64 px: 320 x 256 fits 1600 x 1400 as 293 x 256.
    CHECK(h.width == 293);
    CHECK(h.height == 256);
    const auto s = cache.stats();
    CHECK(s.uploads == 1);
    CHECK(s.textures == 1);
    CHECK(s.loading == 0);
    CHECK(s.bytesUsed == 293u * 256u * 4u);

    Uint32 format = 0;
    int tw = 0, th = 0;
    REQUIRE(SDL_QueryTexture(static_cast<SDL_Texture*>(h.texture), &format, nullptr, &tw, &th) == 0);
    CHECK(format == SDL_PIXELFORMAT_RGBA32);
    CHECK((tw == 293 && th == 256));

    CHECK_FALSE(cache.pump());                                      // nothing new
    CHECK(cache.request(kMap, "", 300, 200).texture == h.texture);  // same bucket, same texture
    CHECK(cache.request(kMap, "", 310, 250).texture == h.texture);
    CHECK(cache.request(kMap, "", 100, 100).state == State::Loading);  // another size: another texture
    CHECK(cache.stats().uploads == 1);
}

TEST_CASE("uploaded textures draw with the right colours and transparency", "[texture_cache]") {
    ScratchDir dir;
    const auto png = dir / "flags.png";
    // Red, blue, then transparent thirds.
    test::writePng(png, 96, 32, [](int x, int) { return x < 32 ? 0xFF0000FFu : x < 64 ? 0x0000FFFFu : 0x00FF0000u; });
    auto video = headless();
    platform::TextureCache cache(video->renderer(), exactSizes());
    REQUIRE(framesUntilSettled(cache, {png.string()}, 96, 96));
    const auto h = cache.request(png.string(), "", 96, 96);
    REQUIRE(h.state == State::Ready);

    SDL_Renderer* r = video->renderer();
    SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
    SDL_RenderClear(r);
    const SDL_Rect dst{0, 0, 96, 32};
    REQUIRE(SDL_RenderCopy(r, static_cast<SDL_Texture*>(h.texture), nullptr, &dst) == 0);
    std::vector<unsigned char> px(320u * 240u * 4u);
    REQUIRE(SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_RGBA32, px.data(), 320 * 4) == 0);
    const auto at = [&](int x, int y) { return &px[(static_cast<std::size_t>(y) * 320 + x) * 4]; };
    CHECK((at(10, 10)[0] == 255 && at(10, 10)[1] == 0 && at(10, 10)[2] == 0));
    CHECK((at(50, 10)[0] == 0 && at(50, 10)[1] == 0 && at(50, 10)[2] == 255));
    CHECK((at(80, 10)[0] == 255 && at(80, 10)[1] == 255 && at(80, 10)[2] == 255));  // blended over white
}

TEST_CASE("over budget the least recently used texture is evicted and the recent ones kept", "[texture_cache]") {
    auto video = headless();
    const std::size_t one = 96u * 60u * 4u;  // a 960 x 600 demo image fitted to 96 x 60
    platform::TextureCache cache(video->renderer(), exactSizes(2 * one + 100));

    for (const auto& p : {kDemoA, kDemoB, kDemoC}) REQUIRE(framesUntilSettled(cache, {p}, 96, 96));
    cache.pump();
    const auto s = cache.stats();
    CHECK(s.uploads == 3);
    CHECK(s.evictions == 1);
    CHECK(s.textures == 2);
    CHECK(s.bytesUsed == 2 * one);
    CHECK(s.bytesUsed <= cache.budgetBytes());
    CHECK(cache.request(kDemoB, "", 96, 96).state == State::Ready);
    CHECK(cache.request(kDemoC, "", 96, 96).state == State::Ready);
    CHECK(cache.request(kDemoA, "", 96, 96).state == State::Loading);  // evicted: decoded again
}

TEST_CASE("textures on screen in the last frame are never evicted even over budget", "[texture_cache]") {
    auto video = headless();
    platform::TextureCache cache(video->renderer(), exactSizes(1));

    REQUIRE(framesUntilSettled(cache, {kDemoA, kDemoB}, 96, 96));
    for (int frame = 0; frame < 3; ++frame) {  // both stay on screen
        cache.pump();
        CHECK(cache.request(kDemoA, "", 96, 96).state == State::Ready);
        CHECK(cache.request(kDemoB, "", 96, 96).state == State::Ready);
    }
    CHECK(cache.stats().evictions == 0);
    CHECK(cache.stats().textures == 2);

    // Idle pumps (nothing drawn) keep the last drawn frame's images.
    for (int i = 0; i < 3; ++i) cache.pump();
    CHECK(cache.stats().textures == 2);

    // The screen now shows only C: A and B go, C stays although it alone exceeds the budget.
    REQUIRE(framesUntilSettled(cache, {kDemoC}, 96, 96));
    cache.pump();
    const auto s = cache.stats();
    CHECK(s.evictions == 2);
    CHECK(s.textures == 1);
    CHECK(cache.request(kDemoC, "", 96, 96).state == State::Ready);
}

TEST_CASE("a broken image ends Failed with one log line naming the file and the cause", "[texture_cache]") {
    ScratchDir dir;
    const auto broken = dir / "broken.png";
    const std::string bytes = test::readBytes(kDemoA);
    test::writeBytes(broken, bytes.substr(0, bytes.size() / 3));
    const auto wrongHash = kDemoB;

    auto video = headless();
    platform::TextureCache cache(video->renderer());
    StderrCapture capture;
    REQUIRE(eventually([&] {
        cache.pump();
        const bool a = cache.request(broken.string(), "", 200, 200).state == State::Failed;
        const bool b = cache.request(wrongHash, std::string(64, 'a'), 200, 200).state == State::Failed;
        return a && b;
    }));
    for (int frame = 0; frame < 5; ++frame) {  // asking again neither retries nor logs again
        CHECK_FALSE(cache.pump());
        CHECK(cache.request(broken.string(), "", 200, 200).state == State::Failed);
    }
    const std::string log = capture.text();
    INFO(log);
    CHECK(cache.stats().failures == 2);
    CHECK(cache.stats().textures == 0);
    CHECK(std::count(log.begin(), log.end(), '\n') == 2);
    CHECK_THAT(log,
               Catch::Contains("warning") && Catch::Contains("broken.png") && Catch::Contains("cannot be decoded"));
    CHECK_THAT(log, Catch::Contains("demo-archives-2.png") && Catch::Contains("SHA-256 does not match"));
}

TEST_CASE("cancelPending drops queued decodes and the images load when asked again", "[texture_cache]") {
    auto video = headless();
    platform::TextureCache cache(video->renderer(), exactSizes());
    std::vector<int> sizes;
    for (int s = 40; s < 400; s += 30) sizes.push_back(s);  // 12 distinct textures of one image
    for (int s : sizes) CHECK(cache.request(kDemoA, "", s, s).state == State::Loading);
    cache.cancelPending();
    CHECK(cache.stats().loading <= 1);  // at most the one a worker already started

    REQUIRE(eventually([&] {
        cache.pump();
        return cache.stats().loading == 0;
    }));
    CHECK(cache.stats().uploads <= 1);

    REQUIRE(eventually([&] {  // back on screen: requested again, all load
        cache.pump();
        bool all = true;
        for (int s : sizes) all = cache.request(kDemoA, "", s, s).state == State::Ready && all;
        return all;
    }));
    CHECK(cache.stats().textures == sizes.size());
    CHECK(cache.stats().failures == 0);
}

TEST_CASE("clear() releases every texture", "[texture_cache]") {
    auto video = headless();
    platform::TextureCache cache(video->renderer(), exactSizes());
    REQUIRE(framesUntilSettled(cache, {kDemoA, kDemoB}, 96, 96));
    CHECK(cache.stats().textures == 2);
    cache.clear();
    CHECK(cache.stats().textures == 0);
    CHECK(cache.stats().bytesUsed == 0);
    CHECK(cache.request(kDemoA, "", 96, 96).state == State::Loading);
}

TEST_CASE("the same picture in a new content version keeps its one texture", "[texture_cache]") {
    auto video = headless();
    platform::TextureCache cache(video->renderer());
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kiosk-texture-versions-" + std::to_string(::getpid()));
    // Two content versions in the cache hold the same file under their own folders.
    const fs::path v1 = dir / "versions/1/images/carte.png", v2 = dir / "versions/2/images/carte.png";
    fs::create_directories(v1.parent_path());
    fs::create_directories(v2.parent_path());
    fs::copy_file(kMap, v1);
    fs::copy_file(kMap, v2);
    const std::string sha = core::sha256File(v1).value();

    ui::ImageHandle h;
    REQUIRE(eventually([&] {
        cache.pump();
        h = cache.request(v1.string(), sha, 300, 200);
        return h.state == State::Ready;
    }));
    const auto again = cache.request(v2.string(), sha, 300, 200);
    CHECK(again.state == State::Ready);  // no second decode for the new version's path
    CHECK(again.texture == h.texture);
    CHECK(cache.stats().uploads == 1);
    CHECK(cache.stats().textures == 1);
    fs::remove_all(dir);
}
