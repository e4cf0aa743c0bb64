# Content sync (issue 4): libcurl client, content-addressed cache, polling service, and
# the `kiosk --sync-once` mode. Core only: no SDL, no ImGui.
pkg_check_modules(OPENSSL REQUIRED IMPORTED_TARGET openssl)

add_library(kiosk_sync STATIC
  core/sync/cache.cpp
  core/sync/file_layer.cpp
  core/sync/http_client.cpp
  core/sync/poll_schedule.cpp
  core/sync/crash_guard.cpp
  core/sync/crash_guard_state.cpp
  core/sync/crash_record.cpp
  core/sync/live_status.cpp
  core/sync/sync_engine.cpp
  core/sync/sync_health.cpp
  core/sync/sync_service.cpp
  core/sync/sync_status.cpp
  core/sync/trusted_time.cpp
)
target_link_libraries(kiosk_sync
  PUBLIC kiosk_core Threads::Threads
  PRIVATE PkgConfig::CURL PkgConfig::OPENSSL nlohmann_json::nlohmann_json kiosk_build_flags)

# The crash guard's French phrases join the core's table (core/messages_fr.hpp).
target_sources(kiosk_core PRIVATE core/messages_fr_guard.cpp)

target_link_libraries(kiosk_app PUBLIC kiosk_sync)
target_sources(kiosk_app PRIVATE app/sync_once.cpp app/content_guard.cpp app/trusted_time_text.cpp)
