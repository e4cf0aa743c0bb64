#!/usr/bin/env bash
# The kiosk program as a technician runs it: help, version, clear errors for bad
# options and for a missing display, the self-test, and a headless screenshot.
# usage: kiosk_cli.sh KIOSK CONTENT_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 content=$2
export XDG_CACHE_HOME="$TMP/cache"

expect_code 0 "help" -- "$kiosk" --help
for opt in --content --config --windowed --size --now --lang --headless --screenshot --screen --check --version; do
  expect_output "$opt" "help lists $opt"
done
expect_output "one of: attract[:<a slide number>], home, programme[:<now>], session:<a session id>" "help lists the screen names"
expect_code 0 "version" -- "$kiosk" --version
expect_output "kiosk " "version printed"

expect_code 1 "no display: one clear line and a non-zero exit" -- env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$kiosk" --content "$content"
expect_output "no display" "says there is no display"
expect_code 2 "a bad --size" -- "$kiosk" --headless --screenshot "$TMP/x.png" --size big
expect_output "expected WIDTHxHEIGHT" "names the expected --size form"
expect_code 2 "--headless without --screenshot" -- "$kiosk" --headless
expect_code 2 "a bad --now" -- "$kiosk" --headless --screenshot "$TMP/x.png" --now "mercredi"
expect_output "expected a date-time like 2027-10-20T14:30" "names the expected --now form"
expect_code 2 "an unknown screen" -- "$kiosk" --headless --screenshot "$TMP/x.png" --screen nowhere
expect_output "no screen named \"nowhere\"; screens: attract" "names the known screens"
expect_code 2 "a config file that does not exist" -- "$kiosk" --config "$TMP/none.jsonc" --check
expect_output "cannot read the configuration file" "names the config problem"
printf '{ "screen": { "rotation": 45 } }' > "$TMP/bad.jsonc"
expect_code 2 "a bad rotation in the config" -- "$kiosk" --config "$TMP/bad.jsonc" --check
expect_output "screen.rotation: expected 0, 90, 180 or 270" "names the bad setting"

expect_code 0 "self-test on the bundled content" -- "$kiosk" --check --content "$content"
expect_output "self-test passed" "self-test verdict"
expect_output "53 sessions" "self-test reports the content"
expect_output "dpi" "self-test reports the DPI"
mkdir -p "$TMP/empty"
expect_code 1 "self-test fails on a folder with no feed" -- "$kiosk" --check --content "$TMP/empty"
expect_output "FAIL  content" "names the failing check"
# A kiosk configured with a feed that never synced shows the neutral "content loading"
# screen, not the bundled event, and the self-test says so (no server: nothing is asked).
printf '{ "feed_url": "http://127.0.0.1:9/feed/manifest.json", "cache_dir": "%s" }' "$TMP/fresh-cache" > "$TMP/fresh.jsonc"
expect_code 0 "self-test of a configured kiosk before its first sync" -- "$kiosk" --config "$TMP/fresh.jsonc" --check
expect_output "no content from 127.0.0.1:9 yet: the screen shows \"contenu en cours de chargement" "self-test reports the neutral screen"

for size in 1920x1080 1080x1920 1280x800; do
  expect_code 0 "headless screenshot at $size" -- "$kiosk" --headless --content "$content" --size "$size" \
    --screenshot "$TMP/shot.png" --screen programme --now 2027-10-20T14:30
  dims=$("$PY" -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$TMP/shot.png")
  [ "$dims" = "$size" ] && pass "PNG is $size" || fail "PNG is $dims, expected $size"
done
finish
