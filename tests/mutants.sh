#!/bin/bash
# Mutation testing: each mutant of tests/mutants.list (one changed line) is
# applied to a scratch copy of the tree, never to the tree itself; the copy
# is built and the mutant's tests are run. A mutant that no test catches
# shows a guarantee no test holds. Prints a table and exits 1 when a mutant
# survives, does not build, or no longer matches exactly one line.
#
#   tests/mutants.sh [-m REGEX] [-l LIST] [-B]
#     -m  only the mutants whose name or description matches REGEX
#     -l  another list (default tests/mutants.list)
#     -B  skip the baseline (the unmutated copy passing the same tests)
cd "$(dirname "$0")/.." || exit 2

list=tests/mutants.list only='' baseline=1
while getopts 'm:l:B' o; do
	case $o in
	m) only=$OPTARG ;;
	l) list=$OPTARG ;;
	B) baseline='' ;;
	*) exit 2 ;;
	esac
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The tree as it is, built objects too, so that each mutant rebuilds
# only the file it changes. git's own files are left behind.
tar --exclude=./.git -cf - . | (mkdir "$scratch/tree" && tar -xf - -C "$scratch/tree")
tree=$scratch/tree

# mutate FILE ORIGINAL REPLACEMENT: changes the one line of FILE that
# ORIGINAL (fixed string, or /regex/) matches. Prints the number of lines
# it matched; changes nothing unless that is 1.
mutate() {
	python3 - "$@" <<'PY'
import re, sys
path, orig, repl = sys.argv[1:4]
if len(orig) > 1 and orig.startswith('/') and orig.endswith('/'):
    rx = re.compile(orig[1:-1])
    find = lambda line: rx.search(line)
    sub = lambda line: rx.sub(lambda m: repl, line, count=1)
else:
    find = lambda line: orig in line
    sub = lambda line: line.replace(orig, repl, 1)
with open(path) as f:
    lines = f.read().split('\n')
hits = [i for i, line in enumerate(lines) if find(line)]
print(len(hits))
if len(hits) == 1:
    lines[hits[0]] = sub(lines[hits[0]])
    with open(path, 'w') as f:
        f.write('\n'.join(lines))
PY
}

# build_and_test TESTS...: builds the copy and runs the tests in it; the
# runner's output goes to $scratch/out. Status: 0 all passed, 1 some
# failed, 2 the build failed.
build_and_test() {
	local targets=(all build/asan/htkp build/asan/htkp-import) t
	for t in "$@"; do
		case $t in build/*) targets+=("$t") ;; esac
	done
	(cd "$tree" && nice make -s -j2 "${targets[@]}") >"$scratch/build" 2>&1 || return 2
	(cd "$tree" && tests/run.sh "$@") >"$scratch/out" 2>&1
}

# caught_by: the tests that failed in the last run, and their first
# failed check.
caught_by() {
	awk '/^== .*failed/ { sub(/^== /, ""); sub(/:.*/, ""); name = $0; next }
	     name && /^not ok/ { sub(/^not ok [0-9]* *-? */, ""); print name ": " $0; name = "" }' \
		"$scratch/out" | head -3 | paste -sd'|' | sed 's/|/ | /g'
}

names=() files=() origs=() repls=() tests=() descs=()
while IFS= read -r line; do
	case $line in '#'* | '') continue ;; esac
	IFS=$'\x1f' read -r n f o r t d <<<"${line// @@ /$'\x1f'}"
	if [ -n "$only" ] && ! printf '%s %s\n' "$n" "$d" | grep -qE -- "$only"; then
		continue
	fi
	names+=("$n") files+=("$f") origs+=("$o") repls+=("$r") tests+=("$t") descs+=("$d")
done <"$list"
[ "${#names[@]}" -gt 0 ] || { echo "no mutant in $list${only:+ matches $only}"; exit 2; }

if [ -n "$baseline" ]; then
	# shellcheck disable=SC2046
	all_tests=$(printf '%s\n' "${tests[@]}" | tr ' ' '\n' | sort -u)
	# shellcheck disable=SC2086
	build_and_test $all_tests
	case $? in
	0) echo "baseline: the unmutated tree passes the tests named" ;;
	*)
		echo "baseline: the unmutated tree does not pass its tests; nothing to measure"
		cat "$scratch/build" "$scratch/out" 2>/dev/null | tail -40
		exit 2
		;;
	esac
fi

bad=0 rows=()
for i in "${!names[@]}"; do
	f=${files[$i]}
	cp -p "$tree/$f" "$scratch/orig"
	hits=$(mutate "$tree/$f" "${origs[$i]}" "${repls[$i]}")
	if [ "$hits" != 1 ]; then
		if [ "$hits" = 0 ]; then res="STALE" by="matches no line of $f"; else
			res="AMBIGUOUS" by="matches $hits lines of $f"
		fi
		bad=1
	else
		start=$SECONDS
		# shellcheck disable=SC2086
		build_and_test ${tests[$i]}
		case $? in
		0) res="SURVIVED" by="${tests[$i]} all passed" bad=1 ;;
		1) res="caught" by=$(caught_by) ;;
		*) res="NO BUILD" by=$(grep -m1 -E 'error|Error' "$scratch/build") bad=1 ;;
		esac
		by="$by ($((SECONDS - start)) s)"
	fi
	# Back to the original; a fresh time stamp, so make rebuilds it.
	cp "$scratch/orig" "$tree/$f"
	touch "$tree/$f"
	rows+=("$(printf '%-24s %-9s %s' "${names[$i]}" "$res" "$by")")
	printf '%-24s %-9s %s\n' "${names[$i]}" "$res" "${descs[$i]}" >&2
done

echo
printf '%-24s %-9s %s\n' mutant result "by (test: first failed check)"
printf '%s\n' "${rows[@]}"
echo
if [ "$bad" -ne 0 ]; then
	echo "some mutants were not caught (SURVIVED), do not build, or are STALE/AMBIGUOUS"
	exit 1
fi
echo "all ${#names[@]} mutants caught"
