# Wayfinding and assets tests (issue 10, points 3, 7 and 8). Included from tests/CMakeLists.txt.
add_executable(wayfinding_tests
  wayfinding/test_assets.cpp
  wayfinding/test_earcons.cpp
  wayfinding/test_map_layout.cpp
  wayfinding/test_map_taps.cpp
)
target_include_directories(wayfinding_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(wayfinding_tests PRIVATE kiosk_app kiosk_test_main kiosk_build_flags)
catch_discover_tests(wayfinding_tests TEST_PREFIX "wayfinding/" EXTRA_ARGS -w NoTests
  PROPERTIES ENVIRONMENT "SDL_AUDIODRIVER=dummy")

# --check on the configuration's "here", "you are here" drawn on both maps, grouped markers.
add_test(NAME app/wayfinding
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/wayfinding_cli.sh $<TARGET_FILE:kiosk> ${KIOSK_SOURCE_DIR})

# The attract loop's slides one by one (attract:N) at the three reference screens.
add_test(NAME app/attract_slides
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/attract_slides.sh $<TARGET_FILE:kiosk> ${KIOSK_SOURCE_DIR})
set_tests_properties(app/attract_slides PROPERTIES TIMEOUT 600)
