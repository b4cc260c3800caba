#!/bin/bash
# make bench's one table (bench/results.py table): a fixed file of rows,
# as the benchmarks append them to $BENCH_RESULTS, gives this table: the
# groups in their order, each row's ratio to its anchor, ok or OVER
# against its target (or ? when a figure it needs is missing), and the
# count of targets met. No timings: the figures are made up.
. tests/lib.sh

PY=/usr/bin/python3
rows="$TMPDIR_TEST/results.tsv"
printf '%s\n' \
	'wire	vt100 walk help-down	bytes	0		floor	0	ratio<=1.15	0 writes' \
	'wire	vt100 walk start	bytes	750		floor	0	ratio<=1.15	4 writes, clear' \
	'queries	screen: trafficking	ms	9.50	28.00	naive SQL	19.00	<10 p99<30	22 matches' \
	'queries	screen: labour	ms	12.00	20.00	naive SQL	6.00	<10 p99<30	' \
	'queries	top 20 newest, no words	ms	0.50	4.00			<1 p99<3	' \
	'# a comment' \
	'extra	a figure of its own	MB	3.1					' \
	'import	htkp-import wall time	s	74.0		anchor.py		ratio<=1.2	best of 1' \
	'kiosks	key to frame, all keys	ms	15.2	60.3			p99<100	' >"$rows"

cat >"$TMPDIR_TEST/want" <<'WANT'
== every figure of every benchmark (FILE)
value: a median or p50, a best run or a count; ratio: value / anchor; target: on the value, p99 or ratio;
OVER: a target not met; ?: a figure the target needs was not measured (bench/README.md)

queries: queries through the store (ms): median and p99 of the runs; anchor: the same question in naive SQL
figure                      value unit        p99  anchor       anchor  ratio  target
screen: trafficking          9.50 ms        28.00  naive SQL     19.00   0.50  <10 p99<30    ok    22 matches
screen: labour              12.00 ms        20.00  naive SQL      6.00   2.00  <10 p99<30    OVER
top 20 newest, no words      0.50 ms         4.00                              <1 p99<3      OVER

import: htkp-import (best of the runs); anchors: bench/anchor.py, the input's size
figure                      value unit        p99  anchor       anchor  ratio  target
htkp-import wall time        74.0 s                anchor.py                   ratio<=1.2    ?     best of 1

kiosks: kiosks on ptys (bench/many.py): key to frame p50 and p99 (ms), memory (MB)
figure                      value unit        p99  anchor       anchor  ratio  target
key to frame, all keys       15.2 ms         60.3                              p99<100       ok

wire: bytes on the wire per step at 80x24 (tests/bytes/meter.py); anchors: the changed-cell floor, the best of lynx and w3m
figure                      value unit        p99  anchor       anchor  ratio  target
vt100 walk help-down            0 bytes            floor             0         ratio<=1.15   ok    0 writes
vt100 walk start              750 bytes            floor             0    inf  ratio<=1.15   OVER  4 writes, clear

extra
figure                      value unit        p99  anchor       anchor  ratio  target
a figure of its own           3.1 MB

targets: 3 met, 3 not met (OVER), 1 not measured (?), of 7
WANT
"$PY" bench/results.py table "$rows" 2>&1 | sed "s|$rows|FILE|" >"$TMPDIR_TEST/got"
check "a fixed file of rows gives the expected table" \
	diff -u "$TMPDIR_TEST/want" "$TMPDIR_TEST/got"
diff -u "$TMPDIR_TEST/want" "$TMPDIR_TEST/got" | sed 's/^/#   /'

# A row with a field too many: one line naming the file and line, no table.
printf 'queries\tx\tms\t1\t\t\t\t\t\t\n' >"$TMPDIR_TEST/bad.tsv"
"$PY" bench/results.py table "$TMPDIR_TEST/bad.tsv" >"$TMPDIR_TEST/out" 2>&1
check "a malformed row fails" test $? -ne 0
check "and says where, in one line" \
	bash -c "[ \"\$(cat '$TMPDIR_TEST/out')\" = '$TMPDIR_TEST/bad.tsv:1: 10 fields, want 9' ]"

finish
