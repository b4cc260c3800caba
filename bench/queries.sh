#!/bin/sh
# Query and import timings on synthetic data (run by bench/run.sh, from the
# repository root, after make has built htkp-import and build/*.o).
#   1. bench/gen.py writes BENCH_N cases (+ BENCH_N/10 laws and
#      publications) into bench/out/, unless that file is there already;
#   2. ./htkp-import builds a database from it: wall time, CPU time, peak
#      RSS and the file's size;
#   3. bench/queries.c, compiled against build/*.o, times the kiosk's
#      queries through store.c (median, min, max of BENCH_RUNS runs).
# Environment: BENCH_N (default 100000; 5000 for a quick run), BENCH_SEED
# (1), BENCH_RUNS (15), BENCH_IMPORT=0 to reuse a database built before.
# See bench/README.md for how to read the table.
set -eu
cd "$(dirname "$0")/.."

N=${BENCH_N:-100000}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-15}
PY=/usr/bin/python3
OUT=bench/out
JSON=$OUT/htkp-$N-s$SEED.json
DB=$OUT/htkp-$N-s$SEED.db
BIN=$OUT/queries

fail() {
	echo "bench/queries.sh: $*" >&2
	exit 1
}

case $N in ''|*[!0-9]*) fail "BENCH_N must be a number of cases, not \"$N\"" ;; esac
case $SEED in ''|*[!0-9]*) fail "BENCH_SEED must be a number, not \"$SEED\"" ;; esac
case $RUNS in ''|*[!0-9]*) fail "BENCH_RUNS must be a number, not \"$RUNS\"" ;; esac
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
echo "data: $JSON, $(($(wc -c < "$JSON") / 1048576)) MB"

# 2. The import, timed with its peak RSS (getrusage of the child).
if [ "${BENCH_IMPORT:-1}" = 0 ] && [ -s "$DB" ]; then
	echo "import: skipped (BENCH_IMPORT=0), reusing $DB"
else
	"$PY" - ./htkp-import -o "$DB" "$JSON" <<'EOF' || fail "htkp-import failed on $JSON"
import resource, subprocess, sys, time
t = time.monotonic()
rc = subprocess.call(sys.argv[1:], stdin=subprocess.DEVNULL)
wall = time.monotonic() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("import: %.1f s wall, %.1f s user, %.1f s sys, peak RSS %d MB"
      % (wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss // 1024))
sys.exit(rc)
EOF
fi
echo "database: $DB, $(($(wc -c < "$DB") / 1048576)) MB"

# 3. The queries, through the project's own objects (no SQL of its own):
# the layers under the views (common, query, store).
objs=$(ls build/common/*.o build/query/*.o build/store/*.o)
# shellcheck disable=SC2046,SC2086
cc -std=c11 -O2 -Wall -Wextra -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc \
	bench/queries.c $objs \
	$(pkg-config --libs ncursesw sqlite3 inih) -lunistring -lm -o "$BIN" \
	|| fail "cannot compile bench/queries.c against build/*.o"
"$BIN" "$DB" "$RUNS" || fail "$BIN failed on $DB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
