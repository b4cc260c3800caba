#!/usr/bin/env bash
# htkp-import's second input form, JSON Lines (a file named *.jsonl): the
# same records give the same database as in one JSON document; a bad line
# is named by its number and leaves the live database as it was; and a
# file is read as a stream, in either form, its peak memory well under
# its own size. Run from the repository root; prints "ok - ..." or
# "not ok - ..." per check and exits 1 if any failed.
#   HTKP_IMPORT  the binary (default ./htkp-import)
set -u

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
. tests/lib_import.sh
if ! "$PY" -c 'import sqlite3' 2>/dev/null; then
	echo "not ok - $PY with its sqlite3 module is needed"
	exit 1
fi

# to_lines DOC LINES: the records of the JSON document DOC as JSON Lines.
to_lines() {
	"$PY" - "$1" "$2" <<'PYEOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(json.dumps({"format": doc["format"]}) + "\n")
    for db in ("bibliography", "legislation", "cases"):
        for rec in doc.get(db, []):
            out.write(json.dumps({db: rec}, ensure_ascii=False) + "\n")
PYEOF
}

# rows DB: every row of every table (meta without the import's time and
# file names), and what a few searches of the full-text indexes find.
rows() {
	"$PY" - "$1" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                        " AND name NOT LIKE '%fts%' AND name <> 'meta' ORDER BY name"):
    for row in sorted(con.execute("SELECT * FROM %s" % t), key=repr):
        print(t, row)
for row in con.execute("SELECT * FROM meta WHERE key NOT IN ('imported_at', 'sources')"
                       " ORDER BY key"):
    print("meta", row)
for fts in ("cases_fts", "legislation_fts", "bibliography_fts"):
    for word in ("trafficking", "forced", "labour", "court"):
        print(fts, word, [r for (r,) in con.execute(
            "SELECT rowid FROM %s WHERE %s MATCH ? ORDER BY rank" % (fts, fts), (word,))])
PYEOF
}

same_rows() {
	local desc=$1 doc=$2 lines=$3
	run -o "$tmp/doc.db" "$doc"
	local rc_doc=$rc
	run -o "$tmp/lines.db" "$lines"
	if [ "$rc_doc" = 0 ] && [ "$rc" = 0 ] && rows "$tmp/doc.db" >"$tmp/doc.rows" &&
		rows "$tmp/lines.db" >"$tmp/lines.rows" && [ -s "$tmp/doc.rows" ] &&
		cmp -s "$tmp/doc.rows" "$tmp/lines.rows"; then
		pass "$desc"
	else
		fail "$desc" "exit status $rc_doc (document), $rc (lines)" \
			"$(diff "$tmp/doc.rows" "$tmp/lines.rows" 2>&1 | head -5)"
	fi
}

# --- the same records, the same database --------------------------------

to_lines db/seed/sample.json "$tmp/sample.jsonl"
same_rows "htkp/2 as JSON Lines: the same rows as the document" \
	db/seed/sample.json "$tmp/sample.jsonl"
to_lines tests/data/sample-v1.json "$tmp/sample-v1.jsonl"
same_rows "htkp/1 as JSON Lines: the same rows as the document" \
	tests/data/sample-v1.json "$tmp/sample-v1.jsonl"

# --- bad lines: named by number, the live database kept ------------------

live=$tmp/live/htkp.db
mkdir -p "$tmp/live"
"$IMPORT" -o "$live" "$tmp/sample.jsonl" >/dev/null 2>&1 && cp "$live" "$tmp/live.orig"

cat >"$tmp/bad.jsonl" <<'EOF'
{"format": "htkp/1"}
{"cases": {"id": "TST-L-1", "title": "One", "country": "Testland"}}

{"cases": {"id": "TST-L-2", "title": "Two", "country": "Testland", "decision_date": "2019-13-01"}}
{"cases": {"id": "TST-L-3", "title": "Three", "country": "Testland"}, "legislation": {"id": "X"}}
{"cases": {"id": "TST-L-1", "title": "One again", "country": "Testland"}}
{"bibliography": {"id": "TST-L-B", "year": 20105}}
EOF
expect "a bad record: its line, database and id" 1 "-o $live $tmp/bad.jsonl" \
	'bad.jsonl:4: cases "TST-L-2": field "decision_date": bad date "2019-13-01"' \
	'bad.jsonl:5: want one record a line' \
	'bad.jsonl:6: cases "TST-L-1": field "id": duplicate id "TST-L-1" (first used by cases at '"$tmp"'/bad.jsonl:2)' \
	'bad.jsonl:7: bibliography "TST-L-B": field "title": missing required field' \
	'bad.jsonl:7: bibliography "TST-L-B": field "year": bad year 20105'
lines_are 5 "each bad line said once"

printf '{"format": "htkp/1"}\n{"cases": {"id": "TST-L-1", "title": "One",\n "country": "Testland"}}\n' \
	>"$tmp/split.jsonl"
expect "a record cut over two lines: not JSON, at its line" 1 "-o $live $tmp/split.jsonl" \
	'split.jsonl: not JSON: unexpected end of line at line 2, column 44'

printf '{"cases": {"id": "TST-L-1", "title": "One", "country": "Testland"}}\n' >"$tmp/nohead.jsonl"
expect "no first line with the format" 1 "-o $live $tmp/nohead.jsonl" \
	'nohead.jsonl: field "cases": a record in the first line' \
	'nohead.jsonl: field "format": missing format tag'

"$PY" -c 'import sys; print("{\"format\": \"htkp/1\"}\n{\"legislation\": {\"id\": \"TST-L-BIG\", \"title\": \"t\", \"country\": \"c\", \"summary\": \"%s\"}}" % ("x" * 1048577))' >"$tmp/over.jsonl"
expect "sizes are checked line by line too" 1 "-o $live $tmp/over.jsonl" \
	'over.jsonl:2: legislation "TST-L-BIG": field "summary": text is 1048577 bytes; the limit is 1048576'

# --- read as a stream -----------------------------------------------------

# peak FILE: htkp-import --check FILE's exit status and peak RSS in KB.
peak() {
	"$PY" - "$IMPORT" "$1" <<'PYEOF'
import resource, subprocess, sys
rc = subprocess.run([sys.argv[1], "--check", sys.argv[2]], stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL).returncode
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PYEOF
}
"$PY" bench/gen.py --cases 10000 --seed 3 -o "$tmp/gen.json"
to_lines "$tmp/gen.json" "$tmp/gen.jsonl"
for form in json jsonl; do
	f=$tmp/gen.$form
	kb=$(($(wc -c <"$f") / 1024))
	got=$(peak "$f")
	rc=${got% *} rss=${got#* }
	if [ "$rc" = 0 ] && [ "$rss" -lt $((kb * 3 / 4)) ]; then
		pass "a $((kb / 1024)) MB file ($form) is checked in $((rss / 1024)) MB"
	else
		fail "a $((kb / 1024)) MB file ($form) is checked in under 3/4 of its size" \
			"exit status $rc, peak $((rss / 1024)) MB"
	fi
	rm -f "$f"
done

echo "1..$count"
exit $failed
