#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, -DKIOSK_FUZZ=ON, clang) in build-fuzz/ and runs
# each for a bounded time on seed corpora copied at run time from content/, config/ and
# tests/data/import (the importers), a few made here (server answers). Built at -O1 with
# line tables (-g1), as libFuzzer's documentation advises: stacks with file and line, and
# a build that fits CI's time.
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/fuzz.sh [-j JOBS] [SECONDS] [TARGET...]
  Builds every fuzz target with clang, AddressSanitizer and UBSan in build-fuzz/, then
  runs them, JOBS at a time (default 1), SECONDS of fuzzing in total split evenly between
  the targets (default 60). CI runs: scripts/fuzz.sh -j 2 340 (20 s per target).
  TARGET: only these (${all[*]}).
  Crashes are written to build-fuzz/crashes/TARGET/; turn each into a core or import test.
  Exit codes: 0 no crash, 1 a target crashed, 2 usage or build error.
TXT
}

all=(fuzz_event fuzz_sessions fuzz_places fuzz_maps fuzz_demos fuzz_pages fuzz_announcements
     fuzz_playlist fuzz_manifest fuzz_config fuzz_image
     fuzz_import_openagenda fuzz_import_pretalx_json fuzz_import_frab_xml fuzz_import_icalendar
     fuzz_import_csv fuzz_remote fuzz_feed_folder)
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
jobs=1
if [ "${1:-}" = -j ]; then
  [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }
  jobs=$2; shift 2
fi
total=60
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then total=$1; shift; fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target $t" >&2; usage >&2; exit 2; }
done
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (scripts/install-deps.sh installs clang)" >&2; exit 2; }

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
mkdir -p "$build"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DKIOSK_FUZZ=ON -DKIOSK_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" "${launcher[@]}" >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; echo "fuzz.sh: configure failed" >&2; exit 2; }
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >"$build/build.log" 2>&1 ||
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
    fuzz_import_openagenda) cp "$root/tests/data/import/openagenda-events.json" "$dir"/ ;;
    fuzz_import_pretalx_json) cp "$root/tests/data/import/pretalx-schedule.json" "$dir"/ ;;
    fuzz_import_frab_xml) cp "$root/tests/data/import/frab-schedule.xml" "$dir"/ ;;
    fuzz_import_icalendar) cp "$root/tests/data/import/agenda.ics" "$dir"/ ;;
    fuzz_import_csv)  # the first byte picks the table: 0 sessions, 1 places, 2 demos
      { printf '\0'; cat "$root/tests/data/import/programme-libreoffice.csv"; } >"$dir/sessions.csv"
      { printf '\1'; cat "$root/tests/data/import/lieux.csv"; } >"$dir/places.csv"
      { printf '\2'; cat "$root/tests/data/import/demos.csv"; } >"$dir/demos.csv" ;;
    fuzz_remote)  # the first byte picks the parser (see tests/fuzz/fuzz_remote.cpp)
      printf '\0{"screenshot": true, "sync_now": false, "screenshot_url": "https://x/s"}' >"$dir/heartbeat"
      printf '\3version:12 expires:2027-11-30T00:00:00Z' >"$dir/claims"
      printf '\4Sun, 06 Nov 1994 08:49:37 GMT' >"$dir/date"
      printf '\4120' >"$dir/retry"
      if command -v minisign >/dev/null; then  # a real key and signature to mutate
        minisign -G -W -f -p "$dir.pub" -s "$dir.key" >/dev/null 2>&1 &&
          echo '{"version": 12}' >"$dir.msg" &&
          minisign -S -s "$dir.key" -m "$dir.msg" -t "version:12 expires:2027-11-30T00:00:00Z" >/dev/null 2>&1 &&
          { printf '\1'; cat "$dir.msg.minisig"; } >"$dir/signature" &&
          { printf '\2'; cat "$dir.pub"; } >"$dir/pubkey" || true
      fi ;;
    fuzz_feed_folder)  # the first byte picks the document (see tests/fuzz/fuzz_feed_folder.cpp)
      i=0
      for d in event sessions places maps demos pages announcements playlist manifest; do
        { printf "\\$(printf '%03o' $i)"; cat "$root/content/$d.json"; } > "$dir/$d"
        i=$((i + 1))
      done ;;
    *) cp "$root/content/${t#fuzz_}.json" "$dir"/ 2>/dev/null || true ;;
  esac
  [ -n "$(ls -A "$dir")" ] || echo '{}' >"$dir/empty.json"
}

each=$(( total / ${#targets[@]} ))
[ "$each" -ge 1 ] || each=1
run() {  # run TARGET: fuzzes it for $each seconds; exit 1 on a crash
  local t=$1 max_len=65536 dict=(-dict="$root/tests/fuzz/json.dict")
  case $t in
    fuzz_image) max_len=262144 dict=() ;;
    fuzz_import_frab_xml|fuzz_import_icalendar|fuzz_import_csv|fuzz_remote) dict=() ;;
  esac
  seed "$t"
  mkdir -p "$build/crashes/$t"
  if ! "$build/tests/fuzz/$t" "$seeds/$t" -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 \
       -max_len="$max_len" -artifact_prefix="$build/crashes/$t/" -print_final_stats=1 "${dict[@]}" \
       >"$build/$t.log" 2>&1; then
    { echo "fuzz.sh: $t CRASHED (log: $build/$t.log)"
      grep -E "ERROR|SUMMARY|Test unit written" "$build/$t.log" | head -n 5; } >&2
    return 1
  fi
  echo "fuzz.sh: $t ${each}s, $(grep -oE "number_of_executed_units: *[0-9]+" "$build/$t.log" | grep -oE "[0-9]+$") runs, no crash"
}
echo "fuzz.sh: ${#targets[@]} targets, ${each}s each, $jobs at a time"
failed=0 running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then wait -n || failed=1; running=$((running - 1)); fi
  run "$t" & running=$((running + 1))
done
while [ "$running" -gt 0 ]; do wait -n || failed=1; running=$((running - 1)); done
if [ "$failed" != 0 ]; then
  echo "fuzz.sh: crashes found (inputs in $build/crashes/; reproduce with build-fuzz/tests/fuzz/TARGET FILE)" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${each}s each, no crash"
