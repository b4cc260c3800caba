#!/bin/sh
# make bench: every benchmark, run from the repository root after make has
# built htkp and the sample database (this script builds nothing).
#   1. the byte meter: bytes htkp writes to the terminal per step of each
#      tests/bytes/*.keys scenario, beside the floor, for xterm-256color
#      and vt100 at 80x24 (see bench/README.md);
#   2. then every other executable bench/*.sh, in name order: htkp's
#      bytes beside lynx's and w3m's (browsers.sh), front-ends behind
#      HAProxy (cluster.sh), 200 kiosks on ptys (many.sh), import and
#      query timings (queries.sh), load over SSH (ssh_load.sh: 200
#      sessions for 60 s, key-to-frame latency and PSS per session);
#   3. last, the one table of every figure of every benchmark beside its
#      target and anchor (bench/results.py table), from the rows each
#      benchmark appended to $BENCH_RESULTS (bench/out/results.tsv).
# Exits non-zero when any benchmark fails; runs them all regardless.
cd "$(dirname "$0")/.." || exit 2

HTKP=${HTKP:-./htkp}
PY=/usr/bin/python3
status=0
mkdir -p bench/out
export BENCH_RESULTS="$PWD/bench/out/results.tsv"
: >"$BENCH_RESULTS"
# Each meter run's JSON report, turned into rows of the table.
meter_json=$(mktemp)
trap 'rm -f "$meter_json"' EXIT

if [ ! -x "$HTKP" ]; then
	echo "bench: $HTKP is missing: run make bench (or make htkp)" >&2
	exit 2
fi
# Count write() calls too when strace is there (scripts/deps.sh test
# installs it) and allowed to trace (some containers forbid ptrace).
strace=
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true >/dev/null 2>&1; then
	strace=--strace
else
	echo "bench: no usable strace: write() calls are not counted" >&2
fi

# walk.keys first: it is the one with budgets (tests/e2e/bytes.sh).
# line.keys is line mode's walk (htkp --line): measured after the loop.
# resize.keys needs the database tests/e2e/frame_writes.sh makes.
for keys in tests/bytes/walk.keys $(ls tests/bytes/*.keys | grep -v -e /walk.keys -e /line.keys -e /resize.keys); do
	[ -f "$keys" ] || continue
	echo "== bytes per step: $keys (tests/bytes/meter.py)"
	if "$PY" tests/bytes/meter.py --htkp "$HTKP" --term xterm-256color \
		--term vt100 --keys "$keys" $strace --save-json "$meter_json"; then
		"$PY" bench/results.py meter "$meter_json" || status=1
	else
		echo "bench: the byte meter failed on $keys" >&2
		status=1
	fi
done

echo "== bytes per step, line mode (htkp --line, TERM=dumb): tests/bytes/line.keys"
if "$PY" tests/bytes/meter.py --htkp "$HTKP" --args "-c config/htkp.ini --line" \
	--term dumb --keys tests/bytes/line.keys $strace --save-json "$meter_json"; then
	"$PY" bench/results.py meter "$meter_json" || status=1
else
	echo "bench: the byte meter failed on tests/bytes/line.keys" >&2
	status=1
fi

# Before each benchmark, what the last one left behind is let go.
. bench/settle.sh

for b in bench/*.sh; do
	[ "$b" = bench/run.sh ] && continue
	[ -f "$b" ] && [ -x "$b" ] || continue
	settle
	echo "== $b"
	if ! "$b"; then
		echo "bench: $b failed" >&2
		status=1
	fi
done

echo
"$PY" bench/results.py table "$BENCH_RESULTS" || status=1
exit "$status"
