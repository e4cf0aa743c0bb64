#!/usr/bin/env bash
# kiosk-feed on hostile folders (issue 21): 100,000 nested brackets, a manifest whose
# version is "7" or whose size is null, a pipe in images/, a manifest at 2^53 - 1. Each
# ends with an exit code and a sentence, never a crash, a hang, or a restart at version 1.
# usage: feed_hostile_cli.sh KIOSK_FEED CONTENT_DIR
. "$(dirname "$0")/lib.sh"
feed=$1 content=$2
export HOME="$TMP/home" LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
# A small feed made once by kiosk-feed init (fast to check), copied fresh for each case.
"$feed" init "$TMP/base" --name "Fête" --start 2027-10-18 --end 2027-10-19 >/dev/null 2>&1 || cp -r "$content" "$TMP/base"
mkdir -p "$TMP/base/images"
fresh() { rm -rf "$TMP/f"; cp -r "$TMP/base" "$TMP/f"; rm -f "$TMP/f/manifest.json.minisig"; }
no_crash() {  # the last exit code was a decision (0, 1 or 2), not a signal or a timeout
  local code=$1 what=$2
  if [ "$code" -lt 3 ]; then pass "$what ends with exit $code"; else fail "$what: exit $code (crash or hang)"; sed 's/^/     | /' "$TMP/out" | tail -5; fi
}

fresh
"$PY" -c 'import sys; open(sys.argv[1], "w").write("[" * 100000 + "]" * 100000)' "$TMP/f/pages.json"
timeout 60 "$feed" validate "$TMP/f" >"$TMP/out" 2>&1; no_crash $? "validate with 100000 nested brackets"
expect_output "nested more than 32 levels" "the nesting is named"
timeout 60 "$feed" build "$TMP/f" >"$TMP/out" 2>&1; no_crash $? "build with 100000 nested brackets"

for bad in '"7"' 'None' '9007199254740992'; do
  fresh
  edit_json "$TMP/f/manifest.json" "d['version'] = $bad"
  before=$(sha256sum < "$TMP/f/manifest.json")
  expect_code 1 "validate with \"version\": $bad" -- timeout 60 "$feed" validate "$TMP/f"
  expect_output 'manifest.json: $.version' "validate names the manifest's version"
  expect_code 1 "build with \"version\": $bad refuses" -- timeout 60 "$feed" build "$TMP/f"
  expect_output "remove it to start again at version 1" "build says how to go on"
  [ "$(sha256sum < "$TMP/f/manifest.json")" = "$before" ] && pass "the manifest is not restarted at version 1" ||
    fail "build rewrote the manifest"
done
fresh
edit_json "$TMP/f/manifest.json" "d['files'][0]['size'] = None"
expect_code 1 "build with a null size refuses" -- timeout 60 "$feed" build "$TMP/f"
expect_output '$.files[0].size' "the null size is named"

fresh
mkfifo "$TMP/f/images/tube.png"
expect_code 0 "validate with a pipe in images/ does not block" -- timeout 60 "$feed" validate "$TMP/f"
expect_output "images/tube.png: not a regular file" "the pipe is named and skipped"
expect_code 0 "build with a pipe in images/ does not block" -- timeout 60 "$feed" build "$TMP/f"
grep -q tube.png "$TMP/f/manifest.json" && fail "the pipe is in the manifest" || pass "the pipe is not published"

fresh
edit_json "$TMP/f/manifest.json" "d['version'] = 9007199254740991"
edit_json "$TMP/f/event.json" "d['edition'] = 'hostile'"
expect_code 1 "build past 2^53 - 1 refuses" -- "$feed" build "$TMP/f"
expect_output "the version cannot go above 9007199254740991" "build names the bound"
"$feed" keygen -W -p "$TMP/k.pub" -s "$TMP/k.key" >/dev/null
edit_json "$TMP/f/manifest.json" "d['version'] = 9007199254740992"
expect_code 1 "sign refuses a version past 2^53 - 1" -- "$feed" sign "$TMP/f" -s "$TMP/k.key"
expect_output "the version must be a whole number from 1 to 9007199254740991" "sign names the bound"
expect_code 1 "verify refuses it too" -- "$feed" verify "$TMP/f" -P "$TMP/k.pub"
finish
