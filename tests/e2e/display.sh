#!/bin/bash
# The [display] settings as a user sees them: low_bandwidth, ascii rules,
# themes, NO_COLOR, and the charset chosen against the locale.
. tests/lib.sh

colours() { t capture-pane -p -e -t k | grep -cE $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;5|48;5)[;m]'; }
search_labour() {
	keys 3
	wait_for 'Case Law Database: 46 cases' >/dev/null
	keys /
	keys -l labour
	keys Enter
	wait_for '^ Results 1-' >/dev/null
}

# --- low_bandwidth: no rules, no snippets ---
start 80x24 "$HTKP" -c "$(with low_bandwidth=yes)"
wait_for '1  Welcome' >/dev/null
keys 3
expect 'Case Law Database: 46 cases' "low_bandwidth: the database screen opens"
check "low_bandwidth: no rule under the header" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | sed -n 4p | grep -q '[─-]'"
keys /
keys -l labour
keys Enter
expect '^ Results 1-17 of' "low_bandwidth: one line a result, so 17 fit (and the line for a cut title)"
check "low_bandwidth: no matching text under the rows" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -q '^    \.\.\.'"

# --- the default: rules and snippets ---
kiosk 80x24
search_labour
expect '^ Results 1-9 of' "default: a result and its matching text take two lines"
expect '^    \.\.\.' "default: the matching text is shown under the rows"

# --- ascii = yes: rules in plain ASCII ---
start 80x24 "$HTKP" -c "$(with ascii=yes)"
wait_for '1  Welcome' >/dev/null
keys 3
expect '^ -{20,}' "ascii = yes: the rule is drawn with '-'"
check "ascii = yes: no line-drawing character on screen" \
	bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t k | grep -q '─'"

# --- themes and NO_COLOR ---
kiosk 80x24
keys 3
wait_for 'Case Law Database: 46' >/dev/null
check "theme default: colour on a colour terminal" test "$(colours)" -gt 0
start 80x24 "$HTKP" -c "$(with theme=mono)"
wait_for '1  Welcome' >/dev/null
keys 3
wait_for 'Case Law Database: 46' >/dev/null
check "theme mono: no colour at all" test "$(colours)" -eq 0
check "theme mono: the selection is still shown (reverse video)" \
	bash -c "tmux -L $TMUX_SOCKET capture-pane -p -e -t k | grep -qE $'\e\\\\[[0-9;]*7m'"
start 80x24 "$HTKP" -c "$(with theme=high-contrast)"
wait_for '1  Welcome' >/dev/null
check "theme high-contrast: colour" test "$(colours)" -gt 0
start 80x24 env NO_COLOR=1 "$HTKP" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
keys 3
wait_for 'Case Law Database: 46' >/dev/null
check "NO_COLOR: no colour" test "$(colours)" -eq 0

# --- charset against the locale ---
start 80x24 env LANG=C LC_ALL=C "$HTKP" -c "$(with charset=utf-8)"
wait_for '1  Welcome' >/dev/null
keys 3
wait_for 'Case Law Database: 46' >/dev/null
keys /
keys -l bogota
keys Enter
wait_for 'Results 1-1' >/dev/null
keys Enter
expect 'Vaupés \(Bogotá\)' "charset = utf-8 under a C locale: accents shown"
out=$(LANG=C "$HTKP" -c "$(with charset=klingon)" query cases x 2>&1)
check "an unknown charset: exit 2" test $? -eq 2
check "an unknown charset: one line naming it" \
	test "$out" = 'htkp: [display] charset: unknown character set "klingon"'
out=$(LANG=C "$HTKP" -c "$(with charset=iso-8859-1)" query cases bogota 2>/dev/null)
check "charset = iso-8859-1 without its locale: ASCII, transliterated" \
	bash -c "printf '%s\n' \"\$1\" | grep -q 'Vaupes (Bogota)'" _ "$out"

finish
