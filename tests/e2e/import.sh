#!/usr/bin/env bash
# End-to-end tests of htkp-import: the seed imports, every kind of bad input
# fails with a line naming file, record and field while the live database
# stays byte-for-byte the same, and a reader holding the old file open is
# never disturbed. Run from the repository root; prints "ok - ..." or
# "not ok - ..." per check and exits 1 if any failed.
#   HTKP_IMPORT  the binary (default ./htkp-import)
set -u

IMPORT=${HTKP_IMPORT:-./htkp-import}
DATA=tests/data/import
SEED=db/seed/sample.json

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

failed=0
count=0

# The python3 with the standard sqlite3 module, for reading databases.
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import sqlite3' 2>/dev/null; then
		PY=$p
		break
	fi
done

pass() { count=$((count + 1)); echo "ok - $1"; }
fail() {
	count=$((count + 1))
	failed=1
	echo "not ok - $1"
	shift
	for why in "$@"; do echo "#   $why"; done
	sed 's/^/#   stderr: /' "$tmp/err" 2>/dev/null | head -20
}
skip() { count=$((count + 1)); echo "ok - $1 # SKIP $2"; }

# run ARGS...: runs the importer; sets $rc, output in $tmp/out and $tmp/err.
run() {
	"$IMPORT" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# A live database from good.json, and a copy to compare it with.
live=$tmp/live/htkp.db
make_live() {
	rm -rf "$tmp/live"
	mkdir -p "$tmp/live"
	"$IMPORT" -o "$live" "$DATA/good.json" >/dev/null 2>&1 &&
		cp "$live" "$tmp/live.orig"
}

# problems WANT_RC LINE...: what is wrong with the last run, given that it
# should have failed with WANT_RC, printed each LINE (a fixed string) on
# stderr, and left the live database untouched with no temporary file.
problems() {
	local want=$1 line
	shift
	[ "$rc" = "$want" ] || echo "exit status $rc, want $want"
	for line in "$@"; do
		grep -qF -- "$line" "$tmp/err" || echo "no line with: $line"
	done
	cmp -s "$live" "$tmp/live.orig" || echo "the live database changed"
	local left=("$tmp"/live/*.tmp-*)
	[ ! -e "${left[0]}" ] || echo "temporary file left: ${left[*]##*/}"
}

# expect DESC WANT_RC 'ARGS' LINE...: runs the importer with ARGS (split on
# spaces; -o names the live database) and checks it failed as described.
expect() {
	local desc=$1 want=$2 args=$3
	shift 3
	# shellcheck disable=SC2086
	run $args
	local why
	why=$(problems "$want" "$@")
	if [ -z "$why" ]; then pass "$desc"; else
		local lines=()
		mapfile -t lines <<<"$why"
		fail "$desc" "${lines[@]}"
	fi
}

# query DB SQL: prints the rows, fields joined by '|'.
query() {
	"$PY" - "$1" "$2" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2]):
    print('|'.join('' if v is None else str(v) for v in row))
EOF
}

if [ ! -x "$IMPORT" ]; then
	echo "not ok - $IMPORT is not an executable (set HTKP_IMPORT)"
	exit 1
fi

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
	want='46|33|38|46|33|38|htkp/1|46|2|delete'
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
Prosecutor v. Example|recruitment:0,harbouring:1|children=no,form=cross-border,victim_gender=female,victim_gender=male,year=2019|2|3|2|2|qualitative,review|1'
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
	'bad-format.json: field "format": unsupported format "htkp/2" (want "htkp/1")'

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

# A file size limit makes every write past it fail with EFBIG.
(
	ulimit -f 100
	exec "$IMPORT" -o "$live" "$SEED" >"$tmp/out" 2>"$tmp/err"
)
rc=$?
why=$(problems 1 "htkp-import: no room to write $live: File too large")
nlines=$(wc -l <"$tmp/err")
[ "$nlines" = 1 ] || why="$why${why:+
}$nlines lines on stderr, want 1"
if [ -z "$why" ]; then pass "no room to write: one line, temp file removed"; else
	mapfile -t lines <<<"$why"
	fail "no room to write: one line, temp file removed" "${lines[@]}"
fi

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
