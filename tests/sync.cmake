# Content sync tests (issue 4): Catch2 cases registered one by one as "sync/...", each
# starting its own nginx or fault server on 127.0.0.1; and the sync benchmark.
add_executable(sync_tests
  sync/test_cache.cpp
  sync/test_crash.cpp
  sync/test_crash_guard.cpp
  sync/test_hardening.cpp
  sync/test_network.cpp
  sync/test_schedule.cpp
  sync/test_trusted_time.cpp
)
target_link_libraries(sync_tests PRIVATE kiosk_sync kiosk_test_main kiosk_build_flags)
target_compile_definitions(sync_tests PRIVATE
  KIOSK_SYNC_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/sync"
  KIOSK_BINARY="$<TARGET_FILE:kiosk>"
  KIOSK_CRASH_CHILD="$<TARGET_FILE:sync_crash_child>")
add_dependencies(sync_tests kiosk sync_crash_child)

# A stand-in kiosk that the crash guard tests start and kill.
add_executable(sync_crash_child sync/crash_child.cpp)
target_link_libraries(sync_crash_child PRIVATE kiosk_sync kiosk_build_flags)
catch_discover_tests(sync_tests TEST_PREFIX "sync/" EXTRA_ARGS -w NoTests PROPERTIES TIMEOUT 120)

# Not a test: prints the figures of docs/performance.md ("Content sync").
add_executable(sync_bench sync/sync_bench.cpp)
target_link_libraries(sync_bench PRIVATE kiosk_sync kiosk_build_flags)
target_compile_definitions(sync_bench PRIVATE
  KIOSK_SYNC_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/sync"
  KIOSK_BUNDLED_CONTENT="${KIOSK_SOURCE_DIR}/content")

# The real kiosk's status and --reset-time on a trusted time in the state folder (issue 21).
add_test(NAME app/trusted_time_cli
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/trusted_time_cli.sh $<TARGET_FILE:kiosk>)
