#!/usr/bin/env bash
# The CI steps after the README's test command (.ci/run calls this): formatting,
# clang-tidy, the fuzzers, the suite under ASan+UBSan, the threaded tests under TSan and
# the .deb test. Each step has a time limit and prints its time; every step runs even when
# one before failed, and the summary says which failed.
set -uo pipefail

steps=(format tidy fuzz asan tsan package)
usage() {
  cat <<TXT
usage: scripts/ci-extra.sh [STEP...]
  Runs the steps given (default: all, in this order): ${steps[*]}
    format   scripts/check-format.sh          (limit 5 min)
    tidy     scripts/tidy.sh                  (limit 15 min)
    fuzz     scripts/fuzz.sh -j 2 340         (17 targets x 20 s; limit 10 min)
    asan     scripts/sanitize.sh asan         (whole suite; limit 30 min)
    tsan     scripts/sanitize.sh tsan         (loop, sync, image, staff loop tests; limit 15 min)
    package  scripts/test-package.sh          (.deb built, checked, run; limit 20 min)
  Exit codes: 0 every step passed, 1 a step failed or ran out of time, 2 bad usage.
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
for s in "$@"; do
  [[ " ${steps[*]} " == *" $s "* ]] || { echo "ci-extra: unknown step '$s'" >&2; usage >&2; exit 2; }
done
[ $# -gt 0 ] && steps=("$@")
cd "$(dirname "$0")/.."

summary=() failed=0
step() {  # step NAME MINUTES COMMAND...: runs COMMAND within the limit, prints its time
  local name=$1 minutes=$2 start rc; shift 2
  echo "::: ci: $name: $* (limit ${minutes} min)"
  start=$(date +%s)
  timeout --kill-after=30 "$((minutes * 60))" "$@"; rc=$?
  local took=$(( $(date +%s) - start )) verdict=ok
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then verdict="TIMED OUT"; elif [ "$rc" != 0 ]; then verdict="FAILED (exit $rc)"; fi
  [ "$verdict" = ok ] || failed=1
  summary+=("$(printf '%-8s %-18s %4d:%02d' "$name" "$verdict" $((took / 60)) $((took % 60)))")
  echo "::: ci: $name: $verdict in $((took / 60))m$((took % 60))s"
}

for s in "${steps[@]}"; do
  case $s in
    format) step format 5 scripts/check-format.sh ;;
    tidy) step tidy 15 scripts/tidy.sh ;;
    fuzz) step fuzz 10 scripts/fuzz.sh -j 2 340 ;;
    asan) step asan 30 scripts/sanitize.sh asan ;;
    tsan) step tsan 15 scripts/sanitize.sh tsan ;;
    package) step package 20 scripts/test-package.sh ;;
  esac
done
echo "::: ci: summary (step, verdict, minutes:seconds)"
printf '  %s\n' "${summary[@]}"
exit "$failed"
