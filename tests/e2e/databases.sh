#!/bin/bash
# The databases end to end, at 80x24, on the sample database, as a user
# sees them: search, the result list and its paging, filters, browse by
# country and keyword, records, links between cases and laws, sorting,
# clearing, empty results, hostile search text and diacritics. This file:
# Case Law; tests/e2e/databases_laws_bib.sh: Legislation and Bibliography
# (two files, so that they run side by side).
. tests/lib.sh
. tests/lib_db.sh

# A private copy of the sample database: a rebuild of db/htkp.db while the
# test runs would otherwise bring up "The database was updated" messages.
cp db/htkp.db "$TMPDIR_TEST/htkp.db"
kiosk 80x24 --db "$TMPDIR_TEST/htkp.db"

# ===================== Case Law =====================
keys 3
expect 'Case Law Database: 46 cases' "Case Law opens with its count"
expect '5  All 46 cases, newest first' "the menu offers the whole list"
expect '^ Search: \(none: press / to type words\)' "the search line is empty"
expect '^ Filters: none \(f to add\)' "the filters line is empty"

# --- search ---
# 37 cases say trafficking (sqlite3: cases_fts MATCH 'trafficking'), in
# their text or, since htkp/2, in their charges: 9 a page, 5 pages.
search trafficking
expect '^ Results 1-9 of 37, by relevance' "cases: a search opens the list with its position"
expect '^  Title +Country +Year Verdict' "cases: the list has column titles"
expect '^ Search: trafficking' "cases: the search line shows the words"
check "cases: the best match is the first row, selected" \
	wait_selected '^  Trafficking for domestic servitude.* Colombia +2018 convicted'
expect "^    \.\.\..*Colombia's first conviction for trafficking for domestic servitude" \
	"cases: a snippet under the row shows where the words matched"

# --- paging ---
keys NPage
expect '^ Results 10-18 of 37, by relevance' "cases: PgDn shows the next page"
keys NPage
wait_for '^ Results 19-27 of 37' >/dev/null
keys NPage
wait_for '^ Results 28-36 of 37' >/dev/null
keys NPage
expect '^ Results 37-37 of 37' "cases: PgDn reaches the last page, of one case"
keys NPage
wait_for 'Enter open' >/dev/null
expect '^ Results 37-37 of 37' "cases: PgDn stays on the last page"
keys PPage
expect '^ Results 28-36 of 37' "cases: PgUp goes back a page"
keys Home
expect '^ Results 1-9 of 37' "cases: Home goes to the first page"
keys End
expect '^ Results 37-37 of 37' "cases: End goes to the last page"
keys Home
wait_for '^ Results 1-9 of 37' >/dev/null
# Two PgDn that arrive together (typed ahead on a slow link, drawn as one
# frame) move two pages.
keys NPage NPage
check "cases: two PgDn typed ahead move two pages" wait_for '^ Results 19-27 of 37' 2
keys Home
wait_for '^ Results 1-9 of 37' >/dev/null

# --- a record, and back to the same place ---
keys NPage Down
wait_for '^ Results 10-18 of 37' >/dev/null
check "cases: Down moves the selection to the second row of page 2" wait_selected_no 8
sel=$(selected)
top_lines >"$TMPDIR_TEST/list"
keys Enter
expect '^ Case Law [A-Z]+-[0-9]{4}-[0-9]{3}$' "cases: Enter opens the record with its id"
expect '^ Country: ' "cases: the record shows labelled fields"
expect '^ Fact Summary$' "cases: the record has its headings, in the portal's words"
keys Escape
check "cases: Esc returns to the same page with the same row selected" \
	same_screen "$TMPDIR_TEST/list"
check "cases: the selected row is still the one opened" test "$(selected)" = "$sel"

# --- a case's law, and back to the same scroll ---
# The fourth by relevance (charges and laws now count: the Ghana and
# Operation Fort cases come before it).
keys Home Down Down Down
wait_selected '^  Muhammad Asif v Republic' >/dev/null
keys Enter
expect '^ Muhammad Asif v Republic \[2017\] eKLR \(Criminal Appeal 82 of 2017\)$' \
	"cases: the record's title"
expect '^ Case Law KEN-2017-001$' "cases: the record's id"
expect '^ Latest Court Ruling: High Court of Kenya at Machakos$' \
	"cases: the court of the latest ruling, labelled"
expect 'Lines 1-22 of 50' "cases: a long record shows its position"
keys NPage
expect 'Lines 22-43 of 50' "cases: PgDn scrolls the record"
expect '^ Defendants$' "cases: the defendants are listed"
expect '^ Laws applied$' "cases: the laws applied are listed"
# The first link is the defendant's charge, whose statute is the law.
keys Tab
check "cases: Tab selects the statute of the defendant's charge" \
	wait_selected '^   Statute: section 3\(1\)\(d\) with section 5 of the Counter-'
keys Tab
expect '^   Counter-Trafficking in Persons Act, No. 8 of 2010 \(Kenya, 2010\)$' \
	"cases: Tab again selects the law applied"
check "cases: the law is highlighted" wait_selected 'Counter-Trafficking in Persons Act'
top_lines >"$TMPDIR_TEST/case"
keys Enter
expect '^ Legislation KEN-2010-CTIP$' "cases: Enter follows the link to the law"
expect '^ Counter-Trafficking in Persons Act, No. 8 of 2010$' "cases: the law's title"
keys End
expect '^ Cases applying this law$' "cases: the law lists the cases applying it, at its end"
keys Escape
check "cases: Esc returns to the case at the same scroll and link" \
	same_screen "$TMPDIR_TEST/case"
keys Escape
expect '^ Results 1-9 of 37' "cases: Esc again returns to the list"
check "cases: ... with the case still selected" wait_selected '^  Muhammad Asif'

# --- sort ---
keys s
expect 'Sorted by newest\.' "cases: s sorts by newest, and says so"
expect '^ Results 1-9 of 37, newest first' "cases: the position line names the order"
check "cases: newest first: the 2024 case" wait_selected '^  Government of Nepal v\. Tyson Tamang.* 2024 '
keys s
expect 'Sorted by oldest\.' "cases: s again: oldest"
check "cases: oldest first: the 2004 case" wait_selected '^  Attorney-General of the Federation.* 2004 '
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
expect '^ Results 1-9 of 37' "cases: ... and the list is whole again"

# --- c clears ---
keys c
expect 'Search and filters cleared\.' "cases: c clears, and says so"
expect '^ Search: \(none: press / to type words\)' "cases: c empties the search line"
expect '^ Results 1-17 of 46' "cases: c shows every case"

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
expect '^ Acts$' "cases: keywords come under headings, in the portal's words"
expect '^ Means$' "cases: ... Acts, Means, ..."
pick Receipt
expect '^ Filters: Acts: Receipt$' "cases: picking a keyword filters by it"
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
expect '^ Results 1-17 of 46' "cases: ... and the whole list: all 46 cases are still there"
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
wait_for 'Case Law Database: Decision year' >/dev/null
wait_for '\(any: remove this filter\)' >/dev/null
pick 2005
# A "to" year before the "from" year is turned round, not taken as a
# range that can never match.
wait_for '^   Decision year to' >/dev/null
check "cases: a 'to' year before the 'from' year is not taken as is" \
	screen_lacks 'Decision year: 2020-2005'
keys c
wait_for '^ Filters: none' >/dev/null
# Court comes after the two rows of each year range (Decision year and
# Sentence date) and Verdict.
keys Home Down Down Down Down Down Down
wait_selected '^   Court' >/dev/null
keys Enter
expect 'Case Law Database: Court' "cases: the Court filter's picker opens"
# The Court filter offers every court a case names.
check "cases: the Court filter offers the courts" wait_for '^   Birmingham Crown Court +2$' 1
pick 'Birmingham Crown Court'
expect '^ Filters: Court: Birmingham Crown Court$' "cases: a court chosen"

# --- typing a search from the filters view ---
keys /
wait_for 'Enter search  ' >/dev/null
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
wait_for '^ Results 1-17 of 46' >/dev/null
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
expect '7  About' "H goes home from a database"

finish
