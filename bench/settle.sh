# shellcheck shell=sh
# settle: lets the machine settle before a timing. Source it. Writes out
# the dirty pages (sync: a 500 MB import or cluster.sh's 1 GB publish is
# still being written for a while after it ends) and waits until, for
# 2 s, no other task wants a CPU (at most 60 s). Timed right after
# cluster.sh, the import measured 1.57x its anchor, and 1.0-1.1x alone;
# the query screens right after an import, 2 ms over their minimum.
settle() {
	sync
	quiet=0 waited=0
	while [ "$quiet" -lt 10 ] && [ "$waited" -lt 300 ]; do
		# Read by the shell itself, which is then the one task running.
		read -r _ _ _ tasks _ </proc/loadavg || tasks=1/0
		if [ "${tasks%/*}" -le 1 ]; then quiet=$((quiet + 1)); else quiet=0; fi
		sleep 0.2
		waited=$((waited + 1))
	done
}
