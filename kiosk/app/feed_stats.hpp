// `kiosk-feed stats`: the staff's CSV files and one-page PDF report from kiosks'
// statistics databases (see feed_stats.cpp and docs/privacy.md).
#pragma once

#include <functional>
#include <optional>

namespace CLI {
class App;
}

namespace kiosk::app {

// Adds the subcommand to `app`; after parsing, the returned function runs it when it was
// chosen (its exit code) and returns nullopt otherwise.
std::function<std::optional<int>()> addStatsCommand(CLI::App& app);

}  // namespace kiosk::app
