#!/usr/bin/env bash
# End-to-end tests of htkp-import: the seed imports, every kind of bad input
# (ids, sizes over the limits too) fails with a line naming file, record
# and field while the live database stays byte-for-byte the same, a reader
# holding the old file open is never disturbed, two imports take turns and
# a killed one's leftovers are cleared. Run from the repository root; prints "ok - ..." or
# "not ok - ..." per check and exits 1 if any failed.
#   HTKP_IMPORT  the binary (default ./htkp-import)
set -u

DATA=tests/data/import
SEED=db/seed/sample.json

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The python3 with the standard sqlite3 module, for reading databases.
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import sqlite3' 2>/dev/null; then
		PY=$p
		break
	fi
done

. tests/lib_import.sh

# A live database from good.json, and a copy to compare it with.
live=$tmp/live/htkp.db
make_live() {
	rm -rf "$tmp/live"
	mkdir -p "$tmp/live"
	"$IMPORT" -o "$live" "$DATA/good.json" >/dev/null 2>&1 &&
		cp "$live" "$tmp/live.orig"
}

# --- success ---------------------------------------------------------------

run -o "$tmp/seed.db" "$SEED"
if [ "$rc" = 0 ] && grep -q '46 cases, 33 legislation, 38 bibliography; 0 warnings' "$tmp/out"; then
	pass "seed imports: 46 cases, 33 legislation, 38 bibliography"
else
	fail "seed imports: 46 cases, 33 legislation, 38 bibliography" \
		"exit status $rc" "stdout: $(cat "$tmp/out")"
fi

if [ -z "$PY" ]; then
	skip "seed database holds the records" "no python3 with sqlite3"
else
	got=$(query "$tmp/seed.db" "
		SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM legislation),
		  (SELECT count(*) FROM bibliography),
		  (SELECT count(*) FROM cases_fts), (SELECT count(*) FROM legislation_fts),
		  (SELECT count(*) FROM bibliography_fts),
		  (SELECT value FROM meta WHERE key = 'format'),
		  (SELECT value FROM meta WHERE key = 'count_cases'),
		  (SELECT user_version FROM pragma_user_version),
		  (SELECT journal_mode FROM pragma_journal_mode)")
	want='46|33|38|46|33|38|htkp/2|46|5|delete'
	if [ "$got" = "$want" ]; then pass "seed database holds the records"; else
		fail "seed database holds the records" "got  $got" "want $want"
	fi
fi

if [ -z "$PY" ]; then
	skip "every table is filled from good.json" "no python3 with sqlite3"
else
	run -o "$tmp/good.db" "$DATA/good.json"
	got=$(query "$tmp/good.db" "
		SELECT group_concat(id, ',') FROM (SELECT id FROM cases ORDER BY rowid);
		" && query "$tmp/good.db" "
		SELECT (SELECT title FROM cases WHERE id = 'TST-2019-001'),
		  (SELECT group_concat(value || ':' || seq, ',') FROM (SELECT value, seq
		     FROM facet WHERE db = 'cases' AND field = 'act' AND rec = 2
		     ORDER BY seq)),
		  (SELECT group_concat(field || '=' || value, ',') FROM (SELECT field, value
		     FROM facet WHERE db = 'cases' AND rec = 2
		     AND field IN ('year', 'form', 'children', 'victim_gender') ORDER BY field, seq)),
		  (SELECT count(*) FROM proceedings WHERE case_rowid = 2),
		  (SELECT count(*) FROM case_law),
		  (SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'brasov'),
		  (SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'body:Otherlandish'),
		  (SELECT group_concat(value, ',') FROM facet WHERE db = 'bibliography' AND field = 'method'),
		  (SELECT outcome IS NULL AND commentary IS NULL FROM cases WHERE id = 'TST-2020-001')")
	want='TST-2020-001,TST-2019-001
Prosecutor v. Example|Recruitment:0,Harbouring:1|children=no,form=Transnational,victim_gender=female,victim_gender=male,year=2019|2|3|2|2|qualitative,review|1'
	if [ "$got" = "$want" ]; then pass "every table is filled from good.json"; else
		fail "every table is filled from good.json" "got  $got" "want $want"
	fi
fi

make_live || { echo "not ok - cannot build the live database"; exit 1; }

run -o "$tmp/unknown.db" "$DATA/unknown-field.json"
if [ "$rc" = 0 ] && [ -f "$tmp/unknown.db" ] &&
	grep -qF 'unknown-field.json: cases[0] "TST-UNK-1": field "judge": warning: unknown field' "$tmp/err" &&
	grep -qF 'unknown-field.json: cases[0] "TST-UNK-1": field "victims.ages": warning' "$tmp/err" &&
	grep -qF 'unknown-field.json: field "generator": warning' "$tmp/err" &&
	grep -q '4 warnings' "$tmp/out"; then
	pass "unknown fields: warnings naming file, record and field; exit 0"
else
	fail "unknown fields: warnings naming file, record and field; exit 0" "exit status $rc"
fi

ls -A "$tmp/live" >"$tmp/before"
run --check -o "$live" "$DATA/good.json" "$DATA/more.json"
ls -A "$tmp/live" >"$tmp/after"
if [ "$rc" = 0 ] && cmp -s "$live" "$tmp/live.orig" && cmp -s "$tmp/before" "$tmp/after" &&
	grep -q 'checked: 3 cases, 3 legislation, 2 bibliography' "$tmp/out"; then
	pass "--check reports and writes nothing"
else
	fail "--check reports and writes nothing" "exit status $rc"
fi

run --check "$tmp/nothing-here.json"
if [ "$rc" = 1 ] && [ ! -e "$tmp/nothing-here.json" ]; then
	pass "--check without -o needs no database"
else
	fail "--check without -o needs no database" "exit status $rc"
fi

# --- bad input: exit 1, one line naming file/record/field, live db intact -----

expect "not JSON: line and column" 1 "-o $live $DATA/bad-syntax.json" \
	"bad-syntax.json: not JSON: want ',' or '}' at line 4, column 46"

expect "wrong format tag" 1 "-o $live $DATA/bad-format.json" \
	'bad-format.json: field "format": unsupported format "htkp/3" (want "htkp/2" or "htkp/1")'

expect "missing format tag" 1 "-o $live $DATA/no-format.json" \
	'no-format.json: field "format": missing format tag'

expect "missing required fields" 1 "-o $live $DATA/missing-field.json" \
	'missing-field.json: cases[0] "TST-MISS-1": field "country": missing required field' \
	'missing-field.json: cases[1]: field "id": missing required field' \
	'missing-field.json: cases[2] "TST-MISS-3": field "title": missing required field' \
	'missing-field.json: legislation[0] "TST-MISS-LAW": field "country": missing required field' \
	'missing-field.json: bibliography[0] "TST-MISS-BIB": field "title": missing required field'

expect "wrong types, nested and in arrays" 1 "-o $live $DATA/wrong-type.json" \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "acts": wrong type: string "recruitment" (want an array of strings)' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "means[1]": wrong type: number (want a string)' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "cross_border": wrong type: string "yes" (want true or false)' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "victims.count": wrong type: string "3" (want a whole number)' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "victims.children": wrong type' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "defendants": wrong type: array (want an object)' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "proceedings[0].date": wrong type: number (want a string)' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "proceedings[1]": wrong type: string "appeal" (want an object)' \
	'wrong-type.json: cases[0] "TST-TYPE-1": field "summary": wrong type: object (want a string)' \
	'wrong-type.json: cases[1]: wrong type: string (want an object)' \
	'wrong-type.json: legislation[0] "TST-TYPE-LAW": field "year": wrong type: string "2010" (want a whole number)' \
	'wrong-type.json: field "bibliography": wrong type: object (want an array of records)'

expect "bad dates" 1 "-o $live $DATA/bad-date.json" \
	'bad-date.json: cases[0] "NGA-2019-002": field "decision_date": bad date "2019-13-01" (want YYYY, YYYY-MM or YYYY-MM-DD)' \
	'bad-date.json: cases[1] "TST-DATE-2": field "proceedings[0].date": bad date "2019-02-29"'

expect "bad years" 1 "-o $live $DATA/bad-year.json" \
	'bad-year.json: legislation[0] "TST-YEAR-LAW": field "year": bad year 20105' \
	'bad-year.json: bibliography[0] "TST-YEAR-BIB": field "year": bad year 2010.5'

expect "bad outcome and methods categories" 1 "-o $live $DATA/bad-outcome.json" \
	'bad-outcome.json: cases[0] "TST-OUT-1": field "outcome": bad outcome "guilty"' \
	'bad-outcome.json: bibliography[0] "TST-METH-1": field "methods[1]": bad method "survey"'

expect "duplicate id within a file" 1 "-o $live $DATA/dup-id.json" \
	'dup-id.json: cases[1] "TST-DUP-1": field "id": duplicate id "TST-DUP-1" (first used by cases[0] in'

expect "duplicate id across files" 1 "-o $live $DATA/good.json $DATA/dup-across.json" \
	'dup-across.json: legislation[0] "TST-LAW-1": field "id": duplicate id "TST-LAW-1" (first used by legislation[0] in tests/data/import/good.json)'

expect "dangling legislation reference, resolved across files" 1 \
	"-o $live $DATA/good.json $DATA/dangling.json" \
	'dangling.json: cases[0] "TST-LINK-1": field "legislation[1]": no legislation record has id "TST-LAW-404"'
if grep -q 'TST-LAW-1"' "$tmp/err"; then
	fail "a law from another file is no dangling reference"
else
	pass "a law from another file is no dangling reference"
fi

printf '{"format": "htkp/1",\n "cases": [\n  {"id": "TST-UTF-1", "title": "Caf\xe9 owner", "country": "Testland"}]}\n' \
	>"$tmp/bad-utf8.json"
expect "invalid UTF-8: byte offset, line and column" 1 "-o $live $tmp/bad-utf8.json" \
	'bad-utf8.json: invalid UTF-8 at byte 68 (line 3, column 36)'

expect "empty file" 1 "-o $live $DATA/empty.json" \
	'empty.json: empty file'

expect "unreadable file: no such file" 1 "-o $live $tmp/no-such-file.json" \
	'no-such-file.json: cannot read: No such file or directory'

expect "unreadable file: a directory" 1 "-o $live $DATA" \
	"$DATA: cannot read: Is a directory"

expect "errors in several files are all reported" 1 \
	"-o $live $DATA/bad-date.json $DATA/empty.json $DATA/bad-year.json" \
	'bad-date.json: cases[0] "NGA-2019-002"' 'empty.json: empty file' \
	'bad-year.json: legislation[0] "TST-YEAR-LAW"'

expect "ids: no line break, control, format character or slash" 1 \
	"-o $live $DATA/bad-id.json" \
	'bad-id.json: cases[0] "TST-ID-1\x0aSECOND LINE": field "id": bad id "TST-ID-1\x0aSECOND LINE": it holds a line break' \
	'bad-id.json: cases[1] "TST/ID/2": field "id": bad id "TST/ID/2": it holds a slash' \
	'bad-id.json: cases[3] "TST-\u202eID-4": field "id": bad id "TST-\u202eID-4": it holds a character that does not print' \
	'bad-id.json: cases[4] "TST\x07ID-5": field "id": bad id "TST\x07ID-5": it holds a control character' \
	'bad-id.json: legislation[1] "TST\\LAW": field "id": bad id "TST\\LAW": it holds a slash'
lines_are 5 "ids: a trimmed tab and printable punctuation are fine"

expect "a member given again: said once, its value not checked again" 1 \
	"-o $live $DATA/dup-format.json" \
	'dup-format.json: field "format": unsupported format "htkp/3" (want "htkp/2" or "htkp/1")' \
	'dup-format.json: field "format": given twice' \
	'dup-format.json: field "cases": given twice'
lines_are 3 "a member given three times: one line per mistake"

# --- size limits: 1 MiB for a string or number, 8 MiB for a record -------

# big_json FILE SIZE [FIELD]: a legislation record whose FIELD (default
# summary) is SIZE bytes of "x".
big_json() {
	"$PY" - "$1" "$2" "${3:-summary}" <<'PYEOF'
import json, sys
path, size, field = sys.argv[1], int(sys.argv[2]), sys.argv[3]
law = {"id": "TST-BIG-1", "title": "Big", "country": "Testland"}
law[field] = "x" * size
json.dump({"format": "htkp/1", "legislation": [law]}, open(path, "w"))
PYEOF
}

if [ -z "$PY" ]; then
	skip "size limits" "no python3"
else
	big_json "$tmp/limit.json" 1048576
	run --check "$tmp/limit.json"
	if [ "$rc" = 0 ]; then pass "a text of exactly 1 MiB is accepted"; else
		fail "a text of exactly 1 MiB is accepted" "exit status $rc"
	fi
	big_json "$tmp/over.json" 1048577
	expect "a text over 1 MiB: file, record, field and both sizes" 1 "-o $live $tmp/over.json" \
		'over.json: legislation[0] "TST-BIG-1": field "summary": text is 1048577 bytes; the limit is 1048576'

	# Escapes count as what they stand for: \u00e9 is 2 bytes, a pair 4.
	"$PY" - "$tmp/escaped.json" <<'PYEOF'
import sys
pub = '{"id": "\\ud83d\\ude00 TST-ESC", "title": "t", "abstract": "%s"}'
open(sys.argv[1], "w").write('{"format": "htkp/1", "bibliography": [%s, %s]}' % (
    pub % ("\\u00e9" * 524288), pub.replace("TST-ESC", "TST-ESC-2") % ("\\ud83d\\ude00" * 262144 + "x")))
PYEOF
	expect "escapes count as the bytes they stand for" 1 "--check $tmp/escaped.json" \
		'escaped.json: bibliography[1] "'"$(printf '\360\237\230\200')"' TST-ESC-2": field "abstract": text is 1048577 bytes'
	lines_are 1 "a text of 1 MiB in escapes is accepted"

	"$PY" - "$tmp/sizes.json" <<'PYEOF'
import sys
big = "1" * 1048577
open(sys.argv[1], "w").write(
    '{"format": "htkp/1", "cases": [{"title": "t", "country": "c",'
    ' "proceedings": [{"court": "c"}, {"court": "%s"}], "id": "TST-SIZE-1"}],'
    ' "legislation": [{"id": "TST-SIZE-2", "title": "t", "country": "c", "year": %s}],'
    ' "%s": 1}' % ("y" * 1048577, big, "k" * 1048577))
PYEOF
	expect "too big: nested text, a number, a member name" 1 "-o $live $tmp/sizes.json" \
		'sizes.json: cases[0] "TST-SIZE-1": field "proceedings[1].court": text is 1048577 bytes; the limit is 1048576' \
		'sizes.json: legislation[0] "TST-SIZE-2": field "year": a number is 1048577 bytes; the limit is 1048576' \
		'sizes.json: a member name is 1048577 bytes; the limit is 1048576'

	"$PY" - "$tmp/record.json" <<'PYEOF'
import json, sys
case = {"id": "TST-REC-1", "title": "t", "country": "c", "acts": ["abcdef"] * 1000000}
json.dump({"format": "htkp/1", "cases": [{"id": "TST-REC-0", "title": "t", "country": "c"}, case]},
          open(sys.argv[1], "w"))
PYEOF
	expect "a record over 8 MiB, even of small values" 1 "-o $live $tmp/record.json" \
		'record.json: cases[1] "TST-REC-1": the record is 10000059 bytes; the limit is 8388608'

	# Refused before SQLite copies it: peak memory near the file's size
	# (it was 11 times the file's size).
	big_json "$tmp/huge.json" $((20 << 20))
	got=$("$PY" - "$IMPORT" "$live" "$tmp/huge.json" <<'PYEOF' 2>"$tmp/err"
import resource, subprocess, sys
imp, live, path = sys.argv[1:]
with open("/dev/null", "w") as null:
    rc = subprocess.run([imp, "-o", live, path], stdout=null, stderr=null).returncode
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PYEOF
	)
	rc=${got% *} mb=${got#* }
	cmp -s "$live" "$tmp/live.orig" || { rc="$rc (the live database changed)"; make_live; }
	if [ "$rc" = 1 ] && [ "$mb" -lt 60 ]; then
		pass "a 20 MB text is refused with a peak of $mb MB"
	else
		fail "a 20 MB text is refused in under 60 MB" "exit status $rc, peak $mb MB"
	fi
	rm -f "$tmp"/*.json
fi

# no_room DESC LIMIT_KB LINE ARGS...: runs the importer (ARGS its options,
# or a whole command when the first is not an option) under ulimit -f
# LIMIT_KB and checks it failed with LINE as its only line on stderr.
no_room() {
	local desc=$1 limit=$2 line=$3
	shift 3
	(
		ulimit -f "$limit"
		case $1 in -*) set -- "$IMPORT" "$@" ;; esac
		exec "$@" >"$tmp/out" 2>"$tmp/err"
	)
	rc=$?
	local why nlines lines
	why=$(problems 1 "$line")
	cmp -s "$live" "$tmp/live.orig" || cp "$tmp/live.orig" "$live"
	nlines=$(wc -l <"$tmp/err")
	[ "$nlines" = 1 ] || why="$why${why:+
}$nlines lines on stderr, want 1"
	if [ -z "$why" ]; then pass "$desc"; else
		mapfile -t lines <<<"$why"
		fail "$desc" "${lines[@]}"
	fi
}

# A file size limit makes every write past it fail with EFBIG (SIGXFSZ
# ignored). Whatever write hits it, the line says "File too large" and
# names the file: one early (SQLite's temporary file of staged records
# passes 100 KB first), one as the load commits (SQLite's clean-up has
# replaced errno by then), one in temporary storage on a larger file.
no_room "no room to write: one line, temp file removed" 100 \
	"htkp-import: no room to write temporary storage: File too large" -o "$live" "$SEED"
seed_kb=$(($(wc -c <"$tmp/seed.db") / 1024))
no_room "file size limit as the load commits: File too large" $((seed_kb - 8)) \
	"htkp-import: no room to write $live: File too large" -o "$live" "$SEED"
if [ -n "$PY" ]; then
	"$PY" - "$tmp/many.json" <<'PYEOF'
import json, sys
laws = [{"id": "TST-MANY-%d" % i, "title": "Law %d" % i, "country": "Testland",
         "summary": "word " * 100} for i in range(8000)]
json.dump({"format": "htkp/1", "legislation": laws}, open(sys.argv[1], "w"))
PYEOF
	no_room "file size limit in temporary storage: File too large" 1024 \
		"htkp-import: no room to write temporary storage: File too large" \
		-o "$live" "$tmp/many.json"
	# A full $TMPDIR (a small tmpfs in a private mount namespace): SQLite
	# says only SQLITE_FULL, no errno; the line must name temporary
	# storage, not the new file, which had room. 1 MB fills while the
	# records are staged, 6 MB while they are loaded. (Later, where the
	# indexing thread and the facets share it, what fills it first
	# depends on which thread is ahead: no size fails there every time.)
	if unshare -m true 2>/dev/null; then
		mkdir -p "$tmp/small"
		for size in 1m 6m; do
			no_room "a full TMPDIR ($size) is said to be temporary storage" unlimited \
				"htkp-import: no room to write temporary storage: No space left on device" \
				unshare -m sh -c 'mount -t tmpfs -o size="$1" none "$2" &&
					TMPDIR=$2 exec "$3" -o "$4" "$5"' sh "$size" "$tmp/small" \
				"$IMPORT" "$live" "$tmp/many.json"
		done
	else
		not_ok "unshare -m works here (a full TMPDIR needs a private tmpfs: root)"
	fi
	rm -f "$tmp/many.json"
fi

# --- the output file: a symbolic link, a directory ---------------------------

ln -s htkp.db "$tmp/live/link.db"
expect "-o a symbolic link: refused in one line, link and file untouched" 1 \
	"-o $tmp/live/link.db $DATA/good.json" \
	"htkp-import: $tmp/live/link.db is a symbolic link: give the file it points to, or another name"
if [ -L "$tmp/live/link.db" ] && [ "$(grep -c . "$tmp/err")" = 1 ]; then
	pass "-o a symbolic link: still a link, one line"
else
	fail "-o a symbolic link: still a link, one line"
fi
rm -f "$tmp/live/link.db"
mkdir "$tmp/live/dir.db"
expect "-o a directory: refused before any work" 1 "-o $tmp/live/dir.db $DATA/good.json" \
	"htkp-import: $tmp/live/dir.db is not a regular file"
rmdir "$tmp/live/dir.db"

# --- two imports at once; a killed import ------------------------------------

# wait_until SECONDS CMD...: polls CMD until it succeeds; 1 on time-out.
wait_until() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.05
	done
}
tmp_count() {
	local left=("$tmp"/live/htkp.db.tmp-*)
	[ -e "${left[0]}" ] && echo "${#left[@]}" || echo 0
}
has_tmp() { [ "$(tmp_count)" -ge 1 ]; }

# A's input is a pipe, so it holds the lock, its temporary file made,
# until the test writes to it.
mkfifo "$tmp/pipe.json"
"$IMPORT" -o "$live" "$tmp/pipe.json" >"$tmp/a.out" 2>"$tmp/a.err" &
a=$!
wait_until 10 has_tmp
"$IMPORT" -o "$live" "$DATA/good.json" "$DATA/more.json" >"$tmp/b.out" 2>"$tmp/b.err" &
b=$!
wait_until 10 grep -q waiting "$tmp/b.err"
waited=$(cat "$tmp/b.err") during=$(tmp_count)
timeout 10 sh -c 'cat "$1" >"$2"' - "$DATA/good.json" "$tmp/pipe.json"
wait "$a"
arc=$?
wait "$b"
brc=$?
cp "$tmp/b.err" "$tmp/err"
if [ "$waited" = "htkp-import: waiting for another import into $tmp/live to finish" ] &&
	[ "$during" = 1 ] && [ "$arc" = 0 ] && [ "$brc" = 0 ] &&
	grep -q "3 cases, 3 legislation" "$tmp/b.out" && [ "$(tmp_count)" = 0 ] &&
	{ [ -z "$PY" ] || [ "$(query "$live" "SELECT count(*) FROM cases")" = 3 ]; }; then
	pass "two imports at once: the second waits, says so in one line, and comes last"
else
	fail "two imports at once: the second waits, says so in one line, and comes last" \
		"second import's stderr: '$waited'" "temporary files while it waited: $during" \
		"exit statuses $arc and $brc" "its stdout: $(cat "$tmp/b.out")"
fi
make_live

# A killed import leaves its temporary file; the next one into the same
# place removes it, and only it.
"$IMPORT" -o "$live" "$tmp/pipe.json" >/dev/null 2>&1 &
a=$!
wait_until 10 has_tmp
{ kill -9 "$a"; wait "$a"; } 2>/dev/null
stale=$(cd "$tmp/live" && echo htkp.db.tmp-*)
for f in other.db.tmp-abc123 htkp.db.tmp-abc12 htkp.db.tmp-abc1234 htkp.db.tmpXabc123; do
	: >"$tmp/live/$f"
done
ln -s htkp.db "$tmp/live/htkp.db.tmp-link00"
ls -A "$tmp/live" | grep -v "^$stale\$" | sort >"$tmp/others"
run -o "$live" "$DATA/good.json"
ls -A "$tmp/live" | sort >"$tmp/after"
if [ "$rc" = 0 ] && [ "$stale" != 'htkp.db.tmp-*' ] &&
	[ "$(cat "$tmp/err")" = "htkp-import: removed $stale, left by an import that was killed" ] &&
	cmp -s "$tmp/others" "$tmp/after"; then
	pass "a killed import's temporary file is removed by the next import, nothing else"
else
	fail "a killed import's temporary file is removed by the next import, nothing else" \
		"exit status $rc" "stale file: $stale" "left: $(tr '\n' ' ' <"$tmp/after")"
fi
rm -f "$tmp/live/"*tmp* "$tmp/pipe.json"
make_live

# --- usage -----------------------------------------------------------------

expect "usage: no -o" 2 "$DATA/good.json" "usage: htkp-import"
expect "usage: no input file" 2 "-o $live" "usage: htkp-import"
expect "usage: unknown option" 2 "--frobnicate -o $live $DATA/good.json" \
	"unknown option --frobnicate" "usage: htkp-import"

run --version
if [ "$rc" = 0 ] && [ "$(cat "$tmp/out")" = "htkp-import 0.1" ]; then
	pass "--version"
else
	fail "--version" "exit status $rc"
fi

run --help
if [ "$rc" = 0 ] && grep -q '^usage: htkp-import' "$tmp/out"; then
	pass "--help"
else
	fail "--help" "exit status $rc"
fi

# --- a reader of the old file ------------------------------------------------

if [ -z "$PY" ]; then
	skip "a reader keeps the old file until it reopens" "no python3 with sqlite3"
else
	got=$("$PY" - "$live" "$IMPORT" -o "$live" "$DATA/good.json" "$DATA/more.json" <<'EOF' 2>"$tmp/err"
import sqlite3, subprocess, sys
db, cmd = sys.argv[1], sys.argv[2:]
count = "SELECT count(*) FROM cases"
old = sqlite3.connect(db, isolation_level=None)
old.execute("BEGIN")
before = old.execute(count).fetchone()[0]
rc = subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode
during = old.execute(count).fetchone()[0]
old.execute("COMMIT")
after = old.execute(count).fetchone()[0]
old.close()
reopened = sqlite3.connect(db).execute(count).fetchone()[0]
print(before, rc, during, after, reopened)
EOF
	)
	if [ "$got" = "2 0 2 2 3" ]; then
		pass "a reader keeps the old file until it reopens"
	else
		fail "a reader keeps the old file until it reopens" \
			"got '$got' (before, exit, in the transaction, after it, reopened)" \
			"want '2 0 2 2 3'"
	fi
fi

# --- sqlite3_column_text() out of memory -----------------------------------
# A preloaded sqlite3_column_text() returns NULL at its Nth call, as SQLite
# does when it runs out of memory. Whichever call it is, the check must
# still fail (never pass unchecked data, never crash) and either report the
# file's mistakes or say "out of memory" in one line.
CC=${CC:-cc}
cat >"$tmp/nullcol.c" <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
typedef const unsigned char *(*column_text_fn)(void *, int);
static long calls, fail_at = -1;
const unsigned char *sqlite3_column_text(void *st, int i)
{
	static column_text_fn real;
	if (!real) {
		real = (column_text_fn)dlsym(RTLD_NEXT, "sqlite3_column_text");
		fail_at = atol(getenv("NULLCOL_AT") ? getenv("NULLCOL_AT") : "-1");
	}
	return ++calls == fail_at ? NULL : real(st, i);
}
__attribute__((destructor)) static void count(void)
{
	if (getenv("NULLCOL_COUNT"))
		fprintf(stderr, "nullcol calls: %ld\n", calls);
}
EOF
if ! "$CC" -shared -fPIC -o "$tmp/nullcol.so" "$tmp/nullcol.c" -ldl 2>"$tmp/err"; then
	skip "out of memory in sqlite3_column_text: said, never unchecked" "cannot build a preload library"
else
	preload() {
		env LD_PRELOAD="$tmp/nullcol.so" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
			"$@" "$IMPORT" --check "$DATA/bad-outcome.json" >"$tmp/out" 2>"$tmp/err"
	}
	preload env NULLCOL_COUNT=1
	calls=$(sed -n 's/^nullcol calls: //p' "$tmp/err")
	bad=
	for n in $(seq 1 "${calls:-0}"); do
		preload env NULLCOL_AT="$n"
		rc=$?
		oom=$(grep -c 'out of memory' "$tmp/err")
		if [ "$rc" != 1 ]; then
			bad="call $n: exit status $rc, want 1"
		elif [ "$oom" -gt 1 ]; then
			bad="call $n: $oom lines say out of memory, want one"
		elif [ "$oom" = 0 ] && ! { grep -q 'bad outcome "guilty"' "$tmp/err" &&
			grep -q 'bad method "survey"' "$tmp/err"; }; then
			bad="call $n: neither both mistakes nor out of memory reported"
		fi
		[ -z "$bad" ] || break
	done
	if [ -z "${calls:-}" ] || [ "$calls" -lt 10 ]; then
		fail "out of memory in sqlite3_column_text: said, never unchecked" \
			"the preload library saw ${calls:-no} calls"
	elif [ -n "$bad" ]; then
		fail "out of memory in sqlite3_column_text: said, never unchecked" "$bad"
	else
		pass "out of memory in sqlite3_column_text at each of $calls calls: said, never unchecked"
	fi
fi

echo "1..$count"
exit "$failed"
