#!/bin/bash
# The kiosk in each of the six languages, with the shipped catalogues
# (po/, compiled by make into build/locale) and screens (screens/LANG/):
# at 80x24 and at 40x12, the home menu, a result list, a full case brief
# read to its end and the help screen, each in that language, with no line
# wider than the screen and the back and help hints on the bottom line.
# What each screen should say is asked of the same catalogues with
# gettext(1), so the test follows the translations rather than copying
# them.
. tests/lib.sh

DB=$TMPDIR_TEST/brief.db
"$HTKP_IMPORT" -o "$DB" tests/data/v2-brief.json >/dev/null 2>&1 ||
	{ not_ok "the brief test file imports"; finish; }
CFG=$(with translations=build/locale idle_timeout=0)

# tr_ LANG MSGID: MSGID in LANG, from the catalogue the kiosk reads.
tr_() { LANGUAGE=$1 LC_ALL=C.UTF-8 TEXTDOMAINDIR=build/locale gettext -d htkp -- "$2"; }

has() { screen | grep -qF -- "$1"; }
# shows TEXT: waits until the screen shows TEXT (as it is, no regex).
shows() {
	poll "${2:-5}" has "$1" && return 0
	screen | sed 's/^/# /'
	return 1
}
has_either() { has "$1" || has "$2"; }
bottom_has() { screen | tail -1 | grep -qF -- "$1"; }
# hints_ok LANG: the bottom line offers back and help in LANG.
hints_ok() { bottom_has "$(tr_ "$1" back)" && bottom_has "$(tr_ "$1" help)"; }
fits() { no_line_longer_than "$1"; }

# read_to_end WIDTH FILE: pages down the open record to its end, every
# screen appended to FILE, failing when a line is wider than WIDTH.
read_to_end() {
	local prev='' s i
	: >"$2"
	for i in $(seq 1 40); do
		s=$(screen)
		[ "$s" = "$prev" ] && return 0
		fits "$1" || return 1
		printf '%s\n' "$s" >>"$2"
		prev=$s
		keys NPage
		poll 2 bash -c "[ \"\$(tmux -L $TMUX_SOCKET capture-pane -p -t k)\" != \"\$0\" ]" "$s" || return 0
	done
}

# in_text FILE WORDS...: each of WORDS is somewhere in FILE's text (lines
# joined, so a heading wrapped at 40 columns still counts).
in_text() {
	python3 - "$@" <<'PY'
import re, sys
text = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
missing = [w for w in sys.argv[2:] if re.sub(r"\s+", " ", w) not in text]
for w in missing:
    print("# missing: %r" % w)
sys.exit(1 if missing else 0)
PY
}

for lang in en ar es fr ru zh; do
	help_line=$(grep -m1 -v '^ *$' "screens/$([ $lang = en ] || echo $lang/)help.txt" |
		cut -c1-24 | sed 's/ [^ ]*$//')
	for size in 80x24 40x12; do
		w=${size%x*}
		start "$size" "$HTKP" -c "$CFG" --db "$DB" --lang "$lang"
		# The database's portal name, or its short name where that does not fit.
		check "$lang $size: the home menu in $lang" \
			poll 5 has_either "$(tr_ $lang 'Case Law Database')" "$(tr_ $lang 'Case Law')"
		check "$lang $size: home: no line wider than the screen" fits "$w"
		check "$lang $size: home: the help hint" bottom_has "$(tr_ $lang help)"

		keys 3
		poll 5 has_either "$(tr_ $lang 'Case Law Database')" "$(tr_ $lang 'Case Law')"
		keys /
		sleep 0.3
		t send-keys -t k -l -- 'brief test'
		keys Enter
		check "$lang $size: a result list" shows 'Prosecutor v'
		check "$lang $size: list: no line wider than the screen" fits "$w"
		check "$lang $size: list: back and help hints" hints_ok "$lang"

		keys Enter
		shows 'TST-2021-001' >/dev/null
		check "$lang $size: record: back and help hints" hints_ok "$lang"
		check "$lang $size: the full case brief, no line wider than the screen" \
			read_to_end "$w" "$TMPDIR_TEST/brief-$lang-$size"
		check "$lang $size: the brief's sections in $lang" \
			in_text "$TMPDIR_TEST/brief-$lang-$size" "$(tr_ $lang 'Fact Summary')" \
			"$(tr_ $lang Keywords)" "$(tr_ $lang Defendants)" "$(tr_ $lang 'Laws applied')"

		keys '?'
		check "$lang $size: help in $lang (screens/$lang/help.txt)" shows "$help_line"
		check "$lang $size: help: no line wider than the screen" fits "$w"
		check "$lang $size: help: the back hint" bottom_has "$(tr_ $lang back)"
	done
done
finish
