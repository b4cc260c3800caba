#!/bin/bash
# Relevance ranking from the best records of frequent words (table
# rank_top, src/store/store_toprank.c) lists exactly what ranking every
# match lists: on a generated database of 2,500 cases (bench/gen.py), the
# first three pages of `htkp query` for words in every record, words
# in most, a phrase, an exclusion, OR, and a filter, against the plain
# FTS5 query (ORDER BY bm25, rowid) run by sqlite3 on the same file; and
# the counts of frequent words (from rank_top, with their other
# spellings' records) against count(*).
. tests/lib.sh

command -v sqlite3 >/dev/null || { echo "1..0 # SKIP no sqlite3"; exit 0; }
DB="$TMPDIR_TEST/gen.db"
# Three more cases say "traffickings" and never "trafficking": the rare
# spelling's records a frequent word's count must add.
/usr/bin/python3 bench/gen.py --cases 2500 --seed 3 -o "$TMPDIR_TEST/gen.json" >/dev/null \
	&& /usr/bin/python3 - "$TMPDIR_TEST/gen.json" <<'PYEOF' \
	&& "$HTKP_IMPORT" -o "$DB" "$TMPDIR_TEST/gen.json" >/dev/null 2>&1
import json, re, sys
path = sys.argv[1]
data = json.load(open(path))
def plural(v):
    if isinstance(v, str):
        return re.sub(r"(?i)trafficking(?!s)", "traffickings", v)
    if isinstance(v, list):
        return [plural(x) for x in v]
    if isinstance(v, dict):
        return {k: plural(x) for k, x in v.items()}
    return v
# Two words found only together, in four cases of five, one to three
# times: the best records of either prove the phrase's first pages,
# which are then ordered by the scores taken as it is counted.
for i, case in enumerate(data["cases"]):
    if i % 5 != 4:
        case["summary"] += " Zorbat quimel." * (i % 3 + 1)
    # quim* stands for quimel, counted at import, and quimels, rarer,
    # read through FTS5 when the prefix is ranked from their counts.
    if i % 7 == 0:
        case["summary"] += " Quimels." * (i % 4 + 1)
for i in range(3):
    case = plural(data["cases"][i])
    case["id"] = "PLURAL-%d" % i
    data["cases"].append(case)
json.dump(data, open(path, "w"))
PYEOF
check "a generated database of 2,500 cases imports" test -s "$DB"

words() { sqlite3 "$DB" "SELECT count(*) FROM rank_top WHERE db = 'cases' AND term IN ($1)"; }
check "rank_top keeps the words in 2,000 records or more" \
	test "$(words "'trafficking', 'court', 'the', 'was', 'she', 'convicted', 'years'")" = 7
check "and no rarer word" test "$(sqlite3 "$DB" "SELECT count(*) FROM rank_top WHERE docs < 2000")" = 0

# same TYPED FTS [COUNTRY]: pages 1-3 of htkp query TYPED (with a country
# filter) list the ids plain bm25 ranks first for FTS, the expression
# query.c makes of TYPED.
same() {
	local typed=$1 fts=$2 country=$3 filter='' args=() page got want
	# shellcheck disable=SC2206
	args=($typed)
	if [ -n "$country" ]; then
		filter="AND rowid IN (SELECT rec FROM facet WHERE db = 'cases' AND field = 'country' AND value = '$country')"
		args+=(--filter "country=$country")
	fi
	for page in 1 2 3; do
		got=$("$HTKP" --db "$DB" query cases "${args[@]}" --page "$page" 2>/dev/null | cut -f1)
		want=$(sqlite3 "$DB" "SELECT (SELECT id FROM cases WHERE rowid = f.rowid) FROM cases_fts f
			WHERE cases_fts MATCH '$fts' $filter
			ORDER BY bm25(cases_fts, 10.0, 1.0, 0.0), rowid LIMIT 20 OFFSET $(((page - 1) * 20))")
		if [ -z "$want" ] || [ "$got" != "$want" ]; then
			echo "# $typed${country:+ in $country}, page $page:"
			diff <(echo "$want") <(echo "$got") | sed 's/^/# /' | head -10
			return 1
		fi
	done
}

# counted TYPED FTS: htkp query's count of TYPED is count(*) of FTS.
counted() {
	local got want
	got=$("$HTKP" --db "$DB" query cases $1 2>&1 >/dev/null | sed -n 's/^Results [0-9]*-[0-9]* of //p')
	want=$(sqlite3 "$DB" "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH '$2'")
	[ -n "$want" ] && [ "$got" = "$want" ] || { echo "# $1: counted $got, want $want"; return 1; }
}
check "a frequent word's count adds its rare spelling's records" \
	counted trafficking '"trafficking" OR "traffickings"'
check "a frequent word alone is counted" counted she '"she"'
check "two frequent spellings are counted" counted case '"case" OR "cases"'
check "two words in many records, counted from their counts" counted 'she was' '"she" AND "was"'
got=$("$HTKP" --db "$DB" query cases she was --filter country=Romania 2>&1 >/dev/null \
	| sed -n 's/^Results [0-9]*-[0-9]* of //p')
want=$(sqlite3 "$DB" "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH '\"she\" AND \"was\"'
	AND rowid IN (SELECT rec FROM facet WHERE db = 'cases' AND field = 'country' AND value = 'Romania')")
check "and in one country" test -n "$want" -a "$got" = "$want"

check "a word in every record ranks as bm25 ranks it" \
	same trafficking '("trafficking" OR "traffickings")'
check "two frequent words" \
	same 'trafficking court' '("trafficking" OR "traffickings") AND ("court" OR "courts")'
check "a phrase of frequent words" same '"the court"' '"the court"'
check "a phrase proven from its words' best records, scored as it is counted" \
	same '"zorbat quimel"' '"zorbat quimel"'
check "a word in most records, alone" same she '"she"'
check "two words in most records" same 'convicted years' '"convicted" AND ("years" OR "year")'
check "a frequent word without another" \
	same 'trafficking -was' '(("trafficking" OR "traffickings")) NOT ("was")'
check "either of two words" same 'case OR court' '("case" OR "cases" OR "court" OR "courts")'
check "a frequent word in one country" \
	same trafficking '("trafficking" OR "traffickings")' Nigeria
check "a word in most records in one country" same she '"she"' Romania
# Ranked from the word's count in every record (table word_counts), not
# by FTS5: every one of the country's results in bm25's order, and their
# count. A record's length one off reorders some of them.
every() {
	local page=1 got='' more want
	while more=$("$HTKP" --db "$DB" query cases "$1" --filter "country=$3" --page "$page" \
		2>/dev/null | cut -f1) && [ -n "$more" ]; do
		got+="$more"$'\n'
		page=$((page + 1))
	done
	want=$(sqlite3 "$DB" "SELECT (SELECT id FROM cases WHERE rowid = f.rowid) FROM cases_fts f
		WHERE cases_fts MATCH '$2' AND rowid IN (SELECT rec FROM facet WHERE db = 'cases'
		AND field = 'country' AND value = '$3')
		ORDER BY bm25(cases_fts, 10.0, 1.0, 0.0), rowid")
	[ -n "$want" ] && [ "$got" = "$want"$'\n' ] \
		|| { diff <(echo "$want") <(echo "$got") | sed 's/^/# /' | head -10; return 1; }
	counted=$("$HTKP" --db "$DB" query cases "$1" --filter "country=$3" 2>&1 >/dev/null \
		| sed -n 's/^Results [0-9]*-[0-9]* of //p')
	[ "$counted" = "$(echo "$want" | wc -l)" ] || { echo "# counted $counted"; return 1; }
}
check "a word in a third of the records or more has its counts kept" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM word_counts WHERE db = 'cases' AND term = 'she'")" = 1
check "such a word in one country: every result in bm25's order" every she '"she"' Romania
check "and in another" every was '"was"' Nigeria
got=$("$HTKP" --db "$DB" query cases she --filter country=Romania --sort newest 2>&1 >/dev/null \
	| sed -n 's/^Results [0-9]*-[0-9]* of //p')
want=$(sqlite3 "$DB" "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH '\"she\"' AND rowid IN
	(SELECT rec FROM facet WHERE db = 'cases' AND field = 'country' AND value = 'Romania')")
check "such a word in one country, newest first: counted from its counts as FTS5 counts" \
	test -n "$want" -a "$got" = "$want"
# The country picker marks such a word's records from its counts too:
# each country's number is what FTS5 finds there.
got=$(printf '3\nshe\nf\n1\n' | "$HTKP" --db "$DB" --line 2>&1 \
	| sed -n '/^Case Law: Country\.$/,$p' \
	| sed -n -E 's/^[0-9]+\. (.*), ([0-9,]+) cases?$/\1|\2/p' | tr -d , | grep -v '|0$' | sort)
want=$(sqlite3 "$DB" "SELECT value || '|' || count(*) FROM facet WHERE db = 'cases'
	AND field = 'country' AND rec IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH '\"she\"')
	GROUP BY value" | sort)
check "the country picker's numbers for a word in most records are FTS5's" \
	test -n "$want" -a "$got" = "$want"
[ "$got" = "$want" ] || diff <(echo "$want") <(echo "$got") | sed 's/^/# /' | head -6
check "a prefix (ranked in full, each record's length read once)" \
	same 'cour*' '"cour"*'
check "a prefix in one country" same 'traf*' '"traf"*' Nigeria
# forc* stands for two frequent words, force and forced, searched as
# ("force" OR "forced") and scored together as the prefix (table vocab).
check "vocab holds the words a prefix stands for" \
	test "$(sqlite3 "$DB" "SELECT group_concat(term, ' ') FROM vocab WHERE db = 'cases'
		AND term >= 'forc' AND term < 'ford'")" = 'force forced'
check "a prefix of two frequent words ranks as the prefix" same 'forc*' '"forc"*'
check "a prefix of two words and another word" \
	same 'forc* labour' '"forc"* AND ("labour" OR "labor" OR "labours" OR "labors")'
check "a prefix without a word" \
	same 'forc* -labour' '("forc"*) NOT ("labour" OR "labor" OR "labours" OR "labors")'
check "a prefix of two words in one country" same 'forc*' '"forc"*' Romania
check "a prefix's count" counted 'forc*' '"forc"*'
check "a prefix of a counted word and a rarer one ranks as the prefix" same 'quim*' '"quim"*'
check "and in one country" same 'quim*' '"quim"*' Nigeria
check "and its count" counted 'quim*' '"quim"*'
check "and its count newest first, with another word" \
	counted 'quim* she --sort newest' '"quim"* AND "she"'
check "a prefix's count, by date" counted 'forc* --sort newest' '"forc"*'
check "two frequent words in one country" \
	same 'trafficking court' '("trafficking" OR "traffickings") AND ("court" OR "courts")' Nigeria

# Line mode ranks the next pages while the reader reads one; results
# 31-40 of two frequent words are what bm25 ranks there.
got=$(printf '3\ntrafficking court\n\n\n\n' | "$HTKP" --db "$DB" --line 2>&1 \
	| sed -n -E 's/^(3[1-9]|40)\. (.{12}).*/\2/p')
want=$(sqlite3 "$DB" "SELECT substr(c.title || '. ', 1, 12) FROM cases_fts f JOIN cases c ON c.rowid = f.rowid
	WHERE cases_fts MATCH '(\"trafficking\" OR \"traffickings\") AND (\"court\" OR \"courts\")'
	ORDER BY bm25(cases_fts, 10.0, 1.0, 0.0), f.rowid LIMIT 10 OFFSET 30")
check "line mode's results 31-40 of two frequent words are bm25's" test -n "$want" -a "$got" = "$want"
[ "$got" = "$want" ] || diff <(echo "$want") <(echo "$got") | sed 's/^/# /' | head -12

# The kiosk pages past the 200 results it ranks at first: as the reader
# nears them it ranks further while waiting for keys (src/ui/ui_list.c),
# one PgDn at a time as a person reads; the page after them lists what
# bm25 ranks there.
start 80x24 "$HTKP" --db "$DB"
wait_for 'Human Trafficking Knowledge Portal' >/dev/null
keys 3
wait_for 'Case Law Database' >/dev/null
keys / s h e Enter
wait_for 'Results 1-9 of' >/dev/null
for n in $(seq 24); do
	keys PgDn
	wait_for "Results $((n * 9 + 1))-" >/dev/null || break
done
# The first 20 characters of each title shown, and of bm25's rows 217-225.
shown=$(screen | sed -n '6,22p' | sed -n 'p;n' | sed -E 's/^[ *] (.{20}).*/\1/; s/ +$//')
want=$(sqlite3 "$DB" "SELECT rtrim(substr(c.title, 1, 20)) FROM cases_fts f JOIN cases c ON c.rowid = f.rowid
	WHERE cases_fts MATCH '\"she\"' ORDER BY bm25(cases_fts, 10.0, 1.0, 0.0), f.rowid
	LIMIT 9 OFFSET 216")
check "the kiosk's page 25 (results 217-225, past the first 200 ranked) lists what bm25 ranks there" \
	test -n "$want" -a "$shown" = "$want"
[ "$shown" = "$want" ] || diff <(echo "$want") <(echo "$shown") | sed 's/^/# /' | head -12

# A first screen proves only its own rows; the pages after it are
# ranked while the reader reads. Page 3 of two frequent words lists what
# bm25 ranks there.
keys h
wait_for 'Browse by country' >/dev/null
keys c
wait_for 'Search: (none' >/dev/null
keys / t r a f f i c k i n g Space c o u r t Enter
wait_for 'Results 1-9 of' >/dev/null
keys PgDn
wait_for 'Results 10-18 of' >/dev/null
keys PgDn
wait_for 'Results 19-27 of' >/dev/null
shown=$(screen | sed -n '6,22p' | sed -n 'p;n' | sed -E 's/^[ *] (.{20}).*/\1/; s/ +$//')
want=$(sqlite3 "$DB" "SELECT rtrim(substr(c.title, 1, 20)) FROM cases_fts f JOIN cases c ON c.rowid = f.rowid
	WHERE cases_fts MATCH '(\"trafficking\" OR \"traffickings\") AND (\"court\" OR \"courts\")'
	ORDER BY bm25(cases_fts, 10.0, 1.0, 0.0), f.rowid LIMIT 9 OFFSET 18")
check "two frequent words: the kiosk's page 3 lists what bm25 ranks there" \
	test -n "$want" -a "$shown" = "$want"
[ "$shown" = "$want" ] || diff <(echo "$want") <(echo "$shown") | sed 's/^/# /' | head -12
finish
