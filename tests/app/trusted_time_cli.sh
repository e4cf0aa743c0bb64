#!/usr/bin/env bash
# Issue 21, point 2, with the real binary: the trusted time lives in the state folder
# (state_dir differs from cache_dir here), `kiosk status` shows it with its source and a
# warning when it is far ahead, in English and French, and `kiosk --reset-time` forgets it.
# usage: trusted_time_cli.sh KIOSK
. "$(dirname "$0")/lib.sh"
kiosk=$1
export XDG_CACHE_HOME="$TMP/xdg-cache" XDG_STATE_HOME="$TMP/xdg-state"
unset STATE_DIRECTORY LC_ALL LC_MESSAGES
export LANG=C.UTF-8
cache="$TMP/cache" state="$TMP/state"
mkdir -p "$cache/versions" "$cache/objects" "$state"
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
cat > "$TMP/kiosk.jsonc" <<JSON
{ "feed_url": "http://127.0.0.1:9/manifest.json", "cache_dir": "$cache", "state_dir": "$state" }
JSON
cat > "$cache/status.json" <<JSON
{ "feed_url": "http://127.0.0.1:9/manifest.json", "current_version": 0, "published": null,
  "last_attempt": "$(iso now)", "last_success": "$(iso now)", "next_attempt": null, "trusted_time": null,
  "last_result": "", "last_error": "", "consecutive_failures": 0, "bytes_downloaded": 0, "requests": 0 }
JSON
ahead=$(iso '315 days 1 hour')  # 315 days and an hour: still "315 days" a second later
# What a verified server 315 days ahead left behind, where the sync keeps it.
printf '{"trusted_time":"%s","source":"https://ahead.example","set_at":"%s","anchor":"%s"}\n' \
  "$ahead" "$(iso now)" "$(iso now)" > "$state/trusted_time"

expect_code 3 "status with a trusted time 315 days ahead (the last success looks stale)" -- \
  "$kiosk" status --config "$TMP/kiosk.jsonc"
expect_output "trusted    $ahead from https://ahead.example (ahead of the system clock by 315 days)" \
  "status shows the trusted time from the state folder, with its source"
expect_output "WARNING: if that date is wrong, run kiosk --reset-time" "and warns, with the way out"
expect_code 3 "the same status in French" -- env LANG=fr_FR.UTF-8 "$kiosk" status --config "$TMP/kiosk.jsonc"
expect_output "confiance  $ahead venant de https://ahead.example (en avance de 315 jours sur l'horloge du système)" \
  "French status line"
expect_output "ATTENTION : si cette date est fausse, lancez kiosk --reset-time" "French warning"

# An older version's stray copy in the cache folder goes too.
echo "$ahead" > "$cache/trusted_time"
expect_code 0 "kiosk --reset-time" -- "$kiosk" --reset-time --config "$TMP/kiosk.jsonc"
expect_output "trusted time $ahead forgotten" "says which time it forgot (not \"(none)\")"
[ ! -e "$state/trusted_time" ] && pass "the state folder's file is gone" || fail "$state/trusted_time is still there"
[ ! -e "$cache/trusted_time" ] && pass "the stray cache copy is gone" || fail "$cache/trusted_time is still there"

expect_code 0 "status after the reset is healthy again" -- "$kiosk" status --config "$TMP/kiosk.jsonc"
expect_output "trusted    none (the system clock is used)" "status shows no trusted time"
if grep -qF "$ahead" "$TMP/out"; then fail "the forgotten date still appears"; else pass "the forgotten date is gone"; fi
expect_code 0 "a second reset has nothing to forget" -- "$kiosk" --reset-time --config "$TMP/kiosk.jsonc"
expect_output "(none) forgotten" "says there was none"
finish
