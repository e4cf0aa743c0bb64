// The screenshot the office gets is the presented picture: captured in Video's
// beforePresent hook, PNG-encoded, decoded again and compared pixel for pixel.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <stb_image.h>

#include "platform/frame_capture.hpp"

using namespace kiosk;

TEST_CASE("frame capture: the PNG and the summary are of the presented picture, rotation included") {
    platform::VideoOptions o;
    o.width = 64;
    o.height = 48;
    o.headless = true;
    auto video = platform::Video::open(o);
    REQUIRE(video);
    platform::Video& v = *video.value();
    REQUIRE(v.setRotation(90));  // drawn upright, presented turned: the capture is the turned one
    std::optional<platform::CapturedFrame> captured;
    v.setBeforePresent([&] {
        auto f = platform::capturePresented(v);
        REQUIRE(f);
        captured = std::move(f).value();
    });
    v.beginFrame();
    SDL_SetRenderDrawColor(v.renderer(), 255, 0, 0, 255);
    SDL_RenderClear(v.renderer());
    const SDL_Rect topLeft{0, 0, 8, 8};  // in the upright picture
    SDL_SetRenderDrawColor(v.renderer(), 0, 0, 255, 255);
    SDL_RenderFillRect(v.renderer(), &topLeft);
    v.endFrame();
    REQUIRE(captured);
    CHECK(captured->width == 64);
    CHECK(captured->height == 48);

    auto png = platform::encodePng(*captured);
    REQUIRE(png);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load_from_memory(png.value().data(), static_cast<int>(png.value().size()), &w, &h, &n, 4);
    REQUIRE(px);
    REQUIRE(w == 64);
    REQUIRE(h == 48);
    CHECK(std::equal(px, px + 64 * 48 * 4, captured->rgba.begin()));
    // Turned 90 degrees clockwise, the upright picture's top-left is the output's top-right.
    const unsigned char* tr = px + (2 * 64 + 61) * 4;
    CHECK(int(tr[2]) == 255);
    CHECK(int(tr[0]) == 0);
    const unsigned char* mid = px + (24 * 64 + 32) * 4;
    CHECK(int(mid[0]) == 255);
    stbi_image_free(px);

    const auto s = platform::summarize(*captured, 1);
    CHECK(s.meanLuminance > 0.15);
    CHECK(s.meanLuminance < 0.25);  // mostly red: 0.2126
}

#include "app/supervision/presented_frames.hpp"

TEST_CASE("presented frames: every present is counted, a requested screenshot is the next presented frame") {
    platform::VideoOptions o;
    o.width = 40;
    o.height = 30;
    o.headless = true;
    auto video = platform::Video::open(o);
    REQUIRE(video);
    platform::Video& v = *video.value();
    app::Supervisor supervisor(app::Config{}, {});
    std::vector<std::vector<std::uint8_t>> shots;
    app::PresentedFrames frames(v, supervisor, [&](std::vector<std::uint8_t> png) { shots.push_back(std::move(png)); });
    auto draw = [&](Uint8 g) {
        v.beginFrame();
        SDL_SetRenderDrawColor(v.renderer(), 0, g, 0, 255);
        SDL_RenderClear(v.renderer());
        v.endFrame();
    };
    draw(10);
    draw(20);
    CHECK(supervisor.health().framesDrawn == 2);
    CHECK(shots.empty());
    frames.requestScreenshot();
    draw(200);
    draw(30);
    CHECK(supervisor.health().framesDrawn == 4);
    REQUIRE(shots.size() == 1);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load_from_memory(shots[0].data(), static_cast<int>(shots[0].size()), &w, &h, &n, 4);
    REQUIRE(px);
    CHECK(w == 40);
    CHECK(int(px[(15 * 40 + 20) * 4 + 1]) == 200);  // the frame presented after the request
    stbi_image_free(px);
}
