#!/bin/bash
# The documentation agrees with the program: man pages are clean, and the
# configuration's keys and defaults are the ones htkp really has.
. tests/lib.sh

for page in man/*.[15]; do
	check "$page passes mandoc -T lint -W warning" \
		test -z "$(mandoc -T lint -W warning "$page" 2>&1)"
done

"$HTKP" --print-config | sed -n 's/^\([a-z_]*\) = \(.*\)$/\1 \2/p' >"$TMPDIR_TEST/keys"
check "htkp --print-config lists keys" test -s "$TMPDIR_TEST/keys"
while read -r key def; do
	check "htkp.ini(5) documents $key with default $def" \
		grep -Pzq "\\.B $key\\n\\(default\\n\\.IR \\Q$def\\E \\)" man/htkp.ini.5
	check "README or htkp.ini(5) mention $key" grep -q "$key" config/htkp.ini
done <"$TMPDIR_TEST/keys"

check "README gives the two commands" \
	bash -c 'grep -q "^    make run " README.md && grep -q "^    make check " README.md'
check ".ci/run runs make check" grep -q '^make check$' .ci/run

finish
