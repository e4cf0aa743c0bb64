#!/usr/bin/env python3
"""Plays systemd's part for a Type=notify, WatchdogSec= service: a notify socket, READY=1,
then a kill (SIGABRT, as the unit's WatchdogSignal) when WATCHDOG=1 stops for WatchdogSec.

usage: watchdog_supervisor.py PROBE
Checks that a probe whose loop hangs is killed within WatchdogSec of the hang, and that
one which keeps its loop running is never killed. Exit 0 when both hold.
"""
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

WATCHDOG_SEC = 0.6


def supervise(probe, hang_after, run_for):
    """Returns (killed, seconds from the hang to the kill or None, keep-alives seen)."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC=str(int(WATCHDOG_SEC * 1e6)))
        env.pop("WATCHDOG_PID", None)
        p = subprocess.Popen([probe, "watchdog", str(hang_after), str(run_for)], env=env, stdout=subprocess.PIPE,
                             text=True)
        os.set_blocking(p.stdout.fileno(), False)
        ready, last, alives, hung_at = False, time.monotonic(), 0, None
        deadline = time.monotonic() + run_for + 10
        while time.monotonic() < deadline:
            r, _, _ = select.select([sock, p.stdout], [], [], 0.05)
            now = time.monotonic()
            if p.stdout in r:
                out = p.stdout.read() or ""
                if "hanging" in out and hung_at is None:
                    hung_at = now
            if sock in r:
                for line in sock.recv(4096).decode().split("\n"):
                    if line == "READY=1":
                        ready, last = True, now
                    elif line == "WATCHDOG=1":
                        alives, last = alives + 1, now
            if p.poll() is not None:
                return False, None, alives
            if ready and now - last > WATCHDOG_SEC:
                p.send_signal(signal.SIGABRT)
                p.wait()
                return True, (now - hung_at) if hung_at else None, alives
        p.kill()
        raise SystemExit("watchdog_supervisor: the probe neither exited nor stopped notifying")


def main():
    probe = sys.argv[1]
    killed, after_hang, alives = supervise(probe, hang_after=1.0, run_for=30)
    if not killed or after_hang is None:
        raise SystemExit(f"a hung loop was not killed (killed={killed}, hang seen={after_hang is not None})")
    if not (0 < after_hang <= WATCHDOG_SEC + 0.5):
        raise SystemExit(f"killed {after_hang:.2f} s after the hang, expected within {WATCHDOG_SEC} s")
    if alives < 3:
        raise SystemExit(f"only {alives} keep-alives before the hang, expected one every {WATCHDOG_SEC / 4} s")
    print(f"hung loop killed {after_hang:.2f} s after it stopped ({alives} keep-alives before)")
    killed, _, alives = supervise(probe, hang_after=-1, run_for=2.0)
    if killed:
        raise SystemExit("a running loop was killed: keep-alives too rare")
    print(f"running loop left alone for 2 s ({alives} keep-alives)")


main()
