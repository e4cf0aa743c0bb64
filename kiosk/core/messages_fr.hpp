// French for the core's diagnostics (feed loader, manifest, importers), which are written
// in English: kiosk-feed shows them in French when LANG is French (issue 11).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace kiosk::core {

// The message in French: its known phrases replaced, longest first, outside double-quoted
// values (titles, ids and file contents are never translated). Unknown phrases stay.
std::string frenchMessage(std::string_view english);

// One phrase of a part's own table, added to frenchMessage's (messages_fr_guard.cpp).
struct FrenchPhrase {
    std::string_view en, fr;
};
std::span<const FrenchPhrase> crashGuardPhrases();

}  // namespace kiosk::core
