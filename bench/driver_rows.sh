#!/bin/sh
# sh bench/driver_rows.sh GROUP COMMAND...: runs a test driven by tests/load/driver.py
# (bench/ssh_load.sh, bench/cluster.sh), its output shown as it comes, and
# with $BENCH_RESULTS set appends its summary (latency, PSS, publish time)
# to it as rows of GROUP (bench/results.py driver). Exits as COMMAND did.
group=$1
shift
[ -n "${BENCH_RESULTS:-}" ] || exec "$@"
out=$(mktemp) || exit 2
trap 'rm -f "$out" "$out.rc"' EXIT
{ "$@"; echo $? >"$out.rc"; } | tee "$out"
/usr/bin/python3 bench/results.py driver "$group" <"$out" || exit 1
exit "$(cat "$out.rc")"
