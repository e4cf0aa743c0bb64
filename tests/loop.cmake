# Loop tests (issue "The interactive loop, tested as it runs"): the App object the kiosk
# runs, driven with a manual clock, SDL's event queue and the software renderer.
add_executable(loop_tests
  loop/test_idle.cpp
  loop/test_taps.cpp
  loop/test_content.cpp
)
target_include_directories(loop_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(loop_tests PRIVATE kiosk_app kiosk_test_main kiosk_build_flags)
catch_discover_tests(loop_tests TEST_PREFIX "loop/" EXTRA_ARGS -w NoTests
  PROPERTIES ENVIRONMENT "SDL_AUDIODRIVER=dummy")
