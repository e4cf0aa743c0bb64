// Text folded for comparison and ids: accents and case folded, and the feed's id slugs
// made from names. Used by the importers, the loader (a room named by its text) and search.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::core {

// Lower-case ASCII with Latin accents folded: "Épreuve Théâtre" -> "epreuve theatre";
// dashes, quotes and spaces of U+2000..U+203F become a space.
std::string foldAccents(std::string_view text);

// A feed id (1-64 of a-z 0-9 - _): lower-cased, accents folded, other runs become "-".
// Text longer than fits is cut and ends with 8 hex digits of its SHA-256, so two long
// keys stay distinct. Empty input gives "".
std::string slugId(std::string_view text, std::size_t maxLength = 64);

}  // namespace kiosk::core
