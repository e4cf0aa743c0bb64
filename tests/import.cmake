# Importer tests (issue 11): real-shaped OpenAgenda, pretalx/frab, iCalendar and CSV
# files in tests/data/import, re-imports that keep hand-added fields, the DST change.
add_executable(import_tests
  import/test_csv.cpp
  import/test_openagenda.cpp
  import/test_schedule_formats.cpp
)
target_link_libraries(import_tests PRIVATE kiosk_import kiosk_test_main kiosk_build_flags)
catch_discover_tests(import_tests TEST_PREFIX "import/" EXTRA_ARGS -w NoTests)
