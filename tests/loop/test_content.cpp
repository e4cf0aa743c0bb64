// Content on the loop: a kiosk that follows a feed and has not synced yet shows a neutral
// screen (never the bundled demo event), and new content reaches the screen in bounded
// time while visitors keep tapping.
#include <catch2/catch.hpp>

#include "core/feed_loader.hpp"
#include "loop/loop_harness.hpp"

using kiosk::test::LoopHarness;
using kiosk::test::LoopSetup;

namespace {
std::shared_ptr<const kiosk::core::Content> contentWithVersion(const kiosk::core::Content& base, std::int64_t version) {
    auto c = std::make_shared<kiosk::core::Content>(base);
    c->manifest.version = version;
    return c;
}
}  // namespace

TEST_CASE("new content waits while a visitor reads, then shows at the next screen change after the delay",
          "[loop][content]") {
    LoopHarness h;
    REQUIRE(h.ok());
    h.tap(640, 400);
    REQUIRE(h.ui().currentScreen() == "home");
    REQUIRE(h.tapItem(h.ui().content()->event.name.str(kiosk::core::Lang::Fr).empty() ? "Programme" : "Programme"));
    const auto* base = h.ui().content();  // freed once the new version is shown: keep its number
    const std::int64_t version = base->manifest.version;
    const auto fresh = contentWithVersion(*base, version + 1);
    h.app().inbox().post([&h, fresh] { h.ui().offerContent(fresh); });
    h.settle();
    CHECK(h.ui().content()->manifest.version == version);  // not in the middle of reading
    CHECK(h.ui().hasPendingContent());
    // The visitor keeps tapping for a while: day tabs, back and forth; within the delay
    // (5 minutes) the old version stays.
    for (int i = 0; i < 4; ++i) {
        h.runFor(60);
        h.key(SDLK_TAB);
        h.key(SDLK_RETURN);
    }
    CHECK(h.ui().content()->manifest.version == version);
    h.runFor(70);        // more than 5 minutes since it arrived
    h.key(SDLK_ESCAPE);  // the next change of screen
    CHECK(h.ui().content()->manifest.version == version + 1);
    CHECK(h.presentedIsCurrent());
}

TEST_CASE("a visitor coming Home sees new content at once", "[loop][content]") {
    LoopHarness h;
    REQUIRE(h.ok());
    h.tap(640, 400);
    h.show("programme");
    const auto* base = h.ui().content();  // freed once the new version is shown: keep its number
    const std::int64_t version = base->manifest.version;
    h.app().inbox().post([&h, base, version] { h.ui().offerContent(contentWithVersion(*base, version + 1)); });
    h.settle();
    CHECK(h.ui().content()->manifest.version == version);
    h.key(SDLK_HOME);
    CHECK(h.ui().currentScreen() == "home");
    CHECK(h.ui().content()->manifest.version == version + 1);
}
