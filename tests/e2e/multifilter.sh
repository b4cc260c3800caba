#!/bin/bash
# Several values per filter, as on the portal: values of one field are ORed
# (United Kingdom or United States), fields are ANDed (and convicted). In
# the kiosk Space ticks values and Enter applies them; the picker's counts
# follow the other fields' filters; the command line takes commas, the
# option repeated, "\," and a value with a comma of its own. Counts are
# checked against sqlite3 over the facet table of the same file.
. tests/lib.sh
. tests/lib_db.sh

DB=db/htkp.db
# sql QUERY: one value from the sample database, read on its own.
sql() { sqlite3 -readonly "$DB" "$1"; }
# The cases having either country (and, with $2, that verdict).
count_uk_us() {
	sql "SELECT count(DISTINCT rec) FROM facet WHERE db = 'cases' AND field = 'country'
	     AND value IN ('United Kingdom', 'United States') ${1:+AND rec IN (SELECT rec FROM facet
	     WHERE db = 'cases' AND field = 'outcome' AND value = '$1')}"
}
status() { screen | tail -1; }
# open_filter LABEL: in the filters view, selects the row LABEL, Enter.
open_filter() {
	keys -l "$1"
	wait_selected "^ +$(re_quote "$1") " || return 1
	keys Enter
}
# jump_to VALUE: types VALUE's first word until the highlight is on VALUE.
jump_to() {
	for _ in 1 2 3 4 5 6; do
		selected_matches "^ .? ?$(re_quote "$1") " && return 0
		keys -l "${1%% *}"
		sleep 0.3
	done
	selected_matches "^ .? ?$(re_quote "$1") "
}

# ---- the kiosk at 80x24: tick two countries, then a verdict ----
kiosk 80x24
keys 3
expect 'Case Law Database: 46 cases' "cases: the portal's name"
keys f
wait_for 'Case Law Database: filters' >/dev/null
open_filter Country
expect 'Case Law Database: Country' "the country picker opens"
expect 'Space tick' "the status line names Space"
check "type-to-jump reaches United Kingdom" jump_to "United Kingdom"
keys Space
expect '^ ✓ United Kingdom +[0-9]+ *$' "Space ticks United Kingdom: a tick on its row"
expect '1 ticked' "the status line counts the ticks"
check "jumping again after Space reaches United States" jump_to "United States"
keys Space
expect '^ ✓ United States +[0-9]+ *$' "Space ticks United States too"
expect '2 ticked' "... two ticked"
keys Space
wait_for '1 ticked' >/dev/null
check "Space again unticks it" screen_has '^   United States +[0-9]+ *$'
keys Space
wait_for '2 ticked' >/dev/null
keys Up
keys Enter
expect 'Filters: Country: United Kingdom, United States' \
	"Enter applies the ticked pair (not the row under the cursor); the header shows both"
check "the filters view shows both values" \
	screen_has '^   Country +United Kingdom, United States *$'

# The verdict picker counts within the two countries, not the whole file.
open_filter Verdict
wait_for 'Case Law Database: Verdict' >/dev/null
ok_counts=1
for v in $(sql "SELECT DISTINCT value FROM facet WHERE db = 'cases' AND field = 'outcome'
		 AND rec IN (SELECT rec FROM facet WHERE db = 'cases' AND field = 'country'
		 AND value IN ('United Kingdom', 'United States'))" | tr ' ' '_'); do
	v=${v//_/ }
	want=$(count_uk_us "$v")
	screen_has "^   $(re_quote "$v") +$want *\$" || {
		echo "# verdict $v: want $want"
		ok_counts=0
	}
done
screen | sed -n '5,22p' | sed 's/^/# /'
check "each verdict's count is its cases within the two countries (sqlite3)" test "$ok_counts" = 1
all_convicted=$(sql "SELECT n FROM facet_count WHERE db = 'cases' AND field = 'outcome'
		     AND value = 'convicted'")
check "... and differs from the whole file's ($all_convicted convicted)" \
	test "$(count_uk_us convicted)" != "$all_convicted"
pick convicted
wait_for 'Verdict +convicted' >/dev/null
want=$(count_uk_us convicted)
# Back from the filters opened from the menu shows the results.
keys Left
expect "Results 1-$want of $want," "the list counts the cases of either country AND convicted ($want, sqlite3)"
expect 'Filters: Country: United Kingdom, United States; Verdict: convicted' \
	"the list's header shows both filters"
check "no line is wider than 80" no_line_longer_than 80

# The country picker now: ticks of the values in force, counts that follow
# the verdict filter but not the countries' own.
keys f
wait_for 'Case Law Database: filters' >/dev/null
open_filter Country
expect '^ ✓ United Kingdom +[0-9]+ *$' "the values in force come ticked"
uk=$(sql "SELECT count(*) FROM facet c JOIN facet o ON o.rec = c.rec AND o.db = 'cases'
	  AND o.field = 'outcome' AND o.value = 'convicted'
	  WHERE c.db = 'cases' AND c.field = 'country' AND c.value = 'Germany'")
expect "^   Germany +$uk *\$" "Germany's count follows the verdict filter ($uk, sqlite3)"
# Enter before any Space: the value under the cursor alone, as before.
pick Germany
expect 'Filters: Country: Germany; Verdict: convicted' \
	"Enter without Space takes the value under the cursor alone"
check "no line is wider than 80" no_line_longer_than 80

# ---- 40x12: the header cuts several values to "+N", never past the edge ----
kiosk 40x12
keys 4
expect '^  Legislation: 33 laws' "40x12: the short name where the portal's does not fit"
expect '1  Search Legislation \(/\)' "... in the menu too"
check "40x12: no line is wider than 40" no_line_longer_than 40
keys Left
wait_for '7  About' >/dev/null
keys 3
expect '^  Case Law Database: 46 cases' "40x12: the portal's name where it fits"
keys f
wait_for 'filters' >/dev/null
open_filter Country
jump_to "United Kingdom"
keys Space
jump_to "United States"
keys Space
wait_for '2 ticked' >/dev/null
check "40x12: no line is wider than 40 in the picker" no_line_longer_than 40
keys Enter
expect 'Filters: Country: United Kingdom \+1' "40x12: the header says +1 for the value that does not fit"
check "40x12: no line is wider than 40" no_line_longer_than 40
check "40x12: the title bar names the view" screen_has '^ htkp +Case Law.*filters'

# ---- the command line ----
q() { "$HTKP" -c config/htkp.ini query cases "$@" 2>"$TMPDIR_TEST/err" | wc -l; }
err() { cat "$TMPDIR_TEST/err"; }
both=$(count_uk_us)
check "--filter country=United Kingdom,United States: $both cases (sqlite3)" \
	test "$(q --filter 'country=United Kingdom,United States')" = "$both"
check "... with spaces after the comma, and in small letters" \
	test "$(q --filter 'country=united kingdom, united states')" = "$both"
check "the option repeated for one field ORs its values" \
	test "$(q --filter 'country=United Kingdom' --filter 'country=United States')" = "$both"
conv=$(count_uk_us convicted)
check "ANDed with another field: $conv cases (sqlite3)" \
	test "$(q --filter 'country=United Kingdom,United States' --filter outcome=convicted)" = "$conv"
q --filter 'country=Germany,' >/dev/null
check "an empty value is one clear line" \
	test "$(err | head -1)" = "htkp: --filter has an empty value in \"Germany,\""
check "years still take a range" test "$(q --filter year=2010-2012)" = 9
check "the sentence date is a year filter of its own" test "$(q --filter sentence_year=2010)" = 0

# A value with a comma of its own, in a database made for it.
cat >"$TMPDIR_TEST/comma.json" <<'EOF'
{"format": "htkp/1", "cases": [
 {"id": "KOR-1", "title": "A case in Korea", "country": "Korea, Republic of"},
 {"id": "JPN-1", "title": "A case in Japan", "country": "Japan"},
 {"id": "GHA-1", "title": "A case in Ghana", "country": "Ghana"}],
 "legislation": [], "bibliography": []}
EOF
check "a database with a comma in a country builds" \
	"$HTKP_IMPORT" -o "$TMPDIR_TEST/comma.db" "$TMPDIR_TEST/comma.json"
qc() { "$HTKP" -c config/htkp.ini --db "$TMPDIR_TEST/comma.db" query cases "$@" 2>/dev/null | cut -f1 | sort | tr '\n' ' '; }
check "a value with a comma of its own is taken whole" \
	test "$(qc --filter 'country=Korea, Republic of')" = "KOR-1 "
check "... in any case" test "$(qc --filter 'country=korea, republic of')" = "KOR-1 "
check "a backslash-escaped comma stays in its value" \
	test "$(qc --filter 'country=Korea\, Republic of,Japan')" = "JPN-1 KOR-1 "
check "plain commas separate values" test "$(qc --filter 'country=Japan,Ghana')" = "GHA-1 JPN-1 "

finish
