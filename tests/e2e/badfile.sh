#!/bin/bash
# A hostile database file: views, triggers or tables htkp-import never
# writes are refused at open with one line and exit 2; a statement that
# runs forever (a recursive view) is stopped by [database] time_limit.
. tests/lib.sh

# plant FILE SQL...: a copy of the sample database with SQL run in it.
plant() {
	local out=$1
	shift
	cp db/htkp.db "$out"
	python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(sys.argv[2])
db.commit()' "$out" "$*"
}
forever="WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"
# refused FILE WHAT: htkp query exits 2 within 10 s, one line naming WHAT.
refused() {
	out=$(timeout 10 "$HTKP" -c config/htkp.ini --db "$1" query cases x 2>&1 </dev/null)
	rc=$?
	[ "$rc" -eq 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] &&
		printf '%s\n' "$out" | grep -qE "not the schema htkp-import writes \\($2\\)"
}

plant "$TMPDIR_TEST/view.db" "CREATE VIEW forever AS $forever;"
check "a planted view is refused: one line, exit 2" refused "$TMPDIR_TEST/view.db" 'unexpected view "forever"'

plant "$TMPDIR_TEST/swap.db" "DROP TABLE legislation;
	CREATE VIEW legislation AS SELECT n AS rowid, 'x' AS id, 'x' AS title,
	'x' AS country, 2000 AS year, '' AS summary, '' AS url FROM ($forever);"
check "a table swapped for a view is refused" refused "$TMPDIR_TEST/swap.db" '(missing|unexpected) [a-z]+ "[a-z_0-9]*legislation[a-z_0-9]*"'

plant "$TMPDIR_TEST/trigger.db" "CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END;"
check "a planted trigger is refused" refused "$TMPDIR_TEST/trigger.db" 'unexpected trigger "t"'

plant "$TMPDIR_TEST/table.db" "CREATE TABLE extra (x);"
check "an unknown table is refused" refused "$TMPDIR_TEST/table.db" 'unexpected table "extra"'

plant "$TMPDIR_TEST/index.db" "DROP INDEX facet_rec_by_rec; CREATE INDEX facet_rec_by_rec ON facet_rec (value_id);"
check "an index with other columns is refused" refused "$TMPDIR_TEST/index.db" 'index "facet_rec_by_rec" differs'

start 80x24 "$HTKP" -c config/htkp.ini --db "$TMPDIR_TEST/swap.db"
expect 'not the schema htkp-import writes' "the kiosk refuses it too, with the same line"
expect '^\[exited 2\]' "and exit status 2"

# The time limit, seen where the schema check cannot reach: a debug build
# that skips the check runs the swapped file's endless view.
nice make -s build/debug/htkp >/dev/null
cfg="$TMPDIR_TEST/limit.ini"
sed 's/^time_limit = .*/time_limit = 300/' config/htkp.ini >"$cfg"
t0=$(date +%s%N)
out=$(HTKP_DEBUG_TRUST_SCHEMA=1 timeout 20 build/debug/htkp -c "$cfg" --db "$TMPDIR_TEST/swap.db" \
	query legislation x 2>&1 </dev/null)
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
echo "# stopped after $ms ms: $out"
check "an endless statement is stopped: exit 2" test "$rc" -eq 2
check "within the time limit, not the 20 s timeout" test "$ms" -lt 5000
check "with one line saying it took too long" \
	bash -c "printf '%s\n' \"\$1\" | grep -q 'longer than 300 ms'" _ "$out"

finish
