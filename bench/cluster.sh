#!/bin/sh
# Front-ends behind HAProxy, longer than make test-cluster's run:
# BENCH_CLUSTER_SESSIONS (90, 30 a front-end) for BENCH_CLUSTER_SECONDS
# (60), a publish half-way, then a BENCH_CLUSTER_PUBLISH_MB (1024) file
# published to one front-end (tests/cluster/frontends.sh), each times
# BENCH_SCALE. Prints its checks, the publish time and the driver's
# key-to-frame latency and PSS; with $BENCH_RESULTS set, appends those to
# it (bench/results.py).
cd "$(dirname "$0")/.." || exit 2
. bench/scale.sh
CLUSTER_SESSIONS=${BENCH_CLUSTER_SESSIONS:-$(scaled 90 6)} \
	CLUSTER_SECONDS=${BENCH_CLUSTER_SECONDS:-$(scaled 60 15)} \
	CLUSTER_PUBLISH_MB=${BENCH_CLUSTER_PUBLISH_MB:-$(scaled 1024 16)} \
	exec sh bench/driver_rows.sh cluster bash tests/cluster/frontends.sh
