# shellcheck shell=bash
# Helpers for the database tests (tests/e2e/databases*.sh): the highlight,
# searching, picking a value, comparing screens. Source after tests/lib.sh.
# The screen with colours and attributes (the selection is only visible so).
screen_attrs() { t capture-pane -p -e -t k; }
# selected_no: the screen line (1-based) of the highlighted row or link
# (black on cyan or green; reverse in mono), between the title bar and the
# status line; empty when none.
SEL_RE=$'\e\\[([0-9;]*;)?(46|42|7)m'
selected_no() {
	screen_attrs | sed -n '2,23p' | grep -n -m1 -E "$SEL_RE" | cut -d: -f1 |
		awk '{ print $1 + 1 }'
}
# wait_selected_no N: waits until the highlight is on screen line N.
selected_on() { [ "$(selected_no)" = "$1" ]; }
wait_selected_no() {
	poll 5 selected_on "$1" && return 0
	echo "# the highlight is on line $(selected_no), not $1"
	return 1
}
# selected: the text of the highlighted row.
selected() {
	n=$(selected_no)
	[ -n "$n" ] && screen | sed -n "${n}p"
}
# wait_selected REGEX: waits until the highlighted row matches.
selected_matches() { selected | grep -Eq -- "$1"; }
wait_selected() {
	poll "${2:-5}" selected_matches "$1" && return 0
	echo "# selected row: $(selected)"
	screen | sed 's/^/# /'
	return 1
}
# top_lines: the screen without its status line (messages come and go).
top_lines() { screen | sed -n '1,23p'; }
# re_quote TEXT: TEXT as an extended regular expression matching itself.
re_quote() { printf '%s' "$1" | sed 's/[][\\.*^$(){}+?|]/\\&/g'; }
# search WORDS: '/', Ctrl-U (the line starts with the current words),
# the words, Enter.
search() {
	keys /
	wait_for 'Enter search  ' >/dev/null
	keys C-u
	wait_for '^ Search: *$' >/dev/null
	t send-keys -t k -l -- "$1"
	wait_for "^ Search: $(re_quote "$1")" >/dev/null
	keys Enter
}
# changed_from TEXT: waits until the screen is no longer TEXT.
screen_is_not() { [ "$(screen)" != "$1" ]; }
changed_from() { poll 2 screen_is_not "$1"; }
# pick VALUE: in a picker, moves the highlight to the row VALUE (paging on
# when it is not on the screen) and presses Enter. Heading rows, which the
# highlight skips, are not counted as moves.
pick() {
	want="^   $(re_quote "$1")( {2,}[0-9,]+)? *\$"
	for _ in 1 2 3 4 5 6 7 8; do
		s=$(screen)
		from=$(selected_no)
		to=$(printf '%s\n' "$s" | sed -n '2,23p' | grep -n -m1 -E "$want" | cut -d: -f1)
		if [ -n "$to" ] && [ -n "$from" ]; then
			to=$((to + 1))
			if [ "$to" -ge "$from" ]; then
				heads=$(printf '%s\n' "$s" | sed -n "${from},${to}p" | grep -c '^ [^ ]')
				key=Down n=$((to - from - heads))
			else
				heads=$(printf '%s\n' "$s" | sed -n "${to},${from}p" | grep -c '^ [^ ]')
				key=Up n=$((from - to - heads))
			fi
			for ((i = 0; i < n; i++)); do keys "$key"; done
			wait_selected "$want" || return 1
			keys Enter
			return 0
		fi
		keys NPage
		changed_from "$s" || break
	done
	echo "# no row \"$1\" in the picker"
	screen | sed 's/^/# /'
	return 1
}
# list_rows: the result rows on screen (below the column titles), without
# the snippet lines under them.
list_rows() { screen | sed -n '6,23p' | grep -v '^ *$' | grep -v '^    '; }
# all_rows_have TEXT: every result row on screen contains TEXT.
all_rows_have() {
	rows=$(list_rows)
	[ -n "$rows" ] && ! printf '%s\n' "$rows" | grep -vqF -- "$1"
}
# no_error: the status line shows no error.
no_error() { ! screen_line 23 | grep -Eqi 'error|cannot'; }
# screen_lacks REGEX: the screen does not match (shown when it does).
screen_lacks() {
	screen | grep -Eq -- "$1" || return 0
	screen | sed 's/^/# /'
	return 1
}
# same_screen FILE: the screen (but the status line) is what FILE holds.
top_lines_are() { [ "$(top_lines)" = "$(cat "$1")" ]; }
same_screen() {
	poll 3 top_lines_are "$1" && return 0
	diff "$1" <(top_lines) | sed 's/^/# /'
	return 1
}
