#!/bin/bash
# What the kiosk gives up after start-up (README, "Deploying over SSH"):
# no_new_privs and a seccomp filter on a running kiosk, resource limits,
# a short environment; a debug build that acts as an exploited kiosk is
# killed by SIGSYS. And the privacy of the screen: the alternate screen
# keeps the kiosk's text out of the terminal once it quits.
. tests/lib.sh

status_field() { sed -n "s/^$2:[[:space:]]*//p" "/proc/$1/status"; }
limit() { sed -n "s/^$2  *\([^ ]*\)  *\([^ ]*\).*/\1 \2/p" "/proc/$1/limits"; }

# --- a running kiosk ---
kiosk 80x24
pid=$(kiosk_pid)
check "a running kiosk has NoNewPrivs: 1" test "$(status_field "$pid" NoNewPrivs)" = 1
check "a running kiosk has Seccomp: 2 (filter)" test "$(status_field "$pid" Seccomp)" = 2
check "no file can grow (RLIMIT_FSIZE 0)" test "$(limit "$pid" 'Max file size')" = "0 0"
check "no core dump (RLIMIT_CORE 0)" test "$(limit "$pid" 'Max core file size')" = "0 0"
check "no new process (RLIMIT_NPROC 0)" test "$(limit "$pid" 'Max processes')" = "0 0"
as=$(limit "$pid" 'Max address space')
check "the address space is bounded (RLIMIT_AS $as)" test "${as% *}" != unlimited
rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status")
vsz=$(sed -n 's/^VmSize:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status")
echo "# home menu under the limits: RSS ${rss} kB, address space ${vsz} kB"
keys 3
expect 'Case Law Database: 46 cases' "under the filter the kiosk reads its database"
keys /
keys -l 'forced labour'
keys Enter
expect 'Results 1-' "under the filter a search works"
keys H q
expect '^\[exited 0\]' "under the filter the kiosk quits cleanly"

# The command line is filtered too; its output may go to a file.
"$HTKP" -c config/htkp.ini query cases labour >"$TMPDIR_TEST/out" 2>/dev/null
check "query under the filter writes its results into a file" \
	grep -q '^NOR-2017-001' "$TMPDIR_TEST/out"

# --- the environment ---
# LINES and COLUMNS would make ncurses believe in a screen that is not
# there (and a huge one allocates gigabytes): the kiosk drops them.
start 80x24 env LINES=50 COLUMNS=200 HOME=/nonexistent "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
check "LINES and COLUMNS from the environment are ignored" \
	poll 5 bash -c "tmux -L $TMUX_SOCKET capture-pane -p -t k | sed -n 24p | grep -q 'q quit'"
keys q

# --- the filter fires: a debug build that acts as an exploited kiosk ---
nice make -s build/debug/htkp >/dev/null
debug=build/debug/htkp
check "release builds carry no debug hook" bash -c "! grep -q HTKP_DEBUG_WRITE '$HTKP'"
check "the debug build has its hooks" grep -q HTKP_DEBUG_WRITE "$debug"
# killed_by_sigsys: the debug kiosk's exit status was 128 + SIGSYS (31).
status="$TMPDIR_TEST/status"
killed_by_sigsys() { test "$(cat "$status" 2>/dev/null)" = 159; }
start 80x24 "$debug -c config/htkp.ini 2>/dev/null; echo \$? >$status"
wait_for '1  Welcome' >/dev/null
kill -USR1 "$(kiosk_pid)"
check "a kiosk that tries to run a shell is killed by SIGSYS" poll 5 killed_by_sigsys
check "the shell never ran" screen_lacks_now escaped

probe="$TMPDIR_TEST/written"
rm -f "$status"
start 80x24 "HTKP_DEBUG_WRITE=$probe $debug -c config/htkp.ini 2>/dev/null; echo \$? >$status"
wait_for '1  Welcome' >/dev/null
kill -USR2 "$(kiosk_pid)"
check "a kiosk that opens a file for writing is killed by SIGSYS" poll 5 killed_by_sigsys
check "the file was not created" test ! -e "$probe"

# --- privacy: the alternate screen ---
# The shell's text must be what the terminal shows after the kiosk quits,
# with nothing of the kiosk left on the screen or in the scrollback.
typescript="$TMPDIR_TEST/typescript"
start 80x24 "echo shell-before-kiosk; TERM=xterm-256color script -q -f -e \
	-c '$HTKP -c config/htkp.ini' $typescript"
wait_for '1  Welcome' >/dev/null
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null
keys H q
wait_for '^\[exited 0\]' >/dev/null
check "after quitting, the primary screen shows the shell's text again" screen_has shell-before-kiosk
check "after quitting, nothing of the kiosk is on the screen" screen_lacks_now 'Case Law|Knowledge Portal'
check "nor in the scrollback" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -S - -t k | grep -q 'Knowledge Portal'"
# rmcup_last: the output ends the alternate screen (xterm: CSI ?1049l)
# after its last start, and draws nothing of the kiosk after that.
rmcup_last() {
	python3 -c 'import sys
d = open(sys.argv[1], "rb").read()
end = d.rfind(b"\x1b[?1049l")
sys.exit(0 if end > d.rfind(b"\x1b[?1049h") > 0 and b"Portal" not in d[end:] else 1)' "$1"
}
check "the kiosk's output ends by leaving the alternate screen (rmcup)" rmcup_last "$typescript"

finish
