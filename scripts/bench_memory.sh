#!/usr/bin/env bash
# Memory benchmark for docs/performance.md: peak RSS of headless renders of a large hostile
# feed (600 sessions, 200 images up to 24 megapixels, image bombs) generated at run time in
# a temporary folder, against a render of the bundled feed on a screen with no image.
set -euo pipefail
case "${1:-}" in
  -h|--help)
    echo "usage: scripts/bench_memory.sh [KEEP_DIR]"
    echo "  Generates the feed (python3-pil), renders screens headless and prints peak RSS in MB."
    echo "  KEEP_DIR: write the feed there and keep it, or reuse it if made before"
    echo "  (default: a temporary folder, removed)."
    echo "  Exit codes: 0 done, 1 missing build or tool."
    exit 0 ;;
esac
cd "$(dirname "$0")/.."
kiosk=build/kiosk/kiosk feed_tool=build/kiosk/kiosk-feed
[ -x "$kiosk" ] && [ -x "$feed_tool" ] || { echo "bench_memory: build first (scripts/test.sh)" >&2; exit 1; }
py=/usr/bin/python3; [ -x "$py" ] || py=python3  # Debian's python3, where python3-pil is
"$py" -c 'import PIL' 2>/dev/null || { echo "bench_memory: python3-pil missing (apt-get install python3-pil)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
feed=${1:-$tmp/feed}
if [ -f "$feed/images/bench/bomb-1x1-3gib.png" ] && [ -f "$feed/manifest.json" ]; then
  bomb_demo=casque-visite-virtuelle big_demo=ceramiques-3d  # made before: reused
else
  read -r bomb_demo big_demo < <("$py" scripts/bench_memory_feed.py "$feed" | tail -n 1)
fi

peak() {  # peak LABEL COMMAND...: runs it and prints its peak RSS in MB
  local label=$1; shift
  "$py" - "$@" <<'PY' | sed "s/^/$label: /"
import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024} MB peak RSS (exit {rc})")
PY
}
export SDL_AUDIODRIVER=dummy XDG_CACHE_HOME=$tmp/cache
render() { echo "$kiosk" --headless --now 2027-10-20T14:30 --size 1920x1080 --screenshot "$tmp/shot.png" "$@"; }
echo "feed: $(du -sh "$feed" | cut -f1) on disk, $(find "$feed" -type f | wc -l) files"
peak "baseline: bundled feed, info screen (window, fonts, no image)" $(render --content content --screen info)
peak "large feed, info screen (no image)" $(render --content "$feed" --screen info)
peak "large feed, showroom (thumbnails)" $(render --content "$feed" --screen showroom)
peak "large feed, demo with the 1x1 PNG of 3 GiB zlib first" $(render --content "$feed" --screen "demo:$bomb_demo")
peak "large feed, demo with 20 images of 24 megapixels" $(render --content "$feed" --screen "demo:$big_demo")
peak "large feed, session with the 16-bit 8192x4800 PNG" $(render --content "$feed" --screen session:bench-201)
peak "large feed, session with the 8000x5000 RGBA PNG" $(render --content "$feed" --screen session:bench-202)
peak "large feed, programme" $(render --content "$feed" --screen programme)
peak "kiosk-feed validate of the large feed" "$feed_tool" validate "$feed"
