# Loop tests (issue "The interactive loop, tested as it runs"): the App object the kiosk
# runs, driven with a manual clock, SDL's event queue and the software renderer.
add_executable(loop_tests
  loop/test_idle.cpp
  loop/test_taps.cpp
  loop/test_content.cpp
  loop/test_stats.cpp
  loop/test_live_source.cpp
  loop/test_state.cpp
  loop/test_programme_open.cpp
)
target_include_directories(loop_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(loop_tests PRIVATE kiosk_app kiosk_test_main kiosk_build_flags)
catch_discover_tests(loop_tests TEST_PREFIX "loop/" EXTRA_ARGS -w NoTests
  PROPERTIES ENVIRONMENT "SDL_AUDIODRIVER=dummy")

# The real binary under Xvfb as a venue runs it (feed on 127.0.0.1, real clock).
add_test(NAME app/loop_end_to_end
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/loop_e2e.sh $<TARGET_FILE:kiosk> $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR})
set_tests_properties(app/loop_end_to_end PROPERTIES TIMEOUT 120)
