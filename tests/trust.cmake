# Tests of trust and control (issue 12): signatures (core), interop with Debian's
# minisign, the cache lock and staff socket, targeting.
add_executable(trust_tests
  trust/test_signature.cpp
)
target_link_libraries(trust_tests PRIVATE kiosk_core kiosk_test_main kiosk_build_flags)
catch_discover_tests(trust_tests TEST_PREFIX "core/" EXTRA_ARGS -w NoTests)

add_test(NAME app/minisign_interop
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/minisign_interop.sh $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR}/content)
