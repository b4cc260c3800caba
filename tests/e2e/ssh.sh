#!/bin/bash
# The deployment: htkp as the forced command of an SSH account, through a
# real sshd on loopback, with exactly the Match block of the README: the
# server sets the locale, so "é" typed over SSH reaches a search; nothing
# can be forwarded; quitting closes the connection; a dropped link ends
# the session. Without the block's SetEnv, the kiosk falls back to ASCII.
. tests/lib.sh
. tests/lib_sshd.sh

sed -e "s|^path = .*|path = $PWD/db/htkp.db|" -e "s|^screens = .*|screens = $PWD/screens|" \
	config/htkp.ini >"$TMPDIR_TEST/htkp.ini"
sshd_init "$TMPDIR_TEST/ssh" "$TMPDIR_TEST/htkp.ini"
check "README.md's sshd block is found" test -n "$match"
trap 'stop_sshd; t kill-server 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT
check "sshd starts with htkp as its forced command" start_sshd sshd
start 80x24 env -u LANG -u LC_ALL -u LC_CTYPE $client
# A login runs the forced command through the account's shell and its rc
# files (the test's account is a developer's): it gets 30 s on a busy machine.
check "over SSH the kiosk shows its home menu" wait_for '1  Welcome' 30
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null
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
wait_for '1  Welcome' 30 >/dev/null
pkill -KILL -f "ssh -tt -i $dir/id"
no_kiosk() { ! pgrep -f "htkp -c $TMPDIR_TEST/htkp.ini" >/dev/null; }
check "when the link drops, the kiosk ends" poll 5 no_kiosk

# Nothing can be forwarded: the client asks for a remote port forwarding.
$client -o ExitOnForwardFailure=yes -N -R 127.0.0.1:$((port + 1)):127.0.0.1:22 \
	</dev/null >/dev/null 2>"$dir/forward.err" &
fwd=$!
check "port forwarding is refused" poll 10 bash -c "! kill -0 $fwd 2>/dev/null"
kill $fwd 2>/dev/null

# Without the block's SetEnv, sshd passes no locale: ASCII, transliterated.
start_sshd nolocale
start 80x24 env -u LANG -u LC_ALL -u LC_CTYPE $client
wait_for '1  Welcome' 30 >/dev/null
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null
keys / && keys -l 'bogota' && keys Enter
wait_for 'Results 1-1' >/dev/null
keys Enter
expect 'Vaupes \(Bogota\)' "no locale from sshd: text is transliterated to ASCII"
check "no byte above ASCII reaches the SSH terminal" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -qP '[^\x00-\x7f]'"
keys H q

finish
