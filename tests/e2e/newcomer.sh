#!/bin/bash
# What a first-time user meets: the quick way back named first, hints that
# keep back and help on a narrow screen, cut text that says it is cut,
# filters that lead to their results, a sort key that always reorders, and
# a home menu that says what each database holds and how to search it.
. tests/lib.sh
. tests/lib_db.sh

status() { screen | tail -1; }
status_has() { status | grep -qF -- "$1"; }
status_starts() { [[ $(status) == " $1"* ]]; }
# The hints of the status line are whole: each is one of the table's.
HINT_RE='(←/h back|Left/h back|\? help|H home|1-[78] open|y cite|y cite all|p print|p print all|m mark|m unmark|Enter (open|choose|search|open link|show records)|Space tick|Tab next link|/ search|f filters|s sort|c clear|Ctrl-U clear line|Ctrl-C/Esc cancel|typing replaces|(↑/↓|Up/Down) (move|scroll)|PgDn/PgUp page|l language|q quit)'
hints_whole() {
	local s
	s=$(status | sed -E 's/ {3,}(Lines|[0-9]).*$//; s/^ //; s/ +$//')
	[[ $s =~ ^$HINT_RE(\ \ $HINT_RE)*$ ]]
}
fits() { no_line_longer_than "${1%x*}"; }
# small: the kiosk at 40x12, where the title bar alone names the portal.
small() {
	start 40x12 "$HTKP" -c config/htkp.ini
	wait_for '1  Welcome' >/dev/null
}

# --- 1. back without waiting: the quick keys come first ---
# A long esc_delay shows the difference: Esc waits it out, Left does not.
start 80x24 "$HTKP" -c "$(with esc_delay=3000)"
wait_for '1  Welcome' >/dev/null
keys 1
expect '^ ←/h back  \? help  H home' "the hint names Left and h for back, first"
keys Left
check "Left goes back at once, esc_delay (3 s) or not" wait_for '7  About' 1
keys 6
wait_for 'Lines 1-22 of' >/dev/null
keys End
expect 'Esc +back too, after esc_delay: Esc waits to tell' "help says Esc waits..."
expect 'itself apart from arrow keys on slow links' "... and why"
start 80x24 env LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
keys 1
expect '^ Left/h back  \? help' "under ASCII the hint says Left/h back"
check "under ASCII no arrow is drawn" screen_lacks '←'

# --- 2. hints that survive a narrow screen, the same everywhere ---
small
check "40x12 home: help is on the status line" wait_for '^ \? help  1-8 open'
check "40x12 home: whole hints only" hints_whole
keys 3
for step in "database menu:" "result list:5" "record:Enter" "back on the list:Left" \
	"filters:f" "a picker:Enter"; do
	name=${step%%:*}
	k=${step#*:}
	[ -n "$k" ] && keys "$k"
	check "40x12 $name back and help come first" poll 5 status_starts '←/h back  ? help'
	check "40x12 $name whole hints only" hints_whole
	check "40x12 $name no line wider than 40" fits 40x12
done
keys H
kiosk 80x24
keys 3 5 Enter
expect 'Case Law NPL-2024-001' "3 5 Enter typed at once opens the first case"
check "80x24 a record with links: H home is hinted" \
	poll 5 status_starts '←/h back  ? help  H home  Tab next link  Enter open link'
keys Left 2
check "80x24 a picker: the same back hint" poll 5 status_starts '←/h back  ? help  H home'
check "80x24 no line wider than 80" fits 80x24

# --- 3. cut text says it is cut; the selected title is shown whole ---
keys H 3 5
wait_for '^ Results 1-17 of 46' >/dev/null
expect '^  V\.C\.L\. and A\.N\. v\. the United Kingd… European Court…  2021' \
	"a cut title and a cut country end in …"
check "the first title is cut in its row" wait_selected '^  Government of Nepal v\. Tyson Tamang…'
expect '^    …and Sunita Nepali \(Kathmandu District Court\)$' \
	"the line above the status line goes on with the rest"
keys j j j
check "the fourth row is selected" wait_selected '^  Republic v\. Forkinya Northa and The…'
expect '^    Republic v\. Forkinya Northa and Theophilus Northa$' \
	"its title is shown whole on its own line"
keys j j j j j j j
check "a title that fits is selected" wait_selected '^  S v Jonas '
check "... and no extra line is drawn" poll 2 screen_lacks_now 'Forkinya Northa and Theophilus'
start 40x12 env LANG=C LC_ALL=C "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
expect '^   2  Definition: article 3 of the\.\.\.$' "under ASCII a cut menu item ends in ..."
keys 3 5
expect '^  Government of Nepal v\. Tyson\.\.\.  2024$' "under ASCII a cut title ends in ..."
check "40x12 ASCII: no line wider than 40" fits 40x12

# --- 4. navigation that returns where you were ---
kiosk 80x24
keys 5
wait_for 'Bibliographic Database: 38 publications' >/dev/null
keys 4
wait_for '^   Year from +any$' >/dev/null
keys Enter
wait_for '^   2023 +1$' >/dev/null
pick 2023
wait_for '^   Year from +2023$' >/dev/null
keys Escape
expect '^ Results 1-1 of 1, newest first' \
	"filters opened from the menu: back shows the results they changed"
keys Left
expect 'Bibliographic Database: 1 of 38 publications' "the menu's count follows the filters"
keys c
expect 'Bibliographic Database: 38 publications' "... and goes back to the whole count"
keys 4
wait_for '^   Year from +any$' >/dev/null
keys Left
expect '1  Search Bibliographic Database' "filters left unchanged: back is the menu"
keys 5
wait_for '^ Results 1-17 of 38, newest first' >/dev/null
keys s
expect 'Sorted by oldest\.' "the first s, without words, changes the order: oldest"
expect '^ Results 1-17 of 38, oldest first' "... and the list says so"
keys s
expect 'Sorted by title\.' "s again: title"
keys s
expect 'Sorted by newest\.' "s again: newest (relevance has no words to rank by)"
search 'forced'
wait_for '^ Results 1-' >/dev/null
keys /
expect '^ Search: forced  +typing replaces it, Backspace edits it' \
	"the search prompt says typing replaces the last search"
expect 'typing replaces' "... and so does the status line"
keys C-c

# --- 5. the first screen tells what is there ---
kiosk 80x24
# The portal's names for its databases, where they fit.
expect '^   3  Case Law Database        46 cases$' "home: Case Law Database with its count"
expect '^   4  Database of Legislation  33 laws$' "home: Database of Legislation with its count"
expect '^   5  Bibliographic Database   38 publications$' "home: Bibliographic Database with its count"
day=$(sqlite3 db/htkp.db "SELECT substr(value, 1, 10) FROM meta WHERE key = 'imported_at'")
expect "^  Data of $day; [0-9]+ added in the last 30 days\\.$" \
	"home: the date of the data and what is new"
expect '^  To search, open 3-5 and press /\.$' "home: one line on how to search"
small
expect '^  To search, open 3-5 and press /\.$' "40x12 home: the search line still shows"
expect '^   5  Bibliography  38 publications$' "40x12 home: the short names, and the counts"
check "40x12 home: no line wider than 40" fits 40x12

finish
