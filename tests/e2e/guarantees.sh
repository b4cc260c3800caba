#!/bin/bash
# Promises made about files, checked at the system-call level where the
# screen cannot show them:
#   * htkp-import makes its new file durable before it takes the name
#     (fsync of the temporary file, then rename, then fsync of the
#     directory), and never removes the old name first: a kiosk opening
#     the database at any moment finds one whole file or the other;
#   * the kiosk opens the database read-only.
. tests/lib.sh

dir="$TMPDIR_TEST/live"
mkdir -p "$dir"
live="$dir/htkp.db"
log="$TMPDIR_TEST/strace.log"
"$HTKP_IMPORT" -o "$live" tests/data/import/good.json >/dev/null

# --- htkp-import: fsync, rename, fsync of the directory; no unlink ---
strace -f -y -o "$log" -e trace=fsync,fdatasync,rename,renameat,renameat2,unlink,unlinkat \
	"$HTKP_IMPORT" -o "$live" tests/data/import/good.json tests/data/import/more.json >/dev/null
check "htkp-import under strace replaces the database" test $? -eq 0

# order: one word per event, in the order they happened: sync-tmp (the
# temporary file beside the target was flushed), rename (it took the
# target's name), sync-dir (the directory was flushed), unlink-target.
order() {
	awk -v live="$live" -v dir="$dir" '
		/(fsync|fdatasync)\(/ && index($0, "<" live ".tmp-") { print "sync-tmp" }
		/rename(at2?)?\(/ && index($0, ".tmp-") && index($0, "\"" live "\"") && / = 0$/ { print "rename" }
		/fsync\(/ && index($0, "<" dir ">") { print "sync-dir" }
		/unlink(at)?\(/ && index($0, "\"" live "\"") { print "unlink-target" }
	' "$log" | uniq | tr '\n' ' '
}
got=$(order)
check "htkp-import: the temporary file is flushed, renamed over the old one, then the directory flushed" \
	test "$got" = "sync-tmp rename sync-dir "
check "htkp-import: the old database's name is never removed (rename replaces it in one step)" \
	bash -c "! grep -qF -- '\"$live\"' <(grep -E 'unlink(at)?\(' '$log')"
[ "$got" = "sync-tmp rename sync-dir " ] || {
	echo "# events: $got"
	sed 's/^/# /' "$log" | head -20
}

# --- the kiosk: the database descriptor is read-only ---
kiosk 80x24 --db "$live"
keys 3
wait_for 'Case Law: 3 cases' >/dev/null
pid=$(kiosk_pid)
# db_flags: the open flags (octal, from /proc) of the kiosk's descriptor
# on the database file; empty when it has none.
db_flags() {
	local fd
	for fd in /proc/"$pid"/fd/*; do
		if [ "$(readlink "$fd")" = "$live" ]; then
			awk '/^flags:/ { print $2 }' /proc/"$pid"/fdinfo/"${fd##*/}"
			return
		fi
	done
}
flags=$(db_flags)
check "the kiosk holds the database open" test -n "$flags"
check "the kiosk opened the database read-only (O_RDONLY; flags $flags)" \
	test -n "$flags" -a $((0$flags & 3)) -eq 0
check "the kiosk left no journal or lock file beside the database" \
	test "$(ls "$dir")" = htkp.db

finish
