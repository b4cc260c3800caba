#!/bin/bash
# Line mode's text in the terminal's character set, and how it is chosen:
# under LANG=C (what sshd gives by default) text is transliterated and no
# byte above ASCII is written; a single-byte charset is written as such
# where its locale exists; [display] mode = auto picks line mode for
# TERM=dumb or no TERM, mode = line by itself; line_width wraps; the
# sandbox holds. Every byte written is recorded (tests/lib_line.sh).
. tests/lib.sh
. tests/lib_line.sh

# line_sandboxed: the htkp under the window's script has NoNewPrivs and a
# seccomp filter.
line_sandboxed() {
	local pid p
	pid=$(t list-panes -t k -F '#{pane_pid}')
	for _ in 1 2 3 4; do   # the pane's shell, script, its shell, htkp
		p=$(pgrep -P "$pid" | head -1)
		[ -n "$p" ] || break
		pid=$p
		[ "$(cat /proc/"$pid"/comm)" = htkp ] && break
	done
	[ "$(cat /proc/"$pid"/comm 2>/dev/null)" = htkp ] &&
		grep -q 'NoNewPrivs:.*1' /proc/"$pid"/status &&
		grep -q 'Seccomp:.*2' /proc/"$pid"/status
}

# --- LANG=C: ASCII only ---
line_start 80x24 env LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini --line
said '^7\. About$' >/dev/null
says 3 '^1\. Search Case Law$' "LANG=C: Case Law"
says vaupes '^1\. Trafficking for domestic servitude of an indigenous woman from Vaupes$' \
	"LANG=C: a result's title is transliterated (Vaupés reads Vaupes)"
check "LANG=C: and wrapped on a word boundary, (Bogota) on the next line" said '^ +\(Bogota\)\. Colombia'
says 1 '^Case Law COL-2018-001\.$' "LANG=C: the record opens"
check "LANG=C: no byte above ASCII, and no escape, in all that was written" only_ascii
says b '^Results 1 to 1 of 1' "LANG=C: back at the results"
says 'Bogotá' '^1\. Trafficking for domestic servitude' \
	"LANG=C: Bogotá typed on a UTF-8 terminal finds the record"
keys C-d
check "LANG=C: end of input ends it" wait_for '\[exited 0\]'
check "LANG=C: no escape byte" no_escape_byte

# --- charset = iso-8859-1 ---
latin1=$(locale -a 2>/dev/null | grep -iE '^[a-z_]+\.(iso-?8859-?1)$' | head -1)
cfg=$(with charset=iso-8859-1)
if [ -n "$latin1" ]; then
	line_start 80x24 env LANG="$latin1" LC_ALL="$latin1" "$HTKP" -c "$cfg" --line
	said '^7\. About$' >/dev/null
	says 3 '^1\. Search Case Law$' "$latin1: Case Law"
	says vaupes 'Vaup.s' "$latin1: the result"
	check "$latin1: é is written as the one byte 0xe9" grep -q $'Vaup\xe9s' "$RAW"
	check "$latin1: and never as UTF-8" bash -c "! grep -q $'\xc3\xa9' '$RAW'"
else
	# No Latin-1 locale here: htkp writes ASCII rather than bytes the
	# terminal would misread (README, Character sets).
	line_start 80x24 env LANG=C LC_ALL=C "$HTKP" -c "$cfg" --line
	said '^7\. About$' >/dev/null
	says 3 '^1\. Search Case Law$' "charset = iso-8859-1 without its locale: Case Law"
	says vaupes 'from Vaupes$' "without a Latin-1 locale, ASCII: Vaupes"
	check "without a Latin-1 locale, no byte above ASCII" only_ascii
fi
keys C-d
check "charset = iso-8859-1: no escape byte" no_escape_byte

# --- mode = auto (the default) picks line mode where no screen can be drawn ---
line_start 80x24 env TERM=dumb "$HTKP" -c config/htkp.ini
check "mode = auto, TERM=dumb: line mode" said '^3\. Case Law, [0-9]+ cases$'
says 5 '^5\. All [0-9]+ publications, newest first$' "TERM=dumb: Bibliography"
keys C-d
check "TERM=dumb: no escape byte" no_escape_byte
line_start 80x24 env -u TERM "$HTKP" -c config/htkp.ini
check "mode = auto, no TERM: line mode" said '^3\. Case Law, [0-9]+ cases$'
keys C-d
check "no TERM: no escape byte" no_escape_byte
line_start 80x24 "$HTKP" -c config/htkp.ini
check "mode = auto in a terminal that draws (tmux): the full-screen kiosk" \
	poll 5 grep -q $'\x1b' "$RAW"
keys q

# --- hostile data (escapes, controls, bidi in records): plain text ---
db="$TMPDIR_TEST/hostile.db"
"$HTKP_IMPORT" -o "$db" tests/data/hostile.json >/dev/null
line_start 80x24 "$HTKP" -c config/htkp.ini --db "$db" --line
said '^7\. About$' >/dev/null
says 3 '^5\. All 2 cases, newest first$' "hostile data: Case Law"
says 5 '^2\. ' "hostile data: the list"
says 1 '^End of the record\.$' "hostile data: a record"
says b '^Results' "hostile data: back"
says 2 '^End of the record\.$' "hostile data: the other record"
keys C-d
check "hostile data: no escape byte reached the terminal" no_escape_byte
check "hostile data: no C1, bidi or zero-width character either" \
	bash -c "! grep -qP '[\x{202a}-\x{202e}\x{2066}-\x{2069}\x{200b}-\x{200f}\x{80}-\x{9f}]' <(tr -d '\r' <'$RAW')"

# --- mode = line, line_width ---
line_start 80x24 "$HTKP" -c "$(with mode=line line_width=40)"
check "mode = line in the configuration: line mode" said '^7\. About$'
says 1 '^Welcome to the UNODC' "line_width = 40: the welcome page"
check "line_width = 40: no line wider than 40 columns" \
	bash -c "test \"\$(tail -c +$((MARK + 1)) '$RAW' | tr -d '\r' | wc -L)\" -eq 40"
check "line mode runs in the sandbox: NoNewPrivs and seccomp" \
	line_sandboxed
keys C-d
check "line_width: no escape byte" no_escape_byte

finish
