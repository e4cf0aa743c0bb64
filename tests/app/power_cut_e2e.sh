#!/usr/bin/env bash
# A power cut is not a crash (issue 21, point 1): the real kiosk, killed with SIGKILL twice
# within the first minute of showing its only cached version, shows that version at the
# next start, and kiosk status (answered by the running kiosk, and without it) says the
# crash guard is ok, exit 0. Then with two versions cached, power cuts on the newer one do
# not send the kiosk back to the older. A file:// feed, SDL's dummy video: no server, no display.
# usage: power_cut_e2e.sh KIOSK KIOSK_FEED SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 feedtool=$2 src=$3
feed="$TMP/feed" cache="$TMP/cache"
cp -r "$src/content" "$feed" && rm -f "$feed/manifest.json"
"$feedtool" build "$feed" >/dev/null || { fail "kiosk-feed build"; finish; exit 1; }
sed -e "s|\"feed_url\": \"\"|\"feed_url\": \"file://$feed/manifest.json\"|" \
    -e "s|\"allowed_file_roots\": \[\]|\"allowed_file_roots\": [\"$feed\"]|" \
    -e "s|\"cache_dir\": \"\"|\"cache_dir\": \"$cache\"|" \
    -e "s|\"content_dir\": \"../content\"|\"content_dir\": \"$src/content\"|" "$src/config/kiosk.jsonc" >"$TMP/venue.jsonc"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy XDG_STATE_HOME="$TMP/state" LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY NOTIFY_SOCKET WATCHDOG_USEC KIOSK_TEST_ABORT_SHOWING
kpid=""
trap '[ -n "$kpid" ] && kill -KILL $kpid 2>/dev/null; rm -rf "$TMP"' EXIT

# start_kiosk LOG: the kiosk in the background until its first frame of content (pid: $kpid)
start_kiosk() {
  "$kiosk" --config "$TMP/venue.jsonc" >"$1" 2>&1 &
  kpid=$!
  for _ in $(seq 150); do
    grep -q "first frame of content" "$1" && return 0
    kill -0 "$kpid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# power_cut WHAT: SIGKILL while it draws normally, well within its first minute
power_cut() {
  sleep 0.3
  kill -KILL "$kpid"
  wait "$kpid" 2>/dev/null
  local code=$?
  kpid=""
  [ "$code" = 137 ] && pass "$1: killed (exit $code)" || fail "$1: expected exit 137 after SIGKILL, got $code"
}
# shows LOG VERSION WHAT
shows() {
  if grep -q "showing cache version $2" "$1"; then pass "$3"; else fail "$3"; sed 's/^/     | /' "$1" | tail -15; fi
}

expect_code 0 "first sync" -- "$kiosk" --sync-once --config "$TMP/venue.jsonc"
v1=$(cat "$cache/current")

for run in 1 2; do
  start_kiosk "$TMP/cut$run.log" && pass "start $run draws its content" || fail "start $run drew nothing"
  shows "$TMP/cut$run.log" "$v1" "start $run shows version $v1, the only one cached"
  power_cut "start $run"
done

if start_kiosk "$TMP/after.log"; then
  pass "after two power cuts the content is on screen"
else
  fail "after two power cuts nothing is drawn"; sed 's/^/     | /' "$TMP/after.log" | tail -15
fi
shows "$TMP/after.log" "$v1" "it is version $v1"
grep -q "crash guard:" "$TMP/after.log" && fail "the crash guard acted: $(grep 'crash guard:' "$TMP/after.log")" ||
  pass "the crash guard counted no crash"
expect_code 0 "kiosk status, answered by the running kiosk" -- "$kiosk" status --config "$TMP/venue.jsonc"
expect_output "answered by the running kiosk" "the running kiosk answers"
expect_output "guard      ok: no crash recorded" "its guard line says ok"
kill -TERM "$kpid"
wait "$kpid"; code=$?; kpid=""
[ "$code" = 0 ] && pass "SIGTERM ends it normally" || fail "SIGTERM: exit $code"
expect_code 0 "kiosk status without a running kiosk" -- "$kiosk" status --config "$TMP/venue.jsonc"
expect_output "guard      ok: no crash recorded" "status.json's side says ok too"
LC_ALL=fr_FR.UTF-8 "$kiosk" status --config "$TMP/venue.jsonc" >"$TMP/out" 2>&1
expect_output "garde-fou  ok : aucun plantage enregistré" "and in French"
[ ! -s "$cache/bad_versions" ] && pass "no version set aside" || fail "bad_versions: $(cat "$cache/bad_versions")"

# Two versions cached: power cuts on the newer one keep it.
edit_json "$feed/event.json" 'd["name"]["en"] = d["name"]["en"] + " (new)"'
touch -d '+2 seconds' "$feed/event.json"
"$feedtool" build "$feed" >/dev/null || fail "kiosk-feed build of the second version"
expect_code 0 "second sync" -- "$kiosk" --sync-once --config "$TMP/venue.jsonc"
v2=$(cat "$cache/current")
[ "$v2" -gt "$v1" ] && pass "versions $v1 then $v2 in the cache" || fail "no second version ($v1 -> $v2)"
for run in 3 4; do
  start_kiosk "$TMP/cut$run.log" || fail "start $run drew nothing"
  shows "$TMP/cut$run.log" "$v2" "start $run shows version $v2"
  power_cut "start $run"
done
start_kiosk "$TMP/after2.log" || fail "the start after the power cuts drew nothing"
shows "$TMP/after2.log" "$v2" "after two more power cuts it still shows version $v2, not $v1"
kill -TERM "$kpid"
wait "$kpid"; kpid=""
finish
