#!/usr/bin/python3
"""Many kiosk sessions over SSH at once, each an `ssh -tt` client on a
pseudo-terminal read through a terminal emulator (pyte). Each session
searches, pages down, opens records and goes back, with a pause between
keys; half-way, every session is left waiting on a finished frame while
a command replaces the database, then the next key of each must show the
new data. Prints TAP lines and "# " figures; exits 1 when a check failed.

  driver.py --client 'ssh -tt ... host' --sessions 50 --seconds 20 \
      --counts counts.json --replace 'htkp-import -o DB new.json' \
      --sshd-pid PID

counts.json: {"cases": [OLD, NEW], "words": {"forced": [OLD, NEW], ...}},
the numbers of cases and of matches per word before and after the
replace (from `htkp query`).
"""

import argparse
import errno
import fcntl
import json
import math
import os
import random
import re
import selectors
import shlex
import signal
import struct
import subprocess
import sys
import termios
import time

import pyte

COLS, LINES = 80, 24
PGDN, BACKSPACE = "\x1b[6~", "\x7f"
UPDATED = r"The database was updated"
RESULTS = re.compile(r"Results (\d+)-(\d+) of (\d+)")


def percentile(values, p):
    """The p-th percentile (0-100) of values, nearest rank."""
    if not values:
        return float("nan")
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


class Session:
    """One SSH client on a pseudo-terminal and what the driver knows of
    the kiosk behind it."""

    def __init__(self, n, argv, env):
        self.n = n
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLS, 0, 0))
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                     env=env, start_new_session=True)
        os.close(slave)
        os.set_blocking(master, False)
        self.fd = master
        self.screen = pyte.Screen(COLS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.state = "connecting"
        self.kind = "connect"
        self.expect = [r"1  Welcome"]
        self.sent_at = time.monotonic()
        self.pending = True
        self.next_at = None
        self.word = None
        self.first = self.last = self.total = 0
        self.need_updated = False
        self.saw_updated = False
        self.last_error = None
        self.ended = False

    def text(self):
        return "\n".join(self.screen.display)

    def error_line(self):
        """The status line when the kiosk draws it as an error (white on
        red: ROLE_ERROR), else None."""
        row = self.screen.buffer[LINES - 1]
        if any(row[x].bg == "red" for x in range(COLS)):
            return self.screen.display[LINES - 1].strip()
        return None

    def send(self, keys, kind, expect, now):
        self.kind, self.expect, self.sent_at = kind, expect, now
        self.pending = True
        if self.need_updated:
            self.expect = expect + [UPDATED]
        os.write(self.fd, keys.encode())


class Load:
    def __init__(self, a):
        self.a = a
        self.rng = random.Random(a.seed)
        with open(a.counts) as f:
            c = json.load(f)
        self.cases = c["cases"]
        self.words = c["words"]
        self.gen = 0                       # 0 before the replace, 1 after
        self.sessions = []
        self.by_fd = {}
        self.sel = selectors.DefaultSelector()
        self.lat = {}                      # kind -> [ms]
        self.lag = []                      # ms a key was sent late
        self.failures = {}                 # check -> [lines]
        self.hold = False
        self.phase = "connect"
        self.pss_max = 0
        self.pss_at = ""
        self.alive_at_replace = 0
        self.env = {k: v for k, v in os.environ.items()
                    if not (k == "LANG" or k.startswith("LC_"))}
        self.env["TERM"] = "xterm-256color"

    def fail(self, check, line):
        self.failures.setdefault(check, []).append(line)

    # --- the server's processes and memory ---
    def server_procs(self):
        """(pid, comm) of the sshd listener and all its descendants."""
        children = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as f:
                    st = f.read()
            except OSError:
                continue
            rest = st[st.rindex(")") + 2:].split()
            children.setdefault(int(rest[1]), []).append(int(d))
        out, todo = [], [self.a.sshd_pid]
        while todo:
            pid = todo.pop()
            try:
                with open(f"/proc/{pid}/comm") as f:
                    out.append((pid, f.read().strip()))
            except OSError:
                continue
            todo.extend(children.get(pid, []))
        return out

    def sample_pss(self):
        total, n, kb = 0, {}, {}
        for pid, comm in self.server_procs():
            try:
                with open(f"/proc/{pid}/smaps_rollup") as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1])
                            kb[comm] = kb.get(comm, 0) + int(line.split()[1])
                            break
            except OSError:
                continue
            n[comm] = n.get(comm, 0) + 1
        if total > self.pss_max:
            self.pss_max = total
            self.pss_at = f"{self.phase}: " + ", ".join(
                f"{v} {k} {kb.get(k, 0) / 1024:.1f} MB" for k, v in sorted(n.items()))
        return n

    # --- sessions ---
    def start_session(self):
        s = Session(len(self.sessions), shlex.split(self.a.client), self.env)
        self.sessions.append(s)
        self.by_fd[s.fd] = s
        self.sel.register(s.fd, selectors.EVENT_READ)

    def choose(self, s, now):
        """Sends the session's next key, by its state."""
        count = self.cases[self.gen]
        if s.state == "home":
            s.send("3", "open-db", [rf"Case Law Database: {count} cases"], now)
            s.state = "db"
        elif s.state == "db":
            s.word = self.rng.choice(sorted(self.words))
            total = self.words[s.word][self.gen]
            s.send("/" + s.word + "\r", "search", [rf"Results 1-\d+ of {total},"], now)
            s.state = "list"
        elif s.state == "list":
            total = self.words[s.word][self.gen]
            moves = ["open", "open", "back"] + (["pgdn", "pgdn"] if s.last < s.total else [])
            move = self.rng.choice(moves)
            if move == "pgdn":
                first = rf"{s.last + 1}" if not s.need_updated else r"\d+"
                s.send(PGDN, "page-down", [rf"Results {first}-\d+ of {total},"], now)
            elif move == "open":
                s.send("\r", "open-record", [r"Case Law: [A-Z]+-[0-9]{4}-[0-9]{3}",
                                               r"^ Case Law [A-Z]+-[0-9]{4}-[0-9]{3} *$"], now)
                s.state = "record"
            else:
                s.send(BACKSPACE, "back-to-db", [rf"Case Law Database: {total} of {count} cases",
                                                 rf"Show the {total} cases found"], now)
                s.state = "db"
        elif s.state == "record":
            total = self.words[s.word][self.gen]
            first = rf"{s.first}" if not s.need_updated else r"\d+"
            s.send(BACKSPACE, "back-to-list", [rf"Results {first}-\d+ of {total},"], now)
            s.state = "list"
        elif s.state == "leaving":
            s.send("H", "home", [r"7  About"], now)
            s.state = "quit"
        elif s.state == "quit":
            s.send("q", "quit", [], now)
            s.state = "quitting"

    def on_output(self, s, now):
        try:
            data = os.read(s.fd, 65536)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            data = b""
        if not data:
            self.on_end(s)
            return
        s.stream.feed(data)
        err = s.error_line()
        if err and err != s.last_error:     # once per error, not per frame
            self.fail("error", f"session {s.n} ({s.kind}): {err}")
        s.last_error = err
        if not s.pending or s.state == "quitting":
            return
        text = s.text()
        if all(re.search(p, text, re.M) for p in s.expect):
            self.lat.setdefault(s.kind, []).append((now - s.sent_at) * 1000)
            s.pending = False
            if UPDATED in s.expect:
                s.need_updated, s.saw_updated = False, True
            m = RESULTS.search(text)
            if m and s.state == "list":
                s.first, s.last, s.total = map(int, m.groups())
            if s.state == "connecting":
                s.state = "home"
                self.connecting -= 1
            s.next_at = now + self.rng.uniform(self.a.think_min, self.a.think_max) / 1000

    def on_end(self, s):
        self.sel.unregister(s.fd)
        os.close(s.fd)
        s.ended = True
        rc = s.proc.wait()
        if s.state != "quitting":
            self.fail("early", f"session {s.n} ended during {s.kind} (state {s.state}, status {rc})")
            self.dump(s)
            if s.state == "connecting":
                self.connecting -= 1
        elif rc != 0:
            self.fail("quit", f"session {s.n}: ssh exited with status {rc} after q")
        s.pending = False
        s.next_at = None

    def dump(self, s):
        for line in s.screen.display:
            if line.strip():
                print("#   | " + line.rstrip())

    def check_timeouts(self, now):
        for s in self.sessions:
            if s.pending and not s.ended and now - s.sent_at > self.a.step_timeout:
                check = "newdata" if self.gen and s.kind not in ("home", "quit") else "frame"
                self.fail(check, f"session {s.n}: no frame for {s.kind} within "
                          f"{self.a.step_timeout} s (wanted {s.expect})")
                self.dump(s)
                s.pending = False
                s.next_at = None    # this session is given up on
                if s.state == "connecting":
                    self.connecting -= 1
                s.state = "failed"

    def live(self):
        return [s for s in self.sessions if not s.ended and s.state != "failed"]

    def replace(self):
        alive = self.sample_pss().get("htkp", 0)
        self.alive_at_replace = alive
        t = time.monotonic()
        r = subprocess.run(self.a.replace, shell=True, stdout=subprocess.DEVNULL)
        print(f"# replaced the database in {(time.monotonic() - t) * 1000:.0f} ms "
              f"with {alive} kiosks running (status {r.returncode})")
        self.replace_rc = r.returncode
        self.gen = 1
        now = time.monotonic()
        for s in self.live():
            s.need_updated = True
            s.next_at = now + self.rng.uniform(0, self.a.think_max) / 1000

    def run(self):
        a = self.a
        self.connecting = 0
        start = time.monotonic()
        next_pss = start
        t_replace = t_end = None
        while True:
            now = time.monotonic()
            # Start clients, a few handshakes at a time.
            while len(self.sessions) < a.sessions and self.connecting < a.connect_parallel:
                self.start_session()
                self.connecting += 1
            if self.phase == "connect" and len(self.sessions) == a.sessions and self.connecting == 0:
                self.phase = "before"
                self.connected_in = now - start
                for s in self.live():   # the first keys spread, not at once
                    s.next_at = now + self.rng.uniform(0, a.think_max) / 1000
                t_replace = now + a.seconds / 2
                t_end = now + a.seconds
            if now - start > a.seconds + a.connect_timeout + a.sessions:
                self.fail("frame", "the run took too long: stopped")
                break
            idle = [s for s in self.live() if not s.pending]
            if self.phase == "before" and now >= t_replace:
                self.hold = True
                if len(idle) == len(self.live()):
                    self.replace()
                    self.phase, self.hold = "after", False
            elif self.phase == "after" and now >= t_end:
                self.phase = "leaving"
                self.sample_pss()
            if self.phase == "leaving" and not self.live():
                break
            if not self.hold and self.phase != "connect":
                for s in idle:
                    if s.next_at is not None and now >= s.next_at:
                        if self.phase == "leaving" and s.state not in ("quit", "quitting"):
                            s.state = "leaving"
                        self.lag.append((now - s.next_at) * 1000)
                        self.choose(s, now)
            if now >= next_pss:
                self.sample_pss()
                next_pss = now + 1
            self.check_timeouts(now)
            wake = [s.next_at for s in idle if s.next_at is not None]
            timeout = max(0, min(wake + [now + 0.2]) - now)
            for key, _ in self.sel.select(timeout):
                s = self.by_fd.get(key.fd)
                if s and not s.ended:
                    self.on_output(s, time.monotonic())
        self.duration = time.monotonic() - start

    def stop(self):
        for s in self.sessions:
            if s.proc.poll() is None:
                s.proc.send_signal(signal.SIGTERM)
        for s in self.sessions:
            try:
                s.proc.wait(5)
            except subprocess.TimeoutExpired:
                s.proc.kill()
                s.proc.wait()

    def report(self):
        a, n = self.a, self.a.sessions
        ok = 0

        def tap(cond, desc, key=None):
            nonlocal ok
            print(("ok - " if cond else "not ok - ") + desc)
            for line in (self.failures.get(key, []) if key else [])[:10]:
                print("#   " + line)
            ok += 0 if cond else 1

        keys = sum(len(v) for k, v in self.lat.items() if k != "connect")
        conn = len(self.lat.get("connect", []))
        tap(conn == n, f"{n} sessions over SSH reach the home menu ({conn} did)")
        tap(not self.failures.get("early"), "no session ended before it quit", "early")
        tap(not self.failures.get("frame"), f"every key got its frame within {a.step_timeout} s", "frame")
        tap(not self.failures.get("error"), "no session showed an error line", "error")
        tap(self.alive_at_replace == n and getattr(self, "replace_rc", 1) == 0,
            f"htkp-import replaced the database under {self.alive_at_replace} running kiosks")
        saw = sum(1 for s in self.sessions if s.saw_updated)
        tap(saw == n, f"the next key after the replace showed \"{UPDATED}\" "
            f"in every session ({saw} of {n})")
        tap(not self.failures.get("newdata"),
            f"after the replace every screen counted the new data ({self.cases[1]} cases, "
            "one more match per word)", "newdata")
        tap(not self.failures.get("quit"), "every session quits with q, ssh status 0", "quit")
        budget = n * a.pss_per_session_kb
        tap(0 < self.pss_max < budget,
            f"server memory (PSS of sshd and htkp) {self.pss_max / 1024:.0f} MB "
            f"< {n} x {a.pss_per_session_kb // 1024} MB")
        allms = [x for k, v in self.lat.items() if k != "connect" for x in v]
        print(f"# {n} sessions, {keys} keys in {self.duration:.1f} s "
              f"(all connected in {getattr(self, 'connected_in', float('nan')):.1f} s)")
        print(f"# key to frame: p50 {percentile(allms, 50):.0f} ms, p99 {percentile(allms, 99):.0f} ms, "
              f"max {max(allms or [0]):.0f} ms")
        for k in sorted(self.lat):
            v = self.lat[k]
            print(f"#   {k:13s} {len(v):6d} keys  p50 {percentile(v, 50):6.0f} ms  "
                  f"p99 {percentile(v, 99):6.0f} ms")
        cpu = os.times()
        print(f"# the driver itself: {cpu.user + cpu.system:.1f} s CPU; keys sent late "
              f"by p50 {percentile(self.lag, 50):.0f} ms, p99 {percentile(self.lag, 99):.0f} ms "
              "(its own delay, part of every latency above)")
        print(f"# PSS: {self.pss_max / 1024:.1f} MB in all at the peak ({self.pss_at}), "
              f"{self.pss_max / 1024 / n:.1f} MB per session")
        return ok


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--client", required=True)
    p.add_argument("--sessions", type=int, default=50)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--counts", required=True)
    p.add_argument("--replace", required=True)
    p.add_argument("--sshd-pid", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--think-min", type=float, default=300, help="ms between keys")
    p.add_argument("--think-max", type=float, default=900)
    p.add_argument("--connect-parallel", type=int, default=8)
    p.add_argument("--connect-timeout", type=float, default=60)
    p.add_argument("--step-timeout", type=float, default=15)
    p.add_argument("--pss-per-session-kb", type=int, default=10 * 1024)
    a = p.parse_args()
    load = Load(a)
    try:
        load.run()
    finally:
        load.stop()
    sys.exit(1 if load.report() else 0)


if __name__ == "__main__":
    main()
