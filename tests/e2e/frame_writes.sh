#!/bin/bash
# One write() per frame, whatever its size and however the kiosk started:
# over SSH every write() can become a packet. tests/bytes/meter.py plays
# tests/bytes/resize.keys under strace on a database whose record fills a
# 400x100 terminal (frames of 30-50 KB, where ncurses' own output buffer
# holds 2236 bytes at 80x24 and never grows), with resizes up and down,
# as xterm-256color and as vt100; then again with LINES and COLUMNS in the
# environment (vt100 only), as a login shell's rc file may export them. Every step
# after start-up must be exactly one write().
. tests/lib.sh

PY=/usr/bin/python3
if ! strace -f -o /dev/null true >/dev/null 2>&1; then
	not_ok "strace can trace here (scripts/deps.sh test installs it)"
	finish
fi

# One case whose summary and commentary are 9000 words each.
"$PY" - "$TMPDIR_TEST/long.json" <<'PYEOF'
import itertools, json, sys
d = json.load(open("tests/data/import/good.json"))
words = ("recruiters promised work abroad and kept the passports of the "
         "workers who were made to labour without pay").split()
text = " ".join(itertools.islice(itertools.cycle(words), 9000))
d["cases"][0]["summary"] = d["cases"][0]["commentary"] = text
json.dump(d, open(sys.argv[1], "w"))
PYEOF
"$HTKP_IMPORT" -o "$TMPDIR_TEST/long.db" "$TMPDIR_TEST/long.json" >/dev/null
ini=$(with "path=$TMPDIR_TEST/long.db")

# Both terminals as started by the test harness; vt100 again with LINES
# and COLUMNS in the environment.
for env in "" "--env LINES=24 --env COLUMNS=80"; do
	json=$TMPDIR_TEST/frames.json
	terms="--term xterm-256color --term vt100"
	[ -n "$env" ] && terms="--term vt100"
	# shellcheck disable=SC2086 # $env and $terms are options or none
	"$PY" tests/bytes/meter.py --htkp "$HTKP" --args "-c $ini" $terms \
		--keys tests/bytes/resize.keys --strace --json $env >"$json" \
		2>"$TMPDIR_TEST/err" || {
		not_ok "the byte meter ran tests/bytes/resize.keys (${env:-no LINES/COLUMNS})"
		sed 's/^/# /' "$TMPDIR_TEST/err"
		continue
	}
	"$PY" - "$json" "${env:+LINES=24 COLUMNS=80 in the environment}" <<'PYEOF' || FAILED=1
import json, sys
failed = False
how = (", " + sys.argv[2]) if sys.argv[2] else ""
for entry in json.load(open(sys.argv[1])):
    steps = {s["step"]: s for s in entry["steps"]}
    big = steps["grow"]["bytes"]
    good = big > 30000
    print(("ok - " if good else "not ok - ")
          + "%s: the 400x100 record is a large frame (%d bytes)" % (entry["term"], big))
    failed |= not good
    for s in entry["steps"][1:]:
        good = s["writes"] == 1
        print(("ok - " if good else "not ok - ")
              + "%s %s%s: %d write() for %d bytes"
              % (entry["term"], s["step"], how, s["writes"], s["bytes"]))
        if not good:
            failed = True
            for l in s["strace"]:
                print("#   strace: " + l[:100])
sys.exit(1 if failed else 0)
PYEOF
done
finish
