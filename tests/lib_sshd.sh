# shellcheck shell=bash
# A real sshd on loopback serving htkp as its forced command, with exactly
# the Match block of README.md ("Deploying over SSH"). Source after
# tests/lib.sh, then call sshd_init DIR INI and start_sshd NAME.
# Runs as the current user: root (StrictModes off, no PAM) or not.

# sshd_init DIR INI: host and client keys in DIR, and $match, README's
# Match block for this user with "htkp -c INI" as its forced command.
# Sets dir, user, match; SSHD_EXTRA (lines) is added to every sshd_config.
sshd_init() {
	dir=$1
	user=$(id -un)
	mkdir -p "$dir"
	ssh-keygen -q -t ed25519 -N '' -f "$dir/hostkey"
	ssh-keygen -q -t ed25519 -N '' -f "$dir/id"
	cp "$dir/id.pub" "$dir/authorized_keys"
	match=$(sed -n '/^    Match User portal/,/^$/p' README.md |
		sed -e 's/^    //' -e "s/^Match User portal/Match User $user/" \
		    -e "s|^\( *ForceCommand\) .*|\1 $(realpath "$HTKP") -c $2|")
	[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd
	return 0
}

# sshd_config NAME PORT: the server's configuration NAME, listening on
# PORT; NAME "nolocale" leaves out the block's SetEnv.
sshd_config() {
	cat <<CONF
Port $2
ListenAddress 127.0.0.1
HostKey $dir/hostkey
PidFile $dir/$1.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
${SSHD_EXTRA:-}
CONF
	if [ "$1" = nolocale ]; then echo "$match" | sed '/SetEnv LANG/d'; else echo "$match"; fi
}

# start_sshd NAME: starts sshd NAME on a port no one holds (other tests,
# this one in another tree, say, may run at the same time) and sets $port
# and $client (the ssh command line for it). sshd writes its pid file once
# it listens, or says in its log that it cannot bind; then the next port
# is tried.
start_sshd() {
	local log="$dir/$1.log"
	sshd_ready() { [ -s "$dir/$1.pid" ] || grep -q 'Cannot bind' "$log" 2>/dev/null; }
	for _ in 1 2 3 4 5 6 7 8; do
		port=$((20000 + (RANDOM * 32768 + RANDOM + $$) % 40000))
		sshd_config "$1" "$port" >"$dir/$1.conf"
		rm -f "$log"
		if /usr/sbin/sshd -f "$dir/$1.conf" -E "$log" && poll 5 sshd_ready "$1" &&
			[ -s "$dir/$1.pid" ]; then
			client="ssh -tt -i $dir/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p $port $user@127.0.0.1"
			return 0
		fi
		sed 's/^/# /' "$log" 2>/dev/null
	done
	port=
	return 1
}

# stop_sshd: stops every sshd this test started (their pid files).
stop_sshd() { kill $(cat "$dir"/*.pid 2>/dev/null) 2>/dev/null; }
