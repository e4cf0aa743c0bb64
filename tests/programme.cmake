# Programme truth and wording (issue 10, points 2 and 6), and the second event
# (tests/data/events/rencontre) rendered by the real kiosk.
add_executable(programme_tests programme/test_wording.cpp)
target_link_libraries(programme_tests PRIVATE kiosk_ui kiosk_test_main kiosk_build_flags)
catch_discover_tests(programme_tests TEST_PREFIX "programme/" EXTRA_ARGS -w NoTests)

add_test(NAME app/rencontre_texts
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/rencontre_texts.sh $<TARGET_FILE:kiosk> $<TARGET_FILE:kiosk-feed>
          ${CMAKE_CURRENT_SOURCE_DIR}/data/events/rencontre)

add_executable(programme_loop_tests programme/test_rencontre_loop.cpp)
target_include_directories(programme_loop_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(programme_loop_tests PRIVATE kiosk_app kiosk_test_main kiosk_build_flags)
catch_discover_tests(programme_loop_tests TEST_PREFIX "loop/" EXTRA_ARGS -w NoTests
  PROPERTIES ENVIRONMENT "SDL_AUDIODRIVER=dummy")

# The second event validates against the published JSON Schemas (docs/schema).
add_test(NAME app/rencontre_schema
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/app/schema_check.py ${KIOSK_SOURCE_DIR}
          ${CMAKE_CURRENT_SOURCE_DIR}/data/events/rencontre)
