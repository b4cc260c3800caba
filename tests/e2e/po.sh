#!/bin/bash
# The translations are complete and current: po/htkp.pot holds every
# string marked in the kiosk's sources today, and every po/LANG.po
# translates every one of them, none fuzzy, with formats (%s, %d) that
# match (msgfmt --check), and with the plural forms of its language.
# Run from the repository root (tests/run.sh does).
. tests/lib.sh

linguas=$(sed -n 's/^LINGUAS *= *//p' Makefile)
check "the Makefile names the five translated languages" \
	test "$linguas" = "ar es fr ru zh"

# The template made afresh from the sources, as make pot would.
flags=$(make -s -f Makefile -f - print-xgettext-flags <<'MK'
print-xgettext-flags:
	@echo $(XGETTEXT_FLAGS)
MK
)
srcs=$(ls src/common/*.c src/query/*.c src/store/*.c src/ui/*.c src/line/*.c src/cli/*.c | sort)
# shellcheck disable=SC2086
xgettext $flags -o "$TMPDIR_TEST/fresh.pot" $srcs
strip_pot() { sed -e '/^"POT-Creation-Date:/d' -e '/^#/d' "$1"; }
check "po/htkp.pot is current (make pot)" \
	diff <(strip_pot po/htkp.pot) <(strip_pot "$TMPDIR_TEST/fresh.pot")
n=$(msgcat --no-wrap "$TMPDIR_TEST/fresh.pot" | grep -c '^msgid ')
check "the template has the kiosk's strings ($((n - 1)))" test "$n" -gt 300

declare -A plurals=([ar]=6 [es]=2 [fr]=2 [ru]=3 [zh]=1)
for l in $linguas; do
	po=po/$l.po
	stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
	echo "# $l: $stats"
	check "$l: msgfmt --check accepts it" msgfmt --check -o /dev/null "$po"
	check "$l: every message translated, none fuzzy" \
		bash -c "[[ '$stats' =~ ^[0-9]+\ translated\ messages\.$ ]]"
	check "$l: translates every string of the sources" \
		msgcmp "$po" "$TMPDIR_TEST/fresh.pot"
	check "$l: Language: $l" grep -q "^\"Language: $l\\\\n\"" "$po"
	check "$l: ${plurals[$l]} plural forms" \
		grep -q "^\"Plural-Forms: nplurals=${plurals[$l]};" "$po"
	check "$l: no obsolete entries left (#~)" bash -c "! grep -q '^#~' '$po'"
done
finish
