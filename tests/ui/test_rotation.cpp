// Panels mounted sideways: the picture is turned on its way to the screen and touches
// are turned back, so a finger lands on what the visitor sees under it.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <imgui.h>

#include "platform/events.hpp"
#include "platform/video.hpp"

using namespace kiosk;

namespace {
ImVec2 touchAt(const platform::Video& video, float x, float y) {
    ui::InputQueue input;
    SDL_Event e{};
    e.type = SDL_FINGERDOWN;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x / static_cast<float>(video.outputWidth());
    e.tfinger.y = y / static_cast<float>(video.outputHeight());
    platform::translateEvent(e, video.outputWidth(), video.outputHeight(), input, &video);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    input.applyTo(io);
    const ImVec2 p = io.MousePos;
    ImGui::DestroyContext();
    return p;
}
}  // namespace

TEST_CASE("a landscape panel turned a quarter shows a portrait picture and turns touches back", "[rotation]") {
    platform::VideoOptions vo;
    vo.headless = true;
    vo.width = 1920;
    vo.height = 1080;
    auto opened = platform::Video::open(vo);
    REQUIRE(opened.ok());
    platform::Video& video = *opened.value();
    REQUIRE(video.setRotation(90).ok());
    CHECK(video.width() == 1080);
    CHECK(video.height() == 1920);
    // The picture's top-left corner is at the panel's top-right (turned clockwise).
    const ImVec2 topLeft = touchAt(video, 1919, 0);
    CHECK(topLeft.x == Approx(0).margin(1));
    CHECK(topLeft.y == Approx(1).margin(1));
    const ImVec2 p = touchAt(video, 1920 - 300, 200);  // 300 px from the right, 200 down
    CHECK(p.x == Approx(200).margin(1));
    CHECK(p.y == Approx(300).margin(1));
    REQUIRE(video.setRotation(180).ok());
    const ImVec2 q = touchAt(video, 100, 50);
    CHECK(q.x == Approx(1820).margin(1));
    CHECK(q.y == Approx(1030).margin(1));
    REQUIRE(video.setRotation(270).ok());
    const ImVec2 r = touchAt(video, 0, 1079);  // bottom-left of the panel: the picture's top-left
    CHECK(r.x == Approx(1).margin(1));
    CHECK(r.y == Approx(0).margin(1));
    CHECK_FALSE(video.setRotation(45).ok());
}

TEST_CASE("the seated viewport moves touches by its top row", "[rotation][a11y]") {
    platform::VideoOptions vo;
    vo.headless = true;
    vo.width = 1920;
    vo.height = 1080;
    auto opened = platform::Video::open(vo);
    REQUIRE(opened.ok());
    platform::Video& video = *opened.value();
    REQUIRE(video.setViewport(233, 847).ok());
    CHECK(video.height() == 847);
    const ImVec2 p = touchAt(video, 500, 300);
    CHECK(p.x == Approx(500).margin(1));
    CHECK(p.y == Approx(67).margin(1));
    CHECK_FALSE(video.setViewport(500, 900).ok());  // past the bottom of the screen
}
