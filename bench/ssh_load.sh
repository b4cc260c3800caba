#!/bin/sh
# Load over SSH, longer than make check's run: BENCH_SSH_SESSIONS (200)
# kiosk sessions through a real sshd on loopback for BENCH_SSH_SECONDS (60),
# the database replaced half-way (tests/e2e/ssh_load.sh and
# tests/load/driver.py). Prints its checks, then key-to-frame latency
# p50/p99 per kind of key and the server's PSS in all and per session;
# with $BENCH_RESULTS set, appends those to it (bench/results.py).
cd "$(dirname "$0")/.." || exit 2
. bench/scale.sh
LOAD_SESSIONS=${BENCH_SSH_SESSIONS:-$(scaled 200 10)} LOAD_SECONDS=${BENCH_SSH_SECONDS:-$(scaled 60 15)} \
	exec sh bench/driver_rows.sh ssh bash tests/e2e/ssh_load.sh
