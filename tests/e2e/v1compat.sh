#!/bin/bash
# htkp/1 files keep importing unchanged, and every field of every record
# shows in the record view under its portal label: the old sample, the
# import tests' good files and the Unicode file, imported by today's
# htkp-import, checked field by field (tests/compat/v1_fields.py).
. tests/lib.sh

FILES=(tests/data/sample-v1.json tests/data/import/good.json
	tests/data/import/more.json tests/data/unicode.json)
for f in "${FILES[@]}"; do
	db="$TMPDIR_TEST/$(basename "$f" .json).db"
	check "$f imports as it is" "$HTKP_IMPORT" -o "$db" "$f"
	python3 tests/compat/v1_fields.py "$HTKP" "$db" "$f" || FAILED=1
done
# The check above must be able to fail: a field taken out of the view.
db="$TMPDIR_TEST/good.db"
sqlite3 "$db" "UPDATE cases SET sentence = NULL"
if python3 tests/compat/v1_fields.py "$HTKP" "$db" tests/data/import/good.json >/dev/null 2>&1; then
	not_ok "the field-by-field check notices a missing field"
else
	ok "the field-by-field check notices a missing field"
fi
finish
