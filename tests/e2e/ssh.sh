#!/bin/bash
# The deployment: htkp as the forced command of an SSH account, through a
# real sshd on loopback, with exactly the Match block of the README: the
# server sets the locale, so "é" typed over SSH reaches a search; nothing
# can be forwarded; quitting closes the connection; a dropped link ends
# the session. Without the block's SetEnv, the kiosk falls back to ASCII.
. tests/lib.sh

dir="$TMPDIR_TEST/ssh"
mkdir -p "$dir"
user=$(id -un)
ssh-keygen -q -t ed25519 -N '' -f "$dir/hostkey"
ssh-keygen -q -t ed25519 -N '' -f "$dir/id"
cp "$dir/id.pub" "$dir/authorized_keys"
sed -e "s|^path = .*|path = $PWD/db/htkp.db|" -e "s|^screens = .*|screens = $PWD/screens|" \
	config/htkp.ini >"$dir/htkp.ini"
# The Match block is README.md's, with this test's paths and user.
match=$(sed -n '/^    Match User portal/,/^$/p' README.md |
	sed -e 's/^    //' -e "s/^Match User portal/Match User $user/" \
	    -e "s|^\( *ForceCommand\) .*|\1 $(realpath "$HTKP") -c $dir/htkp.ini|")
check "README.md's sshd block is found" test -n "$match"
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
CONF
	if [ "$1" = nolocale ]; then echo "$match" | sed '/SetEnv LANG/d'; else echo "$match"; fi
}
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd
trap 'kill $(cat "$dir"/*.pid 2>/dev/null) 2>/dev/null; t kill-server 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT
# start_sshd NAME: starts sshd NAME on a port no one holds (other tests,
# this one in another tree, say, may run at the same time) and sets $port.
# sshd writes its pid file once it listens, or says in its log that it
# cannot bind; then the next port is tried.
start_sshd() {
	local log="$dir/$1.log"
	sshd_ready() { [ -s "$dir/$1.pid" ] || grep -q 'Cannot bind' "$log" 2>/dev/null; }
	for _ in 1 2 3 4 5 6 7 8; do
		port=$((20000 + (RANDOM * 32768 + RANDOM + $$) % 40000))
		sshd_config "$1" "$port" >"$dir/$1.conf"
		rm -f "$log"
		/usr/sbin/sshd -f "$dir/$1.conf" -E "$log" && poll 5 sshd_ready "$1" &&
			[ -s "$dir/$1.pid" ] && return 0
		sed 's/^/# /' "$log" 2>/dev/null
	done
	port=
	return 1
}
check "sshd starts with htkp as its forced command" start_sshd sshd

client="ssh -tt -i $dir/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p $port $user@127.0.0.1"
start 80x24 env -u LANG -u LC_ALL -u LC_CTYPE $client
expect '1  Welcome' "over SSH the kiosk shows its home menu"
keys 3
wait_for 'Case Law: 46 cases' >/dev/null
keys /
keys -l 'Vaupés'
expect 'Search: Vaupés' "the client sends no locale; \"é\" typed over SSH reaches the search"
keys Enter
expect 'Results 1-1' "a search for a word with \"é\" finds its record"
keys Enter
expect 'Vaupés \(Bogotá\)' "SetEnv LANG=C.UTF-8 in the Match block: the record shows in UTF-8"
keys H
wait_for '7  About' >/dev/null
keys q
expect '^\[exited 0\]' "q closes the SSH session"

# A dropped link: the client is killed; the kiosk must not live on.
start 80x24 $client
wait_for '1  Welcome' >/dev/null
pkill -KILL -f "ssh -tt -i $dir/id"
no_kiosk() { ! pgrep -f "htkp -c $dir/htkp.ini" >/dev/null; }
check "when the link drops, the kiosk ends" poll 5 no_kiosk

# Nothing can be forwarded: the client asks for a remote port forwarding.
$client -o ExitOnForwardFailure=yes -N -R 127.0.0.1:$((port + 1)):127.0.0.1:22 \
	</dev/null >/dev/null 2>"$dir/forward.err" &
fwd=$!
check "port forwarding is refused" poll 10 bash -c "! kill -0 $fwd 2>/dev/null"
kill $fwd 2>/dev/null

# Without the block's SetEnv, sshd passes no locale: ASCII, transliterated.
port1=$port
start_sshd nolocale
client=${client/-p $port1 /-p $port }
start 80x24 env -u LANG -u LC_ALL -u LC_CTYPE $client
wait_for '1  Welcome' >/dev/null
keys 3
wait_for 'Case Law: 46 cases' >/dev/null
keys / && keys -l 'bogota' && keys Enter
wait_for 'Results 1-1' >/dev/null
keys Enter
expect 'Vaupes \(Bogota\)' "no locale from sshd: text is transliterated to ASCII"
check "no byte above ASCII reaches the SSH terminal" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -qP '[^\x00-\x7f]'"
keys H q

finish
