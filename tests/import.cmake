# Importer tests (issue 11): real-shaped OpenAgenda, pretalx/frab, iCalendar and CSV
# files in tests/data/import, re-imports that keep hand-added fields, the DST change.
add_executable(import_tests
  import/test_csv.cpp
  import/test_fuzz_regressions.cpp
  import/test_merge.cpp
  import/test_messages_fr.cpp
  import/test_openagenda.cpp
  import/test_robustness.cpp
  import/test_schedule_formats.cpp
  import/test_staff_exports.cpp
)
target_link_libraries(import_tests PRIVATE kiosk_import kiosk_test_main kiosk_build_flags)
catch_discover_tests(import_tests TEST_PREFIX "import/" EXTRA_ARGS -w NoTests)

add_test(NAME app/feed_import_cli
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/feed_import_cli.sh $<TARGET_FILE:kiosk-feed> ${CMAKE_CURRENT_SOURCE_DIR}/data/import)
add_test(NAME app/feed_checks_cli
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/feed_checks_cli.sh $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR}/content)
add_test(NAME app/json_schemas
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/app/schema_check.py ${KIOSK_SOURCE_DIR})
add_test(NAME app/staff_guide_examples
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/app/staff_guide_examples.py $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR})

add_executable(live_tests import/test_live_source.cpp)
target_link_libraries(live_tests PRIVATE kiosk_live kiosk_test_main kiosk_build_flags)
target_compile_definitions(live_tests PRIVATE KIOSK_SYNC_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/sync")
catch_discover_tests(live_tests TEST_PREFIX "import/" EXTRA_ARGS -w NoTests PROPERTIES TIMEOUT 60)
add_test(NAME app/feed_preview_cli
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/feed_preview_cli.sh $<TARGET_FILE:kiosk-feed> $<TARGET_FILE:kiosk> ${CMAKE_CURRENT_SOURCE_DIR}/data/import)
add_test(NAME app/live_source_e2e
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/live_source_e2e.sh $<TARGET_FILE:kiosk> $<TARGET_FILE:kiosk-feed>)
set_tests_properties(app/live_source_e2e PROPERTIES TIMEOUT 90)
add_test(NAME app/feed_messages_fr
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/feed_messages_fr.sh $<TARGET_FILE:kiosk-feed>)
# kiosk-feed on hostile folders: never a crash, a hang or a restarted version (issue 21).
add_test(NAME app/feed_hostile_cli
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/feed_hostile_cli.sh $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR}/content)
