#!/bin/sh
# Query and import timings on synthetic data (run by bench/run.sh, from the
# repository root, after make has built htkp-import and build/*.o).
#   1. bench/gen.py writes BENCH_N cases (+ BENCH_N/10 laws and
#      publications) into bench/out/, unless that file is there already;
#   2. ./htkp-import builds a database from it: wall time, CPU time, peak
#      RSS and the file's size; then bench/anchor.py, the plain load of the
#      same file by SQLite alone, and the ratio of the two;
#   3. bench/queries.c, compiled against build/*.o, times the kiosk's
#      queries through store.c (median, p99, min, max of BENCH_RUNS runs),
#      and each beside the same question in naive SQL (bench/naive.c, the
#      anchor; BENCH_NAIVE=0 leaves it out).
# Environment: BENCH_N (default 100000 times BENCH_SCALE; 5000 for a quick run), BENCH_SEED
# (1), BENCH_RUNS (15), BENCH_IMPORT=0 to reuse a database built before,
# BENCH_FORM=jsonl to import JSON Lines, BENCH_IMPORT_RUNS (2) imports and
# anchors taken in turn (the best of each counts), BENCH_ANCHOR=0 to skip
# the anchor.
# See bench/README.md for how to read the table.
set -eu
cd "$(dirname "$0")/.."

. bench/scale.sh
. bench/settle.sh
N=${BENCH_N:-$(scaled 100000)}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-15}
PY=/usr/bin/python3
OUT=bench/out
FORM=${BENCH_FORM:-json}
IRUNS=${BENCH_IMPORT_RUNS:-2}
JSON=$OUT/htkp-$N-s$SEED.json
INPUT=$OUT/htkp-$N-s$SEED.$FORM
DB=$OUT/htkp-$N-s$SEED.db
BIN=$OUT/queries

fail() {
	echo "bench/queries.sh: $*" >&2
	exit 1
}

case $N in ''|*[!0-9]*) fail "BENCH_N must be a number of cases, not \"$N\"" ;; esac
case $SEED in ''|*[!0-9]*) fail "BENCH_SEED must be a number, not \"$SEED\"" ;; esac
case $RUNS in ''|*[!0-9]*) fail "BENCH_RUNS must be a number, not \"$RUNS\"" ;; esac
case $IRUNS in ''|*[!0-9]*) fail "BENCH_IMPORT_RUNS must be a number, not \"$IRUNS\"" ;; esac
case $FORM in json|jsonl) ;; *) fail "BENCH_FORM must be json or jsonl, not \"$FORM\"" ;; esac
[ "$N" -ge 1 ] || fail "BENCH_N must be 1 or more"
if [ "$RUNS" -lt 1 ] || [ "$RUNS" -gt 1000 ]; then fail "BENCH_RUNS must be 1 to 1000"; fi
[ -x "$PY" ] || fail "$PY is missing"
[ -x ./htkp-import ] || fail "./htkp-import is missing: run make bench (or make)"
ls build/store/store.o build/query/query.o build/query/dbstate.o >/dev/null 2>&1 \
	|| fail "build/*.o are missing: run make bench (or make)"
command -v cc >/dev/null 2>&1 || fail "no C compiler (cc)"
command -v pkg-config >/dev/null 2>&1 || fail "pkg-config is missing: run scripts/deps.sh build"
# newer FILE THAN: FILE was changed after THAN (find, for POSIX sh).
newer() {
	[ -n "$(find "$1" -newer "$2" 2>/dev/null)" ]
}
for c in src/*/*.c; do
	o=build/${c#src/}; o=${o%.c}.o
	if [ -f "$o" ] && newer "$c" "$o"; then
		echo "bench/queries.sh: warning: $c is newer than $o: timings are of the old code (run make)" >&2
	fi
done
mkdir -p "$OUT"

# The machine: the figures mean little without it.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "machine: $(nproc 2>/dev/null || echo '?') CPUs (${cpu:-unknown}), load average" \
	"$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'), SQLite" \
	"$(pkg-config --modversion sqlite3 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC')"

# 1. The data, once per size and seed (or again when the generator changed).
if [ ! -s "$JSON" ] || newer bench/gen.py "$JSON"; then
	echo "generating $JSON ($N cases; about 45 s per 100,000)"
	"$PY" bench/gen.py --cases "$N" --seed "$SEED" -o "$JSON" \
		|| fail "bench/gen.py failed"
fi
if [ "$FORM" = jsonl ] && { [ ! -s "$INPUT" ] || newer bench/gen.py "$INPUT"; }; then
	echo "generating $INPUT (JSON Lines)"
	"$PY" bench/gen.py --cases "$N" --seed "$SEED" --jsonl -o "$INPUT" \
		|| fail "bench/gen.py failed"
fi
echo "data: $INPUT, $(($(wc -c < "$INPUT") / 1048576)) MB"

# 2. The import, timed with its peak RSS (wait4 of the child), and the
# plain load anchor of the same records, in turn, IRUNS times each: on a
# shared machine the best of each is what is compared.
if [ "${BENCH_IMPORT:-1}" = 0 ] && [ -s "$DB" ]; then
	echo "import: skipped (BENCH_IMPORT=0), reusing $DB"
else
	"$PY" - "$IRUNS" "${BENCH_ANCHOR:-1}" "$DB" "$INPUT" "$JSON" <<'EOF' \
		|| fail "htkp-import or bench/anchor.py failed"
import os, subprocess, sys, time
sys.path.insert(0, "bench")
from results import add
runs, anchor, db, src, doc = int(sys.argv[1]), sys.argv[2] != "0", *sys.argv[3:]
def timed(what, cmd):
    # Each run starts on a settled machine: the last one's 500 MB
    # written out, nothing else running (bench/settle.sh).
    subprocess.run(["sh", "-c", ". bench/settle.sh && settle"], check=True)
    t = time.monotonic()
    # The importer's warnings (the data has thousands) go to a log.
    with open(db + ".log", "w") as log:
        child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=log)
        _, status, ru = os.wait4(child.pid, 0)
    wall = time.monotonic() - t
    if status:
        sys.stderr.write(open(db + ".log").read()[-2000:])
        sys.exit("%s: exit status %d" % (cmd[0], os.waitstatus_to_exitcode(status)))
    print("%s: %.1f s wall, %.1f s user, %.1f s sys, peak RSS %d MB"
          % (what, wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss // 1024))
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024
imports, anchors = [], []
for _ in range(max(runs, 1)):
    imports.append(timed("import", ["./htkp-import", "-o", db, src]))
    if anchor:
        anchors.append(timed("anchor", [sys.executable, "bench/anchor.py", doc,
                                        db + ".anchor"]))
i, ic = min(r[0] for r in imports), min(r[1] for r in imports)
irss = max(r[2] for r in imports)
a = ac = arss = None
if anchor:
    os.remove(db + ".anchor")
    a, ac = min(r[0] for r in anchors), min(r[1] for r in anchors)
    arss = max(r[2] for r in anchors)
    print("htkp-import / plain load anchor (bench/anchor.py), best of %d: "
          "wall %.1f / %.1f s = %.2f, CPU %.1f / %.1f s = %.2f"
          % (len(imports), i, a, i / a, ic, ac, ic / ac))
# The one table (bench/results.py): the time is held to the anchor's, the
# memory to 256 MB (the largest peak of the runs).
best = "best of %d" % len(imports)
add("import", "htkp-import wall time", "s", i, anchor="anchor.py", anchor_value=a,
    target="ratio<=1.2", note=best)
add("import", "htkp-import CPU time (user + sys)", "s", ic, anchor="anchor.py",
    anchor_value=ac, note=best)
add("import", "htkp-import peak RSS", "MB", irss, anchor="anchor.py", anchor_value=arss,
    target="<256", note="largest of %d" % len(imports), digits=1)
EOF
fi
echo "database: $DB, $(($(wc -c < "$DB") / 1048576)) MB," \
	"$(($(wc -c < "$DB") * 100 / $(wc -c < "$INPUT")))% of the input"
if [ -n "${BENCH_RESULTS:-}" ]; then
	# Held to twice the input's size.
	awk -v db="$(wc -c < "$DB")" -v input="$(wc -c < "$INPUT")" -v form="$FORM" 'BEGIN {
		printf "import\tdatabase size\tMB\t%.2f\t\t%s\t%.2f\tratio<=2\t\n",
			db / 1048576, toupper(form), input / 1048576
	}' >>"$BENCH_RESULTS"
fi

# The new database written out before the queries are timed.
settle

# 3. The queries, through the project's own objects (no SQL of its own):
# the layers under the views (common, query, store).
# The objects of today's sources only: one whose source was removed or
# renamed may still lie in build/ and define the same functions again.
objs=$(for c in src/common/*.c src/query/*.c src/store/*.c; do o=build/${c#src/}; echo "${o%.c}.o"; done)
# shellcheck disable=SC2046,SC2086
cc -std=c11 -O2 -Wall -Wextra -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc \
	bench/queries.c bench/naive.c $objs \
	$(pkg-config --libs ncursesw sqlite3 inih) -lunistring -lm -o "$BIN" \
	|| fail "cannot compile bench/queries.c against build/*.o"
"$BIN" "$DB" "$RUNS" || fail "$BIN failed on $DB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
