# Supervision (issue 13): core metrics textfile, heartbeat queue and sender, presented-frame
# monitor (no SDL, no ImGui); the app's systemd watchdog (libsystemd) and supervisor wiring.
pkg_check_modules(LIBSYSTEMD REQUIRED IMPORTED_TARGET libsystemd)

add_library(kiosk_supervision STATIC
  core/supervision/heartbeat.cpp
  core/supervision/heartbeat_service.cpp
  core/supervision/metrics_writer.cpp
  core/supervision/presented_frame_monitor.cpp
)
target_link_libraries(kiosk_supervision
  PUBLIC kiosk_core Threads::Threads
  PRIVATE PkgConfig::CURL nlohmann_json::nlohmann_json kiosk_build_flags)

target_sources(kiosk_app PRIVATE
  app/supervision/presented_frames.cpp app/supervision/supervisor.cpp app/supervision/watchdog.cpp
  app/supervision/test_hang.cpp)  # test_hang: TEST ONLY, see its header
target_link_libraries(kiosk_app PUBLIC kiosk_supervision PRIVATE PkgConfig::LIBSYSTEMD)

# Read-back of the presented picture (SDL, so in platform).
target_sources(kiosk_platform PRIVATE platform/frame_capture.cpp)
target_link_libraries(kiosk_platform PUBLIC kiosk_supervision)
