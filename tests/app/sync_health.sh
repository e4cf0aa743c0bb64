#!/usr/bin/env bash
# Staff commands on an unhealthy kiosk: a stale last success, a disk below min_free_bytes
# and a version set aside by the crash guard make `kiosk --status` exit non-zero with the
# documented codes and `kiosk --check` fail; `kiosk --reset-time` forgets a wrong clock floor.
# usage: sync_health.sh KIOSK CONTENT_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 content=$2
export XDG_CACHE_HOME="$TMP/xdg"
cache="$TMP/cache"
mkdir -p "$cache/versions" "$cache/objects"
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
status() {  # status LAST_SUCCESS LAST_ERROR
  cat > "$cache/status.json" <<JSON
{ "feed_url": "http://127.0.0.1:9/manifest.json", "current_version": 0, "published": null,
  "last_attempt": "$(iso now)", "last_success": "$1", "next_attempt": null, "trusted_time": null,
  "last_result": "", "last_error": "$2", "consecutive_failures": 0, "bytes_downloaded": 0, "requests": 0 }
JSON
}
feedcfg="$TMP/feed.jsonc"
echo '{ "feed_url": "http://127.0.0.1:9/manifest.json" }' > "$feedcfg"

expect_code 0 "--help" -- "$kiosk" --help
expect_output "Exit codes" "--help documents the exit codes"
expect_output "--reset-time" "--help lists --reset-time"

status "$(iso now)" ""
expect_code 0 "status of a healthy cache" -- "$kiosk" --status --cache "$cache" --config "$feedcfg"
expect_output "health     ok" "says it is healthy"
expect_code 0 "self-test with a fresh sync" -- "$kiosk" --check --content "$content" --cache "$cache" --config "$feedcfg"

status "$(iso '2 days ago')" ""
expect_code 3 "status when the last success is two days old" -- "$kiosk" --status --cache "$cache" --config "$feedcfg"
expect_output "no successful sync for more than 12 h" "says the sync is stale"
expect_code 1 "self-test with a stale sync" -- "$kiosk" --check --content "$content" --cache "$cache" --config "$feedcfg"
expect_output "FAIL  sync" "names the failing check"

status "$(iso now)" "HTTP 503 for http://127.0.0.1:9/manifest.json"
expect_code 1 "status after a failed attempt" -- "$kiosk" --status --cache "$cache" --config "$feedcfg"
expect_output "last error" "the cause is printed"

# A disk with less free space than min_free_bytes asks for (here more than any disk has).
status "$(iso now)" ""
echo '{ "feed_url": "http://127.0.0.1:9/manifest.json", "min_free_bytes": 9000000000000000000 }' > "$TMP/full.jsonc"
expect_code 4 "status on a full disk" -- "$kiosk" --status --cache "$cache" --config "$TMP/full.jsonc"
expect_output "disk almost full" "says the disk is full"
expect_code 1 "self-test on a full disk" -- "$kiosk" --check --content "$content" --cache "$cache" --config "$TMP/full.jsonc"
expect_output "FAIL  cache" "the cache check fails"

# The crash guard set version 3 aside and nothing newer came.
echo 3 > "$cache/bad_versions"
expect_code 5 "status after the crash guard marked a version bad" -- "$kiosk" --status --cache "$cache" --config "$feedcfg"
expect_output "crashed the kiosk" "says which version crashed"
rm "$cache/bad_versions"

echo "2099-01-01T00:00:00Z" > "$cache/trusted_time"
expect_code 3 "a trusted time in 2099 makes the last success look stale" -- "$kiosk" --status --cache "$cache" --config "$feedcfg"
expect_output "kiosk --reset-time" "and how to forget it"
expect_code 0 "staff reset the trusted time" -- "$kiosk" --reset-time --cache "$cache"
expect_output "2099-01-01T00:00:00Z forgotten" "says what was forgotten"
[ ! -e "$cache/trusted_time" ] && pass "the floor file is gone" || fail "trusted_time is still there"
finish
