#!/bin/bash
# Bytes on the wire in French and in Chinese: tests/bytes/walk.keys played
# with --lang fr and --lang zh (longer labels; double-width characters of
# three UTF-8 bytes each) as xterm-256color and vt100 at 80x24, each step
# held to tests/bytes/budgets-fr or budgets-zh (measurements plus 18%, as
# tests/bytes/budgets), to one write() and no full-screen clear after the
# first paint, and the walk checked to be in that language.
# Run from the repository root, with HTKP set (tests/run.sh does both).
. tests/lib.sh

PY=/usr/bin/python3
if ! strace -f -o /dev/null true >/dev/null 2>&1; then
	not_ok "strace can trace here"
	finish
fi
tr_() { LANGUAGE=$1 LC_ALL=C.UTF-8 TEXTDOMAINDIR=build/locale gettext -d htkp -- "$2"; }

for lang in fr zh; do
	json=$TMPDIR_TEST/walk-$lang.json
	err=$TMPDIR_TEST/walk-$lang.err
	"$PY" tests/bytes/meter.py --htkp "$HTKP" --args "-c config/htkp.ini --lang $lang" \
		--term xterm-256color --term vt100 --keys tests/bytes/walk.keys \
		--budgets "tests/bytes/budgets-$lang" --strace --screens --json >"$json" 2>"$err"
	rc=$?
	grep -E '^(ok|not ok) ' "$err" | sed "s/^\(not \)\{0,1\}ok - /&$lang: /"
	[ "$rc" -le 1 ] || { not_ok "$lang: the byte meter ran (status $rc)"; continue; }
	[ "$rc" -eq 0 ] || FAILED=1
	"$PY" - "$json" "$lang" "$(tr_ $lang 'Case Law Database')" <<'EOF' || FAILED=1
import json, sys
report, lang, cases = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
failed = False
def tap(good, text):
    global failed
    print(("ok - " if good else "not ok - ") + lang + ": " + text)
    failed |= not good
for entry in report:
    term = entry["term"]
    for i, s in enumerate(entry["steps"]):
        name = "%s %s" % (term, s["step"])
        if s["step"] == "open-cases":
            top = s["screen"].splitlines()[0] if s["screen"] else ""
            tap(cases in top, "%s: the title bar says %r (%r)" % (name, cases, top))
        if i == 0:
            continue
        tap(not s["clear"], "%s: no full-screen clear" % name)
        want = 1 if s["bytes"] else 0
        tap(s["writes"] == want, "%s: %d write() for %d bytes" % (name, s["writes"], s["bytes"]))
sys.exit(1 if failed else 0)
EOF
done
finish
