#!/usr/bin/env bash
# The issue's whole story with the real programs: staff publish the bundled event with
# nginx on 127.0.0.1, a kiosk syncs it; staff move a session to another room and
# rebuild; the kiosk's next sync brings the change and its screen shows the new room;
# nginx stops and the kiosk keeps its content, with the cause in its status; staff
# roll back. Loopback only.
# usage: sync_e2e.sh KIOSK KIOSK_FEED SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 feedtool=$2 src=$3
command -v nginx >/dev/null || { echo "FAIL nginx is not installed (scripts/install-deps.sh installs it)"; exit 1; }
export XDG_CACHE_HOME="$TMP/xdg"

feed="$TMP/www/feed"
mkdir -p "$TMP/www" "$TMP/nginx"
cp -r "$src/content" "$feed"
start_nginx "$TMP/www"
url="http://127.0.0.1:$port/feed/manifest.json"
cache="$TMP/cache"

expect_code 0 "first sync from nginx" -- "$kiosk" --sync-once --feed "$url" --cache "$cache"
expect_output "updated" "the feed was downloaded"
version1=$(cat "$cache/current")

# Staff move a session to another room and rebuild the manifest.
edit_json "$feed/sessions.json" '
for s in d["sessions"]:
    if s["id"] == "table-ronde-inclusion-rurale":
        s["status"] = "changed"
        s["status_note"] = {"fr": "Déplacée en salle du Conseil municipal", "en": "Moved to the council chamber"}'
touch -d '+2 seconds' "$feed/sessions.json"
expect_code 0 "staff rebuild the manifest" -- "$feedtool" build "$feed"
touch -d '+2 seconds' "$feed/manifest.json"  # nginx's ETag has one-second resolution
expect_code 0 "second sync" -- "$kiosk" --sync-once --feed "$url" --cache "$cache"
expect_output "downloaded sessions.json" "only what changed is downloaded"
version2=$(cat "$cache/current")
[ "$version2" -gt "$version1" ] && pass "version went from $version1 to $version2" || fail "version $version1 -> $version2"

shot="$TMP/session.png"
expect_code 0 "render the session from the cache" -- "$kiosk" --headless --content "$cache/versions/$version2" \
  --screen session:table-ronde-inclusion-rurale --now 2027-10-20T10:00 --screenshot "$shot"
if tesseract "$shot" - -l fra 2>/dev/null | grep -q "Conseil municipal"; then pass "the screen shows the new room"; else fail "the new room is not on screen"; fi

expect_code 0 "an unchanged feed" -- "$kiosk" --sync-once --feed "$url" --cache "$cache"
expect_output "nothing new" "a 304 changes nothing"

kill $ngx; wait $ngx 2>/dev/null
expect_code 1 "sync with nginx stopped" -- "$kiosk" --sync-once --feed "$url" --cache "$cache"
[ "$(cat "$cache/current")" = "$version2" ] && pass "the cache still holds version $version2" || fail "the cache changed"
expect_code 0 "the kiosk starts from the cache with no network" -- "$kiosk" --headless --content "$cache/versions/$version2" \
  --screen programme --now 2027-10-20T10:00 --screenshot "$TMP/offline.png"
expect_code 1 "status reports the failure" -- "$kiosk" --status --cache "$cache"
expect_output "last error" "the cause is in the status"
expect_code 0 "staff roll back" -- "$kiosk" --rollback --cache "$cache"
[ "$(cat "$cache/current")" = "$version1" ] && pass "version $version1 is current again" || fail "rollback did not restore $version1"
expect_code 0 "a second rollback undoes the first" -- "$kiosk" --rollback --cache "$cache"
[ "$(cat "$cache/current")" = "$version2" ] && pass "version $version2 is current again" || fail "the undo did not restore $version2"
finish
