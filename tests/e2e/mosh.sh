#!/bin/bash
# The kiosk through mosh (README, "Slow links"): mosh-server on loopback
# starts it on a terminal of its own; mosh-client in tmux shows the home
# menu, opens Case Law and quits; the server goes away with the kiosk.
. tests/lib.sh

if ! command -v mosh-server >/dev/null || ! command -v mosh-client >/dev/null; then
	echo "ok - mosh # SKIP mosh is not installed (scripts/deps.sh test installs it)"
	finish
fi

# A range of ports the server picks a free one from; several trees may
# run this test at once. An abandoned server gives up after 60 s. The
# server starts its command in the home directory: the shell only comes
# back to this tree (the configuration names relative paths).
base=$((60000 + (RANDOM + $$) % 50 * 100))
out=$(MOSH_SERVER_NETWORK_TMOUT=60 timeout 10 mosh-server new -i 127.0.0.1 \
	-p "$base:$((base + 99))" -- /bin/sh -c 'cd "$1" && exec "$2" -c config/htkp.ini' \
	sh "$PWD" "$HTKP" 2>"$TMPDIR_TEST/server")
read -r _ _ port key _ <<<"$(grep '^MOSH CONNECT ' <<<"$out")"
server=$(sed -n 's/.*detached, pid = \([0-9]*\).*/\1/p' "$TMPDIR_TEST/server")
trap 'tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null; rm -rf "$TMPDIR_TEST";
	[ -n "$server" ] && kill "$server" 2>/dev/null' EXIT
if [ -z "$port" ] || [ -z "$key" ]; then
	sed 's/^/# /' "$TMPDIR_TEST/server"
	echo "ok - mosh # SKIP mosh-server cannot run here"
	finish
fi
echo "# mosh-server pid $server on udp/$port"

start 80x24 "MOSH_KEY=$key timeout --foreground 60 mosh-client 127.0.0.1 $port"
expect '1  Welcome' "through mosh the kiosk shows the home menu"
expect 'q quit' "with its keys on the status line"
keys 3
expect 'Case Law Database: 46 cases' "3 opens Case Law through mosh"
keys q
expect '1  Welcome' "q goes back home"
keys q
expect '^\[exited 0\]' "q at home quits, and mosh-client ends with the session"
server_gone() { ! kill -0 "$server" 2>/dev/null; }
check "mosh-server ends with the kiosk" poll 10 server_gone
finish
