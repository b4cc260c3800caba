# shellcheck shell=sh
# BENCH_SCALE (default 1): every benchmark's size as a fraction of the
# full run, so that BENCH_SCALE=0.05 make bench runs all of it at 5% (a
# few minutes). Source it; scaled N prints N times the scale, rounded,
# at least MIN (default 1).
BENCH_SCALE=${BENCH_SCALE:-1}
case $BENCH_SCALE in
'' | *[!0-9.]* | *.*.* | .)
	echo "bench: BENCH_SCALE must be a number such as 0.05, not \"$BENCH_SCALE\"" >&2
	exit 2
	;;
esac
scaled() {
	awk -v n="$1" -v s="$BENCH_SCALE" -v m="${2:-1}" \
		'BEGIN { v = int(n * s + 0.5); print (v < m ? m : v) }'
}
