#!/bin/bash
# Near misses find something, in the kiosk and in `htkp query`: a word
# with nothing to match is retried as a prefix (Lithuania finds
# Lithuanian), a
# possessive finds the word (France's), a spelling finds the other one
# (labor, labour), words that find nothing together show the records with
# all but one, and a record id finds its record. The list says what it
# shows instead of the words as typed; an exact search says nothing more.
. tests/lib.sh

# search WORDS: a new search from the result list or the database screen.
search() { keys / && keys -l "$1" && keys Enter; }

kiosk 80x24
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null

# No case says Lithuania; one says Lithuanian.
search Lithuania
expect '^ No exact match; showing Lithuania\*\. Results 1-1 of 1' \
	"Lithuania: retried as Lithuania*, and the list says so"
expect 'R v Maka' "Lithuania: finds the case of the Lithuanian girl"
keys Enter
expect 'Lithuanian girl' "Lithuania: Enter opens the case (13 keys from the home menu)"
keys Escape
wait_for 'Results 1-1 of 1' >/dev/null

search "France's"
expect '^ Results 1-2 of 2, by relevance' "France's: finds France, with no note"
expect 'C\.N\. and V\. v\. France' "France's: both cases against France"

search labor
expect '^ Results 1-[0-9]+ of 22, by relevance' "labor: finds the 22 cases that say labour"

search 'France servitude Nigeria'
expect '^ None has all 3 words; without Nigeria\. Results 1-2 of 2' \
	"three words with nothing in common: the cases with two, naming the word left out"

search nga-2004-001
expect '^ The case with id nga-2004-001\. Results 1-1 of 1' "an id in small letters: its case"
expect 'Attorney-General of the Federation' "the id's case is the one listed"

search siliadin
expect '^ Results 1-1 of 1, by relevance' "an exact search: no note"

# --- the same from the command line ---
OUT=$TMPDIR_TEST/out ERR=$TMPDIR_TEST/err
q() {
	"$HTKP" -c config/htkp.ini "$@" >"$OUT" 2>"$ERR" </dev/null
	rc=$?
}
q query cases Lithuania
check "htkp query Lithuania: exit 0, the case, the note on stderr" \
	test "$rc" -eq 0 -a "$(cut -f1 "$OUT")" = GBR-2005-001 \
	-a "$(head -1 "$ERR")" = "htkp: No exact match; showing Lithuania*"
q query cases "France's"
check "htkp query France's: both cases" test "$rc" -eq 0 -a "$(wc -l <"$OUT")" -eq 2
q query legislation labor
check "htkp query legislation labor: the 13 laws that say labour and the one that says labor" \
	test "$(tail -1 "$ERR")" = "Results 1-14 of 14"
q query cases France servitude Nigeria
check "htkp query with three words: the two cases and the word left out" \
	test "$(wc -l <"$OUT")" -eq 2 -a "$(head -1 "$ERR")" = \
	"htkp: None has all 3 words; without Nigeria"
q query cases NGA-2004-001
check "htkp query NGA-2004-001: that case alone" \
	test "$(cut -f1 "$OUT")" = NGA-2004-001 -a "$rc" -eq 0
q query cases zzzqqxx
check "htkp query with nothing near: exit 1, no note" \
	test "$rc" -eq 1 -a "$(cat "$ERR")" = "No cases match."

finish
