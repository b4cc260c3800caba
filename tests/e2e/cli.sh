#!/bin/bash
# The command line on the sample database: `htkp query` (TSV on stdout,
# the position or "No X match." on stderr; exit 0 results, 1 none, 2 bad
# arguments) and `htkp show` (every labelled field and the links, with
# their ids); global options before or after the subcommand; names, values
# and ids in any case, values without their accents.
# Charset and LANG=C handling are tested elsewhere.
. tests/lib.sh

SEED=db/seed/sample.json
OUT="$TMPDIR_TEST/out" ERR="$TMPDIR_TEST/err"

# q ARGS...: runs htkp with ARGS; stdout in $OUT, stderr in $ERR, status in $rc.
q() {
	"$HTKP" -c config/htkp.ini "$@" >"$OUT" 2>"$ERR" </dev/null
	rc=$?
}
# err_has REGEX / out_has REGEX: a line of stderr / stdout matches.
err_has() { grep -Eq -- "$1" "$ERR"; }
out_has() { grep -Eq -- "$1" "$OUT"; }
out_lines() { wc -l <"$OUT"; }
ids() { cut -f1 "$OUT"; }
# every_line_fields N: each stdout line has exactly N tab-separated fields.
every_line_fields() { awk -F'\t' -v n="$1" 'NF != n { bad = 1 } END { exit bad }' "$OUT"; }
# titles_whole DB [FIELD]: every line's title (field 2 unless given) is the
# seed's title for its id, whole.
titles_whole() {
	python3 - "$1" "${2:-2}" "$OUT" "$SEED" <<'EOF'
import json, sys
db, col, out, seed = sys.argv[1:]
col = int(col) - 1
titles = {r["id"]: r["title"] for r in json.load(open(seed, encoding="utf-8"))[db]}
bad = 0
for line in open(out, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if titles.get(f[0]) != f[col]:
        print("# %s: %r, want %r" % (f[0], f[col], titles.get(f[0])))
        bad = 1
sys.exit(bad)
EOF
}
# columns_are DB: every line is the id, then the list columns of the kiosk
# for DB (cases: title, country, year, verdict; legislation: title,
# country, year; bibliography: first author, year, title), as in the seed.
columns_are() {
	python3 - "$1" "$OUT" "$SEED" <<'EOF'
import json, sys
db, out, seed = sys.argv[1:]
def s(v): return "" if v is None else str(v).strip()
def first(v): return s(v[0]) if v else ""
# The verdict of an htkp/2 case from its charges (htkp-import(1), Verdict).
def verdict(r):
    vs = [c.get("verdict") for d in r.get("defendants") or [] for c in d["charges"]]
    v = [x for x in vs if x and x != "pending"]
    if "violation found" in v: return "violation found"
    if not v: return "pending" if "pending" in vs else ""
    for one in ("no violation", "convicted", "acquitted"):
        if all(x == one for x in v): return one
    if all(x in ("convicted", "acquitted") for x in v): return "partially convicted"
    return "other"
cols = {
    "cases": lambda r: [s(r["title"]), s(r["country"]),
                        s(r.get("decision_date"))[:4], verdict(r)],
    "legislation": lambda r: [s(r["title"]), s(r["country"]),
                              s(r.get("adopted"))[:4] or s(r.get("year"))],
    "bibliography": lambda r: [first(r.get("authors")), s(r.get("year")),
                               s(r["title"])],
}[db]
recs = {r["id"]: r for r in json.load(open(seed, encoding="utf-8"))[db]}
bad = 0
for line in open(out, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    want = [f[0]] + cols(recs[f[0]])
    if f != want:
        print("# got  %r\n# want %r" % (f, want))
        bad = 1
sys.exit(bad)
EOF
}
# years_within FROM TO: the 4th field of every line is a year in range.
years_within() { awk -F'\t' -v a="$1" -v b="$2" '$4 < a || $4 > b { bad = 1 } END { exit bad }' "$OUT"; }
# bad_args DESCRIPTION REGEX ARGS...: exit 2, nothing on stdout, the error
# line and the usage on stderr.
bad_args() {
	desc=$1 re=$2
	shift 2
	q "$@"
	check "$desc: exit 2" test "$rc" -eq 2
	check "$desc: nothing on stdout" test ! -s "$OUT"
	check "$desc: stderr says \"$re\"" err_has "^htkp: $re"
	check "$desc: stderr shows the usage" err_has '^usage: htkp'
}

# --- query with results ---
q query cases trafficking
check "query with results: exit 0" test "$rc" -eq 0
check "query: 20 lines on the first page" test "$(out_lines)" -eq 20
# 37: sqlite3 -readonly db/htkp.db "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH 'trafficking'"
check "query: stderr gives the position" test "$(cat "$ERR")" = "Results 1-20 of 37"
check "query: every line is id, title, country, year, verdict" every_line_fields 5
check "query: the cases' list columns, as in the seed" columns_are cases
check "query: titles are the records' own, whole" titles_whole cases
check "query: the best match comes first" \
	test "$(head -1 "$OUT")" = "$(printf 'COL-2018-001\tTrafficking for domestic servitude of an indigenous woman from Vaupés (Bogotá)\tColombia\t2018\tconvicted')"

q query legislation --sort title
check "legislation: all 33 laws over two pages" test "$(cat "$ERR")" = "Results 1-20 of 33"
check "legislation: id, title, country, year; the year empty when unknown" every_line_fields 4
check "legislation: the laws' list columns, as in the seed" columns_are legislation
check "legislation: long titles are never cut" titles_whole legislation
check "legislation: a title over 100 columns is printed whole" \
	out_has $'^CAN-2005-C49\tAn Act to amend the Criminal Code \\(trafficking in persons\\), S.C. 2005, c. 43 \\(Criminal Code ss. 279.01-279.04\\)\tCanada\t2005$'
# Every law of the htkp/2 sample is dated; the htkp/1 one has a law without.
V1DB="$TMPDIR_TEST/v1.db"
"$HTKP_IMPORT" -o "$V1DB" tests/data/sample-v1.json >/dev/null
"$HTKP" --db "$V1DB" query legislation Norway >"$OUT" 2>"$ERR"
check "a law without a year: the year field is empty" \
	test "$(cat "$OUT")" = "$(printf 'NOR-PC1902-S224\tPenal Code 1902 (Straffeloven), section 224 (human trafficking)\tNorway\t')"
q query bibliography --page 2
check "bibliography: page 2 has the last 18" test "$(out_lines)" -eq 18
check "bibliography: id, first author, year, title" every_line_fields 4
check "bibliography: the publications' list columns, as in the seed" columns_are bibliography
check "bibliography: titles whole" titles_whole bibliography 4
q query bibliography stockl
check "bibliography: stockl finds Stöckl's review, first author in field 2" \
	test "$(cat "$OUT")" = "$(printf 'BIB-2012-ORAM\tOram, Siân\t2012\tPrevalence and Risk of Violence and the Physical, Mental, and Sexual Health Problems Associated with Human Trafficking: Systematic Review')"

q query cases bogota
check "diacritics: bogota finds the Bogotá case" test "$(ids)" = COL-2018-001
q query cases bardsen
check "diacritics: bardsen finds the Bårdsen judgment" test "$(ids)" = NOR-2017-001
q query cases '"domestic servitude"'
check "a phrase" test "$(ids)" = COL-2018-001
q query cases siliadin OR rantsev
check "OR across words given as separate arguments" \
	test "$(ids | sort | tr '\n' ' ')" = "ECHR-2005-001 ECHR-2010-001 "
q query cases servitude -slavery --sort newest
check "-word excludes, in newest order" \
	test "$(ids | tr '\n' ' ')" = "COL-2018-001 GBR-2014-001 ECHR-2012-001 USA-2011-001 USA-2010-001 ECHR-2005-001 "

# --- a record that cannot be read is said, not dropped ---
# The full-text index still lists NAM-2018-001; its row is gone.
cp db/htkp.db "$TMPDIR_TEST/damaged.db"
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM cases WHERE id = ?", ("NAM-2018-001",)); c.commit()' \
	"$TMPDIR_TEST/damaged.db"
q --db "$TMPDIR_TEST/damaged.db" query cases trafficking
check "an unreadable row: exit 2" test "$rc" -eq 2
check "an unreadable row: one line on stderr says so" \
	test "$(grep -c '^htkp: 1 of 20 cases on this page could not be read' "$ERR")" -eq 1
check "an unreadable row: the other 19 are printed" test "$(out_lines)" -eq 19

# --- no results ---
q query cases zzzqqxx
check "no results: exit 1" test "$rc" -eq 1
check "no results: nothing on stdout" test ! -s "$OUT"
check "no results: stderr says No cases match." test "$(cat "$ERR")" = "No cases match."
q query legislation zzzqqxx
check "no laws: No laws match." test "$rc" -eq 1 -a "$(cat "$ERR")" = "No laws match."
q query bibliography --filter country=Atlantis
check "no publications: No publications match." test "$rc" -eq 1 -a "$(cat "$ERR")" = "No publications match."
q query cases --page 4
check "a page past the end: exit 1" test "$rc" -eq 1
check "a page past the end: says so" test "$(cat "$ERR")" = "No cases match on this page."

# --- hostile words: results or none, never an error ---
for words in '"unbalanced' 'NEAR(' "'; DROP TABLE cases; --" '(' 'c++' '*' 'body:forced' \
	'^forced' 'trafficking OR' 'AND' "x' OR '1'='1"; do
	q query cases "$words"
	check "hostile \"$words\": exit 0 or 1" test "$rc" -le 1
	check "hostile \"$words\": no database error" bash -c "! grep -qi 'error' '$ERR'"
done
q query cases -forced
check "only an exclusion: a hint, and the whole list" \
	test "$rc" -eq 0 -a "$(head -1 "$ERR")" = "htkp: Add a word to search for: - only excludes."
q query cases
check "still 46 cases after all that" test "$(tail -1 "$ERR")" = "Results 1-20 of 46"

# --- bad arguments: exit 2, one clear line, the usage ---
bad_args "unknown database" 'no database "nosuch"' query nosuch trafficking
bad_args "no database given" 'query wants a database' query
bad_args "unknown filter" 'no filter "colour" in this database' query cases --filter colour=red
check "unknown filter: the filters of the database are listed" \
	err_has '^filters of cases: country year sentence_year outcome'
bad_args "filter without =" '--filter wants FIELD=VALUE' query cases --filter country
bad_args "filter with an empty value" '--filter wants FIELD=VALUE' query cases --filter country=
bad_args "a filter of another database" 'no filter "outcome"' query legislation --filter outcome=convicted
bad_args "year not a year" 'bad filter value "20x5"' query cases --filter year=20x5
bad_args "year range backwards" 'bad filter value "2010-2005"' query cases --filter year=2010-2005
bad_args "unknown sort" 'unknown sort "popular"' query cases --sort popular
bad_args "sort without a value" 'unknown option or missing value: --sort' query cases --sort
bad_args "page 0" '--page wants a number from 1, not "0"' query cases --page 0
bad_args "page -1" '--page wants a number from 1' query cases --page -1
bad_args "page abc" '--page wants a number from 1, not "abc"' query cases --page abc
bad_args "page 1.5" '--page wants a number from 1' query cases --page 1.5
bad_args "unknown option" 'unknown option or missing value: --colour' query cases --colour

# --- year filters ---
q query cases --filter year=2005
check "year=2005: the three 2005 cases" \
	test "$(ids | sort | tr '\n' ' ')" = "ECHR-2005-001 GBR-2005-001 USA-2005-001 "
q query cases --filter year=2010-2012
check "year=2010-2012: 9 cases" test "$(cat "$ERR")" = "Results 1-9 of 9"
check "year=2010-2012: all within" years_within 2010 2012
q query cases --filter year=2023-
check "year=2023-: from 2023 on" test "$(ids | tr '\n' ' ')" = "NPL-2024-001 MYS-2023-001 "
q query cases --filter year=-2004
check "year=-2004: up to 2004" test "$(ids | tr '\n' ' ')" = "NGA-2004-001 IND-1990-001 "
q query legislation --filter year=2005
check "legislation year=2005: 5 laws" test "$(out_lines)" -eq 5 -a "$rc" -eq 0
check "legislation year=2005: all from 2005" years_within 2005 2005
q query bibliography --filter year=2014-2014 --filter type=book
check "bibliography year and type together" \
	test "$(ids | sort | tr '\n' ' ')" = "BIB-2014-CARR-HTLP BIB-2014-GALLAGHER-DAVID "
q query cases servitude --filter country="United States" --filter year=2010-
check "words, a country and a year range" \
	test "$(ids | sort | tr '\n' ' ')" = "USA-2010-001 USA-2011-001 "
# A second value of the same filter is one more choice (OR), as on the
# portal: it used to replace the first.
q query cases --filter country=Kenya --filter country=Ghana
want=$(sqlite3 -readonly db/htkp.db "SELECT c.id FROM cases c JOIN facet f ON f.rec = c.rowid
	WHERE f.db = 'cases' AND f.field = 'country' AND f.value IN ('Kenya', 'Ghana')
	ORDER BY c.id" | tr '\n' ' ')
check "a second value of the same filter adds to the first: $want" \
	test "$(ids | sort | tr '\n' ' ')" = "$want"
q query cases --filter outcome=acquitted
want=$(sqlite3 -readonly db/htkp.db "SELECT id FROM cases WHERE outcome = 'acquitted' ORDER BY id" | tr '\n' ' ')
check "outcome filter: $want" test "$(ids | sort | tr '\n' ' ')" = "$want"
# A court, as a filter.
q query cases --filter "court=Supreme Court of Norway (Høyesterett)"
check "court filter finds the case heard by that court" test "$(ids)" = NOR-2017-001

# --- --page N continues page N-1, for every sort ---
for sort in relevance newest oldest title; do
	: >"$TMPDIR_TEST/pages"
	for page in 1 2 3; do
		q query cases --sort "$sort" --page "$page"
		cut -f1 "$OUT" >>"$TMPDIR_TEST/pages"
	done
	check "sort $sort: page 3 says Results 41-46 of 46" test "$(cat "$ERR")" = "Results 41-46 of 46"
	check "sort $sort: pages 1-3 list all 46 cases once each" \
		test "$(sort -u "$TMPDIR_TEST/pages" | wc -l)" -eq 46 -a "$(wc -l <"$TMPDIR_TEST/pages")" -eq 46
	"$HTKP" query cases --sort "$sort" --page 1 >"$TMPDIR_TEST/p1" 2>/dev/null
	"$HTKP" query cases --sort "$sort" --page 2 >"$TMPDIR_TEST/p2" 2>/dev/null
	check "sort $sort: page 2 starts right after page 1" \
		test "$(sed -n 21p "$TMPDIR_TEST/pages")" = "$(head -1 "$TMPDIR_TEST/p2" | cut -f1)" \
		-a "$(sed -n 20p "$TMPDIR_TEST/pages")" = "$(tail -1 "$TMPDIR_TEST/p1" | cut -f1)"
done
q query cases trafficking --page 2
check "a search's page 2: Results 21-37 of 37" test "$(cat "$ERR")" = "Results 21-37 of 37"
"$HTKP" query cases trafficking >"$TMPDIR_TEST/p1" 2>/dev/null
check "a search's page 2 shares no record with page 1" \
	test -z "$(comm -12 <(cut -f1 "$TMPDIR_TEST/p1" | sort) <(ids | sort))"
q query cases --sort newest
check "newest first: years never rise" \
	awk -F'\t' 'NR > 1 && $4 > prev { bad = 1 } { prev = $4 } END { exit bad }' "$OUT"
q query cases --sort oldest
check "oldest first: starts with the 1990 case" test "$(head -1 "$OUT" | cut -f1)" = IND-1990-001
# Oldest first: laws without a year come last, as they do newest first.
"$HTKP" --db "$V1DB" query legislation --sort oldest >"$OUT" 2>"$ERR"
check "legislation oldest first: starts with a dated law (1956)" \
	test "$(head -1 "$OUT" | cut -f1)" = IND-1956-ITPA
"$HTKP" --db "$V1DB" query legislation --sort oldest --page 2 >"$OUT" 2>"$ERR"
check "legislation oldest first: the law without a year comes last" \
	test "$(tail -1 "$OUT" | cut -f1)" = NOR-PC1902-S224
q query cases --sort title
check "title order: alphabetical, ignoring case" \
	bash -c "cut -f2 '$OUT' | LC_ALL=C sort -c -f"

# --- show ---
q show cases COL-2018-001
check "show: exit 0" test "$rc" -eq 0
check "show: nothing on stderr" test ! -s "$ERR"
cat >"$TMPDIR_TEST/want" <<'EOF'
Trafficking for domestic servitude of an indigenous woman from Vaupés (Bogotá)
Case Law COL-2018-001
Country: Colombia
Decision date: 2018-09
Verdict: convicted
Sentence: 13 years and 2 months' imprisonment

Fact Summary
An 18-year-old indigenous woman from the Carapana community in Vaupés was offered domestic work in Bogotá for about USD 77 a month. Her employer paid her nothing, first claiming she had to repay her travel costs and then that she owed money for a broken ornament, while she worked more than twelve hours a day, including during pregnancy, and was not free to leave. The employer was sentenced in September 2018 in what was reported as Colombia's first conviction for trafficking for domestic servitude; the prosecutor relied on UNODC guidance on abuse of a position of vulnerability.
Sentence Date: 2018-09

Keywords
Acts: Recruitment; Transportation; Harbouring
Means: Deception; Abuse of power or of a position of vulnerability
Purpose of exploitation: Servitude; Forced labour or services
Form of trafficking: Internal
Sector in which exploitation takes place: domestic work

Cross-Cutting Issues
Evidence: abuse of a position of vulnerability; Victim: indigenous

Involved Countries
Colombia

Procedural Information
Legal System: civil law
Type of Proceeding: criminal

Victims
Number: 1
Gender: female
Age: 18
Children: no
Nationality: Colombian

Defendants

Defendant 1: female, Colombian
  Charge: Trafficking in persons for domestic servitude
  Verdict: convicted
  Sentence: 13 years and 2 months' imprisonment

Laws applied
  none recorded

Sources / Citations
UNODC news story, 9 January 2019
EOF
check "show: every field of COL-2018-001, labelled, in the portal's order (the case brief)" \
	diff "$TMPDIR_TEST/want" "$OUT"

q show cases GBR-2018-001
for line in 'R v Josephine Iyamu' 'Case Law GBR-2018-001' 'Country: United Kingdom' \
	'Name: Birmingham Crown Court' 'Decision date: 2018-07-04' 'Verdict: convicted' \
	'Defendant 1: Josephine Iyamu, female, British' \
	'Laws applied' '  GBR-2015-MSA: Modern Slavery Act 2015 \(c. 30\) \(United Kingdom, 2015\)'; do
	check "show GBR-2018-001: \"$line\"" out_has "^$line\$"
done
q show legislation KEN-2010-CTIP
for line in 'Counter-Trafficking in Persons Act, No. 8 of 2010' 'Legislation KEN-2010-CTIP' \
	'Country: Kenya' 'Year: 2010' \
	'Topics: criminalization; non-punishment; compensation; institutional framework' \
	'Summary' 'Cases applying this law' \
	'  KEN-2022-001: Alibhai v Republic \(Criminal Appeal E103 of 2021\) \[2022\] KEHC 15411 \(Kenya, 2022\)' \
	'  KEN-2017-001: Muhammad Asif v Republic \[2017\] eKLR \(Criminal Appeal 82 of 2017\) \(Kenya, 2017\)'; do
	check "show KEN-2010-CTIP: \"$line\"" out_has "^$line\$"
done
q show legislation GBR-2015-MSA
check "show a law: its full text" out_has '^Full text: https://www.legislation.gov.uk/ukpga/2015/30$'
q show bibliography BIB-2012-ORAM
for line in 'Bibliography BIB-2012-ORAM' \
	'Authors: Oram, Siân; Stöckl, Heidi; Busza, Joanna; Howard, Louise M.; Zimmerman, Cathy' \
	'Year: 2012' 'Type: journal article' 'Publisher: PLoS Medicine 9\(5\): e1001224' \
	'Language: English' 'Countries covered: Global' \
	'Keywords: health; violence; HIV; mental health; systematic review' \
	'Research method: systematic review' 'Method categories: review' 'Synopsis' \
	'DOI: 10.1371/journal.pmed.1001224'; do
	check "show BIB-2012-ORAM: \"$line\"" out_has "^$line\$"
done
check "show a publication: no links section" bash -c "! grep -q 'applying\|Laws applied' '$OUT'"

q show cases NOPE-0000
check "show an unknown id: exit 1" test "$rc" -eq 1
check "show an unknown id: one line naming it" \
	test "$(cat "$ERR")" = 'htkp: no case with id "NOPE-0000"' -a ! -s "$OUT"
q show legislation COL-2018-001
check "show a case id as a law: exit 1, no law with that id" \
	test "$rc" -eq 1 -a "$(cat "$ERR")" = 'htkp: no law with id "COL-2018-001"'
bad_args "show without an id" 'show wants one record id' show cases
bad_args "show with two ids" 'show wants one record id' show cases COL-2018-001 NOR-2017-001
bad_args "show of an unknown database" 'no database "books"' show books BIB-2012-ORAM

# --- a link's id is printed, and `show` takes it ---
q show legislation KEN-2010-CTIP
sed -n 's/^  \([A-Z0-9-]*\): .*/\1/p' "$OUT" >"$TMPDIR_TEST/links"
check "show a law: the ids of the two cases applying it" \
	test "$(sort "$TMPDIR_TEST/links" | tr '\n' ' ')" = "KEN-2017-001 KEN-2022-001 "
while read -r id; do
	q show cases "$id"
	check "show cases $id (a printed link) finds it" test "$rc" -eq 0 -a "$(sed -n 2p "$OUT")" = "Case Law $id"
done <"$TMPDIR_TEST/links"

# --- global options before or after the subcommand ---
"$HTKP_IMPORT" -o "$TMPDIR_TEST/uni.db" tests/data/unicode.json >/dev/null
q query cases --db "$TMPDIR_TEST/uni.db"
check "--db after the subcommand: that database's 2 cases" \
	test "$rc" -eq 0 -a "$(cat "$ERR")" = "Results 1-2 of 2"
q query cases trafficking --db "$TMPDIR_TEST/uni.db" --sort newest
check "--db between the words and a query option" test "$rc" -eq 1 -a "$(cat "$ERR")" = "No cases match."
sed "s|^path = .*|path = $TMPDIR_TEST/uni.db|" config/htkp.ini >"$TMPDIR_TEST/uni.ini"
"$HTKP" show legislation UNI-LAW-1 -c "$TMPDIR_TEST/uni.ini" >"$OUT" 2>"$ERR"
check "-c after the subcommand: that configuration's database" \
	test "$?" -eq 0 -a "$(sed -n 2p "$OUT")" = "Legislation UNI-LAW-1"
"$HTKP" query cases --config "$TMPDIR_TEST/uni.ini" >"$OUT" 2>"$ERR"
check "--config after the subcommand" test "$(cat "$ERR")" = "Results 1-2 of 2"
"$HTKP" query cases --help >"$OUT" 2>"$ERR"
check "--help after the subcommand: the help, exit 0" \
	test "$?" -eq 0 -a "$(head -1 "$OUT" | cut -c1-11)" = "usage: htkp"
q query cases -- --db "$TMPDIR_TEST/nosuch.db"
check "after --, --db FILE are words to search" test "$rc" -eq 1 -a "$(cat "$ERR")" = "No cases match."
bad_args "--filter takes the next argument, even --db" '--filter wants FIELD=VALUE, not "--db"' \
	query cases --filter --db
bad_args "--db at the end without a file" '--db needs a value' query cases trafficking --db

# --- names, values and ids in any case, values without accents ---
q query Cases --filter country=nigeria
check "query Cases --filter country=nigeria: the two Nigerian cases" \
	test "$rc" -eq 0 -a "$(ids | sort | tr '\n' ' ')" = "NGA-2004-001 NGA-2020-001 "
q query CASES --filter Country=NIGERIA --sort Oldest
check "CASES, Country=NIGERIA, --sort Oldest" test "$(ids | tr '\n' ' ')" = "NGA-2004-001 NGA-2020-001 "
q query Legislation --filter COUNTRY="united kingdom" --filter YEAR=2015
check "Legislation, COUNTRY=united kingdom, YEAR=2015" test "$(ids)" = GBR-2015-MSA
q query cases --filter "court=cour d'appel du quebec (quebec court of appeal)"
check "a value without its accent or capitals: the Quebec court's case" test "$(ids)" = CAN-2013-001
q query bibliography --filter language=ENGLISH --filter type="Journal Article" stockl
check "bibliography values in any case" test "$(ids)" = BIB-2012-ORAM
q show cases nga-2004-001
check "show cases nga-2004-001: the record NGA-2004-001" \
	test "$rc" -eq 0 -a "$(sed -n 2p "$OUT")" = "Case Law NGA-2004-001"
q show Legislation gbr-2015-Msa
check "show Legislation gbr-2015-Msa" test "$rc" -eq 0 -a "$(sed -n 2p "$OUT")" = "Legislation GBR-2015-MSA"
q show bibliography bib-2012-oram
check "show bibliography bib-2012-oram" test "$(sed -n 2p "$OUT")" = "Bibliography BIB-2012-ORAM"

finish
