#!/usr/bin/python3
"""The byte meter: how many bytes htkp writes to the terminal per user step,
beside the floor, what a perfect writer would need for the same change.

It runs htkp under a pseudo-terminal of a fixed size and TERM, plays a
scenario (a .keys file: named steps, each a few keys), waits after each
step until htkp has been quiet for the settle time, and counts the bytes
that came out of the terminal during that step. All the output is also fed
to a pyte screen of the same size; the floor of a step is computed from the
cells that differ between the screen before and after it:

  * per row, runs of changed cells (character or attributes) are found,
    and runs fewer than 6 cells apart are merged (the gap is rewritten);
  * each run costs the UTF-8 bytes of its cells' characters (attributes
    are not charged; a character of the terminal's line-drawing set costs
    1 byte, as a perfect writer would send it) plus 4 bytes of cursor
    motion.

The first step (start-up) is measured against a blank screen. The floor
charges blanks as spaces and knows no scrolling, so a step that ncurses
does with clear-to-end-of-line or a scroll region can beat it.

With --strace, htkp runs under `strace -f -e trace=write` and the write()
calls to fd 1 are counted per step. A step's output is also searched for
full-screen clears (the terminal's `clear`, ESC[2J).

Media copy (mc5 ... mc4, what `p` sends to the user's printer) is kept
off the screen as a terminal with a printer port keeps it; --dump shows
those bytes as they were sent.

Scenario format (tests/bytes/*.keys), one step a line:

    # comment
    NAME  KEY...  [@FLAG...]

  NAME   a word: the step's name in tables and budgets
  KEY    a key name: Enter Esc Tab BTab Backspace Space Up Down Left Right
         PgDn PgUp Home End Ctrl-X (C-x) F1..F12, sent as the terminal in
         use sends it (terminfo kcuu1, knp, ...); a single character (1, q,
         /); or "quoted text", typed as is (\\" \\\\ \\e \\r \\n \\t \\xNN).
         The first step has no keys: it measures start-up; every other
         step has some.
  @exit  the step makes htkp exit: it is played, htkp must exit with
         status 0, and the step is not reported.
  @each  the keys go one at a time, each followed by the settle time, as
         a person types; the step's bytes and writes are summed.
  @size=COLSxLINES  the terminal is resized first (as a terminal window
         or ssh's window-change does: the pty's size, then SIGWINCH), then
         the keys, if any, are sent. The step's floor is measured against
         a blank screen of the new size.

Keys of one step are sent in one write() (like keys typed ahead over a slow
link) except after a lone Esc, which is followed by the ESC delay (an Esc
followed at once by more bytes would not be a lone Esc).

Cursor keys are sent as the terminal would send them at that moment: the
terminfo form (ESC O A) once htkp has sent smkx, ESC [ A before (the table
notes it). A terminal without a key (vt100 has no PgDn, PgUp, Home, End)
gets the kiosk's alternative key for it (Space, b, g, G), also noted.

The counts are deterministic: htkp gets a fixed size (and no LINES or
COLUMNS to override it), a fixed line speed, LANG=C.UTF-8, TERM and no
other environment; after a lone Esc the meter waits --esc-delay before the
settle time starts (ncurses holds the Esc that long), and it keeps waiting
while htkp is running rather than sleeping. --repeat N checks it.

Exit status: 0 fine; 1 a step exceeds its budget (--budgets) or the counts
differ between repeated runs (--repeat); 2 usage, scenario or run error.
"""

import argparse
import errno
import fcntl
import json
import os
import re
import select
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pyte
import pyte.charsets

MERGE_GAP = 6        # runs fewer than this many cells apart are merged
MOTION_BYTES = 4     # cursor motion charged per run

# What each key name asks terminfo for, and the kiosk's alternative key
# (see README, Keys) for terminals that lack it.
KEY_CAPS = {
    "up": ("kcuu1", None), "down": ("kcud1", None),
    "left": ("kcub1", None), "right": ("kcuf1", None),
    "pgdn": ("knp", b" "), "pgup": ("kpp", b"b"),
    "home": ("khome", b"g"), "end": ("kend", b"G"),
    "btab": ("kcbt", None), "backspace": ("kbs", b"\x7f"),
    "delete": ("kdch1", None), "insert": ("kich1", None),
}
KEY_CAPS.update({"f%d" % n: ("kf%d" % n, None) for n in range(1, 13)})
KEY_ALIASES = {
    "pagedown": "pgdn", "pgdown": "pgdn", "npage": "pgdn",
    "pageup": "pgup", "ppage": "pgup",
    "s-tab": "btab", "shift-tab": "btab", "backtab": "btab",
    "bs": "backspace", "del": "delete", "ins": "insert",
    "return": "enter", "escape": "esc",
}
# Keys whose code follows DECCKM (application / normal cursor-key mode).
CURSOR_KEYS = {"up", "down", "left", "right", "home", "end"}
PLAIN_KEYS = {"enter": b"\r", "esc": b"\x1b", "tab": b"\t", "space": b" "}

CAPS_WANTED = sorted({c for c, _ in KEY_CAPS.values()} | {"clear", "smkx", "rmkx", "acsc"})


class ScenarioError(Exception):
    pass


# ---------------------------------------------------------------- terminfo

def terminfo(term):
    """The capabilities the meter needs, for TERM, as bytes (None when the
    entry lacks one). curses.setupterm works once per process, so each
    TERM is looked up in a child interpreter."""
    prog = (
        "import curses, json, sys\n"
        "curses.setupterm(sys.argv[1], sys.stdout.fileno())\n"
        "caps = {}\n"
        "for c in sys.argv[2:]:\n"
        "    v = curses.tigetstr(c)\n"
        "    caps[c] = None if v is None else v.decode('latin-1')\n"
        "json.dump(caps, sys.stdout)\n"
    )
    env = clean_env(term)
    p = subprocess.run([sys.executable, "-c", prog, term] + CAPS_WANTED,
                       capture_output=True, env=env, text=True)
    if p.returncode != 0:
        why = (p.stderr.strip().splitlines() or ["setupterm failed"])[-1]
        raise ScenarioError("unknown terminal type %r (%s)" % (term, why))
    caps = json.loads(p.stdout)
    return {k: (None if v is None else strip_padding(v.encode("latin-1")))
            for k, v in caps.items()}


def strip_padding(cap):
    """Drops terminfo padding specifications ($<50>, $<5*/>)."""
    return re.sub(rb"\$<[0-9.*/]+>", b"", cap)


def clear_sequences(caps):
    """Byte strings that clear the whole screen on this terminal."""
    seqs = {b"\x1b[2J", b"\x1b[H\x1b[2J"}
    if caps.get("clear"):
        seqs.add(caps["clear"])
    # Longest first, so that a report names the whole sequence.
    return sorted(seqs, key=len, reverse=True)


# ---------------------------------------------------------------- scenario

def unquote(s, where):
    out = bytearray()
    i = 0
    simple = {"\\": b"\\", '"': b'"', "e": b"\x1b", "r": b"\r", "n": b"\n",
              "t": b"\t", "a": b"\x07", "0": b"\x00"}
    while i < len(s):
        ch = s[i]
        if ch != "\\":
            out += ch.encode("utf-8")
            i += 1
            continue
        if i + 1 >= len(s):
            raise ScenarioError("%s: a lone backslash ends the text" % where)
        nx = s[i + 1]
        if nx in simple:
            out += simple[nx]
            i += 2
        elif nx == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", s[i + 2:i + 4]):
            out.append(int(s[i + 2:i + 4], 16))
            i += 4
        else:
            raise ScenarioError("%s: unknown escape \\%s" % (where, nx))
    return bytes(out)


def tokenize(line, where):
    """Splits a scenario line into words and "quoted text"."""
    toks = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch.isspace():
            i += 1
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            break
        elif ch == '"':
            j = i + 1
            while j < len(line) and line[j] != '"':
                j += 2 if line[j] == "\\" else 1
            if j >= len(line):
                raise ScenarioError("%s: unterminated quote" % where)
            toks.append(("text", line[i + 1:j]))
            i = j + 1
        else:
            j = i
            while j < len(line) and not line[j].isspace():
                j += 1
            toks.append(("word", line[i:j]))
            i = j
    return toks


def key_token(word, where):
    """A key word, checked now and resolved per TERM later."""
    low = word.lower()
    low = KEY_ALIASES.get(low, low)
    if low in PLAIN_KEYS or low in KEY_CAPS:
        return ("key", low, word)
    m = re.fullmatch(r"(?:c-|ctrl-|\^)(.)", low)
    if m and ("a" <= m.group(1) <= "z" or m.group(1) in "[\\]^_@"):
        return ("bytes", bytes([ord(m.group(1).upper()) & 0x1f]), word)
    if len(word) == 1:
        return ("bytes", word.encode("utf-8"), word)
    raise ScenarioError('%s: unknown key %r (quote literal text: "%s")'
                        % (where, word, word))


def parse_scenario(path):
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise ScenarioError("cannot read %s: %s" % (path, e.strerror))
    steps = []
    for n, line in enumerate(lines, 1):
        where = "%s:%d" % (path, n)
        toks = tokenize(line, where)
        if not toks:
            continue
        kind, name = toks[0]
        if kind != "word" or not re.fullmatch(r"[A-Za-z0-9_.+-]+", name):
            raise ScenarioError("%s: a step starts with its name (letters, digits, - _ . +)" % where)
        if any(s["name"] == name for s in steps):
            raise ScenarioError("%s: step %r appears twice" % (where, name))
        keys, flags, size = [], set(), None
        for kind, val in toks[1:]:
            if kind == "text":
                keys.append(("bytes", unquote(val, where), '"%s"' % val))
            elif val.startswith("@size="):
                m = re.fullmatch(r"@size=(\d+)x(\d+)", val)
                if not m or int(m.group(1)) < 1 or int(m.group(2)) < 1:
                    raise ScenarioError("%s: %s: want @size=COLSxLINES" % (where, val))
                flags.add("size")
                size = (int(m.group(1)), int(m.group(2)))
            elif val.startswith("@") and len(val) > 1:
                if val not in ("@exit", "@each"):
                    raise ScenarioError("%s: unknown flag %s" % (where, val))
                flags.add(val[1:])
            else:
                keys.append(key_token(val, where))
        if bool(keys or size) != bool(steps):
            raise ScenarioError("%s: step %r: the first step has no keys (it measures "
                                "start-up), every other step has some or a @size" % (where, name))
        if steps and "exit" in steps[-1]["flags"]:
            raise ScenarioError("%s: a step after the @exit step" % where)
        steps.append({"name": name, "keys": keys, "flags": flags, "size": size, "line": n})
    if not steps:
        raise ScenarioError("%s: no steps" % path)
    return steps


def resolve_keys(keys, caps, term):
    """Key tokens to the chunks the terminal sends, each (bytes, name,
    cursor_key), and notes for keys this terminal lacks. Cursor keys depend
    on the terminal's cursor-key mode when they are sent: see wire()."""
    chunks, notes = [], []
    for kind, val, word in keys:
        if kind == "bytes":
            chunks.append((val, word, False))
            continue
        if val in PLAIN_KEYS:
            chunks.append((PLAIN_KEYS[val], word, False))
            continue
        cap, alt = KEY_CAPS[val]
        seq = caps.get(cap)
        if seq:
            chunks.append((seq, word, val in CURSOR_KEYS))
        elif alt is not None:
            chunks.append((alt, word, False))
            notes.append("%s has no %s (%s): sent %r, the kiosk's alternative"
                         % (term, cap, word, alt.decode()))
        else:
            raise ScenarioError("%s has no %s for key %s, and the kiosk has no alternative"
                                % (term, cap, word))
    return chunks, notes


def each_key(chunks):
    """The chunks as single keys: quoted text split into its characters."""
    for seq, word, cursor_key in chunks:
        if word.startswith('"') and len(seq) > 1:
            for ch in seq.decode("utf-8", "surrogateescape"):
                yield (ch.encode("utf-8", "surrogateescape"), ch, False)
        else:
            yield (seq, word, cursor_key)


def wire(chunk, screen, notes):
    """What the terminal sends for a key now. terminfo gives the cursor
    keys in application mode (ESC O A), the mode ncurses asks for with
    smkx; a terminal in normal mode (no smkx yet, or rmkx) sends ESC [ A."""
    seq, word, cursor_key = chunk
    if cursor_key and not screen.app_cursor and len(seq) == 3 and seq.startswith(b"\x1bO"):
        seq = b"\x1b[" + seq[2:]
        notes.append("%s sent as %r: the terminal was in normal cursor-key mode "
                     "(no smkx since start-up or the last rmkx)" % (word, seq.decode()))
    return seq


# ---------------------------------------------------------------- screen

class Screen(pyte.Screen):
    """pyte's screen plus REP (CSI n b, which ncurses uses where the
    terminal has rep, e.g. xterm), and a record of what pyte ignored."""

    def __init__(self, cols, lines):
        super().__init__(cols, lines)
        self.last_char = " "
        self.ignored = {}
        self.app_cursor = False   # DECCKM: what the cursor keys send

    def set_mode(self, *modes, **kwargs):
        if kwargs.get("private") and 1 in modes:
            self.app_cursor = True
        super().set_mode(*modes, **kwargs)

    def reset_mode(self, *modes, **kwargs):
        if kwargs.get("private") and 1 in modes:
            self.app_cursor = False
        super().reset_mode(*modes, **kwargs)

    def keypad_mode(self, *args, **kwargs):
        """DECKPAM/DECKPNM (ESC = / ESC >): the numeric keypad only."""

    def window_op(self, *args, **kwargs):
        """CSI ... t (xterm window and title-stack operations)."""

    def set_margins(self, *args, **kwargs):
        """CSI ? ... r is xterm's "restore private modes" (w3m sends it),
        which pyte's parser hands to set_margins."""
        if not kwargs.pop("private", False):
            super().set_margins(*args, **kwargs)

    def draw(self, data):
        super().draw(data)
        if data:
            self.last_char = data[-1]

    def repeat_last_character(self, count=1, *args, **kwargs):
        if count > 0:
            self.draw(self.last_char * count)

    def debug(self, *args, **kwargs):
        key = repr(args)[:40] if args else "an unknown ESC sequence"
        self.ignored[key] = self.ignored.get(key, 0) + 1


class Stream(pyte.ByteStream):
    """UTF-8 in, like ByteStream, but the line-drawing set switches (ESC ( 0,
    SO/SI) are obeyed as xterm does, where pyte ignores them in UTF-8."""
    csi = dict(pyte.ByteStream.csi, b="repeat_last_character", t="window_op")
    escape = dict(pyte.ByteStream.escape, **{"=": "keypad_mode", ">": "keypad_mode"})
    events = pyte.ByteStream.events | {"repeat_last_character", "window_op", "keypad_mode"}

    MC5, MC4 = b"\x1b[5i", b"\x1b[4i"

    def printer_port(self, data):
        """Media copy, as a terminal with a printer does it: the bytes
        between mc5 (CSI 5 i) and mc4 (CSI 4 i) go to the printer (kept in
        self.printed), not to the screen. A marker split between reads is
        held back until the rest arrives."""
        if not hasattr(self, "printed"):
            self.printed, self.printing, self.held = bytearray(), False, b""
        buf, self.held, screen = self.held + data, b"", bytearray()
        while buf:
            marker = self.MC4 if self.printing else self.MC5
            sink = self.printed if self.printing else screen
            k = buf.find(marker)
            if k < 0:
                keep = next((n for n in (3, 2, 1) if buf.endswith(marker[:n])), 0)
                sink.extend(buf[:len(buf) - keep])
                self.held = buf[len(buf) - keep:]
                break
            sink.extend(buf[:k])
            buf = buf[k + len(marker):]
            self.printing = not self.printing
        return bytes(screen)

    def feed(self, data):
        data = self.printer_port(data)
        text = self.utf8_decoder.decode(data)
        self.use_utf8 = False   # pyte's parser checks it only for SCS, SO, SI
        pyte.Stream.feed(self, text)


def line_drawing_chars(caps):
    """The glyphs the terminal draws from its line-drawing set (acsc): a
    perfect writer sends each as one byte, e.g. q for a horizontal line."""
    acsc = caps.get("acsc")
    if not acsc:
        return frozenset()
    vt100 = pyte.charsets.VT100_MAP
    return frozenset(vt100[b] for b in acsc.decode("latin-1").encode("latin-1")[1::2]
                     if b < len(vt100) and vt100[b] != chr(b))


def snapshot(screen):
    return [[screen.buffer[y][x] for x in range(screen.columns)]
            for y in range(screen.lines)]


def blank_snapshot(cols, lines):
    return snapshot(pyte.Screen(cols, lines))


def looks(c):
    """What a cell shows: a blank shows its background, underline, strike
    and (in reverse video) its letter colour, not bold, dim or italics,
    nor the letter colour otherwise (htkp writes blanks under whatever
    the terminal has when they look the same: src/ui/ui_wire.c)."""
    if c.data != " ":
        return c
    return (" ", c.bg, c.reverse, c.underscore, c.strikethrough,
            c.fg if c.reverse else None)


def floor_bytes(before, after, acs=frozenset()):
    """What a perfect writer needs to turn BEFORE into AFTER, counting the
    cells that look different (looks). A character of the terminal's
    line-drawing set (ACS) costs one byte."""
    total = 0
    for row_b, row_a in zip(before, after):
        changed = [x for x, (b, a) in enumerate(zip(row_b, row_a)) if looks(b) != looks(a)]
        if not changed:
            continue
        runs = [[changed[0], changed[0]]]
        for x in changed[1:]:
            if x - runs[-1][1] - 1 < MERGE_GAP:
                runs[-1][1] = x
            else:
                runs.append([x, x])
        for start, end in runs:
            total += MOTION_BYTES
            total += sum(1 if row_a[x].data in acs else len(row_a[x].data.encode("utf-8"))
                         for x in range(start, end + 1))
    return total


def screen_text(snap):
    return "\n".join("".join(c.data for c in row).rstrip() for row in snap)


# ---------------------------------------------------------------- running

def clean_env(term, extra=()):
    """Only what decides htkp's output: nothing inherited (LINES/COLUMNS
    would override the pty size, NO_COLOR the theme, ESCDELAY, TERMINFO,
    LC_ALL the charset), but what --env adds on purpose."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": os.environ.get("HOME", "/"),
           "TERM": term, "LANG": "C.UTF-8"}
    env.update(kv.split("=", 1) for kv in extra)
    return env


class Run:
    """One htkp process on a pty, fed keys, its output counted."""

    def __init__(self, argv, term, cols, lines, strace_log=None, env=()):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, cols, 0, 0))
        # A fixed line speed: ncurses weighs padding and motion by it.
        attrs = termios.tcgetattr(slave)
        attrs[4] = attrs[5] = termios.B38400
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        if strace_log:
            argv = ["strace", "-f", "-e", "trace=write", "-e", "signal=none",
                    "-o", strace_log, "--"] + argv
        self.stderr = tempfile.TemporaryFile()

        def child_setup():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        try:
            self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave,
                                         stderr=self.stderr, env=clean_env(term, env),
                                         preexec_fn=child_setup, close_fds=True)
        except OSError as e:
            os.close(slave)
            os.close(self.master)
            raise ScenarioError("cannot run %s: %s" % (argv[0], e.strerror))
        # Kept open only to ask how much typed input htkp has not read yet
        # (FIONREAD): on a loaded machine it may not have run at all
        # within the settle time.
        self.probe = slave
        self.strace = bool(strace_log)
        self.eof = False

    def resize(self, cols, lines):
        """The terminal's new size: the kernel sends SIGWINCH to the
        program in the foreground."""
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", lines, cols, 0, 0))

    def send(self, data):
        while data:
            n = os.write(self.master, data)
            data = data[n:]

    def read_some(self, timeout):
        """Output that arrives within TIMEOUT seconds (b"" if none)."""
        if self.eof:
            time.sleep(max(timeout, 0))
            return b""
        r, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not r:
            return b""
        try:
            data = os.read(self.master, 65536)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            data = b""
        if not data:
            self.eof = True
        return data

    def kiosk_pid(self):
        """htkp's pid (strace's child when traced)."""
        if not self.strace:
            return self.proc.pid
        try:
            with open("/proc/%d/task/%d/children" % (self.proc.pid, self.proc.pid)) as f:
                kids = f.read().split()
            return int(kids[0]) if kids else None
        except OSError:
            return None

    def input_pending(self):
        """Bytes sent to htkp that it has not read yet."""
        if self.probe is None:
            return 0
        try:
            buf = fcntl.ioctl(self.probe, termios.FIONREAD, b"\0\0\0\0")
        except OSError:
            return 0
        return struct.unpack("i", buf)[0]

    def busy(self):
        """True while htkp is running rather than waiting (a slow query),
        or has not read all the keys yet."""
        if self.proc.poll() is not None:
            return False
        if self.input_pending() > 0:
            return True
        pid = self.kiosk_pid()
        if pid is None:
            return False
        try:
            with open("/proc/%d/stat" % pid) as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return False
        return state in ("R", "D")

    def finish(self, timeout=5.0):
        """Waits for exit; hangs up first if it is still running."""
        end = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < end:
            self.read_some(0.05)
        if self.proc.poll() is None:
            os.close(self.master)
            self.master = None
            try:
                self.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.master is not None:
            os.close(self.master)
            self.master = None
        if self.probe is not None:
            os.close(self.probe)
            self.probe = None
        return self.proc.returncode

    def errors(self):
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")


def count_writes(text):
    """write() calls to fd 1 in a piece of strace log, and their lines."""
    lines = [l for l in text.splitlines()
             if re.match(r"^(\d+\s+)?write\(1,", l)]
    return len(lines), lines


def play(args, term, caps, steps):
    """Plays the scenario once; returns the per-step results."""
    cols, lines = args.cols, args.lines
    screen = Screen(cols, lines)
    stream = Stream(screen)
    argv = [args.htkp] + shlex.split(args.args)
    resolved = [resolve_keys(step["keys"], caps, term) for step in steps]
    settle = args.settle / 1000.0
    esc_wait = args.esc_delay / 1000.0
    clears = clear_sequences(caps)
    acs = line_drawing_chars(caps)
    log_off = 0
    results = []
    log = None
    if args.strace:
        fd, log = tempfile.mkstemp(prefix="htkp-meter-", suffix=".strace")
        os.close(fd)
    try:
        run = Run(argv, term, cols, lines, log, args.env)
    except BaseException:
        if log:
            os.unlink(log)
        raise
    try:
        before = blank_snapshot(cols, lines)
        for i, step in enumerate(steps):
            chunks, notes = resolved[i][0], list(resolved[i][1])
            out = bytearray()

            def pump(quiet_from):
                """Reads until the output has been quiet for the settle time
                (counted from QUIET_FROM at the earliest) and htkp waits."""
                last = quiet_from
                deadline = time.monotonic() + args.timeout
                while True:
                    now = time.monotonic()
                    left = last + settle - now
                    if left <= 0:
                        if not run.busy() or now > deadline:
                            return
                        left = 0.05
                    data = run.read_some(left)
                    if data:
                        out.extend(data)
                        stream.feed(data)
                        last = time.monotonic()
                    elif run.eof:
                        return

            if i == 0:
                # Start-up: wait for the first output, however long it takes.
                t0 = time.monotonic()
                while not out and not run.eof and time.monotonic() - t0 < args.timeout:
                    data = run.read_some(0.1)
                    if data:
                        out.extend(data)
                        stream.feed(data)
                pump(time.monotonic())
            else:
                if step["size"]:
                    cols, lines = step["size"]
                    screen.resize(lines, cols)
                    before = blank_snapshot(cols, lines)
                    run.resize(cols, lines)
                    if not chunks:
                        pump(time.monotonic())
                if not chunks:
                    groups = []
                elif "each" in step["flags"]:
                    groups = [[k] for k in each_key(chunks)]
                else:
                    groups = [chunks]
                for group in groups:
                    pending = b""
                    for j, c in enumerate(group):
                        seq = wire(c, screen, notes)
                        if seq == b"\x1b":
                            # A lone Esc: ncurses reads it as Esc only after
                            # waiting ESC delay for the rest of a sequence.
                            run.send(pending + seq)
                            pending = b""
                            if j + 1 < len(group):
                                pump(time.monotonic() + esc_wait)
                        else:
                            pending += seq
                    if pending:
                        run.send(pending)
                        pump(time.monotonic())
                    else:
                        pump(time.monotonic() + esc_wait)
            if "exit" in step["flags"]:
                status = run.finish(args.timeout)
                if status != 0:
                    raise ScenarioError("%s: htkp exited with status %s at step %s%s"
                                        % (term, status, step["name"], stderr_note(run)))
                break
            if run.eof or run.proc.poll() is not None:
                raise ScenarioError("%s: htkp exited during step %s (status %s)%s"
                                    % (term, step["name"], run.proc.poll(), stderr_note(run)))
            after = snapshot(screen)
            res = {"step": step["name"], "bytes": len(out),
                   "floor": floor_bytes(before, after, acs),
                   "clear": [c.decode("latin-1") for c in clears if c in out][:1],
                   "notes": notes}
            res["ratio"] = round(res["bytes"] / res["floor"], 2) if res["floor"] else None
            if log:
                with open(log, "rb") as f:
                    f.seek(log_off)
                    text = f.read()
                log_off += len(text)
                res["writes"], res["strace"] = count_writes(text.decode("utf-8", "replace"))
            if args.screens:
                res["screen"] = screen_text(after)
            if args.dump:
                with open(os.path.join(args.dump, "%s.%02d.%s.out" % (term, i, step["name"])), "wb") as f:
                    f.write(out)
            results.append(res)
            before = after
        else:
            run.finish(0)
        if run.proc.poll() is None:
            run.finish(0)
    finally:
        if run.master is not None:
            run.finish(0)
        if log:
            os.unlink(log)
    ignored = {k: v for k, v in screen.ignored.items()}
    return results, ignored


def stderr_note(run):
    e = run.errors().strip()
    return (": " + e.splitlines()[-1]) if e else ""


# ---------------------------------------------------------------- output

def fmt_table(term, size, results, args):
    out = ["TERM=%s %s  keys=%s  settle=%dms" % (term, size, args.keys, args.settle)]
    out.append("%-16s %7s %7s %6s %7s  %s" % ("step", "bytes", "floor", "ratio", "writes", "clear"))
    tb = tf = tw = 0
    for r in results:
        ratio = ("%.2f" % r["ratio"] if r["ratio"] is not None
                 else "inf" if r["bytes"] else "-")
        writes = str(r["writes"]) if "writes" in r else "-"
        clear = "yes" if r["clear"] else "no"
        out.append("%-16s %7d %7d %6s %7s  %s" % (r["step"], r["bytes"], r["floor"], ratio, writes, clear))
        tb += r["bytes"]
        tf += r["floor"]
        tw += r.get("writes", 0)
    ratio = "%.2f" % (tb / tf) if tf else "-"
    out.append("%-16s %7d %7d %6s %7s" % ("total", tb, tf, ratio, str(tw) if args.strace else "-"))
    for r in results:
        for n in r["notes"]:
            out.append("  note: %s: %s" % (r["step"], n))
    return "\n".join(out)


def read_budgets(path):
    budgets = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.split("#", 1)[0].split()
                if not line:
                    continue
                if len(line) != 3 or not line[2].isdigit():
                    raise ScenarioError("%s:%d: want TERM STEP BYTES" % (path, n))
                budgets[(line[0], line[1])] = int(line[2])
    except OSError as e:
        raise ScenarioError("cannot read %s: %s" % (path, e.strerror))
    return budgets


def check_budgets(term, results, budgets, path):
    failed = False
    lines = []
    for r in results:
        b = budgets.get((term, r["step"]))
        if b is None:
            lines.append("not ok - %s %s: %d bytes, no budget in %s (add: %s %s N)"
                         % (term, r["step"], r["bytes"], path, term, r["step"]))
            failed = True
        elif r["bytes"] <= b:
            lines.append("ok - %s %s: %d bytes <= budget %d" % (term, r["step"], r["bytes"], b))
        else:
            lines.append("not ok - %s %s: %d bytes > budget %d" % (term, r["step"], r["bytes"], b))
            failed = True
    return failed, lines


def parse_size(s):
    m = re.fullmatch(r"(\d+)x(\d+)", s)
    if not m or int(m.group(1)) < 1 or int(m.group(2)) < 1:
        raise argparse.ArgumentTypeError("want COLSxLINES, e.g. 80x24")
    return int(m.group(1)), int(m.group(2))


def main():
    ap = argparse.ArgumentParser(
        description="Bytes htkp writes to the terminal per step, beside the floor.",
        epilog="Scenario format and exit status: see the top of this file.")
    ap.add_argument("--term", action="append",
                    help="terminal type; repeat for several (default xterm-256color)")
    ap.add_argument("--size", type=parse_size, default=(80, 24), metavar="COLSxLINES",
                    help="terminal size (default 80x24)")
    ap.add_argument("--keys", default="tests/bytes/walk.keys", metavar="FILE",
                    help="scenario (default tests/bytes/walk.keys)")
    ap.add_argument("--settle", type=int, default=400, metavar="MS",
                    help="quiet time that ends a step (default 400)")
    ap.add_argument("--esc-delay", type=int, default=300, metavar="MS",
                    help="htkp's esc_delay: a lone Esc is answered only after it (default 300, "
                         "as in config/htkp.ini)")
    ap.add_argument("--timeout", type=float, default=10.0, metavar="S",
                    help="longest wait for start-up, a busy htkp or its exit (default 10)")
    ap.add_argument("--htkp", default=os.environ.get("HTKP", "./htkp"), metavar="PATH",
                    help="the kiosk (default $HTKP or ./htkp)")
    ap.add_argument("--args", default="-c config/htkp.ini", metavar="ARGS",
                    help="htkp's arguments, split like a shell (default '-c config/htkp.ini')")
    ap.add_argument("--budgets", metavar="FILE",
                    help="budget table (TERM STEP BYTES); TAP lines, exit 1 when a step exceeds it")
    ap.add_argument("--strace", action="store_true", help="count write() calls per step")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="play N times; exit 1 unless bytes and writes agree every time")
    ap.add_argument("--screens", action="store_true",
                    help="print the screen after each step (for writing scenarios)")
    ap.add_argument("--json", action="store_true", help="JSON instead of tables")
    ap.add_argument("--save-json", metavar="FILE",
                    help="also write the JSON report to FILE (bench/run.sh gathers it)")
    ap.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                    help="add to the program's environment (e.g. LINES=24, as a login "
                         "shell may export it); repeat for several")
    ap.add_argument("--dump", metavar="DIR",
                    help="write each step's output to DIR/TERM.NN.STEP.out (to study it)")
    args = ap.parse_args()
    args.cols, args.lines = args.size
    terms = args.term or ["xterm-256color"]
    size = "%dx%d" % args.size

    try:
        if args.strace and not shutil.which("strace"):
            raise ScenarioError("--strace needs strace (apt-get install strace)")
        if not os.access(args.htkp, os.X_OK):
            raise ScenarioError("%s: not an executable (make htkp)" % args.htkp)
        if args.dump and not os.path.isdir(args.dump):
            raise ScenarioError("--dump %s: not a directory" % args.dump)
        if any("=" not in kv for kv in args.env):
            raise ScenarioError("--env wants NAME=VALUE")
        if args.repeat < 1:
            raise ScenarioError("--repeat wants a count of at least 1")
        steps = parse_scenario(args.keys)
        budgets = read_budgets(args.budgets) if args.budgets else None
        report, failed, tap = [], False, []
        for term in terms:
            caps = terminfo(term)
            runs = []
            for _ in range(args.repeat):
                runs.append(play(args, term, caps, steps))
            results, ignored = runs[0]
            entry = {"term": term, "size": size, "keys": args.keys,
                     "settle_ms": args.settle, "steps": results,
                     "ignored_sequences": ignored}
            if args.repeat > 1:
                def counts(rs):
                    return [(r["step"], r["bytes"], r.get("writes")) for r in rs]
                same = all(counts(r) == counts(results) for r, _ in runs[1:])
                entry["deterministic"] = same
                entry["runs"] = [[r["bytes"] for r in rs] for rs, _ in runs]
                if not same:
                    failed = True
                    tap.append("not ok - %s: byte or write counts differ between %d runs: %s"
                               % (term, args.repeat, entry["runs"]))
                else:
                    tap.append("ok - %s: the same counts in %d runs" % (term, args.repeat))
            if budgets is not None:
                f, lines = check_budgets(term, results, budgets, args.budgets)
                failed |= f
                tap.extend(lines)
            report.append(entry)
            if not args.json:
                print(fmt_table(term, size, results, args))
                if args.repeat > 1:
                    print("runs: %s" % ("identical" if entry["deterministic"] else
                                        "DIFFER " + str(entry["runs"])))
                if args.screens:
                    for r in results:
                        print("--- after %s" % r["step"])
                        print(r["screen"])
                print()
            sys.stdout.flush()
        if args.json:
            json.dump(report, sys.stdout, indent=1)
            print()
        if args.save_json:
            with open(args.save_json, "w") as f:
                json.dump(report, f, indent=1)
        # With --json the TAP lines go to stderr, to keep stdout JSON.
        for line in tap:
            print(line, file=sys.stderr if args.json else sys.stdout)
        return 1 if failed else 0
    except ScenarioError as e:
        print("meter: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
