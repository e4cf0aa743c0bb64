# Statistics (issue 14): anonymous visit and view counts in SQLite, their upload to
# Matomo or a JSON endpoint (kiosk_stats), and the staff's CSV and PDF reports
# (kiosk_stats_report, cairo, used by kiosk-feed only). Core only: no SDL, no ImGui.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)

add_library(kiosk_stats STATIC
  core/stats/event.cpp
  core/stats/http_post.cpp
  core/stats/recorder.cpp
  core/stats/store.cpp
  core/stats/uploader.cpp
)
target_link_libraries(kiosk_stats
  PUBLIC kiosk_core Threads::Threads
  PRIVATE PkgConfig::SQLITE3 PkgConfig::CURL nlohmann_json::nlohmann_json kiosk_build_flags)

# Staff reports: CSV and the one-page PDF (cairo). Only kiosk-feed links this.
add_library(kiosk_stats_report STATIC
  core/stats/csv_export.cpp
  core/stats/pdf_report.cpp
  core/stats/report_data.cpp
)
target_link_libraries(kiosk_stats_report
  PUBLIC kiosk_stats
  PRIVATE PkgConfig::CAIRO kiosk_build_flags)

target_sources(kiosk-feed PRIVATE app/feed_stats.cpp)
target_link_libraries(kiosk-feed PRIVATE kiosk_stats_report)

# The kiosk: its configuration reads the stats block; startStats() builds the recorder
# and the upload worker for the app's wiring.
target_sources(kiosk_app PRIVATE app/stats_setup.cpp)
target_link_libraries(kiosk_app PUBLIC kiosk_stats)
