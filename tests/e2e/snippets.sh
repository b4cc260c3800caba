#!/bin/bash
# Snippets that read: the line under a result comes from one field of the
# record (the main text first), is named when it is another field, and
# marks words found next to each other as one run.
. tests/lib.sh

search() {
	keys /
	keys -l "$1"
	keys Enter
	wait_for "^ Search: $2" >/dev/null
	wait_for '^ Results 1-' >/dev/null
}
# run_line REGEX: the screen line holding REGEX, with its attributes.
run_line() { t capture-pane -p -e -t k | grep -a -- "$1" | head -1; }

kiosk 80x24
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null

search Togolese Togolese
expect '^    A Togolese girl aged fifteen' \
	"the snippet is the fact summary's own text, not the end of another field run into it"
check "nothing of the field before it (the sentence's costs and expenses)" screen_lacks_now 'expenses A Togolese'

# The keyword in the Protocol's words: no fact summary says it.
search '"forced labour or services"' '"forced labour or services"'
expect '^    Purpose of exploitation: Forced labour or services' \
	"a match found only among the keywords is named by its field"

search 'forced labour' 'forced labour'
line=$(run_line '\.\.\.situation amounted')
check "two words found side by side are highlighted (bold) as one run" \
	grep -qE $'\e\\[([0-9;]*;)?1mforced labour\e' <<<"$line"
check "... and the text before them is not" grep -q 'trafficking for ' <<<"$line"

search fishing fishing
expect '^    \.\.\.and half-brothers, for hazardous fishing work' \
	"a match inside the text starts the snippet at a word, marked as cut"
finish
