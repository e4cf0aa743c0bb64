# Supervision tests (issue 13): Catch2 cases "supervision/..." (monitor, metrics,
# heartbeat against a local server, watchdog against a fake notify socket) and script
# tests of the probe, the textfile parser and the systemd unit.
add_executable(supervision_tests
  supervision/test_frame_capture.cpp
  supervision/test_heartbeat.cpp
  supervision/test_install.cpp
  supervision/test_metrics.cpp
  supervision/test_monitor.cpp
  supervision/test_watchdog.cpp
)
target_include_directories(supervision_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(supervision_tests PRIVATE kiosk_app kiosk_test_main kiosk_build_flags PkgConfig::STB)
target_compile_definitions(supervision_tests PRIVATE KIOSK_SUPERVISION_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/supervision")
catch_discover_tests(supervision_tests TEST_PREFIX "supervision/" EXTRA_ARGS -w NoTests PROPERTIES TIMEOUT 60)

add_executable(supervision_probe supervision/supervision_probe.cpp)
target_link_libraries(supervision_probe PRIVATE kiosk_app kiosk_build_flags)

# Debian's python3, which has python3-prometheus-client (a pyenv first in PATH would not).
find_program(KIOSK_DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT KIOSK_DEBIAN_PYTHON)
  set(KIOSK_DEBIAN_PYTHON python3)
endif()
add_test(NAME app/watchdog_kills_hung_loop
  COMMAND ${KIOSK_DEBIAN_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/supervision/watchdog_supervisor.py $<TARGET_FILE:supervision_probe>)
add_test(NAME app/metrics_textfile_parses
  COMMAND bash -c "f=$(mktemp -d)/kiosk.prom && \"$0\" metrics \"$f\" && \"$2\" \"$1\" \"$f\""
          $<TARGET_FILE:supervision_probe> ${CMAKE_CURRENT_SOURCE_DIR}/supervision/parse_metrics.py ${KIOSK_DEBIAN_PYTHON})
# The real kiosk: killed by the watchdog when its loop hangs (test-only
# KIOSK_TEST_HANG_AFTER_SECONDS) and restarted; seen by the office (heartbeat through an
# offline period, a screenshot on request, the textfile) on 127.0.0.1.
add_test(NAME app/watchdog_restarts_hung_kiosk
  COMMAND ${KIOSK_DEBIAN_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/supervision/kiosk_watchdog.py $<TARGET_FILE:kiosk> ${KIOSK_SOURCE_DIR})
add_test(NAME app/office_sees_kiosk
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/supervision/kiosk_office_e2e.sh $<TARGET_FILE:kiosk> ${KIOSK_SOURCE_DIR} ${KIOSK_DEBIAN_PYTHON})
set_tests_properties(app/watchdog_restarts_hung_kiosk app/office_sees_kiosk PROPERTIES TIMEOUT 120)
add_test(NAME app/kiosk_session_status
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/supervision/kiosk_session_status.sh ${KIOSK_SOURCE_DIR})
add_test(NAME app/systemd_unit_verify
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/supervision/verify_unit.sh ${KIOSK_SOURCE_DIR} $<TARGET_FILE:kiosk>)

# The .deb built, checked by lintian and installed into an empty root (several minutes:
# it makes a Release build with the /usr prefix), so only when asked for, e.g. in CI.
option(KIOSK_TEST_PACKAGE "Add the app/package_install test (builds the .deb with scripts/package.sh)" OFF)
if(KIOSK_TEST_PACKAGE)
  add_test(NAME app/package_install COMMAND bash ${KIOSK_SOURCE_DIR}/scripts/test-package.sh)
  set_tests_properties(app/package_install PROPERTIES TIMEOUT 1800)
endif()
