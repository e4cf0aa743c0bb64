// The kiosk's own assets are verified like a feed: the committed set loads and checks; an
// altered file is refused (a log line) and the built-in artwork or tone is used instead.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "core/assets.hpp"
#include "core/image_decoder.hpp"
#include "platform/earcon_player.hpp"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {
fs::path sourceAssets() { return fs::path(KIOSK_BUNDLED_CONTENT).parent_path() / "assets"; }

// A copy of the assets in a temporary folder, to alter.
fs::path copyAssets(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("kiosk-assets-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(sourceAssets(), dir, fs::copy_options::recursive);
    return dir;
}

void flipLastByte(const fs::path& file) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(-1, std::ios::end);
    char c = 0;
    f.get(c);
    f.seekp(-1, std::ios::end);
    f.put(static_cast<char>(c ^ 0x5A));
}
}  // namespace

TEST_CASE("the committed assets load and every file matches its manifest", "[wayfinding][assets]") {
    auto set = core::loadAssets(sourceAssets());
    REQUIRE(set);
    const core::AssetSet& a = set.value();
    for (const char* p : {"icon/kiosk-256.png", "placeholders/demo.png", "backgrounds/attract-landscape.png",
                          "backgrounds/attract-portrait.png", "sounds/focus.wav", "sounds/activate.wav",
                          "sounds/back.wav", "sounds/end.wav"}) {
        INFO(p);
        REQUIRE(a.find(p));
        CHECK(core::readVerifiedAsset(a, p));
    }
    const core::ManifestEntry* icon = a.find("icon/kiosk-256.png");
    const core::Decoded d = core::decodeImageFile({a.pathOf(*icon), icon->sha256, 256, 256, 0}, {});
    CHECK(d.ok);
    CHECK(d.width == 256);
}

TEST_CASE("a tampered asset is refused and the built-in one is used", "[wayfinding][assets]") {
    const fs::path dir = copyAssets("tampered");
    flipLastByte(dir / "sounds/focus.wav");
    flipLastByte(dir / "placeholders/demo.png");
    auto set = core::loadAssets(dir);
    REQUIRE(set);
    auto bytes = core::readVerifiedAsset(set.value(), "sounds/focus.wav");
    REQUIRE_FALSE(bytes);
    CHECK(bytes.error().find("SHA-256") != std::string::npos);
    CHECK(bytes.error().find("built-in") != std::string::npos);
    // The image decoder checks the same hash: the placeholder is refused, so the screen
    // draws its vector placeholder.
    const core::ManifestEntry* ph = set.value().find("placeholders/demo.png");
    const core::Decoded d = core::decodeImageFile({set.value().pathOf(*ph), ph->sha256, 320, 200, 0}, {});
    CHECK_FALSE(d.ok);

    setenv("SDL_AUDIODRIVER", "dummy", 1);
    platform::EarconPlayer player(set.value());
    CHECK_FALSE(player.fromAsset(ui::Earcon::FocusMoved));
    CHECK(player.samples(ui::Earcon::FocusMoved) == platform::builtInEarcon(ui::Earcon::FocusMoved));
    CHECK(player.fromAsset(ui::Earcon::Back));  // the others are intact
    player.play(ui::Earcon::FocusMoved);        // plays (silently, dummy driver) without blocking
    fs::remove_all(dir);
}

TEST_CASE("the generated earcons are short and distinct", "[wayfinding][assets]") {
    auto set = core::loadAssets(sourceAssets());
    REQUIRE(set);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    platform::EarconPlayer player(set.value());
    for (auto e : {ui::Earcon::FocusMoved, ui::Earcon::Activated, ui::Earcon::Back, ui::Earcon::EndOfList}) {
        CHECK(player.fromAsset(e));
        const auto& s = player.samples(e);
        CHECK(s.size() > 200);
        CHECK(s.size() < platform::EarconPlayer::kRate / 5);  // under 200 ms: never holds up the speech
        // The asset and the built-in tone have the same shape (make_assets.py mirrors it).
        CHECK(s.size() == platform::builtInEarcon(e).size());
    }
    CHECK(player.samples(ui::Earcon::Activated) != player.samples(ui::Earcon::Back));
}
