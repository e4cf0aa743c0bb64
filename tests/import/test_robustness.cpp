// Every importer on truncated and corrupted versions of every sample file, in every
// format: no exception, no crash, and a fatal diagnostic rather than silence when
// nothing could be read. A smoke test; the fuzzers use the same entry point.
#include "import_fixture.hpp"

using namespace kiosk;
using namespace kiosk::core;

TEST_CASE("Importers survive truncated and corrupted input in any format") {
    const char* files[] = {"openagenda-events.json",    "pretalx-schedule.json",
                           "frab-schedule.xml",         "agenda.ics",
                           "programme-libreoffice.csv", "lieux.csv"};
    const import::Format formats[] = {
        import::Format::OpenAgenda,  import::Format::PretalxJson, import::Format::FrabXml, import::Format::ICalendar,
        import::Format::CsvSessions, import::Format::CsvPlaces,   import::Format::CsvDemos};
    import::ImportOptions options;
    std::size_t runs = 0;
    for (const char* name : files) {
        const std::string data = test::importData(name);
        for (const import::Format f : formats) {
            for (std::size_t cut = 0; cut < data.size(); cut += 211) {
                std::string bytes = data.substr(0, cut);
                if (cut % 2 && !bytes.empty()) bytes[bytes.size() / 2] = static_cast<char>(0xC3);  // broken UTF-8
                const auto out = import::importBytes(f, bytes, options);
                if (out.sessions.empty() && out.places.empty() && out.demos.empty() && cut == 0) {
                    CHECK(out.diagnostics.hasFatal());
                }
                ++runs;
            }
        }
    }
    CHECK(runs > 300);
}
