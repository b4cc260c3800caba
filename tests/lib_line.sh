# shellcheck shell=bash
# Helpers for the line-mode tests (tests/e2e/line*.sh): htkp runs in a tmux
# window under script(1), which records every byte htkp writes to the
# terminal, from the first, into a file; checks read that raw file, not
# the screen, so that no byte (an escape) can hide from them. Source after
# tests/lib.sh.

RAW=$TMPDIR_TEST/raw   # the bytes of the current session
MARK=0                 # bytes of RAW before the last line typed

# line_start COLSxLINES [env VAR=...] HTKP-ARGS...: starts a session
# recorded in RAW; the arguments are a command line run by the shell.
line_start() {
	local size=$1
	shift
	: >"$RAW"
	MARK=0
	start "$size" script -qfec "'$*'" "$RAW"
}
# raw_text: RAW without carriage returns (the terminal's ONLCR).
raw_text() { tr -d '\r' <"$RAW"; }
# since_mark_has REGEX: what htkp wrote since the last line typed matches.
since_mark_has() { tail -c +"$((MARK + 1))" "$RAW" | tr -d '\r' | grep -qE -- "$1"; }
# said REGEX [SECONDS]: waits until htkp has written a line matching REGEX
# since the last line typed; shows what it wrote when it does not.
said() {
	poll "${2:-5}" since_mark_has "$1" && return 0
	tail -c +"$((MARK + 1))" "$RAW" | tr -d '\r' | tail -30 | sed 's/^/# /'
	# The text ends at a prompt, with no newline: without this one the
	# "not ok" line that follows is glued to it, and tests/run.sh, which
	# counts lines that begin "not ok", does not see the failure.
	echo
	return 1
}
# type_line TEXT: types TEXT and Enter (TEXT may be empty: Enter alone).
type_line() {
	MARK=$(stat -c %s "$RAW")
	[ -n "$1" ] && keys -l -- "$1"
	keys Enter
}
# says TEXT REGEX DESCRIPTION: types a line, then one check on the answer.
says() {
	type_line "$1"
	check "$3" said "$2"
}
# no_escape_byte: no byte 0x1b anywhere in RAW.
no_escape_byte() { ! grep -q $'\x1b' "$RAW"; }
# only_ascii: no byte above 0x7f in RAW.
only_ascii() { ! LC_ALL=C grep -q '[^[:print:][:space:]]' "$RAW"; }
