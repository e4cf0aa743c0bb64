#!/usr/bin/env bash
# The office's view of a real kiosk, as a technician sets it up: the kiosk binary with a
# metrics_file and a heartbeat_url on 127.0.0.1 (SDL's dummy video driver, systemd's
# CACHE_DIRECTORY/STATE_DIRECTORY). The office goes offline for two heartbeats and comes
# back: every heartbeat arrives once, in order; one answer asks for a screenshot, which
# comes back as a PNG of the kiosk's picture; the textfile parses with Prometheus' parser.
# usage: kiosk_office_e2e.sh KIOSK SOURCE_DIR PYTHON (a python3 with prometheus_client, PIL)
. "$(dirname "$0")/../app/lib.sh"
kiosk=$(realpath "$1") src=$(cd "$2" && pwd) py=$3
here=$(cd "$(dirname "$0")" && pwd)
ask_at=4  # the first heartbeat made after the office is back asks for a screenshot

start_office() {  # start_office [PORT]
  rm -f "$TMP/port"
  "$py" "$here/heartbeat_server.py" "$TMP/port" "$TMP/beats.log" "$TMP/shot.png" "$ask_at" "$@" >"$TMP/office.log" 2>&1 &
  office=$!
  for _ in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.1; done
}
wait_for() {  # wait_for SECONDS COMMAND...: true once COMMAND (evaluated each time) succeeds
  local end=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -ge $end ] && return 1; sleep 0.2; done
}
beats() { [ -f "$TMP/beats.log" ] && wc -l <"$TMP/beats.log" || echo 0; }
queued() { find "$TMP/state/heartbeats" -name '*.json' 2>/dev/null | wc -l; }
beats_at_least() { [ "$(beats)" -ge "$1" ]; }
queued_at_least() { [ "$(queued)" -ge "$1" ]; }
queue_empty() { [ "$(queued)" -eq 0 ]; }

start_office
port=$(cat "$TMP/port")
mkdir -p "$TMP/cache" "$TMP/state"
sed -e "s|\"content_dir\": \"../content\"|\"content_dir\": \"$src/content\"|" \
    -e "s|\"metrics_file\": \"\"|\"metrics_file\": \"$TMP/kiosk.prom\"|" \
    -e "s|\"heartbeat_url\": \"\"|\"heartbeat_url\": \"http://127.0.0.1:$port/hb\"|" \
    -e "s|\"heartbeat_token\": \"\"|\"heartbeat_token\": \"test-token\"|" \
    -e "s|\"heartbeat_seconds\": 60|\"heartbeat_seconds\": 5|" "$src/config/kiosk.jsonc" >"$TMP/kiosk.jsonc"
grep -q "heartbeat_seconds\": 5" "$TMP/kiosk.jsonc" || { fail "could not configure the supervision block"; finish; exit 1; }
env -u DISPLAY -u WAYLAND_DISPLAY -u NOTIFY_SOCKET SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy HOME="$TMP" \
  CACHE_DIRECTORY="$TMP/cache" STATE_DIRECTORY="$TMP/state" \
  "$kiosk" --config "$TMP/kiosk.jsonc" --windowed --size 640x360 >"$TMP/kiosk.log" 2>&1 &
kpid=$!
trap 'kill $kpid $office 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT

# Online: heartbeat 1, and the textfile.
if wait_for 20 beats_at_least 1; then pass "heartbeat 1 reached the office"; else fail "no heartbeat within 20 s"; sed 's/^/     | /' "$TMP/kiosk.log" | tail -20; finish; exit 1; fi
# Offline: the office stops; heartbeats wait on disk under STATE_DIRECTORY.
kill $office; wait $office 2>/dev/null
if wait_for 15 queued_at_least 2; then pass "offline: $(queued) heartbeats queued in STATE_DIRECTORY/heartbeats"; else fail "offline: $(queued) queued after 15 s, expected 2"; fi
# Back on the same port: the next heartbeat flushes the queue; its answer asks for a screenshot.
start_office "$port"
if wait_for 20 test -s "$TMP/shot.png"; then pass "the screenshot asked for in heartbeat $ask_at's answer arrived"; else fail "no screenshot 20 s after the office came back"; sed 's/^/     | /' "$TMP/kiosk.log" | tail -20; fi
wait_for 10 queue_empty && pass "the queue drained" || fail "$(queued) heartbeats still queued"

"$py" - "$TMP/beats.log" "$TMP/shot.png" "$TMP/kiosk.prom" <<'PY' >"$TMP/out" 2>&1
import json, sys
from PIL import Image
from prometheus_client.parser import text_string_to_metric_families
beats = [json.loads(line) for line in open(sys.argv[1])]
seqs = [b["seq"] for b in beats]
assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), f"seq not each once in order: {seqs}"
assert len(seqs) >= 4, f"only {seqs}"
assert all(b["format"] == "kiosk-heartbeat/1" for b in beats)
last = beats[-1]
assert last["screen"]["frames_drawn"] > 0, last
assert len(last["screen"]["frame_hash"]) == 16, last
print(f"heartbeats {seqs}, each once, in order")
im = Image.open(sys.argv[2]).convert("RGB")
assert im.size == (640, 360), f"screenshot {im.size}, the window is 640x360"
colours = len(im.getcolors(1 << 24))
assert colours > 20, f"screenshot has {colours} colours: blank"
print(f"screenshot {im.size[0]}x{im.size[1]}, {colours} colours")
samples = {}
for family in text_string_to_metric_families(open(sys.argv[3]).read()):
    for s in family.samples:
        assert s.labels.get("kiosk") == last["kiosk"], s
        samples.setdefault(s.name, []).append(s)
for name in ("kiosk_info", "kiosk_content_version", "kiosk_frames_drawn_total", "kiosk_uptime_seconds",
             "kiosk_presented_frame", "kiosk_screen_state", "kiosk_resident_memory_bytes"):
    assert name in samples, f"{name} missing from the textfile"
assert sum(s.value for s in samples["kiosk_screen_state"]) == 1, "exactly one screen state is 1"
assert samples["kiosk_frames_drawn_total"][0].value > 0
print(f"textfile: {len(samples)} metric names parsed by prometheus_client")
PY
if [ $? = 0 ]; then pass "$(paste -sd '|' "$TMP/out")"; else fail "office checks"; sed 's/^/     | /' "$TMP/out"; fi
kill -TERM $kpid; wait $kpid; code=$?
[ "$code" = 0 ] && pass "SIGTERM: exit 0" || fail "SIGTERM: exit $code"
finish
