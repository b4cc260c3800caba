#!/bin/bash
# htkp/1 files keep importing unchanged, and every field of every record
# shows in the record view under its portal label: the old sample and the
# import tests' good files (more.json cites good.json's laws: one import),
# imported by today's htkp-import, checked field by field
# (tests/compat/v1_fields.py). The Unicode and hostile files are left to
# unicode.sh and hostile.sh: what they hold is cleaned on the way out.
. tests/lib.sh

for set in tests/data/sample-v1.json \
	"tests/data/import/good.json tests/data/import/more.json"; do
	read -ra files <<<"$set"
	db="$TMPDIR_TEST/$(basename "${files[0]}" .json).db"
	check "$set imports as it is" "$HTKP_IMPORT" -o "$db" "${files[@]}"
	python3 tests/compat/v1_fields.py "$HTKP" "$db" "${files[@]}" || FAILED=1
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
