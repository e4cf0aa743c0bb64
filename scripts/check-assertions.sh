#!/usr/bin/env bash
# Fails when a CTest entry can pass without asserting anything (issue 9, "Tests that all
# run"): every Catch2 executable that ctest runs must use tests/test_main.cpp, whose main
# turns Catch2's NoAssertions warning on (a test case or leaf section with no assertion
# fails), and that must really fail a test asserting nothing (the canary binary). Script
# tests end with tests/app/lib.sh's finish, which fails when no check ran.
# usage: scripts/check-assertions.sh BUILD_DIR [ASSERTION_CANARY]
# Exit codes: 0 every entry checked; 1 an entry can pass without assertions; 2 usage.
set -u
case "${1:-}" in
  -h|--help) sed -n "2,8p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") sed -n "7,8p" "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
build=$1 canary=${2:-$1/tests/assertion_canary}
[ -d "$build" ] || { echo "check-assertions: no build folder $build" >&2; exit 2; }
status=0

# 1. What ctest runs: each Catch2 entry (a command with -w NoTests) is an executable
#    with the kiosk's test main.
# (through a file: the list of 400 tests is too long for one argument)
json=$(mktemp); trap 'rm -f "$json"' EXIT
(cd "$build" && ctest --show-only=json-v1) > "$json" || { echo "check-assertions: ctest --show-only failed" >&2; exit 2; }
python3 - "$json" <<'PY' || status=1
import json, subprocess, sys
tests = json.load(open(sys.argv[1]))["tests"]
catch = [t for t in tests if "NoTests" in t.get("command", [])]
binaries = sorted({t["command"][0] for t in catch})
bad = []
for b in binaries:
    try:
        out = subprocess.run([b, "--kiosk-asserts"], capture_output=True, text=True, timeout=30).stdout
    except OSError as e:
        out = str(e)
    if "assertions enforced" not in out:
        bad.append(b)
        print(f"FAIL {b}: not linked with tests/test_main.cpp (kiosk_test_main): its tests may pass with no assertion")
print(f"{len(catch)} Catch2 entries in {len(binaries)} executables, {len(binaries) - len(bad)} enforcing assertions; "
      f"{len(tests) - len(catch)} other entries")
sys.exit(1 if bad or not catch else 0)
PY

# 2. With the flags discovery gives (-w NoTests), a test without assertions fails.
if [ -x "$canary" ]; then
  if out=$("$canary" "canary: a test that asserts nothing" -w NoTests 2>&1); then
    echo "FAIL a test with no assertion passes:"; echo "$out" | sed 's/^/     | /'; status=1
  elif ! grep -q "No assertions" <<<"$out"; then
    echo "FAIL the canary failed, but not for its missing assertion:"; echo "$out" | sed 's/^/     | /'; status=1
  else
    echo "ok   a test case with no assertion fails"
  fi
  if "$canary" "canary: a test that asserts" -w NoTests >/dev/null 2>&1; then
    echo "ok   a test case with an assertion passes with the same flags"
  else
    echo "FAIL a test with an assertion fails"; status=1
  fi
else
  echo "FAIL no canary binary $canary (build the assertion_canary target)"; status=1
fi
exit $status
