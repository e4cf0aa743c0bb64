#!/usr/bin/env bash
# Sanitizer runs: the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (build-asan/), then the threaded tests (sync, image decoders, the loop) under
# ThreadSanitizer (build-tsan/, only their executables built). Any finding fails the
# run. Uses ccache when it is installed.
set -euo pipefail
usage() {
  cat <<'TXT'
usage: scripts/sanitize.sh [asan|tsan|all] [CTEST-ARGS...]
  asan  build in build-asan/ with KIOSK_SANITIZE=address,undefined and run every test
  tsan  build in build-tsan/ with KIOSK_SANITIZE=thread the executables in
        $KIOSK_TSAN_TARGETS and run the tests matching $KIOSK_TSAN_TESTS (default:
        the sync, image decoder and loop tests, the staff loop among them)
  all   both (the default)
Extra arguments go to ctest, e.g. scripts/sanitize.sh asan -R core/
Exit code: 0 when every test passed with no sanitizer finding, 1 otherwise.
TXT
}
case "${1:-all}" in
  -h|--help) usage; exit 0 ;;
  asan|tsan|all) mode=${1:-all}; [ $# -gt 0 ] && shift ;;
  *) usage >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
src=$(pwd)
jobs=$(nproc)
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
supp="$src/tests/sanitizers"
# Findings stop the test at once and print a stack; leaks in system libraries we do not
# own (fontconfig, SDL's drivers) are listed in lsan.supp with the reason.
export ASAN_OPTIONS="abort_on_error=0:halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"

build() {  # build DIR SANITIZERS [TARGET...]
  local dir=$1 sanitizers=$2 targets=(); shift 2
  [ $# -gt 0 ] && targets=(--target "$@")
  # -O1 with line tables only (-g1): what sanitizers are meant for, full stacks with file
  # and line, and a cold build in about half the time of -O2 -g on the 2-core CI machine.
  # shellcheck disable=SC2086
  cmake -S . -B "$dir" -DKIOSK_BUILD_TESTS=ON -DKIOSK_SANITIZE="$sanitizers" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    "${launcher[@]}" ${KIOSK_CMAKE_FLAGS:-} >/dev/null
  cmake --build "$dir" -j"$jobs" "${targets[@]}"
}

status=0
if [ "$mode" = asan ] || [ "$mode" = all ]; then
  build build-asan address,undefined
  (cd build-asan && ctest --output-on-failure --parallel "$jobs" "$@") || status=1
fi
if [ "$mode" = tsan ] || [ "$mode" = all ]; then
  # shellcheck disable=SC2086
  build build-tsan thread ${KIOSK_TSAN_TARGETS:-sync_tests sync_crash_child kiosk image_tests loop_tests staff_loop_tests}
  tests=${KIOSK_TSAN_TESTS:-'^(sync|images|loop)/'}
  (cd build-tsan && ctest --output-on-failure --parallel "$jobs" -R "$tests" "$@") || status=1
fi
exit $status
