#!/bin/bash
# Bytes per step: htkp beside lynx and w3m. bench/site.py writes the pages
# of tests/bytes/cases.keys's walk (home, Case Law with its search form,
# the results of "forced labour", a record) from db/htkp.db as a static
# site; a Python HTTP server serves it on loopback; tests/bytes/meter.py
# plays bench/keys/lynx.keys and w3m.keys (the same steps, as each browser
# does them) and cases.keys for htkp (with the shipped configuration, and
# again with low_bandwidth = yes), as xterm-256color and vt100 at 80x24.
# The table shows each step's bytes and htkp's floor (bench/README.md).
#   BENCH_SETTLE=MS   the meter's settle time (default 400)
# Run from the repository root after make (make bench does both).
cd "$(dirname "$0")/.." || exit 2
HTKP=${HTKP:-./htkp}
PY=/usr/bin/python3
settle=${BENCH_SETTLE:-400}
for b in lynx w3m; do
	command -v "$b" >/dev/null || { echo "browsers.sh: $b is missing (scripts/deps.sh test)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
"$PY" bench/site.py --db db/htkp.db "$work/site" || exit 1
mkdir -p "$work/home"   # the browsers' HOME: no history, cookies or rc files

# A port no one holds: the server says it is serving, or fails to bind.
for _ in 1 2 3 4 5; do
	port=$((20000 + RANDOM % 30000))
	"$PY" -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" \
		>"$work/httpd.log" 2>&1 &
	server=$!
	for _ in $(seq 50); do
		grep -q 'Serving HTTP' "$work/httpd.log" && break
		kill -0 "$server" 2>/dev/null || break
		sleep 0.1
	done
	grep -q 'Serving HTTP' "$work/httpd.log" && break
	kill "$server" 2>/dev/null
	server=
done
[ -n "$server" ] || { echo "browsers.sh: no HTTP server" >&2; exit 1; }
url=http://127.0.0.1:$port/index.html

meter() {   # meter NAME PROGRAM ARGS KEYS
	"$PY" tests/bytes/meter.py --htkp "$2" --args "$3" --keys "$4" --settle "$settle" \
		--term xterm-256color --term vt100 --env HOME="$work/home" --json >"$work/$1.json" ||
		{ echo "browsers.sh: the meter failed on $1" >&2; exit 1; }
}
meter htkp "$HTKP" "-c config/htkp.ini" tests/bytes/cases.keys
# The same walk with [display] low_bandwidth = yes (no rules or snippets,
# an arrow for the selection): a second set of rows.
sed 's/^low_bandwidth = .*/low_bandwidth = yes/' config/htkp.ini >"$work/lowband.ini"
meter htkp-lowband "$HTKP" "-c $work/lowband.ini" tests/bytes/cases.keys
meter lynx "$(command -v lynx)" "$url" bench/keys/lynx.keys
meter w3m "$(command -v w3m)" "$url" bench/keys/w3m.keys

"$PY" - "$work" <<'PYEOF'
import json, os, sys
sys.path.insert(0, "bench")
from results import add
runs = {n: {e["term"]: e for e in json.load(open(os.path.join(sys.argv[1], n + ".json")))}
        for n in ("htkp", "htkp-lowband", "lynx", "w3m")}
for (term, h), mode in [(th, "") for th in runs["htkp"].items()] + \
        [(th, ", low_bandwidth") for th in runs["htkp-lowband"].items()]:
    print("TERM=%s 80x24%s: bytes per step (floor: htkp's changed cells)" % (term, mode))
    print("%-14s %6s %6s %6s %6s %6s %6s" % ("step", "htkp", "lynx", "w3m", "floor",
                                            "/best", "/floor"))
    tot = [0, 0, 0, 0]
    for s in h["steps"]:
        other = [next((o["bytes"] for o in runs[b][term]["steps"] if o["step"] == s["step"]), None)
                 for b in ("lynx", "w3m")]
        best = min(o for o in other if o is not None)
        row = [s["bytes"]] + other + [s["floor"]]
        # The one table of make bench: each step against the best browser
        # (its floor row comes from the meter's run of cases.keys).
        who = [b for b, o in zip(("lynx", "w3m"), other) if o == best][0]
        add("wire", "%s cases%s %s, beside browsers" % (term, mode, s["step"]), "bytes", s["bytes"],
            anchor=who, anchor_value=best, target="ratio<=1",
            note="lynx %s, w3m %s" % tuple(other))
        tot = [t + (v or 0) for t, v in zip(tot, row)]
        print("%-14s %6d %6s %6s %6d %6s %6s" % (
            s["step"], s["bytes"], other[0], other[1], s["floor"],
            "%.2f" % (s["bytes"] / best) if best else "-",
            "%.2f" % (s["bytes"] / s["floor"]) if s["floor"] else "-"))
    print("%-14s %6d %6d %6d %6d %6.2f %6.2f" % ("total", tot[0], tot[1], tot[2], tot[3],
                                               tot[0] / min(tot[1], tot[2]), tot[0] / tot[3]))
    add("wire", "%s cases%s total, beside browsers" % (term, mode), "bytes", tot[0],
        anchor="lynx" if tot[1] <= tot[2] else "w3m", anchor_value=min(tot[1], tot[2]),
        target="ratio<=1", note="lynx %d, w3m %d, floor %d" % tuple(tot[1:]))
    print()
PYEOF
