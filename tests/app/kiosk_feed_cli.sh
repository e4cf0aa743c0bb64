#!/usr/bin/env bash
# The staff tool as staff use it: validate the bundled feed, break a copy in several
# ways and check every problem is named with file and JSON path, build manifests.
# usage: kiosk_feed_cli.sh KIOSK_FEED CONTENT_DIR
. "$(dirname "$0")/lib.sh"
feed=$1 content=$2

expect_code 0 "help" -- "$feed" --help
expect_output "validate" "help lists validate"
expect_output "build" "help lists build"
expect_code 0 "validate --help" -- "$feed" validate --help
expect_code 2 "a missing subcommand is a usage error" -- "$feed"

expect_code 0 "the bundled feed validates" -- "$feed" validate "$content"
expect_output "0 fatal, 0 errors" "bundled feed has no error"

copy="$TMP/feed"
cp -r "$content" "$copy"
edit_json "$copy/sessions.json" 'd["sessions"][12]["start"] = "14h30"'
edit_json "$copy/sessions.json" 'd["sessions"][3]["place"] = "salle-inconnue"'
edit_json "$copy/sessions.json" 'd["sessions"][5]["colour"] = "red"'
edit_json "$copy/places.json" 'd["places"][0]["coordinates"]["lat"] = 123'
expect_code 1 "a broken copy fails validation" -- "$feed" validate "$copy"
expect_output 'sessions.json: $.sessions[12].start: expected ISO 8601 date-time with offset, got "14h30"' "bad start named"
expect_output 'sessions.json: $.sessions[3].place: expected the id of a place in places.json, got "salle-inconnue"' "unknown place named"
expect_output 'places.json: $.places[0].coordinates.lat: expected a number from -90 to 90, got 123' "bad latitude named"
expect_output 'warning: sessions.json: $.sessions[5].colour: unknown field' "unknown field is a warning"
expect_output 'note: manifest.json is out of date' "edited files: the manifest is out of date, a note"
expect_output '[id "enfants-ecrans-reperes", "Les enfants et les écrans' "the item is named by id and title"

before=$(cat "$copy/manifest.json")
expect_code 1 "build refuses a feed with errors" -- "$feed" build "$copy"
expect_output "manifest not written" "build says nothing was written"
[ "$(cat "$copy/manifest.json")" = "$before" ] && pass "manifest untouched on errors" || fail "manifest changed on errors"

rm -rf "$copy" && cp -r "$content" "$copy"
edit_json "$copy/sessions.json" 'd["sessions"][0]["title"]["fr"] = "Ouverture officielle (nouvel horaire)"'
old_version=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$copy/manifest.json")
expect_code 0 "build after an edit" -- "$feed" build "$copy"
new_version=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$copy/manifest.json")
[ "$new_version" = $((old_version + 1)) ] && pass "version went up by one ($old_version -> $new_version)" || fail "version $old_version -> $new_version"
expect_code 0 "the rebuilt feed validates" -- "$feed" validate "$copy"
expect_code 0 "a second build with no change" -- "$feed" build "$copy"
expect_output "manifest kept" "unchanged feed keeps its version"

rm "$copy/manifest.json"
expect_code 0 "no manifest yet: validate before the first build" -- "$feed" validate "$copy"
expect_output "note: no manifest.json yet" "missing manifest is a note"
expect_code 1 "a folder that does not exist" -- "$feed" validate "$TMP/nowhere"
finish
