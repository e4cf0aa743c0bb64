#!/usr/bin/env bash
# The real kiosk as a venue runs it, under Xvfb: a config with a feed_url served on
# 127.0.0.1, the real clock (no --now), an empty cache. It must show content within
# seconds (no deadlock before the first frame), sync, keep every picture up to date
# after a tap without further input, ignore a window-close request, and stop on SIGTERM.
# usage: loop_e2e.sh KIOSK KIOSK_FEED SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 feedtool=$2 src=$3
for t in Xvfb xdotool import compare python3; do
  command -v $t >/dev/null || { echo "FAIL $t is not installed (scripts/install-deps.sh installs it)"; exit 1; }
done
W=1920 H=1080
disp=":$((300 + $$ % 300))"
cp -r "$src/content" "$TMP/feed" && rm -f "$TMP/feed/manifest.json"
"$feedtool" build "$TMP/feed" >/dev/null || { fail "kiosk-feed build"; finish; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$TMP/feed" >"$TMP/http.log" 2>&1 & http=$!
Xvfb "$disp" -screen 0 "${W}x${H}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $kpid $http $xvfb 2>/dev/null; rm -rf "$TMP"' EXIT
sleep 1
sed -e "s|\"feed_url\": \"\"|\"feed_url\": \"http://127.0.0.1:$port/manifest.json\"|" \
    -e "s|\"cache_dir\": \"\"|\"cache_dir\": \"$TMP/cache\"|" \
    -e "s|\"content_dir\": \"../content\"|\"content_dir\": \"$src/content\"|" "$src/config/kiosk.jsonc" >"$TMP/venue.jsonc"
export DISPLAY=$disp SDL_AUDIODRIVER=dummy XDG_STATE_HOME="$TMP/state"
"$kiosk" --config "$TMP/venue.jsonc" >"$TMP/kiosk.log" 2>&1 & kpid=$!

# Content within 5 s of the start, synced from the feed (the real clock, no --now).
for _ in $(seq 50); do grep -q "first frame of content" "$TMP/kiosk.log" && break; sleep 0.1; done
if grep -q "first frame of content" "$TMP/kiosk.log"; then pass "content on screen within 5 s of the start"; else fail "no content 5 s after the start"; sed 's/^/     | /' "$TMP/kiosk.log" | tail -20; fi
grep -q "content sync: updated" "$TMP/kiosk.log" && pass "synced from the feed on 127.0.0.1" || fail "no sync in the log"
grep -q "GET /manifest.json" "$TMP/http.log" && pass "the feed server got the manifest request" || fail "no request reached the feed"

shot() { import -display "$disp" -window root "$TMP/$1.png"; }
tap() { xdotool mousemove "$1" "$2"; sleep 0.05; xdotool mousedown 1; sleep 0.08; xdotool mouseup 1; }
# After a tap and a pause, moving the pointer (which makes the loop draw) must not change
# the picture below the header (its clock may tick).
settled() {
  shot "$1-a"; xdotool mousemove $((W - 3)) $((H / 2)); sleep 1.2; shot "$1-b"
  local band=$((H / 11))
  local diff
  diff=$(compare -metric AE "$TMP/$1-a.png[${W}x$((H - band))+0+$band]" "$TMP/$1-b.png[${W}x$((H - band))+0+$band]" null: 2>&1)
  if [ "$diff" = 0 ]; then pass "$2: the picture was already up to date"; else fail "$2: $diff pixels changed after the tap had settled"; fi
}
tap $((W / 2)) $((H / 2)); sleep 1.5; settled home "wake-up tap"
tap $((W / 4)) $((H / 3)); sleep 1.5; settled programme "tap on the Programme tile"
tap $((W * 3 / 4)) $((H * 7 / 30)); sleep 1.5; settled day "tap in the day strip"

# A window manager's close request (WM_DELETE_WINDOW, what Alt+F4 sends) is ignored.
wid=$(xdotool search --name Kiosk | head -1)
if [ -n "$wid" ]; then
  python3 - "$wid" <<'PY' 2>"$TMP/close.err" || true
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.restype = ctypes.c_ulong
d = x.XOpenDisplay(None)
class Ev(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("l", ctypes.c_long * 5), ("pad", ctypes.c_long * 12)]
ev = Ev(); ev.type = 33; ev.window = int(sys.argv[1]); ev.format = 32
ev.message_type = x.XInternAtom(ctypes.c_void_p(d), b"WM_PROTOCOLS", 0)
ev.l[0] = x.XInternAtom(ctypes.c_void_p(d), b"WM_DELETE_WINDOW", 0)
x.XSendEvent(ctypes.c_void_p(d), ctypes.c_ulong(ev.window), 0, 0, ctypes.byref(ev))
x.XFlush(ctypes.c_void_p(d))
PY
  sleep 2
  if kill -0 $kpid 2>/dev/null; then pass "a window-close request does not end the kiosk"; else fail "the kiosk ended on a close request"; fi
  grep -q "request to close the window was ignored" "$TMP/kiosk.log" && pass "the ignored close request is logged" || fail "no log line for the close request"
else
  fail "no Kiosk window found"
fi

kill -TERM $kpid
for _ in $(seq 30); do kill -0 $kpid 2>/dev/null || break; sleep 0.1; done
if kill -0 $kpid 2>/dev/null; then fail "the kiosk did not stop within 3 s of SIGTERM"; else wait $kpid; pass "SIGTERM stops the kiosk (exit $?)"; fi
finish
