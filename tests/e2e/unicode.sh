#!/bin/bash
# Any script, any terminal: Arabic, Chinese and Cyrillic records at 80x24
# and 40x12, a C locale (Latin transliterated, other scripts named: "[Thai]"),
# a vt100 without colour, tiny windows, and a record
# whose text attacks the terminal (escape sequences, bidi override, zero
# width, invalid UTF-8).
. tests/lib.sh

db="$TMPDIR_TEST/unicode.db"
"$HTKP_IMPORT" -o "$db" tests/data/unicode.json >/dev/null
# Invalid UTF-8 cannot come through the loader; put it in as a damaged or
# foreign-built file would have it.
/usr/bin/python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE cases SET sentence = CAST(x'4261642062797465733a20ff20c328' || x'2021' AS TEXT)"
          " WHERE id = 'ESC-2021-001'")
c.commit()
PY

open_unicode_case() {
	keys 3
	wait_for 'Case Law: 2 cases' >/dev/null
	keys 5
	wait_for 'Results 1-2 of 2' >/dev/null
	keys Down Enter   # newest first: the 2021 record is the first row
}

for size in 80x24 40x12; do
	kiosk "$size" --db "$db"
	open_unicode_case
	expect 'الاتجار' "$size: Arabic title shown"
	expect '贩卖案' "$size: Chinese title shown"
	expect 'Дело о торговле' "$size: Cyrillic title shown"
	check "$size: no line wider than the screen" no_line_longer_than "${size%x*}"
	keys End
	expect 'Закон о противодействии' "$size: Cyrillic link at the end of the record"
	check "$size: no line wider than the screen at the end" no_line_longer_than "${size%x*}"
	keys Home
	wait_for 'Lines 1-' >/dev/null
	keys NPage
	check "$size: wrapped CJK text stays within the screen" no_line_longer_than "${size%x*}"
done

# --- the same words found whatever the accents ---
kiosk 80x24 --db "$db"
keys 3
wait_for 'Case Law: 2' >/dev/null
keys / ; keys -l 'ozturk'; keys Enter
expect 'Results 1-1 of 1' "ozturk finds the record that says Öztürk"

# --- a C locale: transliterated, never mojibake ---
start 80x24 env LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
keys 3
wait_for 'Case Law: ' >/dev/null
keys / ; keys -l 'bogota'; keys Enter
wait_for 'Results 1-1' >/dev/null
keys Enter
expect 'from Vaupes \(Bogota\)' "LANG=C: Bogotá reads Bogota"
check "LANG=C: no byte above ASCII reaches the screen" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -qP '[^\x00-\x7f]'"

# --- a C locale: a script without an ASCII form is named, not "?????" ---
start 80x24 env LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini --db "$db"
wait_for '1  Welcome' >/dev/null
keys 4
wait_for 'Legislation: ' >/dev/null
keys 5
expect '^  \[Thai\] \(Anti-Trafficking in Persons Act\) +Thailand +2008$' \
	"LANG=C: a Thai title reads [Thai], once for its three words"
expect '^  \[Cyrillic\] +\[Cyrillic\] +2003$' "LANG=C: a Cyrillic title and country read [Cyrillic]"
# column_of TEXT: the screen column where TEXT first starts.
column_of() { screen | awk -v t="$1" 'i = index($0, t) { print i; exit }'; }
check "LANG=C: the country column lines up after a placeholder" \
	test "$(column_of Thailand)" = "$(column_of Country)"
check "LANG=C: no run of question marks" bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -q '??'"
keys Enter
expect '^ \[Thai\] \(Anti-Trafficking in Persons Act\)$' "LANG=C: the record's title reads [Thai] too"
keys Escape Escape Escape 3
wait_for 'Case Law: ' >/dev/null
keys 5
expect '^  \[Arabic\] \[Chinese\] \[Cyrillic\] ' "LANG=C: a title in three scripts names each"
check "LANG=C: no byte above ASCII in the placeholders' screens" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -qP '[^\x00-\x7f]'"
LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini --db "$db" query legislation >"$TMPDIR_TEST/out" 2>/dev/null
check "LANG=C htkp query: the Thai title reads [Thai]" \
	test "$(head -1 "$TMPDIR_TEST/out")" = "$(printf 'UNI-LAW-2\t[Thai] (Anti-Trafficking in Persons Act)\tThailand\t2008')"
LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini --db "$db" show cases UNI-2020-001 >"$TMPDIR_TEST/out" 2>/dev/null
check "LANG=C htkp show: a link reads [Cyrillic] ([Cyrillic], 2003), its brackets kept" \
	grep -qx '  UNI-LAW-1: \[Cyrillic\] (\[Cyrillic\], 2003)' "$TMPDIR_TEST/out"

# --- vt100: no colour, attributes carry the meaning ---
start 80x24 env TERM=vt100 "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
keys 3
expect 'Case Law Database: 46 cases' "TERM=vt100 opens a database"
check "TERM=vt100: no colour sequences" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -e -t k | grep -qE $'\e\\\\[[0-9;]*(3[0-7]|4[0-7]|38;5)[;m]'"
check "TERM=vt100: the selection is in reverse video" \
	bash -c "tmux -L $TMUX_SOCKET capture-pane -p -e -t k | grep -qE $'\e\\\\[[0-9;]*7m'"
# A frame leaves the terminal in its last text's attributes (the status
# bar's reverse); leaving the session must not hand them to the shell.
keys H
keys q
expect '^\[exited 0\]' "TERM=vt100: q quits"
# The attributes written on the exit line before "[exited", as tmux
# shows them: none of bold (1), underline (4) or reverse (7).
exit_sgr=$(t capture-pane -p -e -t k | grep -m1 'exited' | sed 's/\[exited.*//')
check "TERM=vt100: what follows the session is written plain, not in the bar's reverse" \
	bash -c '! printf "%s" "$1" | grep -qE "$2"' _ "$exit_sgr" $'\e\\[([0-9;]*;)?(1|4|7)(;[0-9;]*)?m'

# --- an unknown TERM: vt100 rather than an exit ---
start 80x24 env TERM=nosuchterm "$HTKP" -c config/htkp.ini
expect '1  Welcome' "an unknown TERM falls back to vt100 and shows the menu"

# --- resize down to 10x5 and back ---
kiosk 80x24 --db "$db"
open_unicode_case
wait_for 'Lines 1-' >/dev/null
resize 10 5
expect 'Terminal' "10x5: the too-small notice"
resize 1 1
# tmux keeps the notice's first letter in the one cell left; the kiosk,
# drawing at 1x1, erases it (the last cell of a screen is never written).
blank() { [ -z "$(screen | tr -d ' \n')" ]; }
check "at 1x1 the kiosk redraws (a blank cell)" poll 5 blank
resize 80 24
expect 'Дело о торговле' "back at 80x24 the record is shown again"
check "the kiosk survived 1x1" test -n "$(kiosk_pid)"

# --- a record that attacks the terminal ---
kiosk 80x24 --db "$db"
keys 3
wait_for 'Case Law: 2' >/dev/null
keys 5
wait_for 'Results 1-2' >/dev/null
keys Enter
expect 'Hostile \[2J\[31mtitle' "escape sequences are shown as text, without ESC"
check "the screen was not cleared by the data: title bar intact" \
	bash -c "tmux -L $TMUX_SOCKET capture-pane -p -t k | head -1 | grep -q 'ESC-2021-001'"
check "no bidi override or zero-width character reaches the screen" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -qP '[\x{202a}-\x{202e}\x{2066}-\x{2069}\x{200b}]'"
expect 'Bad bytes: � ' "invalid UTF-8 shows as a replacement character"
check "no colour from the data (ESC[31m was not obeyed)" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -e -t k | grep -q $'\e\\\\[31m'"
check "the terminal title was not changed by the data" \
	bash -c "test \"\$(tmux -L $TMUX_SOCKET display -p -t k '#{pane_title}')\" != owned"
check "the kiosk is still running" test -n "$(kiosk_pid)"

finish
