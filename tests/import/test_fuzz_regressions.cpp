// Inputs the importer fuzzers (tests/fuzz/fuzz_import.cpp) found, each kept as a test: the
// import must end, with a diagnostic, and what can be read still is.
#include <string>

#include "import_fixture.hpp"

using namespace kiosk;
using namespace kiosk::core;

namespace {
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}
std::size_t countDiagnostics(const import::Imported& in, const std::string& textPart) {
    std::size_t n = 0;
    for (const auto& d : in.diagnostics.all()) n += d.message.find(textPart) != std::string::npos;
    return n;
}
}  // namespace

TEST_CASE("iCalendar: an unreadable line after the UID is reported once, not forever") {
    // fuzz_import_icalendar: reading the UID for the message moved libical's property
    // iterator back, so the same error was found again and again (the import never ended).
    const std::string ics = replaced(test::importData("agenda.ics"), "DTEND:20271031T003000Z",
                                     "DTEND:20271031T003\xBC"
                                     "00Z");
    import::ImportOptions o;
    const auto in = import::importICalendar(ics, o);
    CHECK(countDiagnostics(in, "a line could not be read") == 1);
    CHECK(test::hasDiagnostic(in, "conference-annulee@example.org", "a line could not be read"));
    CHECK(test::sessionById(in, "ics-flottant-example-org"));  // the other events are still read
    CHECK(test::sessionById(in, "ics-atelier-code-2027-example-org-20271028t1800"));
}
