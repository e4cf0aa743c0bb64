// `kiosk-feed publish DIR --to URL|FOLDER`: the staff's one step from a feed folder to the
// kiosks (issue 20): validate, build above the published version, sign, copy what changed
// (a folder, or WebDAV PUT with libcurl) with the manifest last, in the staff's language.
#pragma once

#include <functional>
#include <optional>

namespace CLI {
class App;
}

namespace kiosk::app {

// Adds "publish"; after parsing, the returned function runs it (nullopt when not chosen).
std::function<std::optional<int>()> addPublishCommand(CLI::App& app);

}  // namespace kiosk::app
