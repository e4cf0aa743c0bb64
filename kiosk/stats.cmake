# Statistics (issue 14): anonymous visit and view counts in SQLite, their upload to
# Matomo or a JSON endpoint (kiosk_stats), and the staff's CSV and PDF reports
# (kiosk_stats_report, cairo, used by kiosk-feed only). Core only: no SDL, no ImGui.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)

add_library(kiosk_stats STATIC
  core/stats/event.cpp
  core/stats/recorder.cpp
  core/stats/store.cpp
)
target_link_libraries(kiosk_stats
  PUBLIC kiosk_core Threads::Threads
  PRIVATE PkgConfig::SQLITE3 kiosk_build_flags)
