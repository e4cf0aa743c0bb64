#!/usr/bin/env bash
# UI benchmark for docs/performance.md: starts the real kiosk under a private Xvfb and
# prints the time to the first frame of content, the CPU used by the attract loop over a
# whole round of the bundled playlist and by a still screen, the memory held (PSS), and,
# when Debian's chromium is installed, the CPU of the same attract loop as a web page in
# Chromium's kiosk mode on the same display in the same run. Needs xvfb and xdotool.
set -euo pipefail
usage() {
  cat <<'TXT'
usage: scripts/bench_ui.sh [SIZE=1920x1080] [SECONDS=60]
  Prints UI figures for docs/performance.md: start to first frame, CPU of the attract
  loop over SECONDS (60 covers one round of the bundled playlist), CPU of a still
  programme screen over 20 s, memory (PSS); then Chromium's kiosk mode on
  scripts/bench/attract.html when `chromium` is installed (apt-get install chromium).
  Exit codes: 0 figures printed, 1 missing build or tool.
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
size=${1:-1920x1080} secs=${2:-60}
w=${size%x*} h=${size#*x}
cd "$(dirname "$0")/.."
root=$(pwd)
kiosk=build/kiosk/kiosk
[ -x "$kiosk" ] || { echo "bench_ui: build first (scripts/test.sh or scripts/run.sh)" >&2; exit 1; }
for t in Xvfb xdotool; do command -v $t >/dev/null || { echo "bench_ui: $t missing (apt-get install xvfb xdotool)" >&2; exit 1; }; done
tmp=$(mktemp -d); disp=":$((300 + $$ % 300))"
kpid="" cpid=""
Xvfb "$disp" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & xpid=$!
cleanup() { [ -n "$kpid" ] && kill "$kpid" 2>/dev/null; [ -n "$cpid" ] && kill -- -"$cpid" 2>/dev/null; kill "$xpid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
sleep 1
export DISPLAY=$disp XDG_CACHE_HOME="$tmp/cache" SDL_AUDIODRIVER=dummy
hz=$(getconf CLK_TCK)
ticks() {  # user + system clock ticks of the given processes
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
percent() { awk -v a="$1" -v b="$2" -v hz="$hz" -v s="$3" 'BEGIN { printf "%.1f", (b - a) / hz / s * 100 }'; }

start=$(date +%s%N)
"$kiosk" --now 2027-10-20T14:30 2>"$tmp/log" & kpid=$!
for _ in $(seq 100); do grep -q 'first frame of content' "$tmp/log" && break; sleep 0.05; done
seen=$(( ($(date +%s%N) - start) / 1000000 ))
loop_ms=$(grep -o 'first frame of content [0-9]* ms' "$tmp/log" | grep -o '[0-9]\+' || echo "?")
sleep 2
a=$(ticks "$kpid"); sleep "$secs"; b=$(ticks "$kpid")
attract=$(percent "$a" "$b" "$secs")
xdotool mousemove $((w / 2)) $((h / 2)) click 1; sleep 1
xdotool mousemove $((w / 4)) $((h * 3 / 10)) click 1; sleep 2
a=$(ticks "$kpid"); sleep 20; b=$(ticks "$kpid")
still=$(percent "$a" "$b" 20)
pss=$(awk '/^Pss:/ {print int($2 / 1024)}' "/proc/$kpid/smaps_rollup")
kill "$kpid"; wait "$kpid" 2>/dev/null || true; kpid=""
echo "screen $size, software rendering under Xvfb, $(nproc) cores"
echo "kiosk: start to first frame of content: ~${seen} ms (seen in the log; ${loop_ms} ms after the loop started)"
echo "kiosk: attract loop: $attract % of one core over ${secs} s"
echo "kiosk: still programme screen: $still % of one core over 20 s"
echo "kiosk: memory (PSS): $pss MB"

chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
  echo "chromium: not installed (apt-get install chromium), no comparison"
  exit 0
fi
sed "s|IMAGES/|file://$root/content/images/|g" scripts/bench/attract.html > "$tmp/attract.html"
# --no-sandbox: the benchmark may run as root; the rendering path is Chromium's default one.
setsid "$chromium" --kiosk --no-sandbox --no-first-run --noerrdialogs --disable-features=Translate,TranslateUI --lang=fr \
  --user-data-dir="$tmp/chromium" --window-size="$w,$h" "file://$tmp/attract.html" >/dev/null 2>&1 &
cpid=$!
sleep 8
group() { pgrep -s "$cpid" | tr '\n' ' '; }
# Ticks of processes alive at both ends (a renderer that ends in between is not counted).
pids=$(group)
a=$(ticks $pids); sleep "$secs"; b=$(ticks $pids)
cattract=$(percent "$a" "$b" "$secs")
cpss=0
for p in $(group); do
  [ -r "/proc/$p/smaps_rollup" ] && cpss=$((cpss + $(awk '/^Pss:/ {print int($2 / 1024)}' "/proc/$p/smaps_rollup")))
done
echo "chromium $("$chromium" --version 2>/dev/null | awk '{print $2}'): attract loop page: $cattract % of one core over ${secs} s ($(echo "$pids" | wc -w) processes)"
echo "chromium: memory (PSS, all processes): $cpss MB"
