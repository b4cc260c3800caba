#!/usr/bin/python3
"""Many kiosks at once, without SSH: N htkp processes, each on its own
pseudo-terminal (80x24, xterm-256color, as the byte meter starts it),
each opening Case Law and then, every INTERVAL seconds, searching (one of
five words, typed ahead with Enter) or paging down, for SECONDS seconds.

Key to frame: from writing the keys to the pty until the first bytes of
htkp's answer arrive (the kiosk sends a frame in one write()). Memory:
/proc/PID/smaps_rollup of every kiosk near the end: private (clean +
dirty: its own pages) and PSS (its share of the shared ones).

    bench/many.py [--sessions 200] [--seconds 60] [--interval 2]
                  [--htkp ./htkp] [--config config/htkp.ini]
"""
import argparse
import os
import random
import selectors
import signal
import struct
import subprocess
import sys
import time
import fcntl
import termios

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from results import add  # noqa: E402 (bench/results.py, beside this file)

# Each finds 22 or more of the sample's cases: two pages down both change
# the screen (a key that changes nothing gets no frame: see NO_FRAME).
WORDS = ["forced labour", "trafficking", "court", "labour", "exploitation"]
NO_FRAME = 1.5   # seconds after which a key counts as unanswered
PGDN = b"\x1b[6~"          # knp of xterm-256color
SEARCH = "/\x15%s\r"       # /, Ctrl-U (clear the line), the words, Enter


class Session:
    def __init__(self, argv, env, n):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

        def child_setup():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=subprocess.DEVNULL,
                                     env=env, preexec_fn=child_setup, close_fds=True)
        os.close(slave)
        os.set_blocking(self.master, False)
        self.n = n
        self.step = 0
        self.sent = None        # (kind, time) of keys awaiting their frame
        self.started = False    # the first frame has come
        self.next_at = None

    def send(self, kind, data, now):
        os.write(self.master, data)
        self.sent = (kind, now)

    def action(self):
        """The next keys: a search, then two pages down, and again."""
        k = self.step % 3
        self.step += 1
        if self.step == 1:
            return "open", b"3"
        if k == 1:
            return "search", (SEARCH % WORDS[(self.n + self.step) % len(WORDS)]).encode()
        return "pgdn", PGDN


def memory(pid):
    """(private KB, PSS KB) from smaps_rollup, or None."""
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            v = {}
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[0].endswith(":"):
                    v[parts[0][:-1]] = int(parts[1])
        return v.get("Private_Clean", 0) + v.get("Private_Dirty", 0), v.get("Pss", 0)
    except OSError:
        return None


def pct(values, p):
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    v = sorted(values)
    return v[max(0, min(len(v) - 1, int(round(p / 100.0 * len(v) + 0.5)) - 1))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--interval", type=float, default=2.0)
    ap.add_argument("--htkp", default="./htkp")
    ap.add_argument("--config", default="config/htkp.ini")
    a = ap.parse_args()
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    argv = [a.htkp, "-c", a.config]
    sel = selectors.DefaultSelector()
    sessions = []
    rnd = random.Random(1)
    t_start = time.monotonic()
    for n in range(a.sessions):
        s = Session(argv, env, n)
        sessions.append(s)
        sel.register(s.master, selectors.EVENT_READ, s)
    started = time.monotonic() - t_start
    lat = {"open": [], "search": [], "pgdn": []}
    late = []
    end = time.monotonic() + a.seconds
    mem_at = time.monotonic() + a.seconds * 0.9
    mems = []
    failed = unanswered = 0
    while True:
        now = time.monotonic()
        if now >= end:
            break
        if mem_at and now >= mem_at:
            mems = [m for m in (memory(s.proc.pid) for s in sessions) if m]
            mem_at = None
        # Keys due now: every session keeps its own rhythm, phase at random.
        for s in sessions:
            if s.sent and now - s.sent[1] > NO_FRAME:
                unanswered += 1
                s.sent = None
            if s.started and s.sent is None and s.next_at is not None and now >= s.next_at:
                late.append((now - s.next_at) * 1000)
                kind, data = s.action()
                try:
                    s.send(kind, data, now)
                except OSError:
                    failed += 1
                s.next_at += a.interval
        due = [s.next_at for s in sessions if s.started and s.sent is None and s.next_at]
        timeout = max(0.0, min(due) - time.monotonic()) if due else 0.05
        for key, _ in sel.select(min(timeout, 0.05)):
            s = key.data
            try:
                data = os.read(s.master, 65536)
            except OSError:
                data = b""
            if not data:
                sel.unregister(s.master)
                failed += 1
                continue
            t = time.monotonic()
            if not s.started:
                s.started = True
                s.next_at = t + rnd.uniform(0, a.interval)
            elif s.sent:
                kind, t0 = s.sent
                lat[kind].append((t - t0) * 1000)
                s.sent = None
    for s in sessions:
        s.proc.send_signal(signal.SIGTERM)
    for s in sessions:
        try:
            s.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            s.proc.kill()
        os.close(s.master)
    keys = sum(len(v) for v in lat.values())
    print("%d kiosks on ptys (%s, %s), %.0f s, a key every %.1f s each: %d keys answered, "
          "%d not within %.1f s, %d sessions failed; all started in %.1f s"
          % (a.sessions, a.htkp, a.config, a.seconds, a.interval, keys, unanswered, NO_FRAME,
             failed, started))
    print("key to frame (ms)       n      p50      p90      p99      max")
    for kind in ("open", "search", "pgdn"):
        v = lat[kind]
        print("  %-14s %8d %8.1f %8.1f %8.1f %8.1f" % (kind, len(v), pct(v, 50), pct(v, 90),
                                                   pct(v, 99), max(v) if v else float("nan")))
    allv = [x for v in lat.values() for x in v]
    print("  %-14s %8d %8.1f %8.1f %8.1f %8.1f" % ("all", len(allv), pct(allv, 50), pct(allv, 90),
                                               pct(allv, 99), max(allv) if allv else float("nan")))
    print("the driver itself: keys sent late by p50 %.1f ms, p99 %.1f ms" % (pct(late, 50), pct(late, 99)))
    if mems:
        priv = [m[0] / 1024.0 for m in mems]
        pss = [m[1] / 1024.0 for m in mems]
        print("memory of %d kiosks: private p50 %.2f MB, max %.2f MB; PSS p50 %.2f MB, max %.2f MB, "
              "sum %.1f MB" % (len(mems), pct(priv, 50), max(priv), pct(pss, 50), max(pss), sum(pss)))
    p99 = pct(allv, 99)
    maxpriv = max(m[0] for m in mems) / 1024.0 if mems else float("inf")
    print("targets: p99 < 100 ms: %s; private < 4 MB each: %s"
          % ("ok" if p99 < 100 else "OVER", "ok" if maxpriv < 4 else "OVER"))
    # The one table of make bench ($BENCH_RESULTS).
    for kind in ("open", "search", "pgdn"):
        if lat[kind]:
            add("kiosks", "key to frame: " + kind, "ms", pct(lat[kind], 50), pct(lat[kind], 99),
                note="%d keys" % len(lat[kind]), digits=1)
    add("kiosks", "key to frame, all keys (%d kiosks)" % a.sessions, "ms",
        pct(allv, 50) if allv else None, pct(allv, 99) if allv else None, target="p99<100",
        note="%d keys, %d unanswered, %d sessions failed" % (keys, unanswered, failed), digits=1)
    add("kiosks", "the driver's own lateness", "ms", pct(late, 50) if late else None,
        pct(late, 99) if late else None, digits=1)
    if mems:
        add("kiosks", "private memory, largest kiosk", "MB", max(priv), target="<4",
            note="p50 %.2f MB" % pct(priv, 50))
        add("kiosks", "PSS a kiosk, p50", "MB", pct(pss, 50),
            note="max %.2f MB, sum %.1f MB" % (max(pss), sum(pss)))
    else:
        add("kiosks", "private memory, largest kiosk", "MB", None, target="<4",
            note="not measured")
    return 0 if keys and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
