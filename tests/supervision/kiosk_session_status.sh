#!/usr/bin/env bash
# kiosk-session returns the kiosk's exit status under cage, which itself always exits
# with 0 (cage 0.1.4 in Debian 12, checked by hand with its headless backend): the unit
# restarts on 75 (staff "Restart") and on a crash, and stays stopped on 0 (staff "Exit").
# cage and kiosk are stand-ins on PATH that behave like the real ones.
# usage: kiosk_session_status.sh SOURCE_DIR
set -u
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/run"
# cage -s -- CMD...: runs its client and exits with 0, as the real one does.
cat >"$tmp/bin/cage" <<'SH'
#!/bin/sh
[ "$1" = -s ] && shift
[ "$1" = -- ] && shift
"$@"
exit 0
SH
# kiosk: exits with the status in FAKE_KIOSK_EXIT, or kills itself with FAKE_KIOSK_SIGNAL;
# writes its arguments so the test sees they were passed on.
cat >"$tmp/bin/kiosk" <<'SH'
#!/bin/sh
echo "$@" >"$FAKE_KIOSK_ARGS"
[ -n "${FAKE_KIOSK_SIGNAL:-}" ] && kill -s "$FAKE_KIOSK_SIGNAL" $$
exit "${FAKE_KIOSK_EXIT:-0}"
SH
chmod +x "$tmp/bin/cage" "$tmp/bin/kiosk"
fails=0
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected $2, got $3"; fails=$((fails + 1)); fi
}
run() {
  PATH="$tmp/bin:$PATH" XDG_RUNTIME_DIR="$tmp/run" KIOSK_SESSION=cage FAKE_KIOSK_ARGS="$tmp/args" \
    sh "$src/config/systemd/kiosk-session" "$@" 2>"$tmp/err"
}
for code in 0 75 1 3; do
  FAKE_KIOSK_EXIT=$code run --config /etc/kiosk/kiosk.jsonc; check "kiosk exits $code under cage" "$code" "$?"
done
check "the kiosk's options are passed on" "--config /etc/kiosk/kiosk.jsonc" "$(cat "$tmp/args")"
FAKE_KIOSK_SIGNAL=ABRT run; rc=$?
check "a kiosk killed by SIGABRT is a failure the unit restarts (128+6)" 134 "$rc"
check "no status file is left behind" "" "$(ls "$tmp/run")"
# cage that cannot start (no GPU, no seat) never runs the kiosk: a failure, not a clean exit.
cat >"$tmp/bin/cage" <<'SH'
#!/bin/sh
echo "cage: cannot open a seat" >&2
exit 1
SH
run; rc=$?
check "cage failing to start is a failure" 1 "$rc"
grep -q "without the kiosk's exit status" "$tmp/err" && echo "ok   and says so" || { echo "FAIL no message"; fails=$((fails + 1)); }
printf '#!/bin/sh\nexit 0\n' >"$tmp/bin/cage"
run; rc=$?
check "cage exiting 0 without running the kiosk is not taken for the staff's Exit" 1 "$rc"
KIOSK_SESSION=weston PATH="$tmp/bin:$PATH" sh "$src/config/systemd/kiosk-session" 2>/dev/null; check "an unknown KIOSK_SESSION" 2 "$?"
[ "$fails" = 0 ] && echo "all passed" || exit 1
