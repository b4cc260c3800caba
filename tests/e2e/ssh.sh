#!/bin/bash
# The deployment: htkp as the forced command of an SSH account, through a
# real sshd on loopback, with exactly the Match block of the README: the
# server sets the locale, so "é" typed over SSH reaches a search; nothing
# can be forwarded; quitting closes the connection; a dropped link ends
# the session. Without the block's SetEnv, the kiosk falls back to ASCII.
. tests/lib.sh

dir="$TMPDIR_TEST/ssh"
mkdir -p "$dir"
port=$((20000 + $$ % 20000))
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
cat >"$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/hostkey
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
$match
CONF
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd
/usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"
check "sshd starts with htkp as its forced command" test $? -eq 0
trap 'kill $(cat "$dir"/sshd*.pid 2>/dev/null) 2>/dev/null; t kill-server 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT
for _ in $(seq 50); do [ -s "$dir/sshd.pid" ] && break; sleep 0.1; done

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
port2=$((port + 2))
sed -e '/SetEnv LANG/d' -e "s/^Port .*/Port $port2/" -e "s|^PidFile .*|PidFile $dir/sshd2.pid|" \
	"$dir/sshd_config" >"$dir/sshd2_config"
/usr/sbin/sshd -f "$dir/sshd2_config" -E "$dir/sshd2.log"
for _ in $(seq 50); do [ -s "$dir/sshd2.pid" ] && break; sleep 0.1; done
client=${client/-p $port /-p $port2 }
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
