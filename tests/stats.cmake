# Statistics tests (issue 14): counting through scripted visits, SIGKILL while writing,
# retention, upload to a Matomo stand-in on 127.0.0.1; script tests of kiosk-feed stats.
add_executable(stats_tests
  stats/test_crash.cpp
  stats/test_recorder.cpp
  stats/test_upload.cpp
)
# kiosk_sync: the sync tests' fixture (child processes, free ports) is reused.
target_link_libraries(stats_tests PRIVATE kiosk_stats kiosk_sync kiosk_test_main nlohmann_json::nlohmann_json kiosk_build_flags)
target_compile_definitions(stats_tests PRIVATE KIOSK_STATS_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/stats"
  KIOSK_SYNC_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/sync")
catch_discover_tests(stats_tests TEST_PREFIX "stats/" EXTRA_ARGS -w NoTests PROPERTIES TIMEOUT 60)

# A scripted day of visits on one kiosk, written through the real recorder (script tests).
add_executable(stats_make_day stats/make_day.cpp)
target_link_libraries(stats_make_day PRIVATE kiosk_stats nlohmann_json::nlohmann_json kiosk_build_flags)

add_test(NAME app/stats_exports
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/stats/exports.sh $<TARGET_FILE:kiosk-feed> $<TARGET_FILE:stats_make_day>
          ${KIOSK_SOURCE_DIR})
add_test(NAME app/stats_config COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/stats/config.sh $<TARGET_FILE:kiosk> ${KIOSK_SOURCE_DIR})
