#!/usr/bin/env bash
# The README's test command: configure, build and run every test with CTest.
# Extra CMake flags can come from KIOSK_CMAKE_FLAGS (CI sets -DKIOSK_WERROR=ON).
set -euo pipefail
case "${1:-}" in
  -h|--help)
    echo "usage: scripts/test.sh [CTEST-ARGS...]"
    echo "  Builds the kiosk in build/ and runs all tests (ctest); arguments go to ctest,"
    echo "  e.g. scripts/test.sh -R core/ to run the core tests only."
    exit 0 ;;
esac
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
cmake -S . -B build -DKIOSK_BUILD_TESTS=ON ${KIOSK_CMAKE_FLAGS:-}
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure --parallel "$(nproc)" "$@"
