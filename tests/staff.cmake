# The on-screen staff mode (issue 12, point 2): units (PIN hash, delay, gesture) and the
# whole journey through the real App loop (gesture, keypad, panel actions, timeout).
add_executable(staff_tests staff/test_staff_units.cpp)
target_link_libraries(staff_tests PRIVATE kiosk_ui kiosk_test_main kiosk_build_flags)
catch_discover_tests(staff_tests TEST_PREFIX "core/staff/" EXTRA_ARGS -w NoTests)

add_executable(staff_loop_tests staff/test_staff_loop.cpp staff/test_staff_sync.cpp)
target_include_directories(staff_loop_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(staff_loop_tests PRIVATE kiosk_app kiosk_test_main kiosk_build_flags)
catch_discover_tests(staff_loop_tests TEST_PREFIX "loop/staff/" EXTRA_ARGS -w NoTests
  PROPERTIES ENVIRONMENT "SDL_AUDIODRIVER=dummy")

# The real binary under Xvfb: the gesture with xdotool, the PIN, the panel's exit.
add_test(NAME app/staff_mode_e2e
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/staff_e2e.sh $<TARGET_FILE:kiosk> ${KIOSK_SOURCE_DIR})
set_tests_properties(app/staff_mode_e2e PROPERTIES TIMEOUT 120)
