#!/usr/bin/env bash
# End-to-end tests of htkp-import reading htkp/2 (db/htkp2.schema.json)
# beside htkp/1: the test files are valid by the JSON Schema; a full case,
# a law by provision and a publication load with an htkp/1 file in one
# import into every table of schema version 3; the verdict follows from
# the charges; keywords take the vocabularies' words (htkp/1 short forms
# too, anything else kept as "Other: ..." with a warning); open lists merge
# spellings; each bad input is one line naming file, record and field, and
# the live database stays byte for byte the same. Prints TAP lines.
#   HTKP_IMPORT  the binary (default ./htkp-import)
set -u

DATA=tests/data
PY=/usr/bin/python3

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

. tests/lib_import.sh

# same DESC GOT WANT
same() {
	if [ "$2" = "$3" ]; then pass "$1"; else
		fail "$1" "got  $(printf '%s' "$2" | tr '\n' '~')" \
			"want $(printf '%s' "$3" | tr '\n' '~')"
	fi
}

if ! "$PY" -c 'import jsonschema, sqlite3' 2>/dev/null; then
	echo "not ok - $PY needs python3-jsonschema (scripts/deps.sh test)"
	exit 1
fi

# --- the test files against the JSON Schema ---------------------------------

# schema_errors FILE...: one line per file: its name and how many errors
# the JSON Schema finds in it.
schema_errors() {
	"$PY" - db/htkp2.schema.json "$@" <<'EOF'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
check = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    print(path.rsplit('/', 1)[-1], len(list(check.iter_errors(json.load(open(path))))))
EOF
}
got=$(schema_errors "$DATA"/v2-*.json 2>&1)
want='v2-bad-date.json 1
v2-bad-empty.json 1
v2-bad-emptycharges.json 1
v2-bad-law.json 0
v2-bad-nocharges.json 1
v2-bad-provision.json 1
v2-bad-vocab.json 1
v2-brief.json 0
v2-good.json 0'
same "the v2 test files: valid by db/htkp2.schema.json, the bad ones not (a law id is no schema matter)" \
	"$got" "$want"

# --- htkp/2 and htkp/1 in one import -----------------------------------------

db=$tmp/both.db
run -o "$db" "$DATA/v2-good.json" "$DATA/v1-shortforms.json"
if [ "$rc" = 0 ] && grep -q '9 cases, 3 legislation, 1 bibliography; 1 warning$' "$tmp/out"; then
	pass "htkp/2 and htkp/1 files import together"
else
	fail "htkp/2 and htkp/1 files import together" "exit status $rc" "stdout: $(cat "$tmp/out")"
fi
same "an htkp/1 keyword outside the vocabulary: a warning naming record and field" \
	"$(cat "$tmp/err")" \
	'tests/data/v1-shortforms.json: cases[0] "TSTV1-2018-001": field "purposes[4]": warning: "Wife selling" is not a Purpose of exploitation keyword: kept as "Other: Wife selling"'
same "meta says both formats" "$(query "$db" "SELECT value FROM meta WHERE key = 'format'")" \
	'htkp/1 htkp/2'

same "the case brief's columns" "$(query "$db" "
	SELECT crime_type, case_number, decision_date, year, sentence_date, author,
	  latest_ruling, proceeding_type, legal_system, court, court_location,
	  court_type, victims_count, victims_children, victims_age, decision_url,
	  defendants_count, cross_border, commentary
	FROM cases WHERE id = 'TSTV2-2021-001'")" \
	'Trafficking in persons|UNODC No.: TST001|2021-03-15|2021|2021-04-02|Case Law Editor|Court of Appeal|criminal|common law|Court of Appeal of Testland|Port Quill|appellate|4|0|19 to 24|https://example.org/ca-3-2021|2|1|First appellate ruling on the nightclub visa scheme.'
same "sources: one a line" "$(query "$db" "SELECT source FROM cases WHERE id = 'TSTV2-2021-001'")" \
	'Court of Appeal judgment CA 3/2021
Testland Law Reports 2021/7'
same "proceedings from procedure.instances, with decision numbers" "$(query "$db" "
	SELECT p.seq, p.court, p.date, p.decision_number, p.outcome, coalesce(p.sentence, '-')
	FROM proceedings AS p JOIN cases AS c ON c.rowid = p.case_rowid
	WHERE c.id = 'TSTV2-2021-001' ORDER BY p.seq")" \
	'0|Port Quill District Court|2020-11|DC 12/2020|both convicted|6 years
1|Court of Appeal|2021-03-15|CA 3/2021|Beta acquitted on appeal|-'
same "defendants in order" "$(query "$db" "
	SELECT d.seq, d.name, d.gender, d.nationality, coalesce(d.age, '-')
	FROM defendants AS d JOIN cases AS c ON c.rowid = d.case_rowid
	WHERE c.id = 'TSTV2-2021-001' ORDER BY d.seq")" \
	'0|Alphonse Zyxwark|male|Testlandish|41
1|B. Q.|female|Otherlandish|-'
same "charges: each law's row, the article, verdict and sentence" "$(query "$db" "
	SELECT h.defendant_seq, h.seq, h.charge, coalesce(h.statute, '-'), l.id,
	  coalesce(h.article, '-'), h.verdict, coalesce(h.sentence, '-')
	FROM charges AS h JOIN cases AS c ON c.rowid = h.case_rowid
	  JOIN legislation AS l ON l.rowid = h.law_rowid
	WHERE c.id = 'TSTV2-2021-001' ORDER BY h.defendant_seq, h.seq")" \
	"0|0|Trafficking in persons for sexual exploitation|TIP Act 2015, s. 4|TSTV2-LAW-2015|4|convicted|Six years' imprisonment
0|1|Money laundering|Penal Code, s. 90|TSTV2-LAW-PC|-|pending|-
1|0|Trafficking in persons|-|TSTV2-LAW-2015|4|acquitted|-"
same "case_law: the charges' laws, then the legislation list, each once" "$(query "$db" "
	SELECT c.id, l.id FROM case_law AS k JOIN cases AS c ON c.rowid = k.case_rowid
	  JOIN legislation AS l ON l.rowid = k.law_rowid ORDER BY c.id, k.seq")" \
	'TSTV1-2018-001|TSTV2-LAW-2015
TSTV2-2021-001|TSTV2-LAW-2015
TSTV2-2021-001|TSTV2-LAW-PC
TSTV2-2021-001|TSTV2-LAW-OLD'

same "laws: rowids newest first by adoption, year from adopted, type and status" "$(query "$db" "
	SELECT rowid, id, coalesce(year, '-'), coalesce(instrument_type, '-'),
	  coalesce(adopted, '-'), coalesce(in_force, '-'), coalesce(status, '-')
	FROM legislation ORDER BY rowid")" \
	'1|TSTV2-LAW-2015|2015|law|2015-06-30|2015-09-01|amended
2|TSTV2-LAW-PC|1960|-|1960|-|-
3|TSTV2-LAW-OLD|-|-|-|-|repealed'
same "provisions in order" "$(query "$db" "
	SELECT seq, article, heading, coalesce(text, '-') FROM provisions
	WHERE law_rowid = 1 ORDER BY seq")" \
	'0|1|Definitions|In this Act, exploitation includes quillwork servitude.
1|4|Offence of trafficking|A person who recruits ...
2|9|Non-punishment|-'
same "provision tags: implements and cross_cutting" "$(query "$db" "
	SELECT seq, kind, pos, value FROM provision_tag WHERE law_rowid = 1
	ORDER BY seq, kind, pos")" \
	'1|cross_cutting|0|Consent of the victim
1|implements|0|Protocol art. 5
1|implements|1|Protocol art. 3(a)
2|cross_cutting|0|Non-punishment of victims
2|cross_cutting|1|consent of the  victim
2|implements|0|UNTOC art. 16'
same "a publication's synopsis is its abstract" "$(query "$db" "
	SELECT abstract FROM bibliography WHERE id = 'TSTV2-BIB-1'")" \
	'Reviews the quillfeather visa cases.'

# --- the verdict ----------------------------------------------------------------

same "verdicts: from the charges (htkp/2), mapped from the outcome (htkp/1)" "$(query "$db" "
	SELECT id, coalesce(outcome, '-') FROM cases ORDER BY id")" \
	'TSTV1-2017-001|pending
TSTV1-2018-001|partially convicted
TSTV2-2021-001|partially convicted
TSTV2-ACQ|acquitted
TSTV2-CONV|convicted
TSTV2-NODEF|-
TSTV2-NOVIOL|no violation
TSTV2-PEND|pending
TSTV2-VIOL|violation found'
same "the verdict facet counts the verdicts" "$(query "$db" "
	SELECT value, n FROM facet_count WHERE db = 'cases' AND field = 'outcome' ORDER BY value")" \
	'acquitted|1
convicted|1
no violation|1
partially convicted|2
pending|2
violation found|1'

# --- facets ------------------------------------------------------------------

same "case facets of the full case, by field" "$(query "$db" "
	SELECT field || '=' || group_concat(value, ';') FROM (SELECT field, value FROM facet
	  WHERE db = 'cases' AND rec = (SELECT rowid FROM cases WHERE id = 'TSTV2-2021-001')
	  ORDER BY field, seq, value) GROUP BY field ORDER BY field")" \
	'act=Recruitment;Harbouring
children=no
cooperation=Mutual legal assistance
country=Testland
country_involved=Otherland
court=Court of Appeal of Testland
court_type=appellate
cross_cutting=Non-punishment of victims
defendant_gender=female;male
defendant_nationality=Otherlandish;Testlandish
form=Transnational
latest_ruling=Court of Appeal
law=TSTV2-LAW-2015;TSTV2-LAW-PC;TSTV2-LAW-OLD
legal_system=common law
means=Deception;Abuse of power or of a position of vulnerability
outcome=partially convicted
proceeding_type=criminal
purpose=Exploitation of the prostitution of others or other forms of sexual exploitation
sector=Entertainment;Nightlife
sentence_year=2021
victim_gender=female
victim_nationality=Otherlandish
year=2021'
same "law facets, by field" "$(query "$db" "
	SELECT field || '=' || group_concat(value, ';') FROM (SELECT field, value FROM facet
	  WHERE db = 'legislation' AND rec = 1 ORDER BY field, seq, value)
	GROUP BY field ORDER BY field")" \
	'act=Recruitment;Transportation
article=Protocol art. 5;UNTOC art. 16;Protocol art. 3(a)
country=Testland
cross_cutting=Consent of the victim;Non-punishment of victims
means=Fraud
offence=trafficking in persons
purpose=Forced labour or services;Other
status=amended
topic=criminalization
type=law
year=2015'
same "htkp/1 short forms take the Protocol's words; cross_border the form" "$(query "$db" "
	SELECT field || '=' || group_concat(value, ';') FROM (SELECT field, value FROM facet
	  WHERE db = 'cases' AND rec = (SELECT rowid FROM cases WHERE id = 'TSTV1-2018-001')
	  AND field IN ('act', 'means', 'purpose', 'form') ORDER BY field, seq, value)
	GROUP BY field ORDER BY field")" \
	'act=Transportation
form=Internal
means=Threat or use of force or other forms of coercion;Abuse of power or of a position of vulnerability;Giving or receiving payments or benefits to achieve the consent of a person having control over another person
purpose=Exploitation of the prostitution of others or other forms of sexual exploitation;Forced labour or services;Slavery or practices similar to slavery;Removal of organs;Other: Wife selling'
same "open lists: spellings merged across records, files and formats, the first kept" "$(query "$db" "
	SELECT field, value, n FROM facet_count
	WHERE (db = 'cases' AND field = 'sector') OR (field IN ('offence', 'cross_cutting'))
	ORDER BY db, field, value")" \
	'cross_cutting|Non-punishment of victims|1
sector|Entertainment|3
sector|Nightlife|1
cross_cutting|Consent of the victim|1
cross_cutting|Non-punishment of victims|1
offence|trafficking in persons|1'
same "the law facet counts the cases that applied each law" "$(query "$db" "
	SELECT value, n FROM facet_count WHERE db = 'cases' AND field = 'law' ORDER BY value")" \
	'TSTV2-LAW-2015|2
TSTV2-LAW-OLD|1
TSTV2-LAW-PC|1'

# --- full text ---------------------------------------------------------------

# found DB WORDS: the ids that the full-text index of DB finds for WORDS.
found() {
	query "$db" "SELECT group_concat(id, ',') FROM (SELECT r.id FROM $1_fts AS f
	  JOIN $1 AS r ON r.rowid = f.rowid WHERE $1_fts MATCH '$2' ORDER BY r.id)"
}
same "full text: charges, instances, sources, victims' age are in the body" \
	"$(found cases 'body:laundering') $(found cases 'body:DC') $(found cases 'body:"Law Reports"') $(found cases 'body:24')" \
	'TSTV2-2021-001 TSTV2-2021-001 TSTV2-2021-001 TSTV2-2021-001'
same "full text: defendants' names are not indexed, the rest of the case is" \
	"$(found cases 'Zyxwark')|$(found cases 'Alphonse')|$(found cases 'nightclub')" \
	'||TSTV2-2021-001'
same "full text: a case is found by the laws it applied, through its charges too" \
	"$(found cases 'names:"Penal Code"')" 'TSTV2-2021-001'
same "full text: provisions' headings and text, offences" \
	"$(found legislation 'body:quillwork') $(found legislation 'body:Definitions') $(found legislation 'body:offence')" \
	'TSTV2-LAW-2015 TSTV2-LAW-2015 TSTV2-LAW-2015'
same "full text: the synopsis" "$(found bibliography 'body:quillfeather')" 'TSTV2-BIB-1'

# --- keywords: case and spacing, the closest word ----------------------------

cat >"$tmp/loose.json" <<'EOF'
{"format": "htkp/2", "cases": [{"id": "TST-LOOSE", "title": "t", "country": "c",
  "keywords": {"acts": ["recruitment"], "means": ["  abuse of POWER or of a\tposition of vulnerability"],
               "form": ["internal"]}}]}
EOF
db=$tmp/loose.db
run -o "$db" "$tmp/loose.json"
same "htkp/2 keywords: case and spacing do not matter, the stored word is the vocabulary's" \
	"$rc $(query "$db" "SELECT group_concat(field || '=' || value, ';') FROM facet
	  WHERE field IN ('act', 'means', 'form')")" \
	'0 act=Recruitment;form=Internal;means=Abuse of power or of a position of vulnerability'

# --- bad input ---------------------------------------------------------------

live=$tmp/live/htkp.db
mkdir -p "$tmp/live"
"$IMPORT" -o "$live" "$DATA/v2-good.json" >/dev/null 2>&1 && cp "$live" "$tmp/live.orig"

# bad DESC FILE LINE: importing FILE fails with LINE as the only line on
# stderr, exit 1, the live database unchanged.
bad() {
	local desc=$1 file=$2 line=$3 why=()
	run -o "$live" "$file"
	[ "$rc" = 1 ] || why+=("exit status $rc, want 1")
	[ "$(cat "$tmp/err")" = "$line" ] || why+=("want the one line: $line")
	cmp -s "$live" "$tmp/live.orig" || { why+=("the live database changed"); cp "$tmp/live.orig" "$live"; }
	if [ ${#why[@]} = 0 ]; then pass "$desc"; else fail "$desc" "${why[@]}"; fi
}

bad "a charge's law not in the import: case, defendant, charge named" "$DATA/v2-bad-law.json" \
	'tests/data/v2-bad-law.json: cases[0] "TSTV2-BAD-LAW": field "defendants[1].charges[1].law": no legislation record has id "TSTV2-LAW-404" (defendant 1 "Dee Efg", charge 1 "Trafficking")'
bad "a defendant without charges" "$DATA/v2-bad-nocharges.json" \
	'tests/data/v2-bad-nocharges.json: cases[0] "TSTV2-BAD-DEF": field "defendants[1].charges": missing required field'
bad "a defendant with an empty list of charges" "$DATA/v2-bad-emptycharges.json" \
	'tests/data/v2-bad-emptycharges.json: cases[0] "TSTV2-BAD-DEF0": field "defendants[0].charges": empty list (want at least one)'
bad "a provision without article" "$DATA/v2-bad-provision.json" \
	'tests/data/v2-bad-provision.json: legislation[0] "TSTV2-BAD-PROV": field "provisions[1].article": missing required field'
bad "a date with no such month or day" "$DATA/v2-bad-date.json" \
	'tests/data/v2-bad-date.json: cases[0] "TSTV2-BAD-DATE": field "procedure.instances[0].date": bad date "2008-13-40" (want YYYY, YYYY-MM or YYYY-MM-DD)'
bad "an empty keyword" "$DATA/v2-bad-empty.json" \
	'tests/data/v2-bad-empty.json: cases[0] "TSTV2-BAD-EMPTY": field "keywords.acts[1]": empty value (want an Act keyword)'
bad "a keyword outside the vocabulary: the word it is part of" "$DATA/v2-bad-vocab.json" \
	'tests/data/v2-bad-vocab.json: cases[0] "TSTV2-BAD-VOCAB": field "keywords.means[0]": "Threat" is not a Means keyword; did you mean "Threat or use of force or other forms of coercion"?'

cat >"$tmp/misspelt.json" <<'EOF'
{"format": "htkp/2", "legislation": [{"id": "TST-MIS", "title": "t", "country": "c",
  "purposes": ["Forced beging"], "acts": ["Harboring"],
  "provisions": [{"article": "2", "implements": ["Protocol article 5"]}]}],
 "cases": [{"id": "TST-MIS-C", "title": "t", "country": "c",
  "defendants": [{"charges": [{"charge": "x", "verdict": "guilty"}]}]}]}
EOF
run --check "$tmp/misspelt.json"
same "misspellings: the closest word, a bad article tag, a charge verdict outside the list" \
	"$rc
$(cat "$tmp/err")" \
	"1
$tmp/misspelt.json: cases[0] \"TST-MIS-C\": field \"defendants[0].charges[0].verdict\": bad verdict \"guilty\" (want one of \"convicted\", \"acquitted\", \"violation found\", \"no violation\", \"pending\")
$tmp/misspelt.json: legislation[0] \"TST-MIS\": field \"purposes[0]\": \"Forced beging\" is not a Purpose of exploitation keyword; did you mean \"Forced begging\"?
$tmp/misspelt.json: legislation[0] \"TST-MIS\": field \"acts[0]\": \"Harboring\" is not an Act keyword; did you mean \"Harbouring\"?
$tmp/misspelt.json: legislation[0] \"TST-MIS\": field \"provisions[0].implements[0]\": bad article tag \"Protocol article 5\" (want \"Protocol art. N\" or \"UNTOC art. N\")"

echo "1..$count"
exit "$failed"
