#!/bin/sh
# Builds the libFuzzer targets and runs each for a while.
#
#   tests/fuzz/run.sh [SECONDS [TARGET...]]
#
# SECONDS (default 60) is per target; TARGET is any of fuzz_query,
# fuzz_text, fuzz_config, fuzz_import, fuzz_keys (default: all five, one
# after the other). Each target is compiled with clang
# -fsanitize=fuzzer,address,undefined straight from the src/*/*.c files it
# tests (fuzz_keys: the kiosk but src/cli, with -DHTKP_FUZZ, on db/htkp.db,
# which make builds first); everything it writes is under build/fuzz/:
#   build/fuzz/NAME              the fuzzer
#   build/fuzz/NAME.dict         its dictionary (written here)
#   build/fuzz/corpus/NAME/      the corpus, seeded from tests/fuzz/seeds/NAME/
#                                and kept between runs
#   build/fuzz/artifacts/NAME/   crash-*, leak-*, timeout-*, oom-* inputs of
#                                the latest run (older ones go to previous/)
#   build/fuzz/logs/NAME.log     libFuzzer's output
#   build/fuzz/cov/              source coverage of the corpus (llvm-cov), when
#                                llvm-profdata and llvm-cov exist; FUZZ_COVERAGE=0
#                                skips it
# Exits non-zero when any target crashed, leaked, hung, failed a check or did
# not build. CC (default clang) and FUZZ_FLAGS (extra libFuzzer flags) are
# honoured.
cd "$(dirname "$0")/../.." || exit 2

secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-fuzz_query fuzz_text fuzz_config fuzz_import fuzz_keys}
case $secs in
''|*[!0-9]*) echo "usage: $0 [SECONDS [TARGET...]]" >&2; exit 2 ;;
esac

CC=${CC:-clang}
case $CC in cc|gcc|*/gcc) CC=clang ;; esac   # libFuzzer needs clang
out=build/fuzz
CFLAGS_FUZZ="-std=c11 -g -O1 -Wall -Wextra -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc \
-fno-omit-frame-pointer -fno-sanitize-recover=all"
mkdir -p "$out/logs" "$out/cov" || exit 2

# What each target is built from and linked with.
sources() {
	case $1 in
	fuzz_query) echo "src/query/query.c src/query/spelling.c" ;;
	fuzz_text) echo "src/common/text.c src/common/grow.c" ;;
	fuzz_config) echo "src/common/config.c" ;;
	fuzz_import) echo "src/common/catalog.c" $(ls src/import/import_*.c |
		grep -v -e import_load.c -e import_fts.c -e import_out.c) ;;
	fuzz_keys) echo src/common/*.c src/query/*.c src/store/*.c src/ui/*.c ;;
	*) return 1 ;;
	esac
}
libs() {
	case $1 in
	fuzz_query) echo "-lsqlite3 -lunistring" ;;
	fuzz_text) echo "-lunistring" ;;
	fuzz_config) echo "-linih" ;;
	fuzz_import) echo "-lsqlite3 -lunistring" ;;
	fuzz_keys) echo "-DHTKP_FUZZ -Ibuild $(pkg-config --cflags ncursesw | tr ' ' '\n' |
		grep -v '^-D') $(pkg-config --libs ncursesw) -lsqlite3 -linih -lunistring" ;;
	esac
}
# The longest input tried: a few records for fuzz_import (the sample's
# 126 KB seed is cut to this, a syntax error like any other); for
# fuzz_keys each byte is a key and a frame.
max_len() {
	case $1 in
	fuzz_import) echo 8192 ;;
	fuzz_keys) echo 512 ;;
	*) echo 4096 ;;
	esac
}
# libFuzzer flags of one target. fuzz_keys: no leak check after each input:
# ncurses and SQLite grow caches as screens and queries are first seen,
# so nearly every input allocates more than it frees, and each check is a
# scan of the whole heap (2 runs a second instead of hundreds). A frame
# of a clamped 1000-column screen costs milliseconds, and on a loaded
# machine an input of such frames took over 10 s (libFuzzer's default
# for a slow unit) without hanging; -timeout still catches a hang.
target_flags() {
	case $1 in
	fuzz_keys) echo "-detect_leaks=0 -report_slow_units=30" ;;
	esac
}
# What a target needs built first: fuzz_keys the schema header store.c
# includes and the sample database it reads.
prepare() {
	case $1 in
	fuzz_keys) make -s build/schema_sql.h db/htkp.db ;;
	esac
}
# Seed directories read besides the corpus (never written to).
extra_seeds() {
	case $1 in
	fuzz_config) echo "tests/data/config" ;;
	fuzz_import) echo "tests/data/import tests/data db/seed" ;;   # tests/data: the htkp/1 sample and the htkp/2 files
	esac
}
write_dict() {
	case $1 in
	fuzz_query) cat <<'EOF'
"OR"
"NOT"
"AND"
"\""
"*"
"-"
" "
"\"*"
" OR "
" NOT "
"-\""
"\xe3\x80\x80"
"\xc2\xa0"
"\xe2\x80\xa8"
"\xcc\x81"
"\xef\xbf\xbd"
"\xe4\xba\xba"
"forced"
"labour"
EOF
	;;
	fuzz_text) cat <<'EOF'
"\x0a"
" "
"  "
"\x09"
"\x0d"
"-"
"\xcc\x81"
"\xcc\xa3"
"\xe2\x80\xae"
"\xe2\x81\xa6"
"\xe2\x80\x8b"
"\xe2\x80\xa8"
"\xc2\xad"
"\xef\xbb\xbf"
"\xe4\xb8\xad"
"\xe3\x80\x82"
"\xe3\x80\x80"
"\xf0\x9f\x98\x80"
"\xd9\x85"
"\xd7\xa9"
"\xe1\x84\x80"
"\xe1\x85\xa1"
"\xc3\x96"
EOF
	;;
	fuzz_config) cat <<'EOF'
"[database]"
"[display]"
"[kiosk]"
"path"
"screens"
"theme"
"charset"
"ascii"
"low_bandwidth"
"idle_timeout"
"allow_quit"
"esc_delay"
" = "
":"
";"
"#"
"["
"]"
"\x0a"
"\x0d\x0a"
"\xef\xbb\xbf"
"default"
"mono"
"high-contrast"
"auto"
"yes"
"no"
"true"
"off"
"86400"
"5000"
"-1"
"2147483648"
EOF
	;;
	fuzz_import) cat <<'EOF'
"{\"format\": \"htkp/1\""
"\"htkp/1\""
"\"cases\": ["
"\"legislation\": ["
"\"bibliography\": ["
"{\"id\": \"A\", \"title\": \"T\", \"country\": \"C\"}"
"\"id\""
"\"title\""
"\"country\""
"\"decision_date\""
"\"outcome\""
"\"convicted\""
"\"proceedings\""
"\"victims\""
"\"count\""
"\"children\""
"\"legislation\""
"\"year\""
"\"methods\""
"\"review\""
"\"2019-02-29\""
":"
","
"[]"
"{}"
"null"
"true"
"1e999"
"-0"
"\\u0000"
"\\ud83d\\ude00"
"\\ud800"
"\\u202e"
"\\n"
"\\/"
"\xef\xbb\xbf"
"\xe2\x80\xae"
"\xc2\x85"
EOF
	;;
	fuzz_keys) cat <<'EOF'
"\x0d"
"\x1b"
"\x09"
"/"
"3"
"4"
"5"
"f"
"s"
"c"
"H"
"?"
"/forced\x0d"
"/labour\x0d"
"/\"forced labour\"\x0d"
"/trafficking OR labour\x0d"
"/-forced\x0d"
"\x81\x81\x81"
"\x84\x84"
"\x90"
"\x92"
"\x9c"
"\x9d"
"\x9f"
EOF
	;;
	esac
}

status=0
summary=""

for t in $targets; do
	src=$(sources "$t") || { echo "$0: unknown target $t" >&2; status=1; continue; }
	bin=$out/$t
	log=$out/logs/$t.log
	corpus=$out/corpus/$t
	art=$out/artifacts/$t

	echo "== $t: building"
	if ! prepare "$t"; then
		echo "== $t: BUILD FAILED (make)"
		summary="$summary$t: build failed
"
		status=1
		continue
	fi
	# shellcheck disable=SC2086
	if ! $CC $CFLAGS_FUZZ -fsanitize=fuzzer,address,undefined \
		"tests/fuzz/$t.c" $src $(libs "$t") -o "$bin"; then
		echo "== $t: BUILD FAILED"
		summary="$summary$t: build failed
"
		status=1
		continue
	fi
	write_dict "$t" > "$out/$t.dict"

	mkdir -p "$corpus" "$art/previous"
	cp tests/fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null
	for f in "$art"/*; do
		[ -f "$f" ] && mv "$f" "$art/previous/"
	done

	echo "== $t: fuzzing for ${secs}s (log: $log)"
	# shellcheck disable=SC2046,SC2086
	ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:symbolize=1:${ASAN_OPTIONS:-}" \
	UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}" \
	"$bin" -max_total_time="$secs" -timeout=10 -max_len="$(max_len "$t")" $(target_flags "$t") \
		-print_final_stats=1 -dict="$out/$t.dict" \
		-artifact_prefix="$art/" ${FUZZ_FLAGS:-} \
		"$corpus" $(extra_seeds "$t") > "$log" 2>&1
	rc=$?

	# The numbers from the last status line and the final stats.
	last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([^ ]*\).*/\1/p')
	line="$t: ${execs:-?} execs, ${rate:-?} exec/s, cov ${cov:-?} edges, ft ${ft:-?}, corpus ${corp:-?}"

	found=$(find "$art" -maxdepth 1 -type f | sort)
	if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
		status=1
		line="$line: FAILED (exit $rc)"
		echo "== $t: FAILED (exit $rc); the report:"
		grep -E -A 40 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|fuzz_(query|text|config|import|keys): |Deadly signal' "$log" | head -n 80
		for f in $found; do
			echo "-- reproducer $f ($(wc -c < "$f") bytes); rerun: $bin $f"
			od -A x -t x1z -v "$f" | head -n 40
		done
	else
		echo "== $t: ok"
	fi
	echo "   $line"
	summary="$summary$line
"

	# Source coverage of the corpus: a plain fuzzer build with clang's
	# coverage mapping, run once over every input.
	if [ "${FUZZ_COVERAGE:-1}" != 0 ] && command -v llvm-profdata >/dev/null \
		&& command -v llvm-cov >/dev/null; then
		cbin=$out/cov/$t
		# shellcheck disable=SC2086
		if $CC $CFLAGS_FUZZ -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping \
			"tests/fuzz/$t.c" $src $(libs "$t") -o "$cbin" 2>/dev/null; then
			rm -f "$out/cov/$t".*.profraw
			# shellcheck disable=SC2046
			LLVM_PROFILE_FILE="$out/cov/$t.%p.profraw" "$cbin" -runs=0 \
				-artifact_prefix="$out/cov/$t-" "$corpus" $(extra_seeds "$t") > "$out/cov/$t.log" 2>&1
			if [ $? -ne 0 ] || ! ls "$out/cov/$t".*.profraw >/dev/null 2>&1; then
				echo "   no source coverage: an input of the corpus crashed ($out/cov/$t.log)"
			elif llvm-profdata merge -sparse "$out/cov/$t".*.profraw \
				-o "$out/cov/$t.profdata" 2>/dev/null; then
				# shellcheck disable=SC2086
				llvm-cov report "$cbin" -instr-profile="$out/cov/$t.profdata" \
					$src > "$out/cov/$t.txt" 2>/dev/null
				# shellcheck disable=SC2086
				llvm-cov show "$cbin" -instr-profile="$out/cov/$t.profdata" \
					$src > "$out/cov/$t.show.txt" 2>/dev/null
				echo "   source coverage of $src (build/fuzz/cov/$t.txt):"
				sed -n '1p;/^-/d;/TOTAL/d;/\.c /p' "$out/cov/$t.txt" | sed 's/^/   /'
			fi
			rm -f "$out/cov/$t".*.profraw
		fi
	fi
done

echo "== summary"
printf '%s' "$summary"
exit "$status"
