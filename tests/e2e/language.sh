#!/bin/bash
# The interface's language in the kiosk: --lang, [display] language, the
# home menu's l key for one session, the idle reset back to the configured
# language, English with one line where the charset cannot show the
# language, and an unknown --lang refused. A small French catalogue is
# made here, so that the checks do not depend on the real translations.
. tests/lib.sh

locale_dir="$TMPDIR_TEST/locale"
mkdir -p "$locale_dir/fr/LC_MESSAGES"
cat >"$TMPDIR_TEST/fr.po" <<'EOF'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Welcome"
msgstr "Bienvenue"

msgid "Human Trafficking Knowledge Portal"
msgstr "Portail de connaissances sur la traite des personnes"

msgid "language"
msgstr "langue"

msgid "help"
msgstr "aide"

msgid "htkp: unknown option: %s\n"
msgstr "htkp: option inconnue : %s\n"
EOF
msgfmt --check -o "$locale_dir/fr/LC_MESSAGES/htkp.mo" "$TMPDIR_TEST/fr.po" ||
	{ not_ok "the test catalogue compiles"; finish; }

home_fr='1  Bienvenue'
home_en='1  Welcome'
# home_row NAME: the number of the language picker's row showing NAME.
home_row() { screen | sed -nE "s/^ *[^0-9 ]? *([0-9]+)  $1\$/\\1/p" | head -1; }

# --- --lang fr ---
start 80x24 "$HTKP" -c "$(with translations="$locale_dir" language=en)" --lang fr
expect "$home_fr" "--lang fr: the home menu's item in French"
expect 'Portail de connaissances' "--lang fr: the title bar in French"
expect '\? aide  1-8 .*  l langue' "--lang fr: the hints in French, l names the language"

# --- l: French and back, for this session ---
start 80x24 "$HTKP" -c "$(with translations="$locale_dir" language=en)"
wait_for "$home_en" >/dev/null
check "English first: no French on the home menu" screen_lacks_now 'Bienvenue'
keys l
expect 'Français' "l opens the language picker"
check "the picker lists the six languages by their own names" \
	bash -c "tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -c -E '[0-9]  (العربية|中文|English|Français|Русский|Español)\$' | grep -qx 6"
keys "$(home_row Français)"
expect "$home_fr" "choosing Français redraws the home menu in French"
keys l
wait_for 'English' >/dev/null
keys "$(home_row English)"
expect "$home_en" "choosing English brings English back"

# --- the idle reset returns to the configured language ---
start 80x24 "$HTKP" -c "$(with translations="$locale_dir" language=en idle_timeout=2)"
wait_for "$home_en" >/dev/null
keys l
wait_for 'Français' >/dev/null
keys "$(home_row Français)"
wait_for "$home_fr" >/dev/null
check "after idle_timeout the configured language ([display] language = en) is back" \
	wait_for "$home_en" 6
# --lang is the configured language too: the reset goes back to it.
start 80x24 "$HTKP" -c "$(with translations="$locale_dir" language=en idle_timeout=2)" --lang fr
wait_for "$home_fr" >/dev/null
keys l
wait_for 'English' >/dev/null
keys "$(home_row English)"
wait_for "$home_en" >/dev/null
check "after idle_timeout the language of --lang is back" wait_for "$home_fr" 6

# --- [display] language = fr ---
start 80x24 "$HTKP" -c "$(with translations="$locale_dir" language=fr)"
expect "$home_fr" "[display] language = fr: the home menu in French"

# --- a charset that cannot show the language ---
start 80x24 env LANG=C LC_ALL=C "$HTKP" -c "$(with translations="$locale_dir")" --lang zh
expect "$home_en" "LANG=C, --lang zh: English"
expect '^ .*cannot show Chinese: English instead\.' "... and one line on the status line says why"
keys j
check "the line is said once: gone after a key" wait_gone 'cannot show Chinese'

# --- an unknown language ---
"$HTKP" -c "$(with translations="$locale_dir")" --lang xx >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
rc=$?
check "--lang xx: exit status 2" test "$rc" -eq 2
check "--lang xx: one line on stderr, naming the languages" \
	bash -c "[ \$(wc -l <'$TMPDIR_TEST/err') -eq 1 ] && grep -q 'unknown language' '$TMPDIR_TEST/err'"
check "--lang xx: nothing on stdout" test ! -s "$TMPDIR_TEST/out"

# --- a usage error waits for the configuration to say it in French ---
"$HTKP" -c "$(with translations="$locale_dir")" --lang fr --bogus >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
rc=$?
check "--lang fr --bogus: exit status 2" test "$rc" -eq 2
check "--lang fr --bogus: the error in French" grep -qx 'htkp: option inconnue : --bogus' "$TMPDIR_TEST/err"
"$HTKP" -c "$TMPDIR_TEST/none.ini" --lang fr --bogus >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
check "--bogus with an unreadable configuration: the error in English, exit 2" \
	bash -c "[ $? -eq 2 ] && grep -qx 'htkp: unknown option: --bogus' '$TMPDIR_TEST/err'"

finish
