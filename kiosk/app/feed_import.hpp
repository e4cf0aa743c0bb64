// `kiosk-feed import FORMAT FILE... --into DIR` and `kiosk-feed init DIR`: start a feed
// and fill it from OpenAgenda, pretalx/frab, iCalendar or a spreadsheet (issue 11).
#pragma once

#include <functional>
#include <optional>

namespace CLI {
class App;
}

namespace kiosk::app {

// Add the subcommand to `app`; after parsing, the returned function runs it when it was
// chosen (its exit code) and returns nullopt otherwise.
std::function<std::optional<int>()> addImportCommand(CLI::App& app);
std::function<std::optional<int>()> addInitCommand(CLI::App& app);

}  // namespace kiosk::app
