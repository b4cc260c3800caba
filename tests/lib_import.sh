# shellcheck shell=bash
# Helpers of the htkp-import end-to-end tests (tests/e2e/import.sh and
# import_v2.sh): TAP lines, running the importer, reading what it wrote.
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

# The importer must be there, or nothing below means anything.
if [ ! -x "$IMPORT" ]; then
	echo "not ok - $IMPORT is not an executable (set HTKP_IMPORT)"
	exit 1
fi
