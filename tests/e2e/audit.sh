#!/bin/bash
# [kiosk] audit = yes: syslog lines for a session's start (with the SSH
# client's address), each record it opened, and its end, sent from inside the seccomp filter; nothing
# with audit = no. The kiosk runs in its own mount namespace with a
# private /dev, where a small listener stands in for the log daemon.
. tests/lib.sh

if ! unshare -m true 2>/dev/null; then
	not_ok "unshare -m works here (the test needs root for a private /dev/log)"
	finish
fi

cat >"$TMPDIR_TEST/listen.py" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
with open(sys.argv[1], "a") as out:
    while True:
        out.write(s.recv(4096).decode("utf-8", "replace") + "\n")
        out.flush()
PY
# run.sh CONFIG LOG: a private /dev with a listener on /dev/log, then htkp.
cat >"$TMPDIR_TEST/run.sh" <<SH
mount -t tmpfs none /dev && mknod -m 666 /dev/null c 1 3 || exit 1
python3 "$TMPDIR_TEST/listen.py" "\$2" &
for _ in \$(seq 100); do [ -S /dev/log ] && break; sleep 0.05; done
SSH_CONNECTION="192.0.2.7 50000 127.0.0.1 22" "$PWD/$HTKP" -c "\$1"
rc=\$?
kill %1
exit \$rc
SH

log="$TMPDIR_TEST/log"
sed 's/^audit = .*/audit = yes/' config/htkp.ini >"$TMPDIR_TEST/on.ini"
start 80x24 unshare -m sh "$TMPDIR_TEST/run.sh" "$TMPDIR_TEST/on.ini" "$log"
wait_for '1  Welcome' >/dev/null
logged() { grep -qE "$1" "$log" 2>/dev/null; }
check "audit = yes: the session's start is logged with the client's address" \
	poll 5 logged '^<86>.* htkp\[[0-9]+\]: session start: uid [0-9]+, client 192\.0\.2\.7$'
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null
keys / && keys -l 'Vaupes' && keys Enter
wait_for 'Results 1-1' >/dev/null
keys Enter
wait_for 'Bogot' >/dev/null
check "a record opened is logged with its database and id" \
	poll 5 logged 'htkp\[[0-9]+\]: opened cases [A-Za-z0-9-]+$'
keys H q
expect '^\[exited 0\]' "the kiosk quits normally"
check "the session's end is logged from inside the filter" poll 5 logged 'htkp\[[0-9]+\]: session end$'
sed 's/^/# /' "$log"

rm -f "$log"
start 80x24 unshare -m sh "$TMPDIR_TEST/run.sh" "$PWD/config/htkp.ini" "$log"
wait_for '1  Welcome' >/dev/null
keys q
wait_for '^\[exited 0\]' >/dev/null
check "audit = no (the default): nothing is logged" test ! -s "$log"

finish
