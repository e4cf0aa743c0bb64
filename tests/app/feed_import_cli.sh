#!/usr/bin/env bash
# kiosk-feed init and import as staff run them: a new feed, an OpenAgenda export and a
# French spreadsheet imported, hand-added fields kept across a re-import, builds.
# usage: feed_import_cli.sh KIOSK_FEED DATA_DIR
. "$(dirname "$0")/lib.sh"
feed=$1 data=$2
json_get() { "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

expect_code 0 "import --help" -- "$feed" import --help
expect_output "openagenda" "import help names the formats"
expect_code 0 "init --help" -- "$feed" init --help

f="$TMP/agenda"
LANG=fr_FR.UTF-8 expect_code 0 "init a new feed" -- "$feed" init "$f" --name "Semaine du numérique" --start 2027-10-18 --end 2027-10-31
expect_output "nouveau flux" "init speaks French after LANG"
[ -f "$f/LISEZMOI.md" ] && pass "README in French written" || fail "no LISEZMOI.md"
expect_code 0 "the new feed validates" -- "$feed" validate "$f"
expect_code 1 "init refuses a folder that holds a feed" -- "$feed" init "$f" --start 2027-10-18

expect_code 3 "import an OpenAgenda export (one event has no timing: left out, exit 3)" -- "$feed" import openagenda "$data/openagenda-events.json" --into "$f"
expect_output "6 added" "six timings imported"
expect_output '$.events[4] (uid 48213375).timings' "the event without timing is named by its path and OpenAgenda uid"
expect_code 0 "build after import" -- "$feed" build "$f"
expect_code 0 "the imported feed validates" -- "$feed" validate "$f"
expect_output "0 fatal, 0 errors" "no error after import"

edit_json "$f/sessions.json" '[s for s in d["sessions"] if s["id"]=="oa-48213372"][0]["easy_read"] = {"fr": "Texte facile à lire ajouté à la main."}'
edit_json "$f/places.json" '[p for p in d["places"] if p["id"]=="oa-lieu-7781"][0]["transport"] = {"fr": "Bus 41, arrêt Mairie"}'
expect_code 3 "re-import the same export" -- "$feed" import openagenda "$data/openagenda-events.json" --into "$f"
expect_output "0 added" "nothing new on re-import"
got=$(json_get "$f/sessions.json" '[s for s in d["sessions"] if s["id"]=="oa-48213372"][0]["easy_read"]["fr"]')
[ "$got" = "Texte facile à lire ajouté à la main." ] && pass "hand-added easy-read text kept" || fail "easy-read text: $got"
got=$(json_get "$f/places.json" '[p for p in d["places"] if p["id"]=="oa-lieu-7781"][0]["transport"]["fr"]')
[ "$got" = "Bus 41, arrêt Mairie" ] && pass "hand-added transport kept" || fail "transport: $got"
expect_code 0 "build after re-import" -- "$feed" build "$f"
got=$(json_get "$f/manifest.json" 'd["version"]')
[ "$got" = 3 ] && pass "version went up to 3" || fail "version $got"

s="$TMP/tableur"
expect_code 0 "init a feed for a spreadsheet" -- "$feed" init "$s" --start 2027-10-19 --end 2027-10-21
expect_code 3 "import the sessions and places sheets (one bad row: exit 3)" -- "$feed" import csv "$data/programme-libreoffice.csv" "$data/lieux.csv" --into "$s"
expect_output 'row 6, column debut' "a bad row is named by its spreadsheet row"
expect_output 'left out' "the import says rows were left out"
expect_output 'unknown column "Couleur"' "an unknown column is reported"
expect_output 'cinema-le-rio" has no coordinates' "a place without coordinates is a note, not a request for a commune"
expect_code 0 "the sheet's feed builds as imported, with no hand edit" -- "$feed" build "$s"
expect_output "row 6, column debut" "build repeats the row the import left out"
src=$(cd "$data/../../.." && pwd)
expect_code 0 "the imported feed follows the JSON schemas" -- "$PY" "$src/tests/app/schema_check.py" "$src" "$f"
expect_code 2 "an unknown format is a usage error" -- "$feed" import tableur "$data/lieux.csv" --into "$s"
finish
