#!/usr/bin/env bash
# Sanitizer runs: the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (build-asan/), then the threaded tests (sync, images, UI loop) under ThreadSanitizer
# (build-tsan/). Any finding fails the run. Uses ccache when /work/ccache.env or ccache is there.
set -euo pipefail
usage() {
  cat <<'TXT'
usage: scripts/sanitize.sh [asan|tsan|all] [CTEST-ARGS...]
  asan  build in build-asan/ with KIOSK_SANITIZE=address,undefined and run every test
  tsan  build in build-tsan/ with KIOSK_SANITIZE=thread and run the tests matching
        $KIOSK_TSAN_TESTS (default: sync, images and UI loop tests)
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

build() {  # build DIR SANITIZERS
  # shellcheck disable=SC2086
  cmake -S . -B "$1" -DKIOSK_BUILD_TESTS=ON -DKIOSK_SANITIZE="$2" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "${launcher[@]}" ${KIOSK_CMAKE_FLAGS:-}
  cmake --build "$1" -j"$jobs"
}

status=0
if [ "$mode" = asan ] || [ "$mode" = all ]; then
  build build-asan address,undefined
  (cd build-asan && ctest --output-on-failure --parallel "$jobs" "$@") || status=1
fi
if [ "$mode" = tsan ] || [ "$mode" = all ]; then
  build build-tsan thread
  tests=${KIOSK_TSAN_TESTS:-'^(sync|images)/|^ui/.*(live|loop|update|content)'}
  (cd build-tsan && ctest --output-on-failure --parallel "$jobs" -R "$tests" "$@") || status=1
fi
exit $status
