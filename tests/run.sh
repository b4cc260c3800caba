#!/bin/bash
# Runs the tests: the unit tests (plain and under ASan+UBSan) and the
# end-to-end scripts, which drive the real binaries in tmux on the real
# sample database. Each test prints TAP lines ("ok ...", "not ok ...",
# "ok ... # SKIP why"); this script counts them and ends with one line:
#   N passed, M failed, K skipped
# With CI set in the environment a skipped check counts as failed.
#
#   tests/run.sh                       every test, TEST_JOBS (3) at a time
#   tests/run.sh tests/e2e/cli.sh ...  only these (scripts or unit binaries)
#
# The test programs are independent (each has its own tmux server, temp
# directory and port), so they run side by side; each one's output is kept
# in its own file and shown whole when it ends. The longest run first, by
# the times of the previous run (build/test-times), so that the last one
# to finish does not start last.
cd "$(dirname "$0")/.." || exit 2

export HTKP="${HTKP:-./htkp}" HTKP_IMPORT="${HTKP_IMPORT:-./htkp-import}"
export HTKP_ASAN="${HTKP_ASAN:-build/asan/htkp}"
export HTKP_IMPORT_ASAN="${HTKP_IMPORT_ASAN:-build/asan/htkp-import}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99"
export CMOCKA_MESSAGE_OUTPUT=TAP

jobs=${TEST_JOBS:-3}
# A test that hangs is a failure, not a stuck check.
limit=${TEST_TIMEOUT:-300}
times_file=build/test-times

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0 failed=0 skipped=0

if [ $# -gt 0 ]; then
	tests=("$@")
else
	tests=()
	for t in build/test_* build/asan/test_*; do
		[ -x "$t" ] && tests+=("$t")
	done
	tests+=(tests/e2e/*.sh)
fi

# longest_first TEST...: the tests, slowest of the last run first; a test
# with no recorded time (a new one) goes first of all.
longest_first() {
	local t s
	for t in "$@"; do
		s=$(awk -v t="$t" '$2 == t { print $1 }' "$times_file" 2>/dev/null)
		echo "${s:-9999} $t"
	done | sort -rn -s -k1,1 | cut -d' ' -f2-
}

# start_job I: runs test I in the background, output to $log/I.out, and
# its status and seconds, when it ends, to $log/I.rc.
start_job() {
	local t=${tests[$1]} cmd
	case $t in
	*.sh) cmd=(bash "$t") ;;
	*) cmd=("$t") ;;
	esac
	(
		start=${EPOCHREALTIME/[.,]/}
		timeout -k 5 "$limit" "${cmd[@]}" >"$log/$1.out" 2>&1 </dev/null
		rc=$?
		ms=$(((${EPOCHREALTIME/[.,]/} - start) / 1000))
		printf '%s %d.%03d\n' "$rc" $((ms / 1000)) $((ms % 1000)) >"$log/$1.tmp"
		mv "$log/$1.tmp" "$log/$1.rc"
	) &
}

# report I: counts the TAP lines of test I and shows its summary, with the
# lines of whatever failed or was skipped. A program that fails without
# reporting a failed check, or reports no check at all, counts as one
# failure.
report() {
	local name=${tests[$1]} out="$log/$1.out" rc secs p f s
	read -r rc secs <"$log/$1.rc"
	s=$(grep -ciE '^ok .*# *skip' "$out")
	p=$(($(grep -c '^ok' "$out") - s))
	f=$(grep -c '^not ok' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		if [ "$rc" -eq 124 ]; then
			echo "not ok - $name took longer than $limit s: stopped" >>"$out"
		else
			echo "not ok - $name exited with status $rc" >>"$out"
		fi
	elif [ $((p + f + s)) -eq 0 ]; then
		f=1
		echo "not ok - $name reported no check" >>"$out"
	fi
	local sum="$p passed"
	[ "$f" -gt 0 ] && sum="$sum, $f failed"
	[ "$s" -gt 0 ] && sum="$sum, $s skipped"
	if [ -n "${CI:-}" ] && [ "$s" -gt 0 ]; then
		sum="$sum (counted as failed: CI is set)"
		f=$((f + s)) s_ci=$((s_ci + s)) s=0
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	printf '%s %s\n' "$secs" "$name" >>"$log/times"
	printf '== %s: %s (%.1f s)\n' "$name" "$sum" "$secs"
	if [ "$f" -gt 0 ]; then
		grep -v '^ok' "$out" | head -60
	fi
	grep -iE '^ok .*# *skip' "$out"
}

mapfile -t tests < <(longest_first "${tests[@]}")
s_ci=0 next=0 running=0 done_count=0
declare -A reported
while [ "$done_count" -lt "${#tests[@]}" ]; do
	while [ "$running" -lt "$jobs" ] && [ "$next" -lt "${#tests[@]}" ]; do
		start_job "$next"
		next=$((next + 1)) running=$((running + 1))
	done
	wait -n
	for ((i = 0; i < next; i++)); do
		if [ -z "${reported[$i]:-}" ] && [ -e "$log/$i.rc" ]; then
			reported[$i]=1
			report "$i"
			running=$((running - 1)) done_count=$((done_count + 1))
		fi
	done
done

# Keep the times of a whole run for the next one's order.
if [ $# -eq 0 ] && [ -d build ]; then
	sort -rn "$log/times" >"$times_file.new" && mv "$times_file.new" "$times_file"
fi
[ "$s_ci" -gt 0 ] && echo "# CI is set: $s_ci skipped checks counted as failed"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
