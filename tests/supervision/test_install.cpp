// The installed layout's rules: fonts through fontconfig, cache and state folders under
// systemd and XDG, the supervision block of the configuration, the build tree's defaults.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>

#include "app/config.hpp"
#include "app/font_lookup.hpp"
#include "app/install_paths.hpp"
#include "supervision/supervision_fixture.hpp"

using namespace kiosk;

namespace {
struct Env {
    std::string name;
    std::optional<std::string> old;
    Env(const char* n, const char* value) : name(n) {
        if (const char* o = std::getenv(n)) old = o;
        value ? setenv(n, value, 1) : unsetenv(n);
    }
    ~Env() { old ? setenv(name.c_str(), old->c_str(), 1) : unsetenv(name.c_str()); }
};
}  // namespace

TEST_CASE("fonts: fontconfig finds DejaVu Sans regular and bold, and refuses a stand-in family") {
    auto regular = app::findFontFile("DejaVu Sans", false);
    auto bold = app::findFontFile("DejaVu Sans", true);
    REQUIRE(regular);
    REQUIRE(bold);
    CHECK(std::filesystem::is_regular_file(regular.value()));
    CHECK(regular.value() != bold.value());
    CHECK(bold.value().find("Bold") != std::string::npos);
    auto none = app::findFontFile("No Such Family Kiosk", false);
    REQUIRE_FALSE(none);
    CHECK(none.error().find("fonts.family") != std::string::npos);
}

TEST_CASE("cache and state: systemd's folders first, then XDG, and --cache keeps its state") {
    {
        Env c("CACHE_DIRECTORY", "/var/cache/kiosk"), s("STATE_DIRECTORY", "/var/lib/kiosk:/var/lib/other");
        CHECK(app::defaultCacheDir() == "/var/cache/kiosk");
        CHECK(app::defaultStateDir() == "/var/lib/kiosk");
    }
    Env c("CACHE_DIRECTORY", nullptr), s("STATE_DIRECTORY", nullptr);
    Env xc("XDG_CACHE_HOME", "/x/cache"), xs("XDG_STATE_HOME", "/x/state");
    CHECK(app::defaultCacheDir() == "/x/cache/kiosk");
    CHECK(app::defaultStateDir() == "/x/state/kiosk");
    app::Config config = app::defaultConfig();
    CHECK(app::stateDirFor(config) == "/x/state/kiosk");
    CHECK(app::stateDirFor(config, "/tmp/by-hand") == "/tmp/by-hand");
    config.stateDir = "/srv/state";
    CHECK(app::stateDirFor(config, "/tmp/by-hand") == "/srv/state");
}

TEST_CASE("configuration: the supervision block is read and checked") {
    test::TempDir dir;
    const auto write = [&](const std::string& text) {
        std::ofstream(dir.path / "k.jsonc") << text;
        return app::loadConfig((dir.path / "k.jsonc").string());
    };
    auto ok = write(R"({ "state_dir": "state", "supervision": { "metrics_file": "m/kiosk.prom",
        "heartbeat_url": "https://office.example.org/hb", "heartbeat_token": "t", "heartbeat_seconds": 30 } })");
    REQUIRE(ok);
    CHECK(ok.value().supervision.metricsFile == (dir.path / "m/kiosk.prom").string());
    CHECK(ok.value().supervision.heartbeatUrl == "https://office.example.org/hb");
    CHECK(ok.value().supervision.heartbeatSeconds == 30);
    CHECK(ok.value().stateDir == (dir.path / "state").string());
    CHECK(ok.value().warnings.empty());
    auto fast = write(R"({ "supervision": { "heartbeat_seconds": 1 } })");
    REQUIRE_FALSE(fast);
    CHECK(fast.error().find("heartbeat_seconds") != std::string::npos);
    auto ftp = write(R"({ "supervision": { "heartbeat_url": "ftp://x" } })");
    REQUIRE_FALSE(ftp);
    CHECK(ftp.error().find("heartbeat_url") != std::string::npos);
}

TEST_CASE("default paths: only the build tree's binary uses the source tree") {
    // This test runs from the build tree, not from kiosk/: the installed layout applies.
    const app::DefaultPaths p = app::defaultPaths();
    CHECK_FALSE(p.buildTree);
    CHECK(p.config.ends_with("etc/kiosk/kiosk.jsonc"));
    CHECK(p.content.ends_with("share/kiosk/content"));
    Env forced("KIOSK_PATHS_INSTALLED", "1");
    CHECK(app::defaultPaths().config.starts_with("/"));
}
