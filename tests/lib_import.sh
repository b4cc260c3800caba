# shellcheck shell=bash
# Helpers of the htkp-import end-to-end tests (tests/e2e/import.sh,
# import_v2.sh and import_jsonl.sh): TAP lines, running the importer,
# reading what it wrote, checking a run that must fail.
# Source it after making $tmp (the test's private directory) and setting
# $PY (a python3 with the sqlite3 module); $IMPORT is the binary.
IMPORT=${HTKP_IMPORT:-./htkp-import}
failed=0
count=0

pass() { count=$((count + 1)); echo "ok - $1"; }
fail() {
	count=$((count + 1))
	failed=1
	echo "not ok - $1"
	shift
	for why in "$@"; do echo "#   $why"; done
	sed 's/^/#   stderr: /' "$tmp/err" 2>/dev/null | head -20
}
skip() { count=$((count + 1)); echo "ok - $1 # SKIP $2"; }

# run ARGS...: runs the importer; sets $rc, output in $tmp/out and $tmp/err.
run() {
	"$IMPORT" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# query DB SQL: prints the rows, fields joined by '|'.
query() {
	"$PY" - "$1" "$2" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2]):
    print('|'.join('' if v is None else str(v) for v in row))
PYEOF
}

# The checks of a run that must fail: they need $live (the live database)
# and $tmp/live.orig (its copy).
# problems WANT_RC LINE...: what is wrong with the last run, given that it
# should have failed with WANT_RC, printed each LINE (a fixed string) on
# stderr, and left the live database untouched with no temporary file.
problems() {
	local want=$1 line
	shift
	[ "$rc" = "$want" ] || echo "exit status $rc, want $want"
	for line in "$@"; do
		grep -qF -- "$line" "$tmp/err" || echo "no line with: $line"
	done
	cmp -s "$live" "$tmp/live.orig" || echo "the live database changed"
	local left=("$tmp"/live/*.tmp-*)
	[ ! -e "${left[0]}" ] || echo "temporary file left: ${left[*]##*/}"
}

# expect DESC WANT_RC 'ARGS' LINE...: runs the importer with ARGS (split on
# spaces; -o names the live database) and checks it failed as described.
expect() {
	local desc=$1 want=$2 args=$3
	shift 3
	# shellcheck disable=SC2086
	run $args
	local why
	why=$(problems "$want" "$@")
	# A broken build that wrongly succeeded must not fail the next checks.
	cmp -s "$live" "$tmp/live.orig" || cp "$tmp/live.orig" "$live"
	if [ -z "$why" ]; then pass "$desc"; else
		local lines=()
		mapfile -t lines <<<"$why"
		fail "$desc" "${lines[@]}"
	fi
}

# lines_are N DESC: passes if the last run printed N lines on stderr.
lines_are() {
	local n
	n=$(grep -c . "$tmp/err")
	if [ "$n" = "$1" ]; then pass "$2"; else fail "$2" "$n lines, want $1"; fi
}

# The importer must be there, or nothing below means anything.
if [ ! -x "$IMPORT" ]; then
	echo "not ok - $IMPORT is not an executable (set HTKP_IMPORT)"
	exit 1
fi
