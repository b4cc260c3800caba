#!/bin/bash
# The interface's language in line mode and on the command line, with a
# small French catalogue made here (the real translations come later):
# --lang fr translates line mode's prompt and a verdict; l on the home menu
# lists the languages by their own names and switches for the session;
# the idle reset returns to the configured language; a language this
# charset cannot show falls back to English, said once at the top; the
# command line's header and verdicts are translated; under LANG=C the
# translation's é is written as e, and no byte above ASCII is written.
. tests/lib.sh
. tests/lib_line.sh

loc=$TMPDIR_TEST/locale
mkdir -p "$loc/fr/LC_MESSAGES"
cat >"$TMPDIR_TEST/fr.po" <<'EOF'
msgid ""
msgstr ""
"Project-Id-Version: htkp test\n"
"PO-Revision-Date: 2026-01-01 00:00+0000\n"
"Last-Translator: none\n"
"Language-Team: none\n"
"Language: fr\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Type a number to open, ? for help, q to quit"
msgstr "Tapez un numéro pour ouvrir, ? pour l'aide, q pour quitter"

msgid "Type a number to open, ? for help"
msgstr "Tapez un numéro pour ouvrir, ? pour l'aide"

msgid "Type a language's number, b to go back"
msgstr "Tapez le numéro d'une langue, b pour revenir"

msgid "Results %ld-%ld of %ld\n"
msgstr "Résultats %ld à %ld sur %ld\n"

msgctxt "value"
msgid "convicted"
msgstr "condamné"
EOF
check "the test's catalogue compiles (msgfmt --check)" \
	msgfmt --check -o "$loc/fr/LC_MESSAGES/htkp.mo" "$TMPDIR_TEST/fr.po"

# --- --lang fr: the prompt, a verdict; l switches; the idle reset returns ---
cfg=$(with "translations=$loc" line_pause=no idle_timeout=3 allow_quit=no)
line_start 80x24 "$HTKP" -c "$cfg" --lang fr --line
check "--lang fr: the home prompt in French" \
	said "Tapez un numéro pour ouvrir, \? pour l'aide: $"
check "untranslated messages stay English" said '^Human Trafficking Knowledge Portal, home menu\.$'
check "the home menu says l lists the languages" said '^Type l for another language\.$'
says 3 '^1\. Search Case Law$' "Case Law opens"
says garden '^[0-9]+\. HR-2017-1124-A .*Norway, 2017, condamné\.$' \
	"a verdict, a value of ours, is said in French in the results"
says h 'Tapez un numéro' "home again, in French"
says l '^3\. English$' "l lists the languages, numbered"
check "each by its own name" said '^4\. Français$'
check "the language list's prompt in French" said "Tapez le numéro d'une langue, b pour revenir: $"
says 3 'Type a number to open, \? for help: $' "3 switches the session to English"
check "the home menu follows the switch" said '^7\. About$'
check "after idle_timeout the session returns home" said 'Nobody typed for a while' 8
check "and to the configured language, French" said "Tapez un numéro pour ouvrir, \? pour l'aide: $"
says l '^4\. Français$' "l again"
says 9 'Not understood: 9' "a number that is no language is not understood"
says b 'Tapez un numéro' "b goes back to the home menu"
keys C-d
check "end of input ends it" wait_for '\[exited 0\]'
check "no escape byte" no_escape_byte

# --- a language this charset cannot show: English, said once at the top ---
line_start 80x24 env LANG=C LC_ALL=C "$HTKP" -c "$cfg" --lang zh --line
check "LANG=C, --lang zh: the first line says English instead" \
	said "^This terminal's character set \(ASCII\) cannot show Chinese: English instead\.$"
check "then the English home menu" said 'Type a number to open, \? for help: $'
check "said once" test "$(raw_text | grep -c 'cannot show Chinese')" -eq 1
says l '^2\. Chinese$' "the language list names a script it cannot show in English"
says 2 'cannot show Chinese: English instead' "choosing it says why English stays"
keys C-d
check "LANG=C: no byte above ASCII" only_ascii

# --- LANG=C, --lang fr: é is written as e ---
line_start 80x24 env LANG=C LC_ALL=C "$HTKP" -c "$cfg" --lang fr --line
check "LANG=C: the French prompt, transliterated (numéro reads numero)" \
	said "Tapez un numero pour ouvrir, \? pour l'aide: $"
says 3 '^1\. Search Case Law$' "LANG=C: Case Law"
says garden 'Norway, 2017, condamne\.$' "LANG=C: the verdict transliterated"
keys C-d
check "LANG=C, French: no byte above ASCII in all that was written" only_ascii

# --- the command line ---
out=$TMPDIR_TEST/out err=$TMPDIR_TEST/err
"$HTKP" -c "$cfg" --lang fr query cases trafficking >"$out" 2>"$err"
check "query --lang fr: the header in French" test "$(cat "$err")" = "Résultats 1 à 20 sur 37"
check "query --lang fr: a verdict in French in a row" grep -q $'\tcondamné$' "$out"
"$HTKP" -c "$cfg" --lang fr query cases --filter outcome=condamné garden >"$out" 2>"$err"
check "--filter takes a verdict as it is shown in French" grep -q '^NOR-2017-001' "$out"
LANG=C LC_ALL=C "$HTKP" -c "$cfg" --lang fr query cases trafficking >"$out" 2>"$err"
check "LANG=C: the header transliterated" test "$(cat "$err")" = "Resultats 1 a 20 sur 37"
check "LANG=C: no byte above ASCII in the header or the rows" \
	bash -c "! LC_ALL=C grep -q '[^[:print:][:space:]]' '$out' '$err'"
"$HTKP" -c "$cfg" query cases trafficking >"$out" 2>"$err"
check "without --lang (language = auto, LANG=C.UTF-8): English" \
	test "$(cat "$err")" = "Results 1-20 of 37"

finish
