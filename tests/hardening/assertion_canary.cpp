// Not discovered by ctest (hidden tags): scripts/check-assertions.sh runs these two as
// discovery runs a test, to prove that one asserting nothing fails (tests/test_main.cpp).
#include <catch2/catch.hpp>

TEST_CASE("canary: a test that asserts nothing", "[.canary]") {
    const int unused = 0;
    (void)unused;
}

TEST_CASE("canary: a test that asserts", "[.canary]") { CHECK(1 + 1 == 2); }
