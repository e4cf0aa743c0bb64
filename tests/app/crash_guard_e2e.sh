#!/usr/bin/env bash
# The crash guard in the real kiosk (issues 9, 21): a synced version that makes two starts
# in a row abort within their first minute is set aside; the third start shows the
# previous version, which drew before, and the log and `kiosk status` (from the running
# kiosk and from the cache, exit 5 both) say which version was set aside. The crash is
# the test-only KIOSK_TEST_ABORT_SHOWING (kiosk/app/content_guard.hpp), recorded by the
# kiosk's own SIGABRT handler. A file:// feed: no server, no network.
# usage: crash_guard_e2e.sh KIOSK KIOSK_FEED SOURCE_DIR
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
unset DISPLAY WAYLAND_DISPLAY NOTIFY_SOCKET WATCHDOG_USEC

expect_code 0 "first sync" -- "$kiosk" --sync-once --config "$TMP/venue.jsonc"
v1=$(cat "$cache/current")
# Version 1 draws once: only a version that has drawn on this kiosk may replace another.
"$kiosk" --config "$TMP/venue.jsonc" >"$TMP/run0.log" 2>&1 & kpid=$!
for _ in $(seq 100); do grep -q "first frame of content" "$TMP/run0.log" && break; sleep 0.1; done
sleep 0.3
kill -TERM $kpid; wait $kpid
grep -q "first frame of content" "$TMP/run0.log" && pass "version $v1 drew" || fail "version $v1 never drew"
edit_json "$feed/event.json" 'd["name"]["en"] = d["name"]["en"] + " (new)"'
touch -d '+2 seconds' "$feed/event.json"
"$feedtool" build "$feed" >/dev/null || fail "kiosk-feed build of the second version"
expect_code 0 "second sync" -- "$kiosk" --sync-once --config "$TMP/venue.jsonc"
v2=$(cat "$cache/current")
[ "$v2" -gt "$v1" ] && pass "versions $v1 then $v2 in the cache" || fail "no second version ($v1 -> $v2)"

# Two starts in a row die right after showing version 2.
export KIOSK_TEST_ABORT_SHOWING=$v2
for run in 1 2; do
  (timeout 30 "$kiosk" --config "$TMP/venue.jsonc" >"$TMP/run$run.log" 2>&1) 2>/dev/null  # no "Aborted" from bash
  code=$?
  if [ "$code" = 134 ] && grep -q "aborting as a crash would" "$TMP/run$run.log"; then
    pass "start $run aborts after showing version $v2 (exit $code)"
  else
    fail "start $run: expected an abort (exit 134), got exit $code"; sed 's/^/     | /' "$TMP/run$run.log" | tail -15
  fi
done

# The third start (still asked to abort on version 2) shows version 1 and keeps running.
"$kiosk" --config "$TMP/venue.jsonc" >"$TMP/run3.log" 2>&1 & kpid=$!
trap 'kill $kpid 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do grep -q "first frame of content" "$TMP/run3.log" && break; sleep 0.1; done
sleep 0.5
if kill -0 $kpid 2>/dev/null && grep -q "first frame of content" "$TMP/run3.log"; then
  pass "the third start runs and shows content"
else
  fail "the third start did not show content"; sed 's/^/     | /' "$TMP/run3.log" | tail -15
fi
grep -q "showing cache version $v1" "$TMP/run3.log" && pass "it shows version $v1" || fail "version $v1 not shown"
if grep "crash guard:" "$TMP/run3.log" | grep -q "version $v2 crashed the kiosk 2 times in a row.*(last: signal 6 (SIGABRT)): set aside until .*; showing version $v1 instead"; then
  pass "the log says version $v2 was set aside for its SIGABRTs and version $v1 is shown"
else
  fail "no crash guard line in the log"; sed 's/^/     | /' "$TMP/run3.log" | head -15
fi
expect_code 5 "kiosk status, answered by the running kiosk" -- "$kiosk" status --config "$TMP/venue.jsonc"
expect_output "answered by the running kiosk" "the running kiosk answers"
expect_output "guard      version $v2 crashed the kiosk 2 times in a row" "kiosk status says which version crashed"
expect_output "(SIGABRT)): set aside at " "and that it was set aside"
expect_output ", showing version $v1; tried again from " "kiosk status says which version is shown and when the other is retried"
kill -TERM $kpid
for _ in $(seq 50); do kill -0 $kpid 2>/dev/null || break; sleep 0.1; done
wait $kpid; code=$?
[ "$code" = 0 ] && pass "SIGTERM ends the third start normally" || fail "the third start ended with exit $code"

# Without a running kiosk, the cache says the same; a normal exit marked version 1 stable.
expect_code 5 "kiosk status without a running kiosk" -- "$kiosk" status --config "$TMP/venue.jsonc"
expect_output "crash      " "kiosk status (from status.json) has the crash line"
expect_output "version $v2 crashed the kiosk 2 times" "status.json names the version set aside"
expect_output "guard      version $v2 crashed the kiosk 2 times in a row" "the guard line names it too"
grep -qx "$v2" "$cache/bad_versions" && pass "version $v2 is in bad_versions" || fail "bad_versions: $(cat "$cache/bad_versions" 2>&1)"
"$PY" - "$cache/crash_guard.json" "$v1" <<'PYEOF' && pass "the normal exit marked version $v1 stable" || fail "version $v1 not marked stable: $(cat "$cache/crash_guard.json")"
import json, sys
last = json.load(open(sys.argv[1]))["starts"][-1]
sys.exit(0 if last["key"] == sys.argv[2] and last["stable"] else 1)
PYEOF
finish
