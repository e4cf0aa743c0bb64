// `kiosk-feed preview DIR --at TIME --size WxH --out DIR` (issue 11): every screen as a
// PNG, rendered by the kiosk program run headless.
#pragma once

#include <functional>
#include <optional>

namespace CLI {
class App;
}

namespace kiosk::app {

// `argv0` locates the kiosk program beside kiosk-feed. The returned function runs the
// subcommand when it was chosen (its exit code) and returns nullopt otherwise.
std::function<std::optional<int>()> addPreviewCommand(CLI::App& app, const char* argv0);

}  // namespace kiosk::app
