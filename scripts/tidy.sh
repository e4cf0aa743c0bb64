#!/usr/bin/env bash
# Runs clang-tidy with the committed .clang-tidy over kiosk/core (every .cpp there and the
# headers they include), from a compile database configured in build-tidy/ (nothing built).
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/tidy.sh [FILE...]
  Checks kiosk/core/**/*.cpp (or only FILEs) with clang-tidy; every finding is an error.
  Exit codes: 0 no finding, 1 findings (printed), 2 bad usage or no clang-tidy.
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; -*) usage >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy missing (scripts/install-deps.sh)" >&2; exit 2; }
build=build-tidy
# clang's own compile commands, so clang-tidy meets no GCC-only flag.
mkdir -p "$build"
CC=clang CXX=clang++ cmake -S . -B "$build" -DKIOSK_BUILD_TESTS=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 2; }
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find kiosk/core -name '*.cpp' | sort); fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# One clang-tidy per file, nproc at a time; each writes its findings to its own log.
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -I{} sh -c \
  'clang-tidy --quiet -p "$1" "$2" >"$3/$(echo "$2" | tr / _).log" 2>&1 || echo "$2" >>"$3/failed"' \
  sh "$build" {} "$out"
if [ -s "$out/failed" ]; then
  for f in $(sort "$out/failed"); do cat "$out/$(echo "$f" | tr / _).log"; done >&2
  echo "tidy: findings in $(wc -l <"$out/failed") of ${#files[@]} files" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files in kiosk/core, no finding"
