#!/usr/bin/env bash
# The installed kiosk under the real systemd of a Debian 12 root where the .deb is
# installed (scripts/test-package.sh calls it): systemd booted as PID 1 of its own PID and
# mount namespaces (unshare, chroot: no container manager), `systemctl start kiosk`
# reaching READY=1, then a loop made to hang (test-only KIOSK_TEST_HANG_AFTER_SECONDS)
# killed by systemd's watchdog and restarted. usage: systemd_in_root.sh ROOT (as root)
set -euo pipefail
root=$(realpath "$1")
fail() { echo "systemd_in_root: FAIL: $*" >&2; exit 1; }
[ -x "$root/lib/systemd/systemd" ] || fail "$root has no systemd"

unshare --pid --fork --mount --uts --kill-child bash -c "mount --bind '$root' '$root' && mount -t proc proc '$root/proc' &&
  mount --rbind /sys '$root/sys' && mount --bind /dev '$root/dev' &&
  exec chroot '$root' env container=other /lib/systemd/systemd --system --log-target=journal" >/dev/null 2>&1 &
ns=$!
trap 'kill -9 $ns 2>/dev/null; wait $ns 2>/dev/null || true' EXIT
sd=""
for _ in $(seq 100); do sd=$(pgrep -P $ns | head -n1 || true); [ -n "$sd" ] && break; sleep 0.1; done
[ -n "$sd" ] || fail "systemd did not start"
in_ns() { nsenter -t "$sd" -m -p -r -w "$@"; }
state=""
for _ in $(seq 60); do
  state=$(in_ns systemctl is-system-running 2>/dev/null || true)
  case $state in running|degraded) break ;; esac
  sleep 0.5
done
case $state in running|degraded) echo "systemd booted in the root ($state)" ;; *) fail "systemd did not finish booting ($state)" ;; esac
show() { in_ns systemctl show kiosk -p "$1" --value; }
journal() { in_ns journalctl -u kiosk --no-pager -o cat; }

# The unit as shipped but for the display: the test root has no GPU and no cage, so the
# kiosk uses SDL's dummy video driver. User, PAM session, tty, sandboxing, Cache/StateDirectory,
# Type=notify and the watchdog are the package's.
mkdir -p "$root/etc/systemd/system/kiosk.service.d"
cat >"$root/etc/systemd/system/kiosk.service.d/test-display.conf" <<'EOF'
[Service]
ExecStart=
ExecStart=/usr/bin/kiosk --windowed --size 640x360
Environment=SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
EOF
in_ns systemctl daemon-reload
# Type=notify: start returns once the kiosk sent READY=1 after its first frame of content.
in_ns systemctl start kiosk || { journal | tail -n 20 >&2; fail "systemctl start kiosk"; }
[ "$(show ActiveState)" = active ] || { journal | tail -n 20 >&2; fail "kiosk.service is $(show ActiveState)"; }
status=$(show StatusText)
echo "$status" | grep -q "content version" || fail "systemctl status shows '$status', not the content version"
uid=$(chroot "$root" id -u kiosk)  # the root's user, not this machine's uid 100
for d in /var/cache/kiosk /var/lib/kiosk; do
  [ "$(stat -c %u "$root$d")" = "$uid" ] || fail "$d is not the kiosk user's"
done
echo "systemctl start kiosk: active, status \"$status\", cache and state directories made by systemd"

# A frozen loop: systemd's watchdog kills it with the unit's WatchdogSignal and restarts it.
cat >"$root/etc/systemd/system/kiosk.service.d/test-hang.conf" <<'EOF'
[Service]
WatchdogSec=2
Environment=KIOSK_TEST_HANG_AFTER_SECONDS=2
EOF
in_ns systemctl daemon-reload
restarts_before=$(show NRestarts)
lines_before=$(journal | wc -l)
since() { journal | tail -n +$((lines_before + 1)); }  # this part's journal only
in_ns systemctl restart kiosk || { journal | tail -n 20 >&2; fail "systemctl restart kiosk with the hang"; }
ok=0
for _ in $(seq 60); do
  if [ "$(show NRestarts)" -gt "$restarts_before" ] && since | grep -q "Watchdog timeout" &&
     [ "$(show ActiveState)" = active ]; then ok=1; break; fi
  sleep 0.5
done
log=$(since)
[ "$ok" = 1 ] || { echo "$log" | tail -n 25 >&2; fail "the hung kiosk was not killed by the watchdog and restarted"; }
echo "$log" | grep -q "test-only hang" || fail "the kiosk did not log its hang"
echo "$log" | grep -q "Killing process .* (kiosk) with signal SIGABRT" || { echo "$log" | tail -n 25 >&2; fail "not killed with SIGABRT"; }
echo "watchdog: $(echo "$log" | grep -m1 'Watchdog timeout'); killed with SIGABRT, restarted ($(show NRestarts) restarts)"
in_ns systemctl stop kiosk
rm -rf "$root/etc/systemd/system/kiosk.service.d"
