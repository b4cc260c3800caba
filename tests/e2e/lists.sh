#!/bin/bash
# Every list of the kiosk moves the same way: the home menu, a database's
# menu, the filters, a picker and the result list each stop at both ends,
# go to the first / last item with Home/End and g/G, move a page with
# PgUp/PgDn, and jump to an item by the letters it begins with. An empty
# list takes the keys without hanging the kiosk.
. tests/lib.sh

# The highlighted row (black on cyan, or reverse video) between the title
# bar and the status line, as text.
SEL_RE=$'\e\\[([0-9;]*;)?(46|7)m'
selected() {
	t capture-pane -p -e -t k | sed -n '2,15p' | grep -m1 -E "$SEL_RE" |
		sed -e 's/\x1b\[[0-9;]*m//g'
}
selected_matches() { selected | grep -Eq -- "$1"; }
# wait_selected REGEX: waits until the highlighted row matches.
wait_selected() {
	poll 5 selected_matches "$1" && return 0
	echo "# selected row: $(selected)"
	screen | sed 's/^/# /'
	return 1
}

# list_checks NAME FIRST SECOND LAST BEFORE_LAST PGDN: the moves every list
# shares; each argument after NAME is a regex for the selected row.
# Each check ends on a key whose effect tells wrapping from stopping.
list_checks() {
	name=$1 first=$2 second=$3 last=$4 before_last=$5 pgdn=$6
	keys Home
	wait_selected "$first" >/dev/null
	keys Up Down
	check "$name: Up stops at the first item (Home, Up, Down: the second)" \
		wait_selected "$second"
	keys End
	check "$name: End selects the last item" wait_selected "$last"
	keys Down Up
	check "$name: Down stops at the last item (End, Down, Up: the one before)" \
		wait_selected "$before_last"
	keys Home
	check "$name: Home selects the first item" wait_selected "$first"
	keys k j
	check "$name: k stops at the first item too" wait_selected "$second"
	keys G
	check "$name: G selects the last item" wait_selected "$last"
	keys j k
	check "$name: j stops at the last item too" wait_selected "$before_last"
	keys g
	check "$name: g selects the first item" wait_selected "$first"
	keys NPage
	check "$name: PgDn moves a page" wait_selected "$pgdn"
	keys PPage
	check "$name: PgUp moves back a page" wait_selected "$first"
}

cp db/htkp.db "$TMPDIR_TEST/htkp.db"
kiosk 80x16 --db "$TMPDIR_TEST/htkp.db"

# --- the home menu: eight items, all on the screen ---
list_checks "home menu" '^ +1  Welcome' '^ +2  Definition' '^ +8  Marked' '^ +7  About' \
	'^ +8  Marked'
keys a
check "home menu: a jumps to About" wait_selected '7  About'
keys Home
wait_selected '1  Welcome' >/dev/null
keys d
check "home menu: d jumps to Definition" wait_selected '2  Definition'

# --- a database's menu ---
keys Escape 3
wait_for 'Case Law Database: 46 cases' >/dev/null
list_checks "database menu" '1  Search Case Law' '2  Browse by country' \
	'7  Statistics' '6  Recently added' '7  Statistics'
keys a
check "database menu: a jumps to All 46 cases" wait_selected '5  All 46 cases'
keys Home
wait_selected '1  Search' >/dev/null
keys S
check "database menu: S (not the command s) jumps to the next item with S" \
	wait_selected '7  Statistics'

# --- the filters: 25 rows, 11 on the screen; a page down from Country
# (rows 0-10: Country, the two rows of each year range, Verdict, Court,
# Type of court, Legal system, Latest court ruling, Type of proceeding)
# is row 11, Law applied ---
keys f
wait_for 'Case Law Database: filters' >/dev/null
list_checks "filters" '^ +Country +any' '^ +Decision year from' \
	"^ +Defendants' nationality" "^ +Defendants' gender" '^ +Law applied'
keys p
check "filters: p jumps to Purpose of exploitation" wait_selected '^ +Purpose of exploitation'
keys Home
wait_selected '^ +Country' >/dev/null
keys v
check "filters: v jumps to the next row beginning with v" wait_selected "^ +Verdict"
# A letter that continues no row's name starts a jump of its own: letters
# typed soon after a jump (a name typed, a picker opened and closed) are
# never swallowed.
keys Home
wait_selected '^ +Country' >/dev/null
keys p t
check "filters: p then t (no row begins 'pt') jumps on to the next row beginning with t" \
	wait_selected '^ +Type of court'
keys Escape
wait_for '1  Search Case Law' >/dev/null

# --- a picker: the 24 countries of the sample's cases, 11 on the screen ---
keys 2
wait_for 'Browse by country' >/dev/null
list_checks "picker" '^ +Australia' '^ +Canada' '^ +United States' '^ +United Kingdom' \
	'^ +Kenya'
keys n i
check "picker: typing ni jumps to Nigeria" wait_selected '^ +Nigeria +[0-9]'
keys Home
wait_selected '^ +Australia' >/dev/null
keys n i g
check "picker: typing nig (g extends the jump, it is not 'first') reaches Nigeria" \
	wait_selected '^ +Nigeria +[0-9]'
keys Home
wait_selected '^ +Australia' >/dev/null
keys n
check "picker: n jumps to the first country beginning with n" wait_selected '^ +Namibia'
keys Home
wait_selected '^ +Australia' >/dev/null
keys g
check "picker: g alone is a command (first), not a jump to Germany" \
	wait_selected '^ +Australia'
keys Escape
wait_for '1  Search Case Law' >/dev/null

# --- the result list: 46 cases, newest first, 9 a page ---
keys 5
wait_for 'Results 1-9 of 46' >/dev/null
list_checks "result list" '^  Government of Nepal' '^  Zaimatulhakma' \
	'^  Vishal Jeet' '^  Attorney-General of the Federation' '^  Republic v\. Forkinya|^  [A-Z]'
keys Home
wait_for 'Results 1-9 of 46' >/dev/null
keys NPage
check "result list: PgDn shows the next page" wait_for 'Results 10-18 of 46'
keys Home
wait_for 'Results 1-9 of 46' >/dev/null
keys z a
check "result list: za jumps to the title beginning with it" wait_selected '^  Zaimatulhakma'
keys Home
wait_selected '^  Government of Nepal' >/dev/null
keys o
check "result list: o jumps to Operation Fort" wait_selected '^  Operation Fort'

# --- an empty picker takes the keys: the kiosk neither hangs nor spins ---
keys H 3
wait_for 'Case Law Database: 46 cases' >/dev/null
keys /
wait_for 'Enter search  ' >/dev/null
t send-keys -t k -l -- 'zzqxwv'
keys Enter
wait_for 'No cases match' >/dev/null
keys Escape
wait_for '1  Search Case Law' >/dev/null
keys 2
wait_for 'Nothing to choose from' >/dev/null
keys j k Down Up NPage End Home n
keys '?'
check "empty picker: after moving keys the kiosk still answers (help opens)" \
	wait_for '^ htkp  Help'
pid=$(kiosk_pid)
keys Escape
wait_for 'Nothing to choose from' >/dev/null
kill -HUP "$pid"
check "empty picker: the kiosk still ends on hang-up" wait_for '^\[exited 0\]'

# --- low_bandwidth = yes: an arrow, not a bar, marks the selection ---
kiosk 80x24 -c "$(with low_bandwidth=yes)"
check "low_bandwidth: the home menu's first item has the arrow" wait_for '^>  1  Welcome'
check "low_bandwidth: no row is in a bar" test -z "$(selected_no)"
keys Down
check "low_bandwidth: Down moves the arrow to the next item" wait_for '^>  2  Definition'
check "low_bandwidth: ... and off the one before" screen_has '^   1  Welcome'
check "low_bandwidth: the cursor stands on the arrow" \
	test "$(t display-message -p -t k '#{cursor_y} #{cursor_x}')" = "5 0"
keys 3 5
wait_for 'Results 1-' >/dev/null
check "low_bandwidth: a result list's first row has the arrow" \
	screen_has '^> Government of Nepal'
keys Down
# arrow_on N: the one arrow on the screen is on line N.
arrow_on() { [ "$(screen | grep -n '^>' | cut -d: -f1 | tr '\n' ' ')" = "$1 " ]; }
check "low_bandwidth: Down in the list moves it to the second row, the only arrow" \
	poll 5 arrow_on 7

finish
