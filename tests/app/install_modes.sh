#!/usr/bin/env bash
# The installed configuration is not readable by every user (issue 21): `cmake --install`
# into a staging folder gives /etc/kiosk/kiosk.jsonc mode 0640, and `kiosk --check` warns
# when a configuration holding the PIN's hash is readable by others.
# usage: install_modes.sh BUILD_DIR KIOSK
. "$(dirname "$0")/lib.sh"
build=$1 kiosk=$2
DESTDIR="$TMP/stage" cmake --install "$build" >"$TMP/out" 2>&1 || { fail "cmake --install"; tail "$TMP/out"; }
conf=$(find "$TMP/stage" -path '*/etc/kiosk/kiosk.jsonc' | head -1)
[ -n "$conf" ] && pass "the configuration is installed" || fail "no etc/kiosk/kiosk.jsonc under the staging folder"
mode=$(stat -c %a "$conf" 2>/dev/null)
[ "$mode" = 640 ] && pass "installed with mode 640" || fail "installed with mode $mode, expected 640"

hash='$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g'
printf '{ "cache_dir": "%s/cache", "staff_pin_hash": "%s" }\n' "$TMP" "$hash" > "$TMP/k.jsonc"
chmod 644 "$TMP/k.jsonc"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$TMP/k.jsonc" --check >"$TMP/out" 2>&1
expect_output "holds staff_pin_hash and every user can read it" "kiosk --check warns about a world-readable PIN hash"
expect_output "chmod 640" "and says what to run"
chmod 640 "$TMP/k.jsonc"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$TMP/k.jsonc" --check >"$TMP/out" 2>&1
expect_output "readable by its owner and group only" "no warning once the file is 640"
finish
