#!/bin/bash
# The end-to-end paths under AddressSanitizer + UndefinedBehaviorSanitizer
# and under valgrind: a session through every kind of screen, quit with q,
# must exit 0 with no report; so must the command line.
. tests/lib.sh

HTKP_ASAN=${HTKP_ASAN:-build/asan/htkp}
logs="$TMPDIR_TEST/san"
mkdir -p "$logs"

# step KEYS... -- REGEX: sends keys, then waits for the screen to match.
step() {
	local k=()
	while [ "$1" != "--" ]; do k+=("$1"); shift; done
	keys "${k[@]}"
	wait_for "$2" >/dev/null || not_ok "screen after ${k[*]} shows /$2/"
}

session() {
	step 1 -- 'Welcome to the UNODC'
	step Escape -- '7  About'
	step 6 -- 'Keys'
	step End -- 'q +quit'
	step Escape -- '7  About'
	step 3 -- 'Case Law Database: 46 cases'
	step / -- 'Enter search  '
	keys -l 'labourx'
	step BSpace -- 'Search: labour *$'
	step Enter -- 'Results 1-'
	step NPage -- 'Results [0-9]+-'
	step s -- 'Sorted by newest'
	step Enter -- 'Case Law [A-Z]+-'
	step Tab -- 'Tab next link'
	step Enter -- 'Legislation|Case Law'
	step Escape -- 'Case Law'
	step Escape -- 'Results'
	step f -- 'Decision year from'
	step Enter -- 'any: remove'
	step Down Enter -- 'Country'
	step Escape -- 'Results'
	step c -- 'cleared'
	step Escape -- '2  Browse by country'
	step 2 -- 'Browse by country'
	step Enter -- 'Results'
	step Escape -- 'Browse by country'
	step Escape -- '3  Browse by keyword'
	step 3 -- 'Act'
	step Escape -- 'Browse by keyword'
	step H -- '7  About'
	resize 40 12
	step 5 -- 'Bibliography'
	resize 10 5
	wait_for 'Terminal' >/dev/null
	resize 80 24
	# Keys typed while the window is too small are dropped: wait until
	# the kiosk has drawn at the new size.
	wait_for 'All 38 publications' >/dev/null
	step H -- '7  About'
	keys q
}

# --- ASan + UBSan ---
start 80x24 env ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1" \
	UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1" \
	"$HTKP_ASAN" -c config/htkp.ini
wait_for '1  Welcome' >/dev/null
session
expect '^\[exited 0\]' "ASan+UBSan: a session through every screen exits 0"
check "ASan+UBSan: no report from the session" test -z "$(ls "$logs")"
cat "$logs"/* 2>/dev/null | head -40 | sed 's/^/# /'

rm -f "$logs"/*
export ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1" UBSAN_OPTIONS="log_path=$logs/ubsan"
"$HTKP_ASAN" query cases 'forced labour' --filter year=2000-2020 --sort title >/dev/null 2>&1
"$HTKP_ASAN" query bibliography '"unbalanced' --page 2 >/dev/null 2>&1
"$HTKP_ASAN" query cases --filter nope=1 >/dev/null 2>&1
"$HTKP_ASAN" show cases NOR-2017-001 >/dev/null 2>&1
"$HTKP_ASAN" show legislation GBR-2015-MSA >/dev/null 2>&1
"$HTKP_ASAN" -c tests/data/config/bad_int.ini >/dev/null 2>&1
LANG=C "$HTKP_ASAN" show cases COL-2018-001 >/dev/null 2>&1
check "ASan+UBSan: the command line (query, show, errors) has no report" test -z "$(ls "$logs")"
cat "$logs"/* 2>/dev/null | head -40 | sed 's/^/# /'
unset ASAN_OPTIONS UBSAN_OPTIONS

# --- valgrind ---
if command -v valgrind >/dev/null; then
	vg="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --log-file=$logs/vg.%p"
	# valgrind runs SQLite some fifty times slower, and more on a busy
	# machine: the bound on one statement's time must not be what fails.
	vgcfg="$TMPDIR_TEST/valgrind.ini"
	sed 's/^time_limit = .*/time_limit = 120000/' config/htkp.ini >"$vgcfg"
	start 80x24 $vg "$HTKP" -c "$vgcfg"
	wait_for '1  Welcome' 30 >/dev/null
	session
	expect '^\[exited 0\]' "valgrind: a session through every screen exits 0 with no error" 
	grep -h -A12 -E 'Invalid|uninitialised|definitely lost: [1-9]' "$logs"/vg.* 2>/dev/null | head -40 | sed 's/^/# /'
	$vg "$HTKP" -c "$vgcfg" query cases labour --filter country=Norway >/dev/null 2>"$logs/err"
	check "valgrind: query" test $? -eq 0
	sed 's/^/# /' "$logs/err"
	$vg "$HTKP" -c "$vgcfg" show cases NOR-2017-001 >/dev/null 2>"$logs/err"
	check "valgrind: show" test $? -eq 0
	sed 's/^/# /' "$logs/err"
else
	not_ok "valgrind is installed"
fi

finish
