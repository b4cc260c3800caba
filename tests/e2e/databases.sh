#!/bin/bash
# The three databases end to end, at 80x24, on the sample database, as a
# user sees them: search, the result list and its paging, filters, browse
# by country and keyword, records, links between cases and laws, sorting,
# clearing, empty results, hostile search text and diacritics.
. tests/lib.sh

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
	wait_for 'Type words, Enter: search' >/dev/null
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

# A private copy of the sample database: a rebuild of db/htkp.db while the
# test runs would otherwise bring up "The database was updated" messages.
cp db/htkp.db "$TMPDIR_TEST/htkp.db"
kiosk 80x24 --db "$TMPDIR_TEST/htkp.db"

# ===================== Case Law =====================
keys 3
expect 'Case Law: 46 cases' "Case Law opens with its count"
expect '5  All 46 cases, newest first' "the menu offers the whole list"
expect '^ Search: \(none: press / to type words\)' "the search line is empty"
expect '^ Filters: none \(f to add\)' "the filters line is empty"

# --- search ---
search trafficking
expect '^ Results 1-9 of 32, by relevance' "cases: a search opens the list with its position"
expect '^  Title +Country +Year Verdict' "cases: the list has column titles"
expect '^ Search: trafficking' "cases: the search line shows the words"
check "cases: the best match is the first row, selected" \
	wait_selected '^  Trafficking for domestic servitude.* Colombia +2018 convicted'
expect "^    \.\.\.Colombia's first conviction for trafficking for domestic servitude" \
	"cases: a snippet under the row shows where the words matched"

# --- paging ---
keys NPage
expect '^ Results 10-18 of 32, by relevance' "cases: PgDn shows the next page"
keys NPage
wait_for '^ Results 19-27 of 32' >/dev/null
keys NPage
expect '^ Results 28-32 of 32' "cases: PgDn reaches the last page"
keys NPage
wait_for 'Enter: open' >/dev/null
expect '^ Results 28-32 of 32' "cases: PgDn stays on the last page"
keys PPage
expect '^ Results 19-27 of 32' "cases: PgUp goes back a page"
keys Home
expect '^ Results 1-9 of 32' "cases: Home goes to the first page"
keys End
expect '^ Results 28-32 of 32' "cases: End goes to the last page"
keys Home
wait_for '^ Results 1-9 of 32' >/dev/null
# Two PgDn that arrive together (typed ahead on a slow link, drawn as one
# frame) move two pages.
keys NPage NPage
check "cases: two PgDn typed ahead move two pages" wait_for '^ Results 19-27 of 32' 2
keys Home
wait_for '^ Results 1-9 of 32' >/dev/null

# --- a record, and back to the same place ---
keys NPage Down
wait_for '^ Results 10-18 of 32' >/dev/null
check "cases: Down moves the selection to the second row of page 2" wait_selected_no 8
sel=$(selected)
top_lines >"$TMPDIR_TEST/list"
keys Enter
expect '^ Case Law [A-Z]+-[0-9]{4}-[0-9]{3}$' "cases: Enter opens the record with its id"
expect '^ Country: ' "cases: the record shows labelled fields"
expect '^ Fact summary$' "cases: the record has its headings"
keys Escape
check "cases: Esc returns to the same page with the same row selected" \
	same_screen "$TMPDIR_TEST/list"
check "cases: the selected row is still the one opened" test "$(selected)" = "$sel"

# --- a case's law, and back to the same scroll ---
keys Home Down Down
wait_selected '^  Muhammad Asif v Republic' >/dev/null
keys Enter
expect '^ Muhammad Asif v Republic \[2017\] eKLR \(Criminal Appeal 82 of 2017\)$' \
	"cases: the record's title"
expect '^ Case Law KEN-2017-001$' "cases: the record's id"
expect '^ Court: High Court of Kenya at Machakos$' "cases: the court, labelled"
expect 'Lines 1-22 of 29' "cases: a long record shows its position"
keys NPage
expect 'Lines 8-29 of 29' "cases: PgDn scrolls the record"
expect '^ Laws applied$' "cases: the laws applied are listed"
keys Tab
expect '^   Counter-Trafficking in Persons Act, No. 8 of 2010 \(Kenya, 2010\)$' \
	"cases: Tab selects the law"
check "cases: the law is highlighted" wait_selected 'Counter-Trafficking in Persons Act'
top_lines >"$TMPDIR_TEST/case"
keys Enter
expect '^ Legislation KEN-2010-CTIP$' "cases: Enter follows the link to the law"
expect '^ Counter-Trafficking in Persons Act, No. 8 of 2010$' "cases: the law's title"
expect '^ Cases applying this law$' "cases: the law lists the cases applying it"
keys Escape
check "cases: Esc returns to the case at the same scroll and link" \
	same_screen "$TMPDIR_TEST/case"
keys Escape
expect '^ Results 1-9 of 32' "cases: Esc again returns to the list"
check "cases: ... with the case still selected" wait_selected '^  Muhammad Asif'

# --- sort ---
keys s
expect 'Sorted by newest\.' "cases: s sorts by newest, and says so"
expect '^ Results 1-9 of 32, newest first' "cases: the position line names the order"
check "cases: newest first: the 2024 case" wait_selected '^  Government of Nepal v\. Tyson Tamang.* 2024 '
keys s
expect 'Sorted by oldest\.' "cases: s again: oldest"
check "cases: oldest first: the 2004 case" wait_selected '^  Attorney-General of the Federation .* 2004 '
keys s
expect 'Sorted by title\.' "cases: s again: title"
check "cases: title order: Alibhai first" wait_selected '^  Alibhai v Republic'
keys s
expect 'Sorted by relevance\.' "cases: s again: back to relevance"
check "cases: relevance order again" wait_selected '^  Trafficking for domestic servitude'

# --- a filter from the list ---
keys f
expect '^   Country +any$' "cases: f opens the filters, each with its value"
expect '^   Decision year from +any$' "cases: the year filter is a range"
keys Enter
expect '^   \(any: remove this filter\)$' "cases: a filter's picker can remove it"
expect '^   Kenya +2$' "cases: the picker shows counts for the search"
pick Kenya
expect '^   Country +Kenya$' "cases: the chosen value is shown in the filters"
expect '^ Filters: Country: Kenya$' "cases: ... and on the Filters line"
keys Escape
expect '^ Results 1-2 of 2, by relevance' "cases: the count changes with the filter"
check "cases: every row is from Kenya" all_rows_have Kenya
keys f
wait_for '^   Country +Kenya$' >/dev/null
keys Enter
wait_for '\(any: remove this filter\)' >/dev/null
keys Home Enter
expect '^ Filters: none \(f to add\)' "cases: (any) removes the filter"
keys Escape
expect '^ Results 1-9 of 32' "cases: ... and the list is whole again"

# --- c clears ---
keys c
expect 'Search and filters cleared\.' "cases: c clears, and says so"
expect '^ Search: \(none: press / to type words\)' "cases: c empties the search line"
expect '^ Results 1-18 of 46' "cases: c shows every case"

# --- browse by country ---
keys Escape
expect '5  All 46 cases, newest first' "cases: back on the menu, nothing active"
keys 2
expect 'Browse by country' "cases: 2 browses by country"
expect '^   European Court of Human Rights +7$' "cases: countries come with counts"
check "cases: browsing has no (any) row" screen_lacks '\(any'
pick 'United Kingdom'
expect '^ Filters: Country: United Kingdom$' "cases: picking a country filters by it"
expect '^ Results 1-7 of 7' "cases: ... 7 cases"
check "cases: every row is from the United Kingdom" all_rows_have 'United Kingdom'
keys Escape
wait_for 'Browse by country' >/dev/null
keys Escape
expect '5  Show the 7 cases found' "cases: the menu offers the cases found"
keys c
expect '5  All 46 cases, newest first' "cases: c on the menu clears too"

# --- browse by keyword ---
keys 3
expect '^ Act$' "cases: keywords come under headings"
expect '^ Means$' "cases: ... Act, Means, ..."
pick receipt
expect '^ Filters: Act: receipt$' "cases: picking a keyword filters by it"
expect '^ Results 1-9 of 9' "cases: ... 9 cases"
keys Escape
wait_for 'Browse by keyword' >/dev/null
keys Escape
wait_for '5  Show the 9 cases found' >/dev/null
keys c
wait_for '5  All 46 cases' >/dev/null

# --- the diacritics example ---
search bogota
expect '^ Results 1-1 of 1' "cases: bogota finds one case"
check "cases: ... the Bogotá case" wait_selected '^  Trafficking for domestic servitude'
expect 'Bogotá' "cases: the snippet shows the word as written"

# --- empty results ---
search zzzqqxx
expect '^ No cases match\.$' "cases: no results says so"
expect 'Try fewer words' "cases: ... with advice"
expect 'Remove a filter with f, or clear the search and filters with c\.' \
	"cases: ... how to widen the search"

# --- hostile search text: results or a hint, never an error ---
for words in '"unbalanced' 'NEAR(' "'; DROP TABLE cases; --" 'c++' 'body:forced' '*'; do
	search "$words"
	check "cases: \"$words\" shows results or none" \
		wait_for '^ (Results [0-9]+-[0-9]+ of [0-9]+|No cases match\.)'
	check "cases: \"$words\" shows no error" no_error
done
search '-forced'
expect 'Add a word to search for: - only excludes\.' "cases: only an exclusion gives a hint"
expect '^ Results 1-18 of 46' "cases: ... and the whole list: all 46 cases are still there"
keys c
# 'c' clears words that searched nothing too ("-forced", "*").
check "cases: c clears words that searched nothing" wait_for '^ Search: \(none' 2
search ''
wait_for '^ Search: \(none' >/dev/null

# --- filters: year range and the court ---
keys f
wait_for '^   Decision year from' >/dev/null
keys Down Enter
wait_for '\(any: remove this filter\)' >/dev/null
pick 2020
expect '^ Filters: Decision year: from 2020$' "cases: a year from"
keys Down Enter
wait_for '\(any: remove this filter\)' >/dev/null
pick 2021
expect '^ Filters: Decision year: 2020-2021$' "cases: a year range"
keys Escape
expect '^ Results 1-3 of 3' "cases: three cases in 2020-2021"
keys f
wait_for '^   Decision year to +2021' >/dev/null
keys Down Down
wait_selected '^   Decision year to' >/dev/null
keys Enter
wait_for 'Case Law: Decision year' >/dev/null
wait_for '\(any: remove this filter\)' >/dev/null
pick 2005
# A "to" year before the "from" year is turned round, not taken as a
# range that can never match.
wait_for '^   Decision year to' >/dev/null
check "cases: a 'to' year before the 'from' year is not taken as is" \
	screen_lacks 'Decision year: 2020-2005'
keys c
wait_for '^ Filters: none' >/dev/null
keys Home Down Down Down Down
wait_selected '^   Court' >/dev/null
keys Enter
expect 'Case Law: Court' "cases: the Court filter's picker opens"
# The Court filter offers every court a case names.
check "cases: the Court filter offers the courts" wait_for '^   Birmingham Crown Court +2$' 1
pick 'Birmingham Crown Court'
expect '^ Filters: Court: Birmingham Crown Court$' "cases: a court chosen"

# --- typing a search from the filters view ---
keys /
wait_for 'Type words, Enter: search' >/dev/null
keys C-u
t send-keys -t k -l 'trafficking'
keys Enter
# '/' in the filters view goes back to the list and types the search there,
# where its results show; every c typed stays in the words.
check "cases: a search typed from the filters view keeps its c and the filters" \
	wait_for '^ Search: trafficking$' 2
check "cases: ... the court filter is still set" wait_for '^ Filters: Court: Birmingham Crown Court$' 1
check "cases: ... and its results are listed" wait_for '^ Results 1-' 2
keys c
wait_for '^ Results 1-18 of 46' >/dev/null
keys Escape
wait_for '5  All 46 cases' >/dev/null

# --- a picker shown again counts for the search as it is now ---
keys 2
wait_for 'Browse by country' >/dev/null
check "cases: Singapore is picked from the country picker" pick Singapore
wait_for '^ Results 1-1 of 1' >/dev/null
search servitude
wait_for '^ No cases match' >/dev/null
keys Escape
wait_for 'Browse by country' >/dev/null
# A picker shown again counts for the search as it is now: no "Germany 3"
# once the search is servitude (no Germany case mentions it).
check "cases: back on the picker, the counts follow the new search" \
	screen_lacks '^   Germany +3$'
keys Escape
wait_for '5  Show the' >/dev/null
keys c
wait_for '5  All 46 cases' >/dev/null
keys H

# ===================== Legislation =====================
keys 4
expect 'Legislation: 33 laws' "laws: Legislation opens with its count"
keys 5
expect '^ Results 1-18 of 33, newest first' "laws: the whole list, a page at a time"
expect '^  Title +Country +Year$' "laws: its columns"
keys NPage
expect '^ Results 19-33 of 33' "laws: PgDn shows the rest"
keys Down Down
check "laws: Down Down selects the third row" wait_selected_no 8
sel=$(selected)
top_lines >"$TMPDIR_TEST/list"
keys Enter
expect '^ Legislation [A-Z]{3}-' "laws: Enter opens the law"
expect '^ Country: ' "laws: labelled fields"
keys Escape
check "laws: Esc returns to the same page and row" same_screen "$TMPDIR_TEST/list"
check "laws: the same row is selected" test "$(selected)" = "$sel"
keys PPage
expect '^ Results 1-18 of 33' "laws: PgUp goes back"

# --- search, a law's cases ---
search kenya
expect '^ Results 1-1 of 1' "laws: kenya finds one law"
keys Enter
expect '^ Legislation KEN-2010-CTIP$' "laws: the Kenyan act"
expect '^ Topics: criminalization; non-punishment; compensation; institutional framework$' \
	"laws: topics, labelled"
expect '^   Alibhai v Republic \(Criminal Appeal E103 of 2021\) \[2022\] KEHC 15411 \(Kenya,$' \
	"laws: the cases applying it, wrapped"
keys Tab
check "laws: Tab selects the first case" wait_selected 'Alibhai v Republic'
keys Tab
check "laws: Tab again selects the next" wait_selected 'Muhammad Asif'
keys BTab
check "laws: Shift-Tab goes back" wait_selected 'Alibhai v Republic'
top_lines >"$TMPDIR_TEST/law"
keys Enter
expect '^ Case Law KEN-2022-001$' "laws: Enter follows the link to the case"
keys End
expect '^   Counter-Trafficking in Persons Act, No. 8 of 2010 \(Kenya, 2010\)$' \
	"laws: the case links back to the law"
keys Escape
check "laws: Esc returns to the law as it was" same_screen "$TMPDIR_TEST/law"
keys Escape
wait_for '^ Results 1-1 of 1' >/dev/null

# --- diacritics, sort ---
search trafico
expect '^ Results 1-1 of 1' "laws: trafico finds tráfico"
check "laws: ... the Brazilian law" wait_selected '^  Lei nº 13\.344'
keys c
wait_for '^ Results 1-18 of 33' >/dev/null
keys s s s
expect 'Sorted by title\.' "laws: sorted by title"
check "laws: title order starts with An Act" wait_selected '^  An Act to amend the Criminal Code'
keys s
wait_for 'Sorted by relevance' >/dev/null

# --- filter: topic ---
keys f
expect '^   Topic +any$' "laws: a topic filter"
keys Down Down Down Enter
wait_for '\(any: remove this filter\)' >/dev/null
pick 'supply chains'
expect '^ Filters: Topic: supply chains$' "laws: the topic is set"
keys Escape
expect '^ Results 1-1 of 1' "laws: one law with the topic"
check "laws: the Modern Slavery Act is among them" wait_for 'Modern Slavery Act 2015'
keys c
wait_for '^ Results 1-18 of 33' >/dev/null
keys Escape
wait_for '5  All 33 laws' >/dev/null

# --- browse by country and by keyword ---
keys 2
pick India
expect '^ Filters: Country: India$' "laws: browse by country"
expect '^ Results 1-2 of 2' "laws: two Indian laws"
check "laws: every row is from India" all_rows_have India
keys Escape
wait_for 'Browse by country' >/dev/null
keys Escape
wait_for '5  Show the' >/dev/null
keys c
wait_for '5  All 33 laws' >/dev/null
keys 3
expect '^   victim protection +[0-9]+$' "laws: browse by topic"
pick 'non-punishment'
expect '^ Filters: Topic: non-punishment$' "laws: a topic picked from browsing"
expect 'Counter-Trafficking in Persons Act' "laws: ... the Kenyan act among them"
keys Escape
wait_for 'Browse by keyword' >/dev/null
keys Escape
wait_for '5  Show the' >/dev/null
keys c
wait_for '5  All 33 laws' >/dev/null
search zzzqqxx
expect '^ No laws match\.$' "laws: no results"
keys H

# ===================== Bibliography =====================
keys 5
expect 'Bibliography: 38 publications' "bib: Bibliography opens with its count"
keys 5
expect '^ Results 1-18 of 38' "bib: the whole list"
expect '^  First author +Year Title$' "bib: its columns: first author, year, title"
keys NPage
expect '^ Results 19-36 of 38' "bib: PgDn"
keys NPage
expect '^ Results 37-38 of 38' "bib: PgDn to the end"
keys PPage
wait_for '^ Results 19-36 of 38' >/dev/null
keys PPage
expect '^ Results 1-18 of 38' "bib: PgUp back to the start"

search health
expect '^ Results 1-3 of 3, by relevance' "bib: health finds three"
expect '^    .*health' "bib: with snippets"
keys Down
check "bib: Down selects the second result" wait_selected_no 8
sel=$(selected)
top_lines >"$TMPDIR_TEST/list"
keys Enter
expect '^ Bibliography BIB-' "bib: a publication opens"
expect '^ Authors: ' "bib: its authors, labelled"
expect '^ Abstract$' "bib: its abstract"
keys Escape
check "bib: Esc returns to the same list and row" same_screen "$TMPDIR_TEST/list"
check "bib: the same row is selected" test "$(selected)" = "$sel"

search stockl
expect '^ Results 1-1 of 1' "bib: stockl finds Stöckl"
keys Enter
expect '^ Authors: Oram, Siân; Stöckl, Heidi; Busza, Joanna; Howard, Louise M\.;' \
	"bib: non-ASCII names shown as written"
expect '^ DOI: 10\.1371/journal\.pmed\.1001224$' "bib: the DOI"
keys Escape
wait_for '^ Results 1-1 of 1' >/dev/null
keys c

# --- filter, sort ---
wait_for '^ Results 1-18 of 38' >/dev/null
keys f
expect '^   Publication type +any$' "bib: a publication type filter"
keys Down Down Enter
wait_for '\(any: remove this filter\)' >/dev/null
expect '^   book +[0-9]+$' "bib: types with counts"
pick book
expect '^ Filters: Publication type: book$' "bib: type set"
keys Escape
expect '^ Results 1-8 of 8' "bib: eight books"
keys s
expect 'Sorted by newest' "bib: sorted by newest"
check "bib: the newest book first" wait_selected 'Stoyanova, Vladislava +2017'
keys s s
expect 'Sorted by title' "bib: sorted by title"
check "bib: title order: Data and Research first" wait_selected '^  Laczko, Frank +2005 Data and Research'
keys s c
wait_for '^ Results 1-18 of 38' >/dev/null

# --- browse by country and keyword ---
keys Escape
wait_for '5  All 38 publications' >/dev/null
keys 2
pick Nigeria
expect '^ Filters: Country covered: Nigeria$' "bib: browse by country covered"
expect '^ Results 1-4 of 4' "bib: four on Nigeria"
keys Escape
wait_for 'Browse by country' >/dev/null
keys Escape
wait_for '5  Show the' >/dev/null
keys c
wait_for '5  All 38 publications' >/dev/null
keys 3
expect '^ Keyword$' "bib: keywords under a heading"
pick 'case law'
expect '^ Filters: Keyword: case law$' "bib: browse by keyword"
expect '^ Results 1-3 of 3' "bib: three with that keyword"
keys Escape
wait_for 'Browse by keyword' >/dev/null
keys Escape
wait_for '5  Show the' >/dev/null
keys c
wait_for '5  All 38 publications' >/dev/null
search "'; DROP TABLE bibliography; --"
check "bib: SQL-like text shows no error" no_error
expect '^ (Results|No publications match)' "bib: ... but results or none"
search zzzqqxx
expect '^ No publications match\.$' "bib: no results"
keys H
expect '7  About' "H goes home from a database"

finish
