# Tests of trust and control (issue 12): signatures (core), interop with Debian's
# minisign, the cache lock and staff socket, targeting.
add_executable(trust_tests
  trust/test_signature.cpp
  trust/test_one_writer.cpp
  trust/test_signed_sync.cpp
  trust/test_targeting.cpp
)
target_link_libraries(trust_tests PRIVATE kiosk_sync kiosk_test_main kiosk_build_flags)
target_compile_definitions(trust_tests PRIVATE KIOSK_SYNC_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/sync"
  KIOSK_BINARY="$<TARGET_FILE:kiosk>")
add_dependencies(trust_tests kiosk)
catch_discover_tests(trust_tests TEST_PREFIX "core/" EXTRA_ARGS -w NoTests)

add_test(NAME app/minisign_interop
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/minisign_interop.sh $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR}/content)
add_test(NAME app/signed_sync
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/signed_sync.sh $<TARGET_FILE:kiosk> $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR}/content)
# Signing that fits the event, publish to a folder and to nginx's WebDAV, French CLI (issue 20).
add_test(NAME app/feed_publish
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/feed_publish.sh $<TARGET_FILE:kiosk> $<TARGET_FILE:kiosk-feed> ${KIOSK_SOURCE_DIR}/content)
set_tests_properties(app/feed_publish PROPERTIES TIMEOUT 120)
