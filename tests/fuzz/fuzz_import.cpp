// libFuzzer target for one programme importer (kiosk/core/import), chosen at build time
// with KIOSK_FUZZ_IMPORT: the bytes go to the importer's public entry point, as
// `kiosk-feed import` and the live sources call it; every diagnostic is then written.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/import/importer.hpp"

using namespace kiosk::core;

namespace {
enum class Which { OpenAgenda, PretalxJson, FrabXml, ICalendar, Csv };
constexpr Which kWhich = Which::KIOSK_FUZZ_IMPORT;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    import::ImportOptions options;
    // Recurrences are expanded within these days: the window a real import gives.
    options.firstDay = CivilDate{2027, 10, 18};
    options.lastDay = CivilDate{2027, 10, 24};
    import::Format format = import::Format::OpenAgenda;
    switch (kWhich) {
        case Which::OpenAgenda: format = import::Format::OpenAgenda; break;
        case Which::PretalxJson: format = import::Format::PretalxJson; break;
        case Which::FrabXml: format = import::Format::FrabXml; break;
        case Which::ICalendar: format = import::Format::ICalendar; break;
        case Which::Csv: {
            // One target for the three CSV tables: the first byte picks which.
            if (bytes.empty()) return 0;
            const import::Format tables[] = {import::Format::CsvSessions, import::Format::CsvPlaces,
                                             import::Format::CsvDemos};
            format = tables[static_cast<unsigned char>(bytes[0]) % 3];
            bytes.remove_prefix(1);
            break;
        }
    }
    const import::Imported out = import::importBytes(format, bytes, options);
    for (const Diagnostic& d : out.diagnostics.all()) (void)d.toString();
    return 0;
}
