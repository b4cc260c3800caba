#!/bin/bash
# The deployment: htkp as the forced command of an SSH account, through a
# real sshd on loopback. sshd passes no locale by default, so the kiosk
# must fall back to ASCII; quitting closes the connection; a dropped link
# ends the session.
. tests/lib.sh

dir="$TMPDIR_TEST/ssh"
mkdir -p "$dir"
user=$(id -un)
ssh-keygen -q -t ed25519 -N '' -f "$dir/hostkey"
ssh-keygen -q -t ed25519 -N '' -f "$dir/id"
cp "$dir/id.pub" "$dir/authorized_keys"
sed -e "s|^path = .*|path = $PWD/db/htkp.db|" -e "s|^screens = .*|screens = $PWD/screens|" \
	config/htkp.ini >"$dir/htkp.ini"
# sshd_config PORT: the server's configuration, listening on PORT.
sshd_config() {
	cat <<CONF
Port $1
ListenAddress 127.0.0.1
HostKey $dir/hostkey
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
ForceCommand $(realpath "$HTKP") -c $dir/htkp.ini
PermitTTY yes
AllowTcpForwarding no
X11Forwarding no
CONF
}
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd
# A port no one holds: other tests (this one in another tree, say) may be
# running at the same time. sshd writes its pid file once it listens, or
# says in its log that it cannot bind; then the next port is tried.
trap 'kill $(cat "$dir/sshd.pid" 2>/dev/null) 2>/dev/null; t kill-server 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT
sshd_ready() { [ -s "$dir/sshd.pid" ] || grep -q 'Cannot bind' "$dir/sshd.log" 2>/dev/null; }
for _ in 1 2 3 4 5 6 7 8; do
	port=$((20000 + (RANDOM * 32768 + RANDOM + $$) % 40000))
	sshd_config "$port" >"$dir/sshd_config"
	rm -f "$dir/sshd.log"
	/usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log" && poll 5 sshd_ready &&
		[ -s "$dir/sshd.pid" ] && break
	sed 's/^/# /' "$dir/sshd.log" 2>/dev/null
	port=
done
check "sshd starts with htkp as its forced command" test -n "$port"

client="ssh -tt -i $dir/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p $port $user@127.0.0.1"
start 80x24 env -u LANG -u LC_ALL -u LC_CTYPE $client
expect '1  Welcome' "over SSH the kiosk shows its home menu"
keys 3
wait_for 'Case Law: 46 cases' >/dev/null
keys /
keys -l 'bogota'
keys Enter
wait_for 'Results 1-1' >/dev/null
keys Enter
expect 'Vaupes \(Bogota\)' "no locale passed by sshd: text is transliterated to ASCII"
check "no byte above ASCII reaches the SSH terminal" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -qP '[^\x00-\x7f]'"
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

finish
