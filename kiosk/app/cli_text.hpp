// CLI11's own words (help headings, argument errors) in the staff's language: French when
// LANG is French (app/feed_text.hpp), CLI11's English otherwise. Used by kiosk-feed and kiosk.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace kiosk::app {

// Call on the top-level app before adding subcommands (they inherit its formatter, help
// flag and failure message): French headings, "-h,--help" described in French, and
// argument errors in French followed by "Lancez avec --help pour plus d'informations.".
void useStaffLanguage(CLI::App& app);

// Call once every subcommand is added: their heading in the help ("Sous-commandes").
void nameSubcommandGroup(CLI::App& app);

// One CLI11 error message ("DIR is required", "The following argument was not expected:
// x", "--days: Value 0 not in range [1 - 3650]") in French; unknown messages unchanged.
std::string frenchCliError(const std::string& english);

}  // namespace kiosk::app
