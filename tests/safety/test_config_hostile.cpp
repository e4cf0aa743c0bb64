// The configuration loader (app/config.cpp) refuses hostile files with a message and
// never throws or converts an out-of-range number: cases the fuzz target explores.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

#include "app/config.hpp"

using namespace kiosk;

namespace {
core::Result<app::Config> loadText(const std::string& text) {
    const std::string path = "/tmp/kiosk-config-test-" + std::to_string(::getpid()) + ".jsonc";
    std::ofstream(path, std::ios::binary) << text;
    auto r = app::loadConfig(path);
    std::remove(path.c_str());
    return r;
}
}  // namespace

TEST_CASE("a configuration with 1e999 is refused with a message", "[config][hostile]") {
    const auto r = loadText("{ // comment\n \"idle_seconds\": 1e999 }");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("1e999") && Catch::Contains("not valid JSON"));
}

TEST_CASE("a configuration nested 100000 deep is refused without a stack overflow", "[config][hostile]") {
    const auto r = loadText("{\"screen\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("nested more than"));
}

TEST_CASE("numbers outside a setting's type are refused, not converted", "[config][hostile]") {
    const auto big = loadText(R"({"screen": {"width": 1e300}})");
    REQUIRE_FALSE(big.ok());
    CHECK_THAT(big.error(), Catch::Contains("screen.width") && Catch::Contains("1e+300"));
    const auto fraction = loadText(R"({"screen": {"rotation": 90.5}})");
    REQUIRE_FALSE(fraction.ok());
    CHECK_THAT(fraction.error(), Catch::Contains("screen.rotation"));
    const auto nested = loadText(R"({"screen": {"width": [[[1]]]}})");
    REQUIRE_FALSE(nested.ok());
    CHECK_THAT(nested.error(), Catch::Contains("an array"));
    CHECK(loadText(R"({"screen": {"width": 1280, "height": 800}})").ok());
}
