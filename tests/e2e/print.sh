#!/bin/bash
# p through the terminal's printer port, read from a real pty: the byte
# meter (tests/bytes/meter.py) plays tests/bytes/print.keys as
# xterm-256color and vt100 (both have mc5/mc4) at 80x24 and 40x12, and
# this test reads the exact bytes between mc5 (ESC [ 5 i) and mc4
# (ESC [ 4 i): the same text the spool writes, with CR LF line ends; 80
# columns at most; nothing but text; a form feed between two records.
# The screen after printing is the screen before it, but for the status
# line saying what was done: the pages, 60 lines each, the records fill
# (a full case brief takes more than one).
. tests/lib.sh

PY=/usr/bin/python3
spool="$TMPDIR_TEST/spool"
mkdir "$spool"
# The same two prints into the spool: what the printer must receive.
"$PY" tests/bytes/meter.py --term xterm-256color --keys tests/bytes/print.keys \
	--args "-c $(with method=spool "directory=$spool")" >/dev/null 2>"$TMPDIR_TEST/spool.err" ||
	not_ok "the meter ran with the spool: $(cat "$TMPDIR_TEST/spool.err")"
check "the spool holds the two prints" test "$(ls "$spool" | wc -l)" = 2

for size in 80x24 40x12; do
	for charset in locale ascii; do
		dump="$TMPDIR_TEST/dump-$size-$charset"
		mkdir "$dump"
		"$PY" tests/bytes/meter.py --term xterm-256color --term vt100 --size "$size" \
			--keys tests/bytes/print.keys --args "-c $(with "charset=$charset")" \
			--screens --json --dump "$dump" >"$dump.json" 2>"$dump.err" ||
			not_ok "$size $charset: the meter ran: $(cat "$dump.err")"
		"$PY" - "$dump" "$dump.json" "$spool" "$size" "$charset" <<'PYEOF' || FAILED=1
import glob, json, os, sys, unicodedata
dump, report, spool, size, charset = sys.argv[1:]
cols, lines = map(int, size.split("x"))
failed = False

def tap(good, text, diag=()):
    global failed
    print(("ok - " if good else "not ok - ") + text)
    if not good:
        failed = True
        for d in diag:
            print("#   " + d)

def printed(term, step):
    out = open(glob.glob(os.path.join(dump, "%s.*.%s.out" % (term, step)))[0], "rb").read()
    a, b = out.find(b"\x1b[5i"), out.find(b"\x1b[4i")
    if a < 0 or b < a:
        return None
    return out[a + 4:b]

spooled = sorted(glob.glob(os.path.join(spool, "htkp-*.txt")), key=os.path.getmtime)


def pages(text):
    """The pages the spooled text fills, counted apart from htkp: records
    split by form feeds, 60 lines a page, each record on pages of its own."""
    return sum((rec.count(b"\n") + 59) // 60 for rec in text.split(b"\f"))


for entry in json.load(open(report)):
    term = entry["term"]
    steps = {s["step"]: s for s in entry["steps"]}
    for step, records, spooled_file in (("print", 1, spooled[0]), ("print-all", 2, spooled[1])):
        name = "%s %s %s %s" % (size, charset, term, step)
        got = printed(term, step)
        tap(got is not None, "%s: mc5 ... mc4 was sent" % name)
        if got is None:
            continue
        text = open(spooled_file, "rb").read()
        if charset == "ascii":
            tap(all(c < 128 for c in got), "%s: only ASCII under charset = ascii" % name)
            ok = got.count(b"\r\n") == text.count(b"\n")
            tap(ok, "%s: as many lines as the spool's text" % name)
        else:
            want = text.replace(b"\n", b"\r\n")
            tap(got == want, "%s: exactly the spool's text, lines ended CR LF" % name,
                ["got %r..." % got[:120], "want %r..." % want[:120]])
        body = got.decode("utf-8", "replace")
        widths = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
                  for l in body.replace("\f", "").split("\r\n")]
        tap(max(widths) <= 80, "%s: no line over 80 columns" % name)
        tap(not any(ord(c) < 32 and c not in "\r\n\f" for c in body) and "\x1b" not in body,
            "%s: nothing but text, line ends and form feeds" % name)
        tap(body.count("\f") == records - 1, "%s: %d form feed(s) between records"
            % (name, records - 1))
        before = [s for s in entry["steps"]][[s["step"] for s in entry["steps"]].index(step) - 1]
        after = steps[step]
        b, a = before["screen"].splitlines(), after["screen"].splitlines()
        tap(b[:-1] == a[:-1], "%s: the screen is as it was" % name,
            ["before: %r" % x for x in b[:-1] if x not in a] + ["after: %r" % x for x in a[:-1] if x not in b])
        want_pages = pages(text)
        say = "Sent to your printer: %d page%s." % (want_pages, "" if want_pages == 1 else "s")
        tap(a[-1].strip() == say[:cols - 2].strip() or a[-1].strip().startswith(say[:cols - 3]),
            "%s: the status line says %r" % (name, say), ["status line: %r" % a[-1]])
sys.exit(1 if failed else 0)
PYEOF
	done
done

finish
