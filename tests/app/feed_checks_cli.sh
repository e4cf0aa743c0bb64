#!/usr/bin/env bash
# validate, build and diff as staff meet them: a trailing comma explained without a
# cascade, unknown access values refused (a room off the floor plan: a warning), French after LANG, unused files
# left out, build --after a published version (local server), diff in words.
# usage: feed_checks_cli.sh KIOSK_FEED CONTENT_DIR
. "$(dirname "$0")/lib.sh"
feed=$1 content=$2

for c in validate build diff import init; do
  expect_code 0 "$c --help" -- "$feed" "$c" --help
  expect_output "Exit codes" "$c --help documents its exit codes"
done

f="$TMP/feed"
cp -r "$content" "$f"
"$PY" - "$f/places.json" <<'PYEOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.rindex("}", 0, s.rindex("]"))  # the last place's closing brace: a trailing comma after it
s = s[:i + 1] + "," + s[i + 1:]
open(p, "w", encoding="utf-8").write(s)
PYEOF
expect_code 1 "a trailing comma fails validation" -- "$feed" validate "$f"
expect_output "one comma too many" "the syntax error is explained in plain words"
expect_output "line " "the syntax error has its line"
if grep -q "was skipped\|expected the id of a place" "$TMP/out"; then fail "errors cascade after a syntax error"; else pass "no cascade after the syntax error"; fi
LANG=fr_FR.UTF-8 expect_code 1 "the same in French" -- "$feed" validate "$f"
expect_output "une virgule de trop" "French explanation after LANG"
expect_output "bloquant" "French level names"

rm -rf "$f" && cp -r "$content" "$f"
edit_json "$f/sessions.json" 'd["sessions"][0]["room"] = "salle-fantome"'
edit_json "$f/sessions.json" 'd["sessions"][1]["access"] = ["plain-pied"]'
expect_code 1 "an unknown access value is an error, a room off the floor plan is not" -- "$feed" validate "$f"
expect_output 'warning: sessions.json: $.sessions[0].room' "a room not on the place's floor plan is a warning (shown as text, issue 20)"
expect_output 'error: sessions.json: $.sessions[1].access[0]' "unknown access value is an error"
expect_code 1 "build refuses them" -- "$feed" build "$f"

rm -rf "$f" && cp -r "$content" "$f"
cp "$content/images/$(ls "$content/images" | head -1)" "$f/images/inutile.png"
echo "notes" > "$f/notes.txt"
expect_code 0 "build a feed with unused files" -- "$feed" build "$f"
expect_output "images/inutile.png" "the unused image is listed"
if grep -q '"images/inutile.png"\|notes.txt' "$f/manifest.json"; then fail "unused files published"; else pass "unused files left out of the manifest"; fi
expect_code 0 "the built feed validates" -- "$feed" validate "$f"

# --after: a local server publishes version 40
pub="$TMP/pub"; mkdir -p "$pub"
echo '{"format":"kiosk-feed/1","version":40,"published":"2027-09-01T10:00:00Z","files":[]}' > "$pub/manifest.json"
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$PY" -m http.server "$port" --bind 127.0.0.1 --directory "$pub" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do "$PY" -c "import urllib.request;urllib.request.urlopen('http://127.0.0.1:$port/manifest.json')" 2>/dev/null && break; sleep 0.1; done
edit_json "$f/pages.json" 'd["pages"][0]["title"]["fr"] = "Venir (modifié)"'
expect_code 0 "build --after a published feed" -- "$feed" build "$f" --after "http://127.0.0.1:$port/"
version=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$f/manifest.json")
[ "$version" = 41 ] && pass "the version goes above the published one (41)" || fail "version $version, expected 41"
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
expect_code 1 "build --after an unreachable server fails" -- "$feed" build "$f" --after "http://127.0.0.1:$port/"

# diff in words
n="$TMP/new"; cp -r "$content" "$n"
edit_json "$n/sessions.json" 'd["sessions"][0]["status"] = "cancelled"'
edit_json "$n/sessions.json" 'd["sessions"][1]["start"] = "2027-10-18T11:30:00+02:00"'
edit_json "$n/sessions.json" 'del d["sessions"][2]'
expect_code 1 "diff finds the changes" -- "$feed" diff "$content" "$n"
expect_output "cancelled: \"Ouverture officielle de la Semaine\" (ouverture-officielle)" "cancelled session in words"
expect_output "moved: " "moved session in words"
expect_output "removed: " "removed session in words"
expect_code 0 "diff of a feed with itself" -- "$feed" diff "$content" "$content"
expect_output "no difference" "no difference said"
finish
