#!/bin/bash
# The kiosk shell end to end: home menu, static screens, help, back and
# home, resize, idle reset, quitting, and the start-up errors.
. tests/lib.sh

# --- home menu and screens ---
kiosk 80x24
for item in '1  Welcome' '2  Definition: article 3 of the Protocol' '3  Case Law Database' \
	'4  Database of Legislation' '5  Bibliographic Database' '6  Help' '7  About'; do
	expect "$item" "home menu lists \"$item\""
done
expect 'q quit' "home status line shows the keys"

keys 1
expect "Welcome to the UNODC's Human Trafficking Knowledge Portal" "1 opens the welcome text"
expect 'efforts throughout the world\.' "the welcome text is shown whole"
keys Escape
expect '2  Definition' "Esc goes back to the home menu"

keys 2
expect 'According to article 3 of the Trafficking in Persons Protocol' "2 opens article 3"
expect 'servitude or the removal of organs"\.' "article 3 is shown whole"
keys h
expect '3  Case Law' "h goes back"

keys 7
expect 'illustrative' "About carries the data caveat"
expect 'portal version 4\.0\.0-build-24' "About names the portal version"
keys BSpace
expect '7  About' "Backspace goes back"

keys 6
expect 'Keys' "6 opens help"
expect 'Lines 1-22 of' "a page longer than the screen shows its position"
keys End
expect 'Left, h, Backspace +back one screen' "help lists the keys; End shows the last line"
keys NPage
expect 'q +quit' "PgDn at the end stays at the end"
keys Home
expect 'Lines 1-22 of' "Home goes back to the top"
keys NPage
expect 'Lines [1-9][0-9]-' "PgDn scrolls a page"
keys PPage
expect 'Lines 1-22 of' "PgUp scrolls back"
keys Down
expect 'Lines 2-23 of' "Down scrolls one line"
keys Escape
wait_for '7  About' >/dev/null
keys Home Down Down Enter
expect 'Case Law Database: [0-9]+ cases' "arrows and Enter open Case Law with its count"
keys '?'
expect 'Ozturk finds' "? opens help from a database screen"
keys H
expect '1  Welcome' "H goes home from anywhere"
keys 4
expect 'Legislation: [0-9]+ laws' "Legislation shows its count"
keys H 5
expect 'Bibliographic Database: [0-9]+ publications' "Bibliography shows its count"
keys H

keys 1
# --- resize ---
resize 100 30
check "at 100x30 the status line moves to line 30" \
	wait_for '←/h back'
check "at 100x30 the text is wrapped to the new width" \
	test "$(screen_line 1)" = " Welcome to the UNODC's Human Trafficking Knowledge Portal. This Portal includes 3 databases; The"
check "status line is the last line at 100x30" eval 'screen_line 29 | grep -q "←/h back"'
resize 60 20
wait_for 'Lines 1-18' >/dev/null
check "at 60x20 the status line is the last line" eval 'screen_line 19 | grep -q "Lines 1-18"'
check "at 60x20 no line is wider than the screen" no_line_longer_than 60
check "at 60x20 the text re-wraps with nothing left over" \
	test "$(screen_line 1)" = " Welcome to the UNODC's Human Trafficking Knowledge Portal."
resize 30 8
expect 'Terminal too small' "a tiny window gets a notice"
resize 80 24
expect 'efforts throughout the world\.' "the page comes back when the window grows"

# --- quitting ---
keys H q
expect '^\[exited 0\]' "q on home quits with status 0"
check "the terminal is restored: nothing of the kiosk is left" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -q 'Knowledge Portal'"

# --- idle timeout, allow_quit ---
cfg="$TMPDIR_TEST/idle.ini"
sed -e 's/^idle_timeout = .*/idle_timeout = 2/' -e 's/^allow_quit = .*/allow_quit = no/' \
	config/htkp.ini >"$cfg"
start 80x24 "$HTKP" -c "$cfg"
wait_for '1  Welcome' >/dev/null
keys 3 '?'
expect 'Keys' "help opened before going idle"
check "after idle_timeout the kiosk returns to the home menu" wait_for '7  About' 6
# Esc then q: on the home screen q only says the kiosk stays open; had the
# history been kept, Esc would have gone back and q further back.
keys Escape q
expect 'stays open' "allow_quit = no: q does not quit"
check "the idle reset forgot the history: Esc stays home" wait_for '7  About'
# A second person, a second reset: the idle timeout works every time, not
# once per run. (idle_timeout is 2 s: the wait is for time to pass.)
keys 4
expect 'Legislation: [0-9]+ laws' "after the first reset the kiosk takes keys again"
check "after idle_timeout again the kiosk returns home a second time" wait_for '7  About' 6
keys 5
expect 'Bibliographic Database: [0-9]+ publications' "after the second reset the kiosk takes keys again"
check "... and a third time" wait_for '7  About' 6

# --- signals restore the terminal ---
kill -TERM "$(kiosk_pid)"
expect '^\[exited 0\]' "SIGTERM leaves cleanly"
start 80x24 "$HTKP" -c "$cfg"
wait_for '1  Welcome' >/dev/null
kill -HUP "$(kiosk_pid)"
expect '^\[exited 0\]' "SIGHUP leaves cleanly"

# --- a dropped link: input at end of file ends the kiosk, no busy loop ---
start 80x24 "$HTKP -c config/htkp.ini </dev/null"
expect '^\[exited 0\]' "end of input (what a dropped SSH link looks like) ends the kiosk"

# --- a key the C locale cannot decode is a key, not a dropped link ---
# (sshd gives a bare C locale: a UTF-8 letter arrives as bytes get_wch
# cannot decode; each of them used to count as an empty wake-up.)
start 80x24 env LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
for _ in 1 2 3 4 5 6 7 8; do t send-keys -t k -H c3 a9; done
keys '?'
check "C locale: typing é eight times leaves the kiosk running" wait_for '^ htkp  Help'
kill -HUP "$(kiosk_pid)"
expect '^\[exited 0\]' "C locale: after those keys a hang-up still ends the kiosk"

# --- start-up errors: one line, exit status 2 ---
bad="$TMPDIR_TEST/bad.ini"
printf '[display]\ntheme = purple\n' >"$bad"
out=$("$HTKP" -c "$bad" 2>&1 </dev/null)
check "bad value: exit 2" test $? -eq 2
check "bad value: one line naming file, line and key" \
	test "$out" = "htkp: $bad:2: [display] theme: bad value \"purple\" (want default, mono, high-contrast)"
printf '[kiosk]\nidle = 5\n' >"$bad"
out=$("$HTKP" -c "$bad" 2>&1 </dev/null)
check "unknown key: exit 2 and one line" test $? -eq 2 -a "$out" = "htkp: $bad:2: unknown key \"idle\" in [kiosk]"
printf '[colours]\nfg = red\n' >"$bad"
out=$("$HTKP" -c "$bad" 2>&1 </dev/null)
check "unknown section: exit 2" test $? -eq 2
check "unknown section: one line" test "$(printf '%s\n' "$out" | wc -l)" -eq 1
out=$("$HTKP" -c "$TMPDIR_TEST/none.ini" 2>&1 </dev/null)
check "missing config: exit 2 and one line" test $? -eq 2 -a "$(printf '%s\n' "$out" | wc -l)" -eq 1
out=$("$HTKP" -c config/htkp.ini --db "$TMPDIR_TEST/none.db" 2>&1 </dev/null)
check "missing database: exit 2" test $? -eq 2
check "missing database: one clear line" \
	test "$out" = "htkp: cannot open database $TMPDIR_TEST/none.db: No such file or directory"
head -c 4096 /dev/urandom >"$TMPDIR_TEST/junk.db"
out=$("$HTKP" -c config/htkp.ini --db "$TMPDIR_TEST/junk.db" 2>&1 </dev/null)
check "corrupt database: exit 2 and one line" test $? -eq 2 -a "$(printf '%s\n' "$out" | wc -l)" -eq 1
out=$("$HTKP" --bogus 2>&1)
check "unknown option: exit 2" test $? -eq 2

# --- the documented configuration is the built-in one ---
check "config/htkp.ini documents every key with its default" \
	bash -c "diff <(\"$HTKP\" --print-config) config/htkp.ini"

finish
