#!/usr/bin/env bash
# Soak (issue 9 point 7): the real App loop for HOURS simulated hours (default 72) on a
# driven clock, built under ASan+UBSan in build-asan/ (shared with scripts/sanitize.sh):
# attract loop, a scripted visit every 20 min, a sync every 3 min from a file:// feed, a
# content change every 2 h. Prints live heap, RSS and open descriptors after the warm-up
# and at the end; fails on heap growth of 2 MiB or more, a leaked descriptor, or any
# sanitizer finding. A few minutes of wall time for 72 h. Figures: docs/performance.md.
# usage: scripts/soak.sh [HOURS] [--min-step SECONDS]
# Exit codes: 0 within budget; 1 over budget or a sanitizer finding; 2 build or setup error.
set -uo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
cd "$(dirname "$0")/.."
src=$(pwd)
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
build=${KIOSK_SOAK_BUILD:-build-asan}
mkdir -p "$build"
# shellcheck disable=SC2086
cmake -S . -B "$build" -DKIOSK_BUILD_TESTS=ON -DKIOSK_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "${launcher[@]}" ${KIOSK_CMAKE_FLAGS:-} >"$build/soak-configure.log" 2>&1 ||
  { echo "soak: cmake failed (see $build/soak-configure.log)" >&2; exit 2; }
cmake --build "$build" -j"$(nproc)" --target kiosk_soak >"$build/soak-build.log" 2>&1 ||
  { tail -30 "$build/soak-build.log" >&2; echo "soak: build failed" >&2; exit 2; }
# A small quarantine, so that RSS measures the kiosk and not ASan's recycling bin; leaks
# are reported at exit (system libraries' own in lsan.supp).
export ASAN_OPTIONS="exitcode=1:quarantine_size_mb=8:detect_leaks=1:halt_on_error=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$src/tests/sanitizers/lsan.supp:print_suppressions=0:exitcode=1"
export SDL_AUDIODRIVER=dummy
"$build/tests/kiosk_soak" "${@:-72}"
