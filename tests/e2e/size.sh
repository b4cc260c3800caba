#!/bin/bash
# Terminal sizes ncurses cannot take: a side of 32768 or more (ncurses keeps
# sizes in shorts and crashes) and 10000x10000 (gigabytes of cells), at
# start-up and at a resize. The kiosk clamps the size it lays out for
# (src/ui/ui_size.h), keeps running, answers keys, and stays small.
. tests/lib.sh

pane_tty() { t list-panes -t k -F '#{pane_tty}'; }
# found_kiosk: the wrapper has set the size and become the kiosk.
found_kiosk() {
	pid=$(kiosk_pid) && test -n "$pid" &&
		test "$(readlink "/proc/$pid/exe")" = "$(readlink -f "$HTKP")"
}
alive() { kill -0 "$pid" 2>/dev/null; }
# peak_rss_kb: the most memory the kiosk has held (VmHWM), in kB.
peak_rss_kb() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status"; }
# written: bytes the kiosk has written so far; wrote_since N: more than N.
# A start-up or a resize repaints the screen, so a write after one means
# the kiosk has laid out a frame at the new size (or has died trying).
written() { sed -n 's/^wchar: //p' "/proc/$pid/io" 2>/dev/null; }
wrote_since() { local n; n=$(written) && test -n "$n" && test "$n" != "$1"; }
# set_size LINES COLS: what `stty rows LINES cols COLS` on the terminal
# and a SIGWINCH tell the kiosk (tmux knows nothing of it); returns once
# the kiosk has repainted.
set_size() {
	local before
	before=$(written)
	stty -F "$tty" rows "$1" cols "$2"
	kill -WINCH "$pid" 2>/dev/null
	poll 5 wrote_since "$before"
}
# huge_start LINES COLS: starts the kiosk on a terminal of that size.
huge_start() {
	start 80x24 "sh -c 'stty rows $1 cols $2; exec $HTKP -c config/htkp.ini'"
	tty=$(pane_tty)
	poll 5 found_kiosk
	poll 5 wrote_since 0
}
# back_to_normal: tells the kiosk the terminal is 80x24 again.
back_to_normal() { set_size 24 80; }
# laid_out TITLE: the kiosk is laid out for 80x24: TITLE on the title bar
# (line 1), the keys on the status bar (line 24). Parts of a screen laid
# out for a larger size can show in the pane too, but not these two lines.
at_80x24() { [[ $(screen_line 0) =~ ^\ htkp\ +$1 ]] && [[ $(screen_line 23) =~ \?\ help ]]; }
laid_out() { poll 5 at_80x24 "$1" || { screen | sed 's/^/# /'; return 1; }; }

# --- at start-up ---
huge_start 50 32768
keys 3
back_to_normal
check "started 32768 columns wide, the kiosk runs and answers keys" laid_out 'Case Law'
check "it is still running" alive
keys H
expect '1  Welcome' "and goes on answering keys"

huge_start 40000 80
keys 3
back_to_normal
check "started 40000 lines high, the kiosk runs and answers keys" laid_out 'Case Law'

huge_start 10000 10000
keys 4
back_to_normal
check "started 10000x10000, the kiosk runs and answers keys" laid_out 'Database of Legislation'
rss=$(peak_rss_kb)
echo "# 10000x10000 at start: peak RSS ${rss} kB"
check "started 10000x10000, RSS stays under 100 MB (peak ${rss} kB)" test "${rss:-999999}" -lt 102400

# --- mid-session ---
kiosk 80x24
tty=$(pane_tty)
pid=$(kiosk_pid)
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null
set_size 40000 80
keys H
set_size 50 32768
keys 5
set_size 65535 65535
keys H
set_size 10000 10000
keys 4
# Enter opens the first law; Escape back: the keys were read at the size.
keys Enter Escape
back_to_normal
check "after the huge sizes it answers keys and is laid out for 80x24 again" laid_out 'Database of Legislation'
check "resized to 40000 lines, 32768 columns and 10000x10000, it still runs" alive
rss=$(peak_rss_kb)
echo "# resized to 10000x10000: peak RSS ${rss} kB"
check "resized to 10000x10000, RSS stays under 100 MB (peak ${rss} kB)" test "${rss:-999999}" -lt 102400

# Many resizes in a row without a key are resizes, not a dropped link.
for _ in 1 2 3 4 5 6; do
	set_size 30 100
	set_size 24 80
done
keys H
check "six resizes without a key do not end the session" laid_out 'Human Trafficking'
keys q
expect '^\[exited 0\]' "the kiosk quits cleanly"
finish
