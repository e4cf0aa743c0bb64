// kiosk-feed keygen / sign / verify: the staff's signing key and the feed's signature,
// in minisign's formats so that minisign and kiosk-feed keys and signatures mix freely.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>

namespace kiosk::app {

// Adds the three subcommands to `app`; after parsing, `exitCode` holds the exit code of
// the one that ran (0 done, 1 failed with the cause printed, 2 unusable arguments).
void addSignCommands(CLI::App& app, std::optional<int>& exitCode);

}  // namespace kiosk::app
