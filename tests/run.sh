#!/bin/sh
# Runs every test: the unit tests (plain and under ASan+UBSan) and the
# end-to-end scripts, which drive the real binaries in tmux on the real
# sample database. Each test prints TAP lines ("ok ..." / "not ok ...");
# this script counts them and ends with one line: N passed, M failed.
cd "$(dirname "$0")/.." || exit 2

export HTKP="${HTKP:-./htkp}" HTKP_IMPORT="${HTKP_IMPORT:-./htkp-import}"
export HTKP_ASAN="${HTKP_ASAN:-build/asan/htkp}"
export HTKP_IMPORT_ASAN="${HTKP_IMPORT_ASAN:-build/asan/htkp-import}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99"
export CMOCKA_MESSAGE_OUTPUT=TAP

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0 failed=0

# run NAME COMMAND...: runs one test program and counts its TAP lines; a
# program that fails without reporting a failed check counts as one.
run() {
	name=$1
	shift
	out="$log/out"
	"$@" >"$out" 2>&1
	rc=$?
	p=$(grep -c '^ok' "$out")
	f=$(grep -c '^not ok' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $rc"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		echo "== $name: $p passed, $f failed"
		grep -v '^ok' "$out" | head -60
	else
		echo "== $name: $p passed"
	fi
}

for t in build/test_* build/asan/test_*; do
	[ -x "$t" ] && run "$t" "$t"
done
for t in tests/e2e/*.sh; do
	run "$t" bash "$t"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
