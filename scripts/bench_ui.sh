#!/usr/bin/env bash
# UI benchmark for docs/performance.md: starts the real kiosk under a private Xvfb and
# prints the time to the first frame of content, the CPU used by the attract loop and
# by a still screen, and the memory held (PSS). Needs xvfb and xdotool.
set -euo pipefail
case "${1:-}" in
  -h|--help) echo "usage: scripts/bench_ui.sh [SIZE=1920x1080] [SECONDS=20]"; echo "  Prints UI figures for docs/performance.md."; exit 0 ;;
esac
size=${1:-1920x1080} secs=${2:-20}
cd "$(dirname "$0")/.."
kiosk=build/kiosk/kiosk
[ -x "$kiosk" ] || { echo "bench_ui: build first (scripts/test.sh or scripts/run.sh)" >&2; exit 1; }
for t in Xvfb xdotool; do command -v $t >/dev/null || { echo "bench_ui: $t missing (apt-get install xvfb xdotool)" >&2; exit 1; }; done
tmp=$(mktemp -d); disp=":$((300 + $$ % 300))"
Xvfb "$disp" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill $kpid $xpid 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
export DISPLAY=$disp XDG_CACHE_HOME="$tmp/cache" SDL_AUDIODRIVER=dummy
"$kiosk" --now 2027-10-20T14:30 2>"$tmp/log" & kpid=$!
sleep 3
cpu() { awk '{print $14 + $15}' "/proc/$kpid/stat"; }  # user + system clock ticks
hz=$(getconf CLK_TCK)
measure() {  # measure SECONDS: percent of one core used over that time
  local a b; a=$(cpu); sleep "$1"; b=$(cpu)
  awk -v a="$a" -v b="$b" -v hz="$hz" -v s="$1" 'BEGIN { printf "%.1f", (b - a) / hz / s * 100 }'
}
first=$(grep -o 'first frame of content [0-9]* ms after start, [0-9]* ms' "$tmp/log" | grep -o '[0-9]\+' | tr '\n' ' ' || echo "?")
read -r first_start first_window <<<"$first"

attract=$(measure "$secs")
xdotool mousemove 960 500 click 1; sleep 1
xdotool mousemove 480 330 click 1; sleep 2
still=$(measure "$secs")
pss=$(awk '/^Pss:/ {print int($2 / 1024)}' "/proc/$kpid/smaps_rollup")
echo "screen $size, software rendering under Xvfb"
echo "first frame of content: ${first_start:-?} ms after start, ${first_window:-?} ms after the window appeared"
echo "attract loop: $attract % of one core"
echo "still programme screen: $still % of one core"
echo "memory (PSS): $pss MB"
