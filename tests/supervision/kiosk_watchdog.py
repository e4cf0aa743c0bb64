#!/usr/bin/env python3
"""The real kiosk under a watchdog supervisor that plays systemd's part for kiosk.service:
a notify socket (NOTIFY_SOCKET, WATCHDOG_USEC), READY=1, WATCHDOG=1 keep-alives, the
unit's WatchdogSignal when they stop for WatchdogSec, and Restart=always.

usage: kiosk_watchdog.py KIOSK SOURCE_DIR

systemd itself cannot run services in this sandbox (PID 1 is not systemd, so no
`systemd-run`), hence this stand-in; it reads WatchdogSignal= and Restart= from
config/systemd/kiosk.service.in so that it follows the unit, and shortens WatchdogSec=
(30 s in the unit) to keep the test short. The kiosk is made to hang by its test-only
KIOSK_TEST_HANG_AFTER_SECONDS (kiosk/app/supervision/test_hang.hpp). Checks:
  1. the kiosk says READY=1 and pings WATCHDOG=1 while its loop runs;
  2. after the hang the pings stop, and the kiosk is killed by the unit's signal within
     WatchdogSec of the hang (and not before it);
  3. it is restarted (Restart=always) and the new process is ready and pings again;
  4. a kiosk whose loop does not hang is never killed, and stops cleanly on SIGTERM
     (STOPPING=1, exit 0).
Exit 0 when all hold, 1 otherwise.
"""
import os
import re
import resource
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

WATCHDOG_SEC = 1.5  # the unit's is 30 s; the protocol is the same
HANG_AFTER = 2.0  # seconds after the loop's first turn
START_TIMEOUT = 20  # READY=1 must come within this (a slow, shared CI machine)


def unit_settings(source_dir):
    text = open(os.path.join(source_dir, "config/systemd/kiosk.service.in")).read()
    get = lambda key: re.search(rf"^{key}=(\S+)", text, re.M).group(1)
    return {"signal": getattr(signal, get("WatchdogSignal")), "restart": get("Restart"),
            "type": get("Type"), "watchdog_sec": get("WatchdogSec")}


class Run:
    """One start of the service's main process, as systemd would make it."""

    def __init__(self, kiosk, source_dir, work, hang):
        self.sock_path = os.path.join(work, f"notify-{time.monotonic_ns()}")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.sock_path)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WATCHDOG_", "KIOSK_TEST_", "DISPLAY"))}
        env.update(NOTIFY_SOCKET=self.sock_path, WATCHDOG_USEC=str(int(WATCHDOG_SEC * 1e6)), SDL_VIDEODRIVER="dummy",
                   SDL_AUDIODRIVER="dummy", HOME=work, XDG_CACHE_HOME=os.path.join(work, "cache"),
                   XDG_STATE_HOME=os.path.join(work, "state"))
        env.pop("WAYLAND_DISPLAY", None)
        if hang:
            env["KIOSK_TEST_HANG_AFTER_SECONDS"] = str(HANG_AFTER)
        self.log_path = os.path.join(work, f"kiosk-{len(os.listdir(work))}.log")
        self.log = open(self.log_path, "w")
        no_core = lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGABRT would dump one
        self.proc = subprocess.Popen([kiosk, "--config", os.path.join(source_dir, "config/kiosk.jsonc"), "--windowed",
                                      "--size", "640x360"], env=env, cwd=work, stdout=self.log,
                                     stderr=subprocess.STDOUT, preexec_fn=no_core)
        self.started = time.monotonic()
        self.ready_at = None
        self.last_ping = None
        self.pings = 0
        self.max_gap = 0.0  # longest silence between two notifications while running
        self.messages = []

    def pump(self, seconds):
        """Reads notifications for up to `seconds`; returns early if the process exits."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self.proc.poll() is None:
            r, _, _ = select.select([self.sock], [], [], 0.02)
            if r:
                now = time.monotonic()
                for line in self.sock.recv(4096).decode().split("\n"):
                    self.messages.append(line)
                    if line == "READY=1":
                        self.ready_at = self.last_ping = now
                    elif line == "WATCHDOG=1":
                        self.pings += 1
                        if self.last_ping is not None:  # a ping may come before READY=1 (systemd allows it)
                            self.max_gap = max(self.max_gap, now - self.last_ping)
                        self.last_ping = now

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.sock.close()
        self.log.close()

    def tail(self):
        return "".join(open(self.log_path).readlines()[-15:])


def fail(message, run=None):
    print(f"kiosk_watchdog: FAIL: {message}")
    if run:
        print("  kiosk log (last lines):\n" + run.tail())
    sys.exit(1)


def wait_ready(run):
    while run.ready_at is None and time.monotonic() - run.started < START_TIMEOUT and run.proc.poll() is None:
        run.pump(0.1)
    if run.ready_at is None:
        fail(f"no READY=1 within {START_TIMEOUT} s (exit code {run.proc.poll()})", run)
    print(f"  READY=1 {run.ready_at - run.started:.2f} s after the start")


def supervise_hung(run, unit):
    """Plays the watchdog until it fires; returns seconds from the last ping to the kill."""
    wait_ready(run)
    deadline = time.monotonic() + HANG_AFTER + 10
    while time.monotonic() < deadline:
        run.pump(0.02)
        if run.proc.poll() is not None:
            fail(f"the kiosk exited by itself ({run.proc.returncode}) instead of hanging", run)
        if time.monotonic() - run.last_ping > WATCHDOG_SEC:
            silent = time.monotonic() - run.last_ping
            pinged_for = run.last_ping - run.ready_at
            run.proc.send_signal(unit["signal"])
            run.proc.wait(timeout=10)
            if "test-only hang" not in open(run.log_path).read():
                fail("the watchdog fired but the kiosk had not hung: keep-alives too rare", run)
            if run.proc.returncode != -unit["signal"]:
                fail(f"the kiosk did not die of {signal.Signals(unit['signal']).name} ({run.proc.returncode})", run)
            return silent, pinged_for
    fail("the kiosk kept pinging: the hang did not stop the keep-alives", run)


def main():
    kiosk, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unit = unit_settings(source_dir)
    if unit["type"] != "notify" or unit["restart"] != "always" or unit["watchdog_sec"] in ("0", "infinity"):
        fail(f"kiosk.service is not Type=notify, Restart=always with a watchdog: {unit}")
    with tempfile.TemporaryDirectory() as work:
        restarts = 0
        for attempt in (1, 2):  # the restarted kiosk hangs again, as it would in the same state
            run = Run(kiosk, source_dir, work, hang=True)
            try:
                print(f"start {attempt} (hangs {HANG_AFTER} s after its loop starts):")
                silent, pinged_for = supervise_hung(run, unit)
                if run.pings < 2 or run.max_gap > WATCHDOG_SEC / 2 + 0.5:
                    fail(f"{run.pings} WATCHDOG=1 in {pinged_for:.1f} s, up to {run.max_gap:.2f} s apart: the loop "
                         f"must notify at least every WatchdogSec/2 = {WATCHDOG_SEC / 2} s", run)
                if pinged_for < HANG_AFTER - 0.5:
                    fail(f"the pings stopped {pinged_for:.2f} s after READY=1, before the hang", run)
                print(f"  {run.pings} WATCHDOG=1 over {pinged_for:.2f} s (at most {run.max_gap:.2f} s apart), then "
                      f"silence; killed by "
                      f"{signal.Signals(unit['signal']).name} after {silent:.2f} s without one")
            finally:
                run.close()
            if unit["restart"] == "always":
                restarts += 1
                time.sleep(0.2)  # RestartSec= (2 s in the unit)
        if restarts != 2:
            fail("the supervisor did not restart the kiosk")

        print("start 3 (no hang), stopped with SIGTERM after 3 s:")
        run = Run(kiosk, source_dir, work, hang=False)
        try:
            wait_ready(run)
            run.pump(3.0)
            if run.proc.poll() is not None:
                fail(f"the kiosk exited ({run.proc.returncode})", run)
            if time.monotonic() - run.last_ping > WATCHDOG_SEC:
                fail("a running loop went silent for WatchdogSec: systemd would kill it", run)
            if run.pings < 2 or run.max_gap > WATCHDOG_SEC / 2 + 0.5:
                fail(f"{run.pings} WATCHDOG=1 in 3 s, up to {run.max_gap:.2f} s apart", run)
            run.proc.send_signal(signal.SIGTERM)
            run.pump(5.0)
            code = run.proc.wait(timeout=10)
            if code != 0 or "STOPPING=1" not in run.messages:
                fail(f"SIGTERM: exit {code}, STOPPING=1 sent: {'STOPPING=1' in run.messages}", run)
            print(f"  {run.pings} WATCHDOG=1 (at most {run.max_gap:.2f} s apart), never killed; "
                  "SIGTERM: STOPPING=1 and exit 0")
        finally:
            run.close()
    print("kiosk_watchdog: a hung kiosk was killed and restarted twice; a running one was left alone")


main()
