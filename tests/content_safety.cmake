# Hostile-content regression tests in the core tests (built with zlib for image bombs),
# and the fuzz targets when KIOSK_FUZZ is ON. Included from tests/CMakeLists.txt.
find_package(ZLIB REQUIRED)
target_sources(core_tests PRIVATE core/test_hostile_content.cpp core/test_hostile_images.cpp)
target_link_libraries(core_tests PRIVATE ZLIB::ZLIB)

# The UI side of the same defence: glyph ranges and fonts from hostile texts.
# And the configuration loader, which the fuzz target fuzz_config explores.
add_executable(safety_ui_tests safety/test_glyph_ranges.cpp safety/test_config_hostile.cpp)
target_link_libraries(safety_ui_tests PRIVATE kiosk_app kiosk_test_main kiosk_build_flags)
catch_discover_tests(safety_ui_tests TEST_PREFIX "ui/" EXTRA_ARGS -w NoTests)
