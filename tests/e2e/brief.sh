#!/bin/bash
# A full case brief and a law by provision, as htkp/2 files give them:
# every section of the brief in the portal's order at 80x24 and 40x12,
# each defendant with their charges, a charge's statute followed to the
# provision it names and back, a law's provisions with the cases that
# applied each, and the same record through `htkp show`.
. tests/lib.sh
. tests/lib_db.sh

DB="$TMPDIR_TEST/brief.db"
check "the htkp/2 brief file imports" \
	"$HTKP_IMPORT" -o "$DB" tests/data/v2-brief.json
q() { "$HTKP" --db "$DB" "$@" >"$TMPDIR_TEST/out" 2>&1; }

# The sections of a brief, in the portal's order (PORTAL.md).
SECTIONS=('Prosecutor v. A.B. and C.D.' 'Crime type: Trafficking in persons'
	'Case number: TST001' 'Fact Summary' 'Sentence Date: 2021-04-02'
	'Author: Test Chambers LLP' 'Keywords' 'Cross-Cutting Issues'
	'Involved Countries' 'Procedural Information' 'Legal System: civil law'
	'Latest Court Ruling:' 'Type of Proceeding: criminal' '1st Instance:'
	'2nd Instance:' 'Victims' 'Age: 19 to 24' 'Defendants' 'Defendant 1: A.B.'
	'Defendant 2: C.D.' 'Laws applied' 'Court' 'Location: Capital City'
	'Type of court: first instance' 'Sources / Citations'
	'Full decision:' 'Commentary / Significant Features'
	'The court held that the victims')

# in_order FILE: every SECTIONS entry begins a line of FILE (leading
# blanks aside), each first seen after the one before it.
in_order() {
	local at=0 n s
	for s in "${SECTIONS[@]}"; do
		n=$(awk -v s="$s" '{ sub(/^ +/, "") } index($0, s) == 1 { print NR; exit }' "$1")
		if [ -z "$n" ] || [ "$n" -lt "$at" ]; then
			echo "# \"$s\" missing or out of order (line ${n:-none}, after $at)"
			return 1
		fi
		at=$n
	done
}

# in_order_flat FILE: the same for text wrapped at any width: FILE's lines
# joined into one, each SECTIONS entry found after the one before it.
in_order_flat() {
	python3 - "$1" "${SECTIONS[@]}" <<'PY'
import re, sys
text = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
at = 0
for s in sys.argv[2:]:
    n = text.find(s, at)
    if n < 0:
        print("# %r missing or out of order (after offset %d)" % (s, at))
        sys.exit(1)
    at = n + len(s)
PY
}

# --- htkp show ---
q show cases TST-2021-001
check "show: every section of the brief, in the portal's order" in_order "$TMPDIR_TEST/out"
check "show: the verdict follows from the charges (one convicted, one acquitted)" \
	grep -qx 'Verdict: partially convicted' "$TMPDIR_TEST/out"
check "show: a charge's statute names the law and article it links to" \
	grep -qx '  Statute: Penal Code of Testland, art. 12 \[TST-LAW-PC art. 12\]' "$TMPDIR_TEST/out"
check "show: a statute with no law record is plain text" \
	grep -qx '  Statute: Money Laundering Act' "$TMPDIR_TEST/out"
check "show: the charges of defendant 2 are under defendant 2" \
	bash -c "sed -n '/^Defendant 2: /,/^Laws applied/p' '$TMPDIR_TEST/out' | grep -qx '  Charge: Money laundering'"
check "show: each source on its own line" \
	bash -c "grep -qx 'Judgment DC-55/2021 of 15 March 2021' '$TMPDIR_TEST/out' && grep -qx 'Testland Law Reports 2021, p. 88' '$TMPDIR_TEST/out'"
q show cases TST-2019-002
check "show: a human-rights case's verdict is the court's decision" \
	grep -qx 'Verdict: violation found' "$TMPDIR_TEST/out"
q show legislation TST-LAW-PC
check "show a law: its provisions, each with its tags" \
	bash -c "grep -qx 'Article 12: Trafficking in persons' '$TMPDIR_TEST/out' && grep -qx '  Implements: Protocol art. 5: criminalization' '$TMPDIR_TEST/out'"
check "show a law: under article 12, the case that applied it" \
	bash -c "sed -n '/^Article 12: /,/^Article 14: /p' '$TMPDIR_TEST/out' | grep -q '^  Applied in: Prosecutor v. A.B. and C.D. (brief test) (Testland, 2021) \[TST-2021-001\]$'"
check "show a law: article 11, which no charge cites, lists no case" \
	bash -c "! sed -n '/^Article 11: /,/^Article 12: /p' '$TMPDIR_TEST/out' | grep -q 'Applied in'"
for line in 'Type of instrument: code' 'Adoption date: 2010-05-01' \
	'Entry into force: 2011-01-01' 'Status: amended'; do
	check "show a law: \"$line\"" grep -qx "$line" "$TMPDIR_TEST/out"
done

# --- the kiosk: the whole brief at each size ---
# read_record FILE: pages down the open record to its end, each screen's
# body appended to FILE; fails when a line is wider than the screen.
read_record() {
	local prev='' s i width=$1 file=$2
	: >"$file"
	for i in $(seq 1 60); do
		s=$(screen)
		[ "$s" = "$prev" ] && return 0
		no_line_longer_than "$width" || return 1
		printf '%s\n' "$s" | sed '1d;$d' | sed 's/^ *//' >>"$file"
		prev=$s
		keys NPage
		changed_from "$s" || return 0
	done
}

for size in 80x24 40x12; do
	w=${size%x*}
	kiosk "$size" --db "$DB"
	keys 3
	search 'brief test'
	wait_for 'Prosecutor v' >/dev/null
	keys Enter
	expect 'TST-2021-001' "$size: the brief opens"
	check "$size: no line of the brief is wider than the screen" \
		read_record "$w" "$TMPDIR_TEST/kiosk-$size"
	check "$size: the sections come in the portal's order" in_order_flat "$TMPDIR_TEST/kiosk-$size"
done

at_article_12() {
	screen | grep -q 'Article 12: Trafficking in' && ! screen | grep -q 'Penal Code of Testland (extract)'
}

# --- a statute to its provision and back (40x12: the law is longer than
# the screen, so opening it at the provision is seen) ---
kiosk 40x12 --db "$DB"
keys 3
search 'brief test'
wait_for 'Prosecutor v' >/dev/null
keys Enter
expect 'TST-2021-001' "the brief opens again"
keys Tab
expect '^ +Statute: Penal Code of Testland,' "Tab selects the first charge's statute, the first link down the screen"
keys Enter
expect 'Legislation.*: TST-LAW-PC' "Enter on the statute opens the law"
check "the law opens at article 12, the provision the statute names" at_article_12
keys Left
expect '^ Defendant 1: A\.B\.' "back returns to the brief at the first defendant's statute"
keys Tab Tab
expect '^ Defendant 2: C\.D\.' "two Tabs on: the second defendant's statute, further down"
keys Enter
expect 'Legislation.*: TST-LAW-PC' "the second defendant's statute is a link too"
check "... to article 12 as well" at_article_12
keys Left
wait_for '^ Defendant 2: C\.D\.' >/dev/null
keys Tab Enter
expect 'Legislation.*: TST-LAW-PC' "the laws applied list links to the law"
expect 'Penal Code of Testland \(extract\)' "... which opens at its top"

# --- a law's provision to the case that applied it ---
keys Tab
expect 'Applied in: Prosecutor v' "Tab in the law selects the case under a provision"
keys Enter
expect 'Case Law.*: TST-2021-001' "Enter opens the case that applied the provision"
finish
