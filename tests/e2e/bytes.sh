#!/bin/bash
# Bytes on the wire. tests/bytes/meter.py plays tests/bytes/walk.keys and
# tests/bytes/take.keys (marks, statistics) on an 80x24 pty as
# xterm-256color and as vt100, under strace, and this test
# checks, for every step:
#   * its bytes are within tests/bytes/budgets (the counts are
#     deterministic, so the budgets are measurements plus headroom);
# and for every step after the first paint:
#   * no full-screen clear was sent (clear, ESC[2J);
#   * it took exactly one write() (none when it drew nothing): over SSH
#     with TCP_NODELAY every write() can become a packet;
#   * the screen is the one the step should reach (so that a budget cannot
#     pass because a key went astray).
# Line mode (htkp --line, TERM=dumb) walks tests/bytes/line.keys beside
# it, held to tests/bytes/line-budgets, one write() a step (the first
# included), and not one escape byte.
# Run from the repository root, with HTKP set (tests/run.sh does both).
. tests/lib.sh

PY=/usr/bin/python3
err=$TMPDIR_TEST/bytes.err

if ! command -v strace >/dev/null; then
	not_ok "strace is installed (scripts/deps.sh test installs it)"
	finish
fi
if ! strace -f -o /dev/null true >/dev/null 2>&1; then
	not_ok "strace can trace here (ptrace is not allowed: $(strace -o /dev/null true 2>&1 | head -1))"
	finish
fi

# walk.keys: the static screens and Case Law; take.keys: marks and
# statistics. Both against the same budgets.
jsons=()
for keysfile in tests/bytes/walk.keys tests/bytes/take.keys; do
	json=$TMPDIR_TEST/$(basename "$keysfile" .keys).json
	jsons+=("$json")
	"$PY" tests/bytes/meter.py --htkp "$HTKP" --term xterm-256color --term vt100 \
		--keys "$keysfile" --budgets tests/bytes/budgets \
		--strace --screens --json >"$json" 2>"$err"
	rc=$?
	# With --json the meter prints its TAP lines (the budgets) on stderr.
	grep -E '^(ok|not ok) ' "$err"
	grep -vE '^(ok|not ok) ' "$err" | sed 's/^/# /'
	case $rc in
	0) ;;
	1) FAILED=1 ;;
	*)
		not_ok "the byte meter ran $keysfile (status $rc)"
		finish
		;;
	esac
done

# The per-step checks, from the meter's JSON.
"$PY" - "${jsons[@]}" <<'EOF' || FAILED=1
import json
import re
import sys

report = [e for path in sys.argv[1:] for e in json.load(open(path))]
failed = False

# What the title bar (line 0) shows after each step of walk.keys.
TITLES = {
    "start": "Human Trafficking Knowledge Portal",
    "open-welcome": "htkp  Welcome",
    "welcome-back": "Human Trafficking Knowledge Portal",
    "open-help": "htkp  Help", "help-pgdn": "htkp  Help", "help-down": "htkp  Help",
    "help-back": "Human Trafficking Knowledge Portal",
    "open-cases": "htkp  Case Law Database",
    "search": "htkp  Case Law Database: results", "results-pgdn": "htkp  Case Law Database: results",
    "open-record": "htkp  Case Law: ", "record-back": "htkp  Case Law Database: results",
    "results-back": "htkp  Case Law Database",
    "cases-back": "Human Trafficking Knowledge Portal",
    "t-all": "htkp  Case Law Database: results", "t-mark": "htkp  Case Law Database: results",
    "t-mark-2": "htkp  Case Law Database: results", "t-stats": "htkp  Case Law Database: statistics",
    "t-stats-pgdn": "htkp  Case Law Database: statistics", "t-home": "Human Trafficking Knowledge Portal",
    "t-marked": "htkp  Marked records", "t-unmark": "htkp  Marked records",
}
SMKX = '"\\33[?1h\\33="'   # keypad_xmit of xterm and vt100, as strace shows it


def tap(good, text, diag=()):
    global failed
    print(("ok - " if good else "not ok - ") + text)
    if not good:
        failed = True
        for line in diag:
            print("#   " + line)


for entry in report:
    term = entry["term"]
    ignored = entry["ignored_sequences"]
    tap(not ignored, "%s: the meter's screen understood every sequence htkp sent" % term,
        ["not understood: %r (the floor may be wrong)" % ignored])
    for i, s in enumerate(entry["steps"]):
        name = "%s %s" % (term, s["step"])
        want = TITLES.get(s["step"])
        if want:
            top = s["screen"].splitlines()[0] if s["screen"] else ""
            tap(want in top, "%s: the title bar shows %r" % (name, want),
                ["title bar: %r" % top])
        if i == 0:
            continue   # the first paint clears the screen, in several writes
        tap(not s["clear"], "%s: no full-screen clear" % name,
            ["sent %r; the step's writes:" % s["clear"]] + s["strace"])
        want_writes = 1 if s["bytes"] else 0
        if s["writes"] == want_writes:
            tap(True, "%s: %d write() for %d bytes" % (name, s["writes"], s["bytes"]))
            continue
        diag = ["strace: " + l for l in s["strace"]]
        why = ""
        if s["writes"] > 1 and any(SMKX in l for l in s["strace"]):
            why = " (htkp: smkx in a write of its own at the first key)"
            diag += [
                "The write of \\33[?1h\\33= is smkx (keypad_xmit). start_terminal()",
                "in src/ui/ui.c does refresh(); endwin(); endwin() sends rmkx, and",
                "ncurses sends smkx again only at the first get_wch(), flushed on",
                "its own. Until that key the terminal is in normal cursor-key mode",
                "and sends Down as ESC [ B, which htkp reads as Esc [ B: the first",
                "arrow key after start-up is lost. Fix: keypad(stdscr, TRUE) right",
                "after that endwin() (measured: the first key's frame is then one",
                "write, and the first Down moves the selection).",
            ]
        tap(False, "%s: %d write() calls for %d bytes, want %d%s"
            % (name, s["writes"], s["bytes"], want_writes, why), diag)

sys.exit(1 if failed else 0)
EOF

# walk_beside NAME BUDGETS KEYS METER-ARGS...: plays KEYS with the meter
# held to BUDGETS, its TAP lines named NAME, and checks that every step
# took exactly one write().
walk_beside() {
	local name=$1 budgets=$2 keysfile=$3 rc
	shift 3
	json=$TMPDIR_TEST/$name.json
	"$PY" tests/bytes/meter.py --htkp "$HTKP" "$@" --keys "$keysfile" \
		--budgets "$budgets" --strace --json >"$json" 2>"$err"
	rc=$?
	grep -E '^(ok|not ok) ' "$err" | sed "s/^\(not \)\{0,1\}ok - /&$name: /"
	grep -vE '^(ok|not ok) ' "$err" | sed 's/^/# /'
	[ "$rc" = 0 ] || not_ok "$name: the byte meter ran within the budgets (status $rc)"
	"$PY" - "$json" "$name" <<'EOF' || FAILED=1
import json
import sys

failed = False
for entry in json.load(open(sys.argv[1])):
    for s in entry["steps"]:
        name = "%s %s %s" % (sys.argv[2], entry["term"], s["step"])
        good = s["writes"] == 1
        print(("ok - " if good else "not ok - ") + "%s: %d write() for %d bytes"
              % (name, s["writes"], s["bytes"]))
        failed |= not good
sys.exit(1 if failed else 0)
EOF
}

# --- low_bandwidth = yes: Case Law's walk (tests/bytes/cases.keys) with
# the selection an arrow instead of a bar ---
walk_beside low_bandwidth tests/bytes/lowband-budgets tests/bytes/cases.keys \
	--args "-c $(with low_bandwidth=yes)" --term xterm-256color --term vt100

# --- line mode, beside it ---
dump=$TMPDIR_TEST/line-dump
mkdir -p "$dump"
walk_beside "line mode" tests/bytes/line-budgets tests/bytes/line.keys \
	--args "-c config/htkp.ini --line" --term dumb --dump "$dump"
check "line mode: the meter recorded every step" test "$(ls "$dump" | wc -l)" -ge 14
check "line mode: not one escape byte in the whole walk" bash -c "! cat '$dump'/* | grep -q $'\x1b'"

finish
