#!/bin/bash
# The terminal's cursor (hidden) stands on the selected row, as screen
# readers and magnifiers follow it: on the home menu, after the words
# being typed on the search line, in the result list
# (rows with snippets between them) after Down and PgDn, back from a
# record, and on vt100 too, whose frames take other motions.
. tests/lib.sh

cursor_row() { t display -p -t k '#{cursor_y}'; }
# row_of REGEX: the screen row (from 0) of the first line matching it.
row_of() { screen | grep -n -m1 -- "$1" | cut -d: -f1 | awk '{print $1 - 1}'; }
# on_row REGEX: the cursor is on the row of that line (polled: the frame
# may still be on its way).
on_row() {
	for _ in $(seq 50); do
		[ "$(cursor_row)" = "$(row_of "$1")" ] && return 0
		sleep 0.1
	done
	echo "# cursor on row $(cursor_row), '$1' on row $(row_of "$1")"
	return 1
}

for term in xterm-256color vt100; do
	start 80x24 env TERM=$term "$HTKP" -c config/htkp.ini
	wait_for 'Human Trafficking Knowledge Portal' >/dev/null
	check "$term: home: the cursor is on the selected item (1 Welcome)" on_row '^ *1  Welcome'
	keys Down
	check "$term: Down: the cursor follows it (2 Definition)" on_row '^ *2  Definition'

	keys 3
	wait_for 'Case Law Database: 46 cases' >/dev/null
	keys /
	keys -l 'forced labour'
	wait_for 'Search: forced labour' >/dev/null
	cursor_after_typing() {
		local want
		want="1,$(($(screen | sed -n 2p | sed 's/forced labour.*//' | wc -m) - 1 + 13))"
		for _ in $(seq 50); do
			[ "$(t display -p -t k '#{cursor_y},#{cursor_x}')" = "$want" ] && return 0
			sleep 0.1
		done
		echo "# cursor at $(t display -p -t k '#{cursor_y},#{cursor_x}'), want $want"
		return 1
	}
	check "$term: typing: the cursor stands after the words typed" cursor_after_typing
	keys Enter
	wait_for '^ Results 1-' >/dev/null
	first=$(screen | sed -n 6p | cut -c3-20)
	check "$term: results: the cursor is on the first result's row" on_row "^  $first"
	keys Down
	second=$(screen | sed -n 8p | cut -c3-20)
	check "$term: Down: on the second result's row, past the snippet" on_row "^  $second"
	keys Space   # PgDn: the selection goes a page on, to the 11th result
	wait_for '^ Results 10-' >/dev/null
	eleventh=$(screen | sed -n 8p | cut -c3-20)
	check "$term: Space (next page): on the 11th result's row" on_row "^  $eleventh"
	keys Enter
	wait_for 'Case Law: ' >/dev/null
	keys Escape
	wait_for '^ Results 10-' >/dev/null
	check "$term: back from the record: on the result that was opened" on_row "^  $eleventh"
done
finish
