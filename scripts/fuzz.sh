#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, -DKIOSK_FUZZ=ON, clang) in build-fuzz/ and runs
# each for a bounded time on seed corpora copied at run time from content/ and config/.
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/fuzz.sh [SECONDS] [TARGET...]
  Builds every fuzz target with clang, AddressSanitizer and UBSan in build-fuzz/, then
  runs them one after the other, SECONDS in total split evenly (default 60).
  TARGET: only these (fuzz_event fuzz_sessions fuzz_places fuzz_maps fuzz_demos
  fuzz_pages fuzz_announcements fuzz_playlist fuzz_manifest fuzz_config fuzz_image).
  Crashes are written to build-fuzz/crashes/TARGET/; turn each into a core test.
  Exit codes: 0 no crash, 1 a target crashed, 2 usage or build error.
TXT
}

case "${1:-}" in -h|--help) usage; exit 0 ;; esac
total=60
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then total=$1; shift; fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
all=(fuzz_event fuzz_sessions fuzz_places fuzz_maps fuzz_demos fuzz_pages fuzz_announcements
     fuzz_playlist fuzz_manifest fuzz_config fuzz_image)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target $t" >&2; usage >&2; exit 2; }
done
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (scripts/install-deps.sh installs clang)" >&2; exit 2; }

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DKIOSK_FUZZ=ON -DKIOSK_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >"$build.configure.log" 2>&1 ||
  { cat "$build.configure.log" >&2; echo "fuzz.sh: configure failed" >&2; exit 2; }
cmake --build "$build" -j2 --target "${targets[@]}" >"$build/build.log" 2>&1 ||
  { tail -40 "$build/build.log" >&2; echo "fuzz.sh: build failed" >&2; exit 2; }

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
seed() {  # seed TARGET: a fresh corpus folder for that target
  local t=$1 dir=$seeds/$1
  mkdir -p "$dir"
  case $t in
    fuzz_config) cp "$root"/config/*.jsonc "$dir"/ ;;
    fuzz_image)
      # The smallest bundled images (a few are enough to start from), and a tiny JPEG.
      find "$root/content" "$root/docs" -name '*.png' -size -64k | head -n 8 | xargs -r cp -t "$dir"
      find "$root/content" -name '*.jpg' -size -64k | head -n 4 | xargs -r cp -t "$dir" ;;
    *) cp "$root/content/${t#fuzz_}.json" "$dir"/ 2>/dev/null || true ;;
  esac
  [ -n "$(ls -A "$dir")" ] || echo '{}' >"$dir/empty.json"
}

each=$(( total / ${#targets[@]} ))
[ "$each" -ge 1 ] || each=1
failed=()
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "$build/crashes/$t"
  max_len=65536 dict=(-dict="$root/tests/fuzz/json.dict")
  [ "$t" = fuzz_image ] && max_len=262144 dict=()
  echo "fuzz.sh: $t for ${each}s"
  if ! "$build/tests/fuzz/$t" "$seeds/$t" -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 \
       -max_len="$max_len" -artifact_prefix="$build/crashes/$t/" -print_final_stats=1 "${dict[@]}" \
       >"$build/$t.log" 2>&1; then
    failed+=("$t")
    grep -E "ERROR|SUMMARY|Test unit written" "$build/$t.log" | head -n 5 >&2 || true
  else
    grep -E "stat::number_of_executed_units" "$build/$t.log" | sed "s/^/  /" || true
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: crashes in ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${each}s each, no crash"
