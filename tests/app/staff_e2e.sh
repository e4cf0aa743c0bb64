#!/usr/bin/env bash
# The staff mode on the real kiosk under Xvfb, as a person at the screen does it: the
# corner gesture with the pointer (3 s top left, then bottom right), the PIN (typed, then
# OK tapped on the keypad), the panel, and "Exit the kiosk" tapped: the kiosk ends with 0.
# Ctrl+Alt+Q first must open the keypad, not exit. usage: staff_e2e.sh KIOSK SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 src=$2
for t in Xvfb xdotool import; do
  command -v $t >/dev/null || { echo "FAIL $t is not installed (scripts/install-deps.sh installs it)"; exit 1; }
done
IM=/usr/bin/convert; [ -x "$IM" ] || { echo "FAIL ImageMagick's convert is not installed"; exit 1; }
W=1920 H=1080
disp=":$((600 + $$ % 300))"
Xvfb "$disp" -screen 0 "${W}x${H}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
kpid=
trap 'kill $kpid $xvfb 2>/dev/null; rm -rf "$TMP"' EXIT
sleep 1

# The staff PIN's line, from `kiosk pin` (fed through a pipe: twice, one a line).
printf '246813\n246813\n' | "$kiosk" pin >"$TMP/pin.line" 2>"$TMP/pin.err"
grep -q '"staff_pin_hash": "\$argon2id\$' "$TMP/pin.line" && pass "kiosk pin prints the config line" || { fail "kiosk pin"; cat "$TMP/pin.err"; }
expect_code 1 "kiosk pin refuses two different PINs" -- sh -c "printf '246813\n135724\n' | '$kiosk' pin"
expect_code 1 "kiosk pin asks for 6 digits by default (issue 21)" -- sh -c "printf '2468\n2468\n' | '$kiosk' pin"
expect_output "6 to 12 digits" "and says so"
expect_code 0 "kiosk pin --short takes 4 digits" -- sh -c "printf '2468\n2468\n' | '$kiosk' pin --short"
hash=$(sed -n 's/.*"staff_pin_hash": "\(.*\)",/\1/p' "$TMP/pin.line")
sed -e "s|\"content_dir\": \"../content\"|\"content_dir\": \"$src/content\"|" \
    -e "s|^{|{\n  \"staff_pin_hash\": \"$hash\",|" "$src/config/kiosk.jsonc" >"$TMP/staff.jsonc"
export DISPLAY=$disp SDL_AUDIODRIVER=dummy XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache"
"$kiosk" --config "$TMP/staff.jsonc" --now 2027-10-20T14:30:00+02:00 >"$TMP/kiosk.log" 2>&1 & kpid=$!
for _ in $(seq 100); do grep -q "first frame of content" "$TMP/kiosk.log" && break; sleep 0.1; done
grep -q "first frame of content" "$TMP/kiosk.log" && pass "the kiosk shows its content" || { fail "no content"; tail "$TMP/kiosk.log"; }

shot() { import -display "$disp" -window root "$TMP/$1.png"; }
# The centre of the pixels of one colour (the accent: OK on the keypad, Exit on the panel).
centre_of() {
  "$IM" "$TMP/$1.png" -fill black +opaque "$2" -fill white -opaque "$2" -format '%@' info: 2>/dev/null |
    awk -F'[x+]' '{ if ($1 > 0) printf "%d %d\n", $3 + $1 / 2, $4 + $2 / 2 }'
}
tap() { xdotool mousemove "$1" "$2"; sleep 0.05; xdotool mousedown 1; sleep 0.08; xdotool mouseup 1; }

# Ctrl+Alt+Q: the keypad, never an exit; Escape closes it.
xdotool key ctrl+alt+q; sleep 1
kill -0 $kpid 2>/dev/null && pass "Ctrl+Alt+Q does not end the kiosk" || fail "Ctrl+Alt+Q ended the kiosk"
grep -q "staff keys (Ctrl+Alt+Q): the PIN keypad opens" "$TMP/kiosk.log" && pass "Ctrl+Alt+Q opens the PIN keypad" || fail "no keypad from Ctrl+Alt+Q"
xdotool key Escape; sleep 0.5
grep -q "staff mode closed" "$TMP/kiosk.log" && pass "Escape closes the keypad" || fail "the keypad did not close"

# The gesture: 3.3 s in the top left corner, then a tap in the bottom right one.
xdotool mousemove 6 6; sleep 0.1; xdotool mousedown 1; sleep 3.3; xdotool mouseup 1; sleep 0.6
tap $((W - 6)) $((H - 6)); sleep 1
grep -q "staff gesture: the PIN keypad opens" "$TMP/kiosk.log" && pass "the corner gesture opens the keypad" || fail "the gesture did not open the keypad"
xdotool type --delay 120 246813; sleep 0.5
shot keypad
ok=$(centre_of keypad "#B33A00")
if [ -n "$ok" ]; then tap $ok; pass "OK found on the keypad at $ok"; else fail "no OK key on the keypad"; fi
for _ in $(seq 50); do grep -q "staff PIN accepted" "$TMP/kiosk.log" && break; sleep 0.1; done
grep -q "staff PIN accepted" "$TMP/kiosk.log" && pass "the PIN opens the panel" || { fail "the PIN was not accepted"; tail "$TMP/kiosk.log"; }
sleep 1; shot panel
exitAt=$(centre_of panel "#B33A00")
if [ -n "$exitAt" ]; then tap $exitAt; pass "Exit found on the panel at $exitAt"; else fail "no Exit button on the panel"; fi
for _ in $(seq 30); do kill -0 $kpid 2>/dev/null || break; sleep 0.1; done
if kill -0 $kpid 2>/dev/null; then
  fail "the kiosk still runs after Exit"
else
  wait $kpid; code=$?
  [ "$code" = 0 ] && pass "Exit the kiosk ends it with exit code 0" || { fail "Exit ended with $code"; tail -40 "$TMP/kiosk.log"; }
fi
grep -q "staff exit from the panel" "$TMP/kiosk.log" && pass "the staff exit is logged" || fail "no log line for the staff exit"
if [ -n "${KIOSK_KEEP_SHOTS:-}" ]; then cp "$TMP"/keypad.png "$TMP"/panel.png "$KIOSK_KEEP_SHOTS"/; fi
finish
