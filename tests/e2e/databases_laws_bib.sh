#!/bin/bash
# Legislation and Bibliography end to end, at 80x24, on the sample
# database (Case Law, and what the three share, is tests/e2e/databases.sh):
# the whole list, search, records, filters, browse by country and keyword,
# sorting, empty results.
. tests/lib.sh
. tests/lib_db.sh

# A private copy of the sample database: a rebuild of db/htkp.db while the
# test runs would otherwise bring up "The database was updated" messages.
cp db/htkp.db "$TMPDIR_TEST/htkp.db"
kiosk 80x24 --db "$TMPDIR_TEST/htkp.db"

# ===================== Legislation =====================
keys 4
expect 'Legislation: 33 laws' "laws: Legislation opens with its count"
keys 5
expect '^ Results 1-17 of 33, newest first' "laws: the whole list, a page at a time"
expect '^  Title +Country +Year$' "laws: its columns"
keys NPage
expect '^ Results 18-33 of 33' "laws: PgDn shows the rest"
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
expect '^ Results 1-17 of 33' "laws: PgUp goes back"

# --- search, a law's cases ---
search kenya
expect '^ Results 1-1 of 1' "laws: kenya finds one law"
keys Enter
expect '^ Legislation KEN-2010-CTIP$' "laws: the Kenyan act"
expect '^ Topics: criminalization; non-punishment; compensation; institutional framework$' \
	"laws: topics, labelled"
# The links, in order: the case that applied Article 3 (under Provisions),
# then the two cases applying the law, last.
keys Tab
check "laws: Tab selects the first link, the case that applied a provision" \
	wait_selected '^   Applied in: Muhammad Asif v Republic'
expect '^ Article 3: Trafficking in persons \(definition\)$' "laws: its provisions, by article"
keys Tab
check "laws: Tab again selects the next, the first case applying the law" \
	wait_selected '^   Alibhai v Republic'
expect '^   Alibhai v Republic \(Criminal Appeal E103 of 2021\) \[2022\] KEHC 15411 \(Kenya,$' \
	"laws: the cases applying it, wrapped"
keys Tab
check "laws: Tab again selects the next case" wait_selected '^   Muhammad Asif'
keys BTab
check "laws: Shift-Tab goes back" wait_selected '^   Alibhai v Republic'
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
wait_for '^ Results 1-17 of 33' >/dev/null
# Without words relevance is newest first, the order already shown: s
# passes over it, so two presses reach the title order.
keys s s
expect 'Sorted by title\.' "laws: sorted by title"
check "laws: title order starts with An Act" wait_selected '^  An Act to amend the Criminal Code'
keys s
wait_for 'Sorted by newest' >/dev/null

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
wait_for '^ Results 1-17 of 33' >/dev/null
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
expect 'Bibliographic Database: 38 publications' "bib: Bibliography opens with its count"
keys 5
expect '^ Results 1-17 of 38' "bib: the whole list"
expect '^  First author +Year Title$' "bib: its columns: first author, year, title"
keys NPage
expect '^ Results 18-34 of 38' "bib: PgDn"
keys NPage
expect '^ Results 35-38 of 38' "bib: PgDn to the end"
keys PPage
wait_for '^ Results 18-34 of 38' >/dev/null
keys PPage
expect '^ Results 1-17 of 38' "bib: PgUp back to the start"

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
expect '^ Synopsis$' "bib: its synopsis (the portal's word for the abstract)"
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
wait_for '^ Results 1-17 of 38' >/dev/null
keys f
expect '^   Publication type +any$' "bib: a publication type filter"
keys Down Down Enter
wait_for '\(any: remove this filter\)' >/dev/null
expect '^   book +[0-9]+$' "bib: types with counts"
pick book
expect '^ Filters: Publication type: book$' "bib: type set"
keys Escape
expect '^ Results 1-8 of 8' "bib: eight books"
# Newest first is the order shown: s passes over it (oldest, then title).
keys s s
expect 'Sorted by title' "bib: sorted by title"
check "bib: title order: Data and Research first" wait_selected '^  Laczko, Frank +2005 Data and Research'
keys s
expect 'Sorted by newest' "bib: sorted by newest"
check "bib: the newest book first" wait_selected 'Stoyanova, Vladislava +2017'
keys c
wait_for '^ Results 1-17 of 38' >/dev/null

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
