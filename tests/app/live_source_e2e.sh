#!/usr/bin/env bash
# The real kiosk following a live CSV (issue 11), under Xvfb: a feed made by kiosk-feed
# init, a sheet served by python's http.server on 127.0.0.1 and named by live_source in
# the configuration. The sheet's edit is on screen within one polling interval (plus the
# next safe point of the attract loop); when the sheet breaks, the last good programme
# stays and `kiosk status` says why; a sheet with one bad row still updates the kiosk
# with its other rows, and names the bad one by its row. Screen texts are read from `kiosk --texts FILE`.
# usage: live_source_e2e.sh KIOSK KIOSK_FEED
. "$(dirname "$0")/lib.sh"
kiosk=$1 feedtool=$2
for t in Xvfb python3; do
  command -v $t >/dev/null || { echo "FAIL $t is not installed (scripts/install-deps.sh installs it)"; exit 1; }
done
POLL=5 SLIDE=3
disp=":$((600 + $$ % 300))"
"$feedtool" init "$TMP/feed" --name "Semaine du numérique" --start 2027-10-19 >"$TMP/init.log" 2>&1 ||
  { fail "kiosk-feed init"; cat "$TMP/init.log"; finish; exit 1; }
# The place the sheet names, described by hand once (coordinates, access).
cat >"$TMP/feed/places.json" <<'JSON'
{"places": [{"id": "mediatheque", "name": "Médiathèque", "commune": "Volvic",
  "coordinates": {"lat": 45.8721, "lon": 3.0389}, "access": ["step_free"]}]}
JSON
# One slide, the day's programme: each slide change is a safe point for new content.
cat >"$TMP/feed/playlist.json" <<JSON
{"slides": [{"kind": "programme", "seconds": $SLIDE}]}
JSON
mkdir -p "$TMP/site"
step=0
publish() {  # the sheet as a spreadsheet publishes it; a later modification time each time
  printf '%s' "$1" >"$TMP/site/programme.csv"
  step=$((step + 1))
  touch -d "@$(($(date +%s) + 20 * step))" "$TMP/site/programme.csv"
}
publish $'\xef\xbb\xbfDate;Début;Fin;Titre;Lieu;Commune\r\n19/10/2027;14h30;16h00;Atelier tablette;Médiathèque;Volvic\r\n'
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$TMP/site" >"$TMP/http.log" 2>&1 & http=$!
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
kpid=
trap 'kill $kpid $http $xvfb 2>/dev/null; rm -rf "$TMP"' EXIT
cat >"$TMP/kiosk.jsonc" <<JSON
{
  "content_dir": "$TMP/feed",
  "cache_dir": "$TMP/cache",
  "state_dir": "$TMP/state",
  // the sheet, re-read every $POLL s
  "live_source": {"url": "http://127.0.0.1:$port/programme.csv", "format": "csv", "poll_seconds": $POLL}
}
JSON
sleep 1
export DISPLAY=$disp SDL_AUDIODRIVER=dummy
"$kiosk" --config "$TMP/kiosk.jsonc" --windowed --size 1280x800 --now 2027-10-19T10:00 --texts "$TMP/texts.txt" \
  >"$TMP/kiosk.log" 2>&1 & kpid=$!

# wait_for SECONDS COMMAND...: true as soon as COMMAND succeeds
wait_for() {
  local end=$(($(date +%s%N) / 1000000 + $1 * 1000)); shift
  while [ $(($(date +%s%N) / 1000000)) -lt $end ]; do "$@" && return 0; sleep 0.1; done
  return 1
}
shows() { [ -f "$TMP/texts.txt" ] && grep -qF -- "$1" "$TMP/texts.txt"; }
status_says() { grep -qF -- "$1" "$TMP/cache/live_source.json" 2>/dev/null; }

if wait_for 15 shows "Atelier tablette"; then pass "the sheet's session is on screen"; else
  fail "the sheet's session is not on screen 15 s after the start"; tail -20 "$TMP/kiosk.log" | sed 's/^/     | /'; fi
grep -qF "GET /programme.csv" "$TMP/http.log" && pass "the kiosk fetched the sheet from 127.0.0.1" || fail "no request for the sheet"

# The sheet edited: a title changed, one new row, and one row typed wrong (its date). The
# edit and the new row reach the screen within one polling interval, the wrong row is
# named by its spreadsheet row in kiosk status, the rest of the sheet stays.
publish $'\xef\xbb\xbfDate;Début;Fin;Titre;Lieu;Commune\r\n19/10/2027;14h30;16h00;Atelier tablette (complet);Médiathèque;Volvic\r\n19/10/2072;17h00;18h00;Date mal tapée;Médiathèque;Volvic\r\n19/10/2027;11h00;12h00;Café numérique;Médiathèque;Volvic\r\n'
t0=$(date +%s%N)
if wait_for $((POLL * 11 / 10 + SLIDE + 2)) shows "Atelier tablette (complet)"; then
  pass "the edit is on screen after $((($(date +%s%N) - t0) / 1000000)) ms (poll every $POLL s, a slide every $SLIDE s)"
else
  fail "the edit is not on screen within one polling interval"; tail -20 "$TMP/kiosk.log" | sed 's/^/     | /'
fi
grep -q '" 304 ' "$TMP/http.log" && pass "unchanged polls were answered 304 (conditional requests)" ||
  fail "no conditional request answered 304"
shows "Café numérique" && pass "a sheet with one bad row still updates the kiosk with the other rows" ||
  fail "the good rows of a sheet with one bad row are not on screen"
shows "Atelier tablette (complet)" && pass "the sheet's other rows stay on screen" || fail "a good row disappeared"
shows "Date mal tapée" && fail "the row outside the event's dates is on screen" || pass "the bad row is left out"
"$kiosk" status --config "$TMP/kiosk.jsonc" >"$TMP/out" 2>&1
expect_output "live left  programme.csv: row 3" "kiosk status names the row left out by its spreadsheet row"
expect_output "outside the event's dates" "kiosk status says why the row is left out"

publish $'Nom;Prénom\r\nA;B\r\n'  # someone broke the sheet
if wait_for $((POLL * 2 + 2)) status_says '"failing": true'; then pass "the broken sheet is noticed"; else
  fail "live_source.json does not say the source fails"; cat "$TMP/cache/live_source.json" 2>/dev/null | sed 's/^/     | /'; fi
sleep $((SLIDE + 1))
shows "Atelier tablette (complet)" && pass "the last good programme is still on screen" ||
  fail "the programme changed after the sheet broke"
"$kiosk" status --config "$TMP/kiosk.jsonc" >"$TMP/out" 2>&1; code=$?
[ "$code" = 1 ] && pass "kiosk status exits 1 while the source fails" || fail "kiosk status exited $code, expected 1"
expect_output "the last good programme is kept" "kiosk status says the last good programme is kept"
expect_output "no column" "kiosk status says why the sheet is refused"
expect_output "PROBLEM    the live source failed" "kiosk status lists the problem"

kill -TERM $kpid
for _ in $(seq 30); do kill -0 $kpid 2>/dev/null || break; sleep 0.1; done
kill -0 $kpid 2>/dev/null && fail "the kiosk did not stop on SIGTERM" || pass "SIGTERM stops the kiosk"
finish
