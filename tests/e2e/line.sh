#!/bin/bash
# Line mode (htkp --line): every kind of screen as plain numbered lines,
# driven by lines typed in a real terminal (tmux), with every byte htkp
# writes recorded (script) and checked for escapes. Home, the pages,
# search and its pages, filters, browsing, a whole record, links both
# ways (case -> law -> case), a charge's statute as a link, a filter of
# several values, back and home, the pause at a screenful, a line too
# long, the idle reset and the end of input.
. tests/lib.sh
. tests/lib_line.sh

# number_of BRE: the number of the first numbered line ("N. ...") htkp
# wrote since the last line typed that reads BRE after its number.
number_of() { tail -c +"$((MARK + 1))" "$RAW" | tr -d '\r' | sed -n "s/^\([0-9]*\)\. $1.*/\1/p" | head -1; }

# --- the capture sees escapes: the full-screen kiosk, recorded the same way ---
line_start 80x24 "$HTKP" -c config/htkp.ini
poll 5 grep -q 'Human Trafficking' "$RAW"
keys q
check "the recording shows the full-screen kiosk's escapes (so it would show line mode's)" \
	poll 5 grep -q $'\x1b' "$RAW"

# --- the walk, without pauses (line_pause = no) ---
cfg=$(with line_pause=no)
line_start 80x24 "$HTKP" -c "$cfg" --line
check "home: the menu as numbered lines, databases with their counts" \
	said '^3\. Case Law, [0-9]+ cases$'
check "home: the prompt says what can be typed" \
	said 'Type a number to open, \? for help, q to quit: $'
check "home: the day the data was imported" said '^Data imported [0-9-]+\.$'

says 1 '^Welcome to the UNODC' "1 opens the welcome page, wrapped"
check "the welcome page wraps at 79 columns, on word boundaries" \
	bash -c "test \"\$(tail -c +$((MARK + 1)) '$RAW' | tr -d '\r' | wc -L)\" -eq 79"
says b '^2\. Definition: article 3 of the Protocol$' "b goes back to the home menu"
says 2 'article 3' "2 opens the definition (article 3)"
says h '^7\. About$' "h goes home"
says '?' '^b or back: back one screen\.$' "? lists what can be typed"
says b '^6\. Help$' "back from help"

says 3 '^5\. All [0-9]+ cases, newest first$' "3 opens Case Law with the kiosk's ways in"
check "Case Law: search, browse by country, browse by keyword, filters" \
	said '^1\. Search Case Law$'
says 'forced labour' '^Results 1 to 10 of [0-9]+, by relevance\.$' "words typed search"
check "results: More? Enter for more, a number to open, b to go back" \
	said '^More\? Enter for more, a number to open, b to go back: $'
# The ranking is the search's: find the case's number rather than assume it.
check "a result reads as one sentence: title, country, year, verdict" \
	said '^[0-9]+\. HR-2017-1124-A \(garden centres case\)\. Norway, 2017, convicted\.$'
hr=$(number_of 'HR-2017-1124-A ')
says '' '^Results 11 to 20 of [0-9]+, by relevance\.$' "Enter shows the next page"
says p '^Results 1 to 10 of' "p shows the previous page"

# a record, whole, with its sections, and links both ways
says "${hr:-0}" '^Laws applied:$' "a number opens the record, section by section"
check "the record starts with its title and id" said '^Case Law NOR-2017-001\.$'
check "the record has its fact summary" said '^Fact Summary:$'
# Links are numbered as they are read out: the defendants' charges (their
# statutes) come before Laws applied.
check "a charge's statute is link 1, the first read out" \
	said '^1\. Statute: section 224 of the 1902 Penal Code$'
check "the record's law applied is a numbered line" \
	said '^[0-9]+\. Penal Code 1902 \(Straffeloven\), section 224'
law=$(number_of 'Penal Code 1902 (Straffeloven), section 224')
check "... numbered after the statutes" test "${law:-0}" -gt 1
check "the record ends, and says so" said '^End of the record\.$'
says "${law:-0}" '^Cases applying this law:$' "the link's number opens the law"
check "the law links back to the case" said '^[0-9]+\. HR-2017-1124-A \(garden centres case\)'
back=$(number_of 'HR-2017-1124-A ')
says "${back:-0}" '^Case Law NOR-2017-001\.$' "and that link opens the case again"
says 9 'There is no link 9' "a link that is not there is said"
says b '^Back at law NOR-PC1902-S224' "b returns to the law, saying where"
says b '^Back at case NOR-2017-001' "b again returns to the case"
says b '^Results 1 to 10 of' "b again returns to the results"
says s 'Sorted newest first\.' "s sorts another way, and says how"

# filters: numbered, with values and their counts
says f '^1\. Country: any$' "f lists the filters with their values"
says 1 '^[0-9]+\. Norway, 1 case$' "a filter's values, with their counts under the search"
check "a filter can be removed" said '^1\. Any: remove this filter$'
says nor '^[0-9]+\. Norway, 1 case$' "letters list only the values beginning with them"
check "and no others" bash -c "! tail -c +$((MARK + 1)) '$RAW' | grep -q Nigeria"
n=$(number_of 'Norway,')
says "${n:-0}" 'Filter set\.' "a value's number sets the filter"
check "the filters show it" said '^1\. Country: Norway$'
says b '^Results 1 to 1 of 1, newest first\.$' "back at the results, filtered"
check "the results say their filter" said '^Filters: Country: Norway\.$'

says c 'Search and filters cleared\.' "c clears the search and the filters"

# a filter of several values: any of them, counted apart from htkp
says f '^[0-9]+\. Acts: any$' "f lists the filters again"
n=$(number_of 'Acts: any')
says "${n:-0}" '^[0-9]+\. Transfer, [0-9]+ cases?$' "the Acts filter's values"
a=$(number_of 'Receipt,') t=$(number_of 'Transfer,')
says "${a:-0} ${t:-0}" '^[0-9]+\. Acts: Receipt or Transfer$' "two numbers (\"$a $t\") set the filter to both values"
want=$(sqlite3 db/htkp.db "SELECT count(DISTINCT rec) FROM facet
	WHERE db = 'cases' AND field = 'act' AND value IN ('Receipt', 'Transfer')")
says b "^Results 1 to [0-9]+ of $want, newest first\.\$" \
	"the results are the cases with either value: $want, as the facet table counts them"
check "the results say both values" said '^Filters: Acts: Receipt, Transfer\.$'
says c 'Search and filters cleared\.' "c clears them"

# a charge's statute is a link to the law (the data links them)
check "the sample links R v Josephine Iyamu's charge to the Modern Slavery Act" \
	bash -c "'$HTKP' -c config/htkp.ini show cases GBR-2018-001 | grep -q '^  Statute: Modern Slavery Act 2015 \[GBR-2015-MSA\]$'"
says Iyamu '^[0-9]+\. R v Josephine Iyamu\. ' "a search for Iyamu finds the case"
n=$(number_of 'R v Josephine Iyamu\. ')
says "${n:-0}" '^Case Law GBR-2018-001\.$' "its number opens it"
check "the charge's statute is a numbered link" said '^[0-9]+\. Statute: Modern Slavery Act 2015$'
n=$(number_of 'Statute: Modern Slavery Act 2015')
says "${n:-0}" '^Legislation GBR-2015-MSA\.$' "the statute's number opens the law"
says b '^Back at case GBR-2018-001' "b returns to the case"
says b '^Results 1 to' "b again returns to the results"

# a statute naming an article opens the law there, as the kiosk does
says Asif '^[0-9]+\. Muhammad Asif v Republic' "a search for Asif finds the Kenyan appeal"
n=$(number_of 'Muhammad Asif v Republic')
says "${n:-0}" '^Case Law KEN-2017-001\.$' "its number opens it"
# The brief is longer than the screen: Enter reads on to the charges.
for _ in 1 2 3 4; do
	poll 2 since_mark_has '^[0-9]+\. Statute: section 3\(1\)\(d\)' && break
	type_line ''
done
n=$(number_of 'Statute: section 3(1)(d)')   # a basic regex: ( is itself
says "${n:-0}" '^Counter-Trafficking in Persons Act, No\. 8 of 2010, from article 3\. ' \
	"the statute's number opens the law at article 3, and says so"
check "... its reading starts at article 3, not at the law's top" \
	bash -c "$(declare -f since_mark_has); MARK=$MARK RAW='$RAW'; since_mark_has '^Article 3: ' && ! since_mark_has '^Legislation KEN-2010-CTIP\.\$'"
says r '^Legislation KEN-2010-CTIP\.$' "r reads the law from its top"
says b '^Back at case KEN-2017-001' "b returns to the case"
says b '^Results 1 to' "b again returns to the results"

# browse by keyword, then home
says h '^3\. Case Law' "h goes home from the results"
says 3 '^3\. Browse by keyword$' "Case Law again"
says 3 '^Acts:$' "browse by keyword: each category under its heading"
check "keyword values with counts" said '^[0-9]+\. Recruitment, [0-9]+ cases?$'
n=$(number_of 'Recruitment,')
says "${n:-0}" '^Filters: Acts: Recruitment\.$' "a value's number shows its records"
says b '^Case Law: Browse by keyword\.$' "b returns to the values"

# a line too long
says "$(printf 'x%.0s' {1..600})" \
	'That line was too long: only its first 500 bytes were read\.' "a line over 500 bytes is cut, and said"
says qq 'No value begins with qq\.' "letters that begin no value are said"
says h '^7\. About$' "home"
says qq 'Not understood: qq\. Type \? for help\.' "a line not understood is said"

# the end of input ends the session cleanly
keys C-d
check "end of input (Ctrl-D) ends the session, status 0" wait_for '\[exited 0\]'
check "no escape byte (0x1b) reached the terminal in the whole walk" no_escape_byte

# --- the pause at a screenful (line_pause = yes, the default) ---
line_start 80x24 "$HTKP" -c config/htkp.ini --line
said '^7\. About$' >/dev/null
says 6 '^More\? Enter to read on, b to go back: $' "a long page (help) stops at the terminal's height"
check "the pause came after a screenful: 23 lines" \
	bash -c "test \"\$(tail -c +$((MARK + 1)) '$RAW' | tr -d '\r' | sed -n '2,/^More?/p' | wc -l)\" -le 24"
says '' 'r to read again, b to go back, h for home: $' "Enter reads on to the end"
says b '^7\. About$' "b goes home from the page"
type_line 6
check "the page pauses again" said '^More\? Enter to read on'
says b '^7\. About$' "b at the pause goes back at once"
check "and the rest of the page was not printed" \
	bash -c "! tail -c +$((MARK + 1)) '$RAW' | grep -q 'end the session'"
type_line q
check "q quits (allow_quit = yes), status 0" wait_for '\[exited 0\]'
check "no escape byte with pauses either" no_escape_byte

# --- idle reset, allow_quit = no ---
cfg=$(with idle_timeout=2 allow_quit=no)
line_start 80x24 "$HTKP" -c "$cfg" --line
said '^7\. About$' >/dev/null
check "without allow_quit the prompt offers no q" said 'Type a number to open, \? for help: $'
says 3 '^1\. Search Case Law$' "Case Law opened before going idle"
check "after idle_timeout the session returns home, and says so" \
	said 'Nobody typed for a while, so the session went back to the home menu' 6
check "the home menu follows" said '^7\. About$'
says b 'nothing to go back to' "the idle reset forgot the history"
says q 'This kiosk stays open' "q does not quit where allow_quit = no"
says 4 '^1\. Search Legislation$' "a second person opens Legislation"
check "after idle_timeout again, home again" \
	said 'Nobody typed for a while' 6
keys C-d
check "end of input ends even a kiosk that stays open" wait_for '\[exited 0\]'
check "no escape byte in the idle session" no_escape_byte

finish
