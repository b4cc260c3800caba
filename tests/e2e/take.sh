#!/bin/bash
# Taking records away from the screen: citations (y, htkp cite), printing
# (p: the terminal's printer port read from a pty, the spool directory,
# printing off), marks (m, the Marked list, the 500 limit, forgotten at
# the idle reset), what's new (added kept and stamped by htkp-import, the
# home line, Recently added, query --since) and statistics (the view and
# htkp stats), at 80x24 and 40x12, under TERM=vt100 and LANG=C.
. tests/lib.sh

PY=/usr/bin/python3
OUT="$TMPDIR_TEST/out" ERR="$TMPDIR_TEST/err"
q() {
	"$HTKP" -c config/htkp.ini "$@" >"$OUT" 2>"$ERR" </dev/null
	rc=$?
}
out_is() { [ "$(cat "$OUT")" = "$1" ]; }
out_has() { grep -Eq -- "$1" "$OUT"; }
today=$(date +%Y-%m-%d)
fits() { no_line_longer_than "${1%x*}"; }

# --- htkp cite ---
q cite cases NOR-2017-001
check "cite: a case as title, court, date, country, case number" out_is \
	"HR-2017-1124-A (garden centres case), Supreme Court of Norway (Høyesterett), 2017-06-07, Norway (NOR-2017-001)"
q cite legislation gbr-2015-msa
check "cite: a law as title, country, date (id in any case)" out_is \
	"Modern Slavery Act 2015 (c. 30), United Kingdom, 2015-03-26"
bib=$(sqlite3 db/htkp.db "SELECT id FROM bibliography WHERE title LIKE 'Disposable People%'")
q cite bibliography "$bib"
check "cite: a publication as authors (year). title. publisher." out_is \
	"Bales, Kevin (1999). Disposable People: New Slavery in the Global Economy. University of California Press."
q cite cases NOPE-1
check "cite: an unknown id is one line and exit 1" \
	test "$rc" = 1 -a "$(cat "$ERR")" = 'htkp: no case with id "NOPE-1"'
LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini cite cases NOR-2017-001 >"$OUT"
check "cite under LANG=C: transliterated to ASCII" out_has '\(Hoyesterett\)'

# --- htkp stats ---
q stats cases
check "stats: the total" out_has '^Case Law: 46 cases$'
check "stats: the portal's caveat beside case counts" \
	test "$(sed -n 2,3p "$OUT" | tr '\n' ' ')" = "Case counts per country do not show the real extent of trafficking there; some information has not been checked against primary sources. "
for c in 'By year' 'By country' 'By verdict' 'By purpose of exploitation' 'By sector'; do
	check "stats cases: $c" out_has "^$c\$"
done
check "stats: bars of blocks, each with its number" out_has '^  2019 █+ 4$'
check "stats: no line wider than 80 columns" test "$(wc -L <"$OUT")" -le 80
q stats cases --filter country=nigeria
check "stats follow the filters: only Nigeria by country" \
	test "$(sed -n '/^By country$/,/^$/p' "$OUT" | grep -c '█')" = 1
check "... with its 2 cases" out_has '^  Nigeria +█+ 2$'
q stats legislation
check "stats laws: by year and topic" out_has '^By topic$'
q stats bibliography
check "stats publications: by year, type and method" \
	test "$(grep -cE '^By (year|type|method)$' "$OUT")" = 3
LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini stats cases >"$OUT"
check "stats under LANG=C: bars of #" out_has '^  2019 #+ 4$'
check "... and nothing but ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' '$OUT'"
q stats cases --filter nope=1
check "stats: a bad filter is exit 2" test "$rc" = 2

# --- htkp-import: added ---
db="$TMPDIR_TEST/new.db"
"$HTKP_IMPORT" -o "$db" db/seed/sample.json >/dev/null 2>&1
check "import: a new database stamps every record with the import's day" \
	test "$(sqlite3 "$db" "SELECT count(*) FROM cases WHERE added = '$today'")" = 46
sqlite3 "$db" "UPDATE cases SET added = '2020-01-05' WHERE id = 'NOR-2017-001'"
$PY - db/seed/sample.json "$TMPDIR_TEST/more.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
new = dict(d["cases"][0], id="NEW-2026-001")
dated = dict(d["cases"][0], id="OLD-1999-001", added="1999-02-03")
d["cases"] += [new, dated]
json.dump(d, open(sys.argv[2], "w"))
EOF
"$HTKP_IMPORT" -o "$db" "$TMPDIR_TEST/more.json" >/dev/null 2>&1
added() { sqlite3 "$db" "SELECT added FROM cases WHERE id = '$1'"; }
check "import: an id of the previous database keeps its day" test "$(added NOR-2017-001)" = 2020-01-05
check "import: a new id gets the import's day" test "$(added NEW-2026-001)" = "$today"
check "import: a record's own added wins" test "$(added OLD-1999-001)" = 1999-02-03
sed 's/"added": "1999-02-03"/"added": "1999-02"/' "$TMPDIR_TEST/more.json" >"$TMPDIR_TEST/bad.json"
before=$(md5sum <"$db")
"$HTKP_IMPORT" -o "$db" "$TMPDIR_TEST/bad.json" >"$OUT" 2>&1
check "import: a bad added is an error naming the field" out_has 'added.*bad day "1999-02" \(want YYYY-MM-DD\)'
check "... and leaves the database as it was" test "$(md5sum <"$db")" = "$before"
printf 'not a database' >"$TMPDIR_TEST/junk.db"
"$HTKP_IMPORT" -o "$TMPDIR_TEST/junk.db" db/seed/sample.json >/dev/null 2>&1
check "import: over a file that is no database, every record is new" \
	test "$(sqlite3 "$TMPDIR_TEST/junk.db" "SELECT count(DISTINCT added) || added FROM legislation")" = "1$today"

# The kiosk's database: two cases new today, the rest long ago (and the
# counts by day the import keeps, made again).
sqlite3 "$db" "UPDATE cases SET added = '2020-01-05'; UPDATE legislation SET added = '2020-01-05';
	UPDATE bibliography SET added = '2020-01-05';
	UPDATE cases SET added = '$today' WHERE id IN ('NEW-2026-001', 'NOR-2017-001');
	DELETE FROM added_count;
	INSERT INTO added_count SELECT 'cases', added, count(*) FROM cases GROUP BY added;
	INSERT INTO added_count SELECT 'legislation', added, count(*) FROM legislation GROUP BY added;
	INSERT INTO added_count SELECT 'bibliography', added, count(*) FROM bibliography GROUP BY added"
"$HTKP" --db "$db" query cases --since "$today" >"$OUT" 2>"$ERR"
check "query --since: the records added since the day" \
	test "$(cut -f1 "$OUT" | sort | tr '\n' ' ')" = "NEW-2026-001 NOR-2017-001 "
q query cases --since yesterday
check "query --since: a bad day is exit 2 with one line" \
	sh -c "[ $rc = 2 ] && grep -q 'since wants a day, YYYY-MM-DD' '$ERR'"

# --- the kiosk, at both sizes ---
for size in 80x24 40x12; do
	cfg=$(with "path=$db")
	start "$size" "$HTKP" -c "$cfg"
	wait_for '1  Welcome' >/dev/null
	if [ "$size" = 80x24 ]; then
		expect "^  Data of $today; 2 added in the last 30 days\\.$" "$size home: the day of the data and what is new"
	else
		expect "^  Data $today, 2 new \\(30 days\\)$" "$size home: the day of the data and what is new, short"
	fi
	keys 3 6
	# The portal's name of the database where it fits, as in its other views.
	if [ "$size" = 80x24 ]; then
		expect 'htkp  Case Law Database: recently added' "$size: 6 in a database lists the recently added"
	else
		expect 'htkp  Case Law: recently added' "$size: 6 in a database lists the recently added"
	fi
	expect '^ +20[0-9-]+ +(HR-2017|Government)' "$size: ... newest first, with the day"
	keys h 7
	expect 'By year' "$size: 7 in a database shows its statistics"
	if [ "$size" = 80x24 ]; then
		expect 'htkp  Case Law Database: statistics' "$size: ... titled with the database's name"
	fi
	expect 'Case counts per country do not' "$size: ... with the portal's caveat"
	check "$size statistics: no line wider than the screen" fits "$size"
	keys h 5
	expect 'Results 1-' "$size: the list"
	keys m
	expect 'Marked; 1 marked' "$size: m marks the selected result"
	expect '^ \*' "$size: ... and the list shows the mark"
	keys j m
	expect 'Marked; 2 marked' "$size: a second mark"
	keys y
	expect 'Citation' "$size: y on a result opens its citation"
	keys h Enter
	expect '(Case Law|Legislation|Bibliography) [A-Z]' "$size: a record"
	keys m
	expect 'Unmarked; 1 marked' "$size: m in a record unmarks it"
	keys H
	if [ "$size" = 80x24 ]; then
		expect '8  Marked +1 record$' "$size home: Marked says how many"
	fi
	keys 8
	expect 'Marked records' "$size: 8 opens the marked records"
	expect '1 marked: y cites, p prints' "$size: ... one of them"
	keys p
	expect 'This terminal cannot print' "$size: p without a printer port says so..."
	expect 'Citation' "$size: ... in the citation view"
	keys h m
	expect 'No records are marked' "$size: m in Marked unmarks"
	check "$size: no line wider than the screen" fits "$size"
done

# --- TERM=vt100 and LANG=C: charts of #, marks and citations in ASCII ---
start 80x24 env TERM=vt100 LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
keys 3 7
expect '2019 #+ 4$' "vt100, LANG=C: bars of #"
keys h 5 m
expect '^ \*' "vt100, LANG=C: the mark"
keys y
expect '\(Hoyesterett\)|Nepal \(NPL' "vt100, LANG=C: the citation, transliterated"

# --- printing off; the spool ---
start 80x24 "$HTKP" -c "$(with method=off)"
wait_for '1  Welcome' >/dev/null
keys 3 5 p
expect 'Printing is off on this kiosk; copy the citation instead' "method = off: p says so"
spool="$TMPDIR_TEST/spool"
mkdir "$spool"
start 80x24 "$HTKP" -c "$(with method=spool "directory=$spool")"
wait_for '1  Welcome' >/dev/null
keys 3 5 p
expect 'Sent to the print service: [0-9]+ pages? \(htkp-[0-9-]+-[0-9]+-1\.txt\)' "spool: p says what it did"
f=$(ls "$spool")
# pages_of FILE: the pages its records fill, counted apart from htkp: the
# records are split by form feeds, each takes 60 lines a page.
pages_of() { tr '\f' '\036' <"$1" | awk -v RS='\036' '{ p += int((gsub(/\n/, "") + 59) / 60) } END { print p }'; }
said_pages() { screen_has "Sent to the print service: $(pages_of "$1") pages? "; }
check "spool: ... the pages its record fills (a brief is longer than a page)" said_pages "$spool/$f"
check "spool: one new file, nothing left half-written" test "$(ls -A "$spool" | wc -l)" = 1
check "spool: mode 0640" test "$(stat -c %a "$spool/$f")" = 640
"$HTKP" cite cases NPL-2024-001 >"$OUT"
# The citation heads the text, wrapped to the page: compare without the breaks.
head_of() { sed '/^Human Trafficking Knowledge Portal, data of/,$d' "$1" | tr -d ' \n'; }
check "spool: the text opens with the citation" test "$(head_of "$spool/$f")" = "$(tr -d ' \n' <"$OUT")"
check "spool: 80 columns at most" test "$(wc -L <"$spool/$f")" -le 80
keys j m k m H 8 p
expect 'Sent to the print service: [0-9]+ pages \(htkp-[0-9-]+-[0-9]+-2\.txt\)' "spool: p in Marked prints all the marked"
last=$(ls -t "$spool" | head -1)
check "spool: ... and says the pages both records fill" said_pages "$spool/$last"
check "spool: ... as one file, a form feed between the records" \
	test "$(tr -dc '\f' <"$spool/$last" | wc -c)" = 1
rm -rf "$spool"
keys p
expect 'Cannot print: the print directory .*/spool is missing\.' "spool: a missing directory is one line"
check "... and nothing is created" test ! -e "$spool"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	mkdir -m 755 "$spool"
	chmod 755 "$TMPDIR_TEST"
	# Everything nobody needs, where nobody may read it (the tree may not be).
	cp "$HTKP" "$TMPDIR_TEST/htkp-nobody"
	cp db/htkp.db "$TMPDIR_TEST/nobody.db"
	chmod 755 "$TMPDIR_TEST/htkp-nobody"
	chmod 644 "$TMPDIR_TEST/nobody.db"
	cfg=$(with method=spool "directory=$spool" "path=$TMPDIR_TEST/nobody.db")
	chmod 644 "$cfg"
	start 80x24 setpriv --reuid=65534 --regid=65534 --clear-groups "$TMPDIR_TEST/htkp-nobody" -c "$cfg"
	wait_for '1  Welcome' >/dev/null
	keys 3 5 p
	expect 'Cannot print: the print directory .*/spool is not writable\.' "spool: a directory not writable is one line"
	check "... and nothing is left in it" test -z "$(ls -A "$spool")"
fi

# --- 500 marks at most ---
$PY - "$TMPDIR_TEST/many.json" <<'EOF'
import json, sys
pubs = [{"id": "P%04d" % i, "title": "Publication %04d" % i, "year": 2000} for i in range(501)]
json.dump({"format": "htkp/1", "bibliography": pubs}, open(sys.argv[1], "w"))
EOF
"$HTKP_IMPORT" -o "$TMPDIR_TEST/many.db" "$TMPDIR_TEST/many.json" >/dev/null 2>&1
start 80x24 "$HTKP" -c "$(with "path=$TMPDIR_TEST/many.db")"
wait_for '1  Welcome' >/dev/null
keys 5 5
wait_for 'Results 1-' >/dev/null
for _ in $(seq 49); do keys m j m j m j m j m j m j m j m j m j m j; done
keys m j m j m j m j m j m j m j m j m j m
expect 'Marked; 500 marked' "500 marks"
keys j m
expect 'At most 500 records can be marked; unmark some first\.' "the 501st mark says the limit"

# --- the idle reset forgets the marks ---
start 80x24 "$HTKP" -c "$(with idle_timeout=2)"
wait_for '1  Welcome' >/dev/null
keys 3 5 m H
expect '8  Marked +1 record$' "a mark before the idle reset"
keys 3
check "after idle_timeout the marks are forgotten" wait_for '8  Marked *$' 6

finish
