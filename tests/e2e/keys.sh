#!/bin/bash
# PC keyboards on any TERM: the bytes PuTTY, xterm, Windows Terminal, rxvt
# and the Linux console send for PgUp/PgDn, Home/End, Delete, the arrows
# and F1 work whatever TERM names, even where its terminfo entry (vt100,
# ansi) does not list them. Before, such a sequence reached the kiosk as a
# bare Esc, which means "back".
. tests/lib.sh

# press HEX...: sends raw bytes, as the emulator would.
press() { t send-keys -t k -H "$@"; }

PGDN="1b 5b 36 7e" PGUP="1b 5b 35 7e"
# name=bytes of every Home and End an emulator sends.
HOMES="vt220=1b5b317e xterm=1b5b48 xterm-app=1b4f48 rxvt=1b5b377e"
ENDS="vt220=1b5b347e xterm=1b5b46 xterm-app=1b4f46 rxvt=1b5b387e"
F1S="xterm=1b4f50 putty=1b5b31317e linux=1b5b5b41"
DOWNS="normal=1b5b42 application=1b4f42"

hex() { echo "$1" | sed 's/../& /g'; }

for term in vt100 vt220 ansi linux screen xterm; do
	start 80x12 env TERM=$term "$HTKP" -c config/htkp.ini
	wait_for 'Human Trafficking Knowledge Portal' >/dev/null
	for f1 in $F1S; do
		# shellcheck disable=SC2046
		press $(hex "${f1#*=}")
		expect 'Lines 1-10 of' "TERM=$term: F1 as ${f1%%=*} sends it opens the help"
		keys H
		wait_for '1  Welcome' >/dev/null
	done
	keys '?'
	wait_for 'Lines 1-10 of' >/dev/null
	# shellcheck disable=SC2086
	press $PGDN
	expect 'Lines 10-19 of' "TERM=$term: PgDn (ESC [ 6 ~) pages down instead of going back"
	# shellcheck disable=SC2086
	press $PGUP
	expect 'Lines 1-10 of' "TERM=$term: PgUp (ESC [ 5 ~) pages up"
	for end in $ENDS; do
		press 1b 5b 31 7e   # Home first, so that End has somewhere to go
		wait_for 'Lines 1-10 of' >/dev/null
		# shellcheck disable=SC2046
		press $(hex "${end#*=}")
		expect 'Lines [0-9]+-([0-9]+) of \1 *$' "TERM=$term: End as ${end%%=*} sends it goes to the end"
	done
	for home in $HOMES; do
		press 1b 5b 34 7e
		wait_gone 'Lines 1-10 of' >/dev/null
		# shellcheck disable=SC2046
		press $(hex "${home#*=}")
		expect 'Lines 1-10 of' "TERM=$term: Home as ${home%%=*} sends it goes to the top"
	done
	for down in $DOWNS; do
		# shellcheck disable=SC2046
		press $(hex "${down#*=}")
		expect 'Lines 2-11 of' "TERM=$term: Down in ${down%%=*} cursor mode scrolls a line"
		keys Home
		wait_for 'Lines 1-10 of' >/dev/null
	done
	press 1b 5b 33 7e
	press 1b 5b 32 7e
	press 1b 5b 36 7e
	expect 'Lines 10-19 of' "TERM=$term: Delete and Insert do nothing, and do not go back"
	check "TERM=$term: still on the help screen" screen_has '^ htkp  Help'
done
finish
