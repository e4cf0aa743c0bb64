// Default configuration and content paths (see install_paths.hpp). The KIOSK_*_DIR
// definitions come from kiosk/install.cmake (GNUInstallDirs).
#include "app/install_paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kiosk::app {
namespace fs = std::filesystem;

namespace {

fs::path executableDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return fs::weakly_canonical(exe, ec).parent_path();
}

bool sameDir(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return !a.empty() && fs::equivalent(a, b, ec) && !ec;
}

}  // namespace

static DefaultPaths contentPaths();

DefaultPaths defaultPaths() {
    DefaultPaths p = contentPaths();
    // assets/ sits beside content/, in the source tree and installed (install.cmake).
    p.assets = (fs::path(p.content).parent_path() / "assets").string();
    return p;
}

// The configuration and content paths, from where the executable is.
static DefaultPaths contentPaths() {
    DefaultPaths p;
    if (const char* forced = std::getenv("KIOSK_PATHS_INSTALLED"); forced && std::string(forced) == "1") {
        p.config = KIOSK_INSTALL_CONFIG_FILE;
        p.content = KIOSK_INSTALL_CONTENT_DIR;
        return p;
    }
    const fs::path dir = executableDir();
    if (sameDir(dir, KIOSK_BUILD_BIN_DIR)) {
        p.config = KIOSK_SOURCE_CONFIG_FILE;
        p.content = KIOSK_SOURCE_CONTENT_DIR;
        p.buildTree = true;
        return p;
    }
    if (dir.empty()) {  // no /proc: the configured paths
        p.config = KIOSK_INSTALL_CONFIG_FILE;
        p.content = KIOSK_INSTALL_CONTENT_DIR;
        return p;
    }
    p.config = (dir / KIOSK_CONFIG_FROM_BIN).lexically_normal().string();
    p.content = (dir / KIOSK_CONTENT_FROM_BIN).lexically_normal().string();
    return p;
}

}  // namespace kiosk::app
