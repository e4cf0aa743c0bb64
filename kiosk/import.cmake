# Importers (issue 11): OpenAgenda, pretalx/frab JSON and XML, iCalendar and CSV, each a
# pure function from bytes to the content model. Core only: no SDL, no ImGui.
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)
find_library(LIBCSV_LIBRARY NAMES csv REQUIRED)
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)

add_library(kiosk_import STATIC
  core/import/common.cpp
  core/import/csv.cpp
  core/import/csv_table.cpp
  core/import/feed_writer.cpp
  core/import/frab_xml.cpp
  core/import/icalendar.cpp
  core/import/importer.cpp
  core/import/openagenda.cpp
  core/import/pretalx_json.cpp
  core/import/schedule_common.cpp
)
target_include_directories(kiosk_import PRIVATE ${LIBCSV_INCLUDE_DIR})
target_link_libraries(kiosk_import
  PUBLIC kiosk_core
  PRIVATE PkgConfig::PUGIXML PkgConfig::LIBICAL ${LIBCSV_LIBRARY} nlohmann_json::nlohmann_json kiosk_build_flags)

target_link_libraries(kiosk-feed PRIVATE kiosk_import)
target_sources(kiosk-feed PRIVATE app/feed_import.cpp app/feed_init.cpp)
target_include_directories(kiosk-feed PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_sources(kiosk-feed PRIVATE app/feed_checks.cpp app/feed_diff.cpp app/feed_preview.cpp)
target_link_libraries(kiosk-feed PRIVATE kiosk_sync)  # build --after reads a published manifest

# Live sources: the importers behind a polled URL (needs the sync layer's HTTP client).
add_library(kiosk_live STATIC core/import/live_service.cpp core/import/live_source.cpp)
target_link_libraries(kiosk_live PUBLIC kiosk_import kiosk_sync PRIVATE kiosk_build_flags)
target_link_libraries(kiosk_app PUBLIC kiosk_live)  # the running kiosk follows a live_source
target_sources(kiosk_app PRIVATE app/live_feed.cpp)
target_sources(kiosk_core PRIVATE core/messages_fr.cpp)  # kiosk-feed shows core diagnostics in French
