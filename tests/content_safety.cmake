# Hostile-content regression tests in the core tests (built with zlib for image bombs),
# and the fuzz targets when KIOSK_FUZZ is ON. Included from tests/CMakeLists.txt.
find_package(ZLIB REQUIRED)
target_sources(core_tests PRIVATE core/test_hostile_content.cpp core/test_hostile_images.cpp)
target_link_libraries(core_tests PRIVATE ZLIB::ZLIB)
