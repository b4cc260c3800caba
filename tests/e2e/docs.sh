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
done <"$TMPDIR_TEST/keys"

check "README gives the two commands" \
	bash -c 'grep -q "^    make run " README.md && grep -q "^    make check " README.md'
check ".ci/run runs make check" grep -q '^make check$' .ci/run

# --- make install honours DESTDIR (PREFIX is /usr/local) ---
dest="$TMPDIR_TEST/dest"
make -s install DESTDIR="$dest" >/dev/null 2>&1
check "make install DESTDIR=... succeeds" test $? -eq 0
for f in bin/htkp bin/htkp-import etc/htkp.ini share/htkp/htkp.db \
	share/htkp/screens/welcome.txt share/htkp/screens/definition.txt \
	share/man/man1/htkp.1 share/man/man1/htkp-import.1 share/man/man5/htkp.ini.5; do
	check "make install puts $f under the prefix" test -s "$dest/usr/local/$f"
done
for lang in ar es fr ru zh; do
	for f in welcome definition help about linehelp; do
		check "make install puts screens/$lang/$f.txt beside the English" \
			test -s "$dest/usr/local/share/htkp/screens/$lang/$f.txt"
	done
done
check "the installed configuration points at the installed database and screens" \
	bash -c "grep -qx 'path = /usr/local/share/htkp/htkp.db' '$dest/usr/local/etc/htkp.ini' &&
		grep -qx 'screens = /usr/local/share/htkp/screens' '$dest/usr/local/etc/htkp.ini'"

finish
