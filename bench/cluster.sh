#!/bin/sh
# Front-ends behind HAProxy, longer than make test-cluster's run:
# BENCH_CLUSTER_SESSIONS (90, 30 a front-end) for BENCH_CLUSTER_SECONDS
# (60), a publish half-way, then a 1 GB file published to one front-end
# (tests/cluster/frontends.sh). Prints its checks, the publish time
# and the driver's key-to-frame latency and PSS.
cd "$(dirname "$0")/.." || exit 2
CLUSTER_SESSIONS=${BENCH_CLUSTER_SESSIONS:-90} CLUSTER_SECONDS=${BENCH_CLUSTER_SECONDS:-60} \
	CLUSTER_PUBLISH_MB=${BENCH_CLUSTER_PUBLISH_MB:-1024} \
	exec bash tests/cluster/frontends.sh
