#!/bin/bash
# Many front-ends: three network namespaces made here, each joined to the
# host by a veth pair (10.213.N.0/24) and running its own sshd with
# README's Match block (the kiosk as forced command on port 22, an admin
# port 2200 for publishing) over its own folder holding a read-only copy
# of the database. HAProxy (TCP mode, round robin) on 127.0.0.1 spreads
# CLUSTER_SESSIONS (30) sessions of tests/load/driver.py over them; half
# way scripts/htkp-publish copies a database with one case more to every
# front-end and renames it into place: every session keeps working and its
# next key shows the new data; a watcher that reads every front-end's file
# during the publish never finds a half-copied one. Last, six sessions
# (two a front-end) and one front-end killed: only its two sessions end.
# make test-cluster; bench/cluster.sh runs it longer.
. tests/lib.sh
. tests/lib_sshd.sh

sessions=${CLUSTER_SESSIONS:-30}
seconds=${CLUSTER_SECONDS:-16}
n_fe=3
words="forced labour servitude passport children debt sexual victims"
work="$TMPDIR_TEST/cluster"
tag=h$$
mkdir -p "$work"

netns_up() { ip netns list | grep -q "^$tag-$1\b"; }
cleanup() {
	t kill-server 2>/dev/null
	[ -s "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null
	for i in $(seq 1 $n_fe); do
		netns_up "$i" || continue
		pids=$(ip netns pids "$tag-$i")
		[ -n "$pids" ] && kill $pids 2>/dev/null
		ip link del "$tag-h$i" 2>/dev/null
		ip netns del "$tag-$i"
	done
	[ -n "${watch_pid:-}" ] && kill "$watch_pid" 2>/dev/null
	rm -rf "$TMPDIR_TEST"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

# The data: the sample, and the sample with one case more (as
# tests/e2e/ssh_load.sh), each built once by htkp-import.
/usr/bin/python3 - "$work/new.json" $words <<'PY'
import json, sys
d = json.load(open("db/seed/sample.json"))
c = dict(d["cases"][0])
c.update(id="PUB-2026-001", title="Published to every front-end v. Three Servers",
         decision_date="2026-01-15", summary=" ".join(sys.argv[2:]) + ".")
d["cases"].append(c)
json.dump(d, open(sys.argv[1], "w"))
PY
"$HTKP_IMPORT" -o "$work/old.db" db/seed/sample.json >/dev/null
"$HTKP_IMPORT" -o "$work/new.db" "$work/new.json" >/dev/null
matches() {
	"$HTKP" --db "$1" query cases ${2:+"$2"} 2>&1 | sed -n 's/^Results .* of \([0-9]*\)$/\1/p'
}
{
	printf '{"cases": [%s, %s], "words": {' "$(matches "$work/old.db")" "$(matches "$work/new.db")"
	sep=
	for w in $words; do
		printf '%s"%s": [%s, %s]' "$sep" "$w" "$(matches "$work/old.db" "$w")" \
			"$(matches "$work/new.db" "$w")"
		sep=', '
	done
	echo '}}'
} >"$work/counts.json"

# One set of keys for all: the same host key behind the balancer, the
# test's client key for both the kiosk and the admin port.
sshd_init "$work/ssh" "$work/htkp.ini"
kiosk_block=$(echo "$match" | sed -e 's/^Match User .*/Match LocalPort 22/' \
	-e 's|-c [^ ]*$|-c FE_DIR/htkp.ini|' -e 's/^\( *SetEnv .*\)$/\1 SHLVL=1/')

for i in $(seq 1 $n_fe); do
	fe="$work/fe$i"
	mkdir -p "$fe/lib"
	install -m 444 "$work/old.db" "$fe/lib/htkp.db"
	sed -e "s|^path = .*|path = $fe/lib/htkp.db|" -e "s|^screens = .*|screens = $PWD/screens|" \
		config/htkp.ini >"$fe/htkp.ini"
	ip netns add "$tag-$i"
	ip link add "$tag-h$i" type veth peer name eth0 netns "$tag-$i"
	ip addr add "10.213.$i.1/24" dev "$tag-h$i"
	ip link set "$tag-h$i" up
	ip -n "$tag-$i" addr add "10.213.$i.2/24" dev eth0
	ip -n "$tag-$i" link set eth0 up
	ip -n "$tag-$i" link set lo up
	cat >"$fe/sshd.conf" <<CONF
Port 22
Port 2200
ListenAddress 10.213.$i.2
HostKey $work/ssh/hostkey
PidFile $fe/sshd.pid
AuthorizedKeysFile $work/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
MaxStartups 100:30:200
${kiosk_block//FE_DIR/$fe}
# The publisher's logins: bash run by sshd reads ~/.bashrc unless nested,
# and the test's account is a developer's (see tests/e2e/ssh_load.sh).
Match LocalPort 2200
    SetEnv SHLVL=1
CONF
done
check "three front-ends, each in its own network namespace" \
	test "$(ip netns list | grep -c "^$tag-")" -eq $n_fe

# The sshds in the foreground, children of one shell: the driver measures
# the memory of that shell's tree (all three front-ends).
(
	for i in $(seq 1 $n_fe); do
		ip netns exec "$tag-$i" /usr/sbin/sshd -D -f "$work/fe$i/sshd.conf" -E "$work/fe$i/sshd.log" &
	done
	wait
) &
sshds=$!
all_up() { for i in $(seq 1 $n_fe); do [ -s "$work/fe$i/sshd.pid" ] || return 1; done; }
check "every front-end's sshd listens" poll 10 all_up

# HAProxy in TCP mode on a loopback port no one holds.
for _ in 1 2 3 4 5 6 7 8; do
	port=$((20000 + (RANDOM * 32768 + RANDOM + $$) % 40000))
	{
		printf 'global\n    maxconn 2000\n    pidfile %s\n' "$work/haproxy.pid"
		printf 'defaults\n    mode tcp\n    timeout connect 5s\n    timeout client 1h\n    timeout server 1h\n'
		printf 'listen kiosk\n    bind 127.0.0.1:%s\n    balance roundrobin\n' "$port"
		for i in $(seq 1 $n_fe); do
			printf '    server fe%s 10.213.%s.2:22 check inter 2s\n' "$i" "$i"
		done
	} >"$work/haproxy.cfg"
	haproxy -D -f "$work/haproxy.cfg" 2>"$work/haproxy.log" && poll 5 test -s "$work/haproxy.pid" && break
	port=
done
check "HAProxy listens in front of the front-ends" test -n "$port"
client="ssh -tt -i $work/ssh/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o KexAlgorithms=curve25519-sha256 -p $port $user@127.0.0.1"
export RSYNC_RSH="ssh -i $work/ssh/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes -p 2200"
dests=
for i in $(seq 1 $n_fe); do dests="$dests 10.213.$i.2:$work/fe$i/lib"; done

# While the publish runs, every front-end's htkp.db is read again and
# again: each read must be a whole database, the old or the new.
watch_files() {
	local old new n
	old=$(matches "$work/old.db") new=$(matches "$work/new.db")
	while [ ! -e "$work/published" ]; do
		for i in $(seq 1 $n_fe); do
			n=$(matches "$work/fe$i/lib/htkp.db")
			[ "$n" = "$old" ] || [ "$n" = "$new" ] || echo "fe$i: '$n'" >>"$work/half"
		done
	done
}
cat >"$work/publish" <<SH
#!/bin/sh
scripts/htkp-publish "$work/new.db" $dests
status=\$?
touch "$work/published"
exit \$status
SH
chmod +x "$work/publish"
watch_files &
watch_pid=$!

nice -n 5 /usr/bin/python3 tests/load/driver.py --client "$client" \
	--sessions "$sessions" --seconds "$seconds" --counts "$work/counts.json" \
	--replace "$work/publish" --sshd-pid "$sshds" ${LOAD_ARGS:-} || FAILED=1
wait "$watch_pid"
watch_pid=
check "no front-end served a half-copied file during the publish" test ! -e "$work/half"
[ -e "$work/half" ] && sed 's/^/# /' "$work/half"
for i in $(seq 1 $n_fe); do
	check "front-end $i has the new data, read-only, and no temporary file left" \
		bash -c "cmp -s '$work/new.db' '$work/fe$i/lib/htkp.db' &&
			test \"\$(stat -c %a '$work/fe$i/lib/htkp.db')\" = 444 &&
			test ! -e '$work/fe$i/lib/.htkp.db.publish'"
done

# kiosks_on N: how many kiosks front-end N runs.
kiosks_on() {
	local n=0 p
	for p in $(ip netns pids "$tag-$1"); do
		[ "$(cat /proc/"$p"/comm 2>/dev/null)" = htkp ] && n=$((n + 1))
	done
	echo "$n"
}
start 80x24 "sleep 600"
for s in 1 2 3 4 5 6; do
	t new-window -d -t k -n "s$s" "$client; echo '[ended]'; sleep 600"
	poll 10 bash -c "tmux -L '$TMUX_SOCKET' capture-pane -p -t k:s$s | grep -q '1  Welcome'"
done
spread() { [ "$(kiosks_on 1) $(kiosks_on 2) $(kiosks_on 3)" = "2 2 2" ]; }
check "six sessions, two on each front-end" poll 10 spread
kill $(ip netns pids "$tag-2")
ended() {
	local s n=0
	for s in 1 2 3 4 5 6; do
		t capture-pane -p -t "k:s$s" | grep -q '^\[ended\]' && n=$((n + 1))
	done
	echo "$n"
}
poll 10 test "$(ended)" -ge 2
check "killing front-end 2 ends exactly its two sessions" test "$(ended)" -eq 2
alive=0
for s in 1 2 3 4 5 6; do
	t capture-pane -p -t "k:s$s" | grep -q '^\[ended\]' && continue
	t send-keys -t "k:s$s" 3
	poll 10 bash -c "tmux -L '$TMUX_SOCKET' capture-pane -p -t k:s$s | grep -q 'Case Law Database: 47 cases'" &&
		alive=$((alive + 1))
done
check "the other four sessions still answer a key, on the new data" test "$alive" -eq 4
check "front-ends 1 and 3 still run their kiosks" test "$(kiosks_on 1) $(kiosks_on 3)" = "2 2"

# bench/cluster.sh: how long publishing CLUSTER_PUBLISH_MB of data to one
# front-end takes (rsync over ssh between namespaces, then the rename);
# to a folder of its own, as the file is not a database.
if [ -n "${CLUSTER_PUBLISH_MB:-}" ]; then
	head -c "${CLUSTER_PUBLISH_MB}M" /dev/urandom >"$work/big.db"
	mkdir -p "$work/fe1/big"
	t0=${EPOCHREALTIME/[.,]/}
	scripts/htkp-publish "$work/big.db" "10.213.1.2:$work/fe1/big"
	check "a ${CLUSTER_PUBLISH_MB} MB file is published" cmp -s "$work/big.db" "$work/fe1/big/htkp.db"
	echo "# published ${CLUSTER_PUBLISH_MB} MB to one front-end (rsync + rename) in" \
		"$(((${EPOCHREALTIME/[.,]/} - t0) / 1000)) ms"
fi

finish
