# Hardening (issue 9): every CTest entry asserts something (tests/test_main.cpp, checked
# by scripts/check-assertions.sh); the crash guard in the real kiosk and on the App loop
# (a recorded crash sets a version aside, a power cut does not);
# a short soak of the App loop (the full one is scripts/soak.sh).
add_executable(assertion_canary hardening/assertion_canary.cpp)
target_link_libraries(assertion_canary PRIVATE kiosk_test_main kiosk_build_flags)
add_test(NAME app/every_test_asserts
  COMMAND bash ${KIOSK_SOURCE_DIR}/scripts/check-assertions.sh ${CMAKE_BINARY_DIR} $<TARGET_FILE:assertion_canary>)

add_test(NAME app/crash_guard_end_to_end
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/crash_guard_e2e.sh $<TARGET_FILE:kiosk> $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR})
set_tests_properties(app/crash_guard_end_to_end PROPERTIES TIMEOUT 120)
# A power cut is not a crash (issue 21): two SIGKILLs in the first minute keep the content.
add_test(NAME app/power_cut_keeps_content
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/power_cut_e2e.sh $<TARGET_FILE:kiosk> $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR})
set_tests_properties(app/power_cut_keeps_content PROPERTIES TIMEOUT 60)

# The soak program (scripts/soak.sh builds it under ASan for 72 simulated hours); two
# simulated hours here.
add_executable(kiosk_soak soak/soak_main.cpp)
target_link_libraries(kiosk_soak PRIVATE kiosk_app nlohmann_json::nlohmann_json kiosk_build_flags)
target_compile_definitions(kiosk_soak PRIVATE KIOSK_BUNDLED_CONTENT="${KIOSK_SOURCE_DIR}/content")
add_test(NAME app/soak_short COMMAND kiosk_soak 2)
set_tests_properties(app/soak_short PROPERTIES TIMEOUT 120 ENVIRONMENT "SDL_AUDIODRIVER=dummy")

# The crash guard on the App loop (driven clock), with the other loop tests.
target_sources(loop_tests PRIVATE loop/test_crash_guard.cpp)
target_link_libraries(loop_tests PRIVATE nlohmann_json::nlohmann_json)
