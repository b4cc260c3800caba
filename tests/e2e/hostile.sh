#!/bin/bash
# Data that attacks the terminal, everywhere it is drawn outside a record:
# the result list (titles, countries, snippets), the value pickers (filter
# and browse), the header's search and filters lines, and the search line
# while it is typed. Escape sequences, C0/C1 controls, bidi overrides and
# zero-width characters must reach the screen as harmless text or not at
# all (unicode.sh checks the record screen).
. tests/lib.sh

db="$TMPDIR_TEST/hostile.db"
"$HTKP_IMPORT" -o "$db" tests/data/hostile.json >/dev/null

# raw_free WHERE: nothing raw reached the screen: no bidi control or zero
# width character, no control shown in ^X form (curses' way of drawing a
# raw control byte), no colour the data asked for (ESC[31m, ESC[7m), and
# the terminal title is untouched.
raw_free() {
	local s e
	s=$(screen) e=$(t capture-pane -p -e -t k)
	if printf '%s\n' "$s" | grep -qP '[\x{202a}-\x{202e}\x{2066}-\x{2069}\x{200b}-\x{200f}\x{80}-\x{9f}]'; then
		echo "# $1: a bidi, zero-width or C1 character is on the screen"
	elif printf '%s\n' "$s" | grep -qE '\^[][A-Z@\\^_?]'; then
		echo "# $1: a control character is drawn as ^X"
	elif printf '%s\n' "$e" | grep -q $'\e\\[31m'; then
		echo "# $1: the data's colour (ESC[31m) was obeyed"
	elif [ "$(t display -p -t k '#{pane_title}')" = owned ]; then
		echo "# $1: the data changed the terminal title"
	else
		return 0
	fi
	printf '%s\n' "$s" | sed 's/^/# /'
	return 1
}

kiosk 80x24 --db "$db"
keys 3
wait_for 'Case Law: 2 cases' >/dev/null

# --- the result list: title and country cells ---
keys 5
wait_for 'Results 1-2 of 2' >/dev/null
expect '^  Hostile \[2J\[31mtitle reversed  zero' "list: a title's escape sequences are shown as text, without ESC"
expect 'Evil\[31mland +2021' "list: a country cell is cleaned the same way"
expect '^  A quiet case\[5m in plain ASCII +Testland' "list: plain ASCII with an escape and a bell is cleaned too"
check "list: nothing raw reaches the screen" raw_free "list"
check "list: no blinking from the data (ESC[5m was not obeyed)" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -e -t k | grep -q $'\e\\[5m'"

# --- the result list: the snippet under a row ---
keys /
wait_for 'Enter search  ' >/dev/null
keys -l 'escape'
keys Enter
wait_for 'Results 1-1 of 1' >/dev/null
expect '^    .*Bell  and escape \]0;owned and C1 31m and bidi' "snippet: controls and bidi isolates are dropped"
check "snippet: nothing raw reaches the screen" raw_free "snippet"
keys c
wait_for '^ Search: \(none' >/dev/null

# --- the search line while typing, then in the header ---
keys /
wait_for 'Enter search  ' >/dev/null
keys -l $'ho\u202est\u200bile'
# The typed letters are there; the override and the zero width are not.
expect '^ Search: hostile' "search line: bidi override and zero width are not typed"
check "search line while typing: nothing raw reaches the screen" raw_free "typing"
keys Enter
expect '^ Search: hostile$' "header: the search line holds the clean words"
expect 'Results 1-1 of 1' "... which find the record"
check "header: nothing raw reaches the screen" raw_free "search line"
keys c
wait_for '^ Search: \(none' >/dev/null

# --- the filter picker, then the filters line in the header ---
keys f
wait_for '^   Country +any' >/dev/null
check "filters view: nothing raw reaches the screen" raw_free "filters view"
keys Enter
wait_for '\(any: remove this filter\)' >/dev/null
expect '^   Evil\[31mland +1$' "picker: a country value is cleaned"
check "picker: nothing raw reaches the screen" raw_free "picker"
keys Down Enter
expect '^ Filters: Country: Evil\[31mland$' "header: the chosen country is cleaned"
expect '^   Country +Evil\[31mland' "filters view: the chosen value is cleaned"
check "filters line: nothing raw reaches the screen" raw_free "filters line"

# --- browse by country: the same values in the browse picker ---
kiosk 80x24 --db "$db"
keys 4
wait_for 'Legislation: 1 law' >/dev/null
keys 2
wait_for 'Browse by country' >/dev/null
expect '^   Evil\[31mland +1$' "browse by country: the value is cleaned"
check "browse by country: nothing raw reaches the screen" raw_free "browse"
keys Enter
expect 'Law of \[7mreverse' "browse: the law's title is cleaned in its list"
check "browse result list: nothing raw reaches the screen" raw_free "browse list"
check "no reverse video from the data (ESC[7m was not obeyed)" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -e -t k | grep -q $'\e\\\\[7mreverse'"
check "the kiosk is still running" test -n "$(kiosk_pid)"

finish
