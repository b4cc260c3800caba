#!/bin/bash
# Load over SSH: LOAD_SESSIONS (50) kiosk sessions at once through a real
# sshd on loopback (README.md's Match block), each searching, paging and
# opening records for LOAD_SECONDS (16). Half-way htkp-import replaces the
# database with one that has one case more: no session shows an error or
# ends early, the next key of each shows the new data, and the server's
# processes (sshd and htkp, PSS) stay under 10 MB a session.
# tests/load/driver.py drives the clients; bench/ssh_load.sh runs it longer.
. tests/lib.sh
. tests/lib_sshd.sh

sessions=${LOAD_SESSIONS:-50}
seconds=${LOAD_SECONDS:-16}
words="forced labour servitude passport children debt sexual victims"
db="$TMPDIR_TEST/live.db"

# The new data: the sample with one case more, newest of all, whose
# summary holds every word the sessions search for.
/usr/bin/python3 - "$TMPDIR_TEST/new.json" $words <<'PY'
import json, sys
d = json.load(open("db/seed/sample.json"))
c = dict(d["cases"][0])
c.update(id="LOAD-2026-001", title="Replaced under load v. Fifty Sessions",
         decision_date="2026-01-15", summary=" ".join(sys.argv[2:]) + ".")
d["cases"].append(c)
json.dump(d, open(sys.argv[1], "w"))
PY
"$HTKP_IMPORT" -o "$db" db/seed/sample.json >/dev/null
cp "$db" "$TMPDIR_TEST/old.db"
"$HTKP_IMPORT" -o "$TMPDIR_TEST/new.db" "$TMPDIR_TEST/new.json" >/dev/null
check "the new data imports" test $? -eq 0

# matches DB [WORD]: how many cases htkp query finds in DB.
matches() {
	"$HTKP" --db "$1" query cases ${2:+"$2"} 2>&1 | sed -n 's/^Results .* of \([0-9]*\)$/\1/p'
}
{
	printf '{"cases": [%s, %s], "words": {' "$(matches "$TMPDIR_TEST/old.db")" \
		"$(matches "$TMPDIR_TEST/new.db")"
	sep=
	for w in $words; do
		printf '%s"%s": [%s, %s]' "$sep" "$w" "$(matches "$TMPDIR_TEST/old.db" "$w")" \
			"$(matches "$TMPDIR_TEST/new.db" "$w")"
		sep=', '
	done
	echo '}}'
} >"$TMPDIR_TEST/counts.json"
sed 's/^/# counts before and after: /' "$TMPDIR_TEST/counts.json"
one_more() {
	/usr/bin/python3 -c 'import json, sys
c = json.load(open(sys.argv[1]))
sys.exit(not all(b == a + 1 and a > 0 for a, b in [c["cases"]] + list(c["words"].values())))' "$1"
}
check "the new data counts one case more, and one more match per word" one_more "$TMPDIR_TEST/counts.json"

sed -e "s|^path = .*|path = $db|" -e "s|^screens = .*|screens = $PWD/screens|" \
	config/htkp.ini >"$TMPDIR_TEST/htkp.ini"
sshd_init "$TMPDIR_TEST/ssh" "$TMPDIR_TEST/htkp.ini"
# sshd runs the forced command through the account's shell, and bash run
# by sshd reads ~/.bashrc unless it is a nested shell: the test's account
# is a developer's (a pyenv set-up cost 3 s a login), not a kiosk's.
match=$(echo "$match" | sed 's/^\( *SetEnv .*\)$/\1 SHLVL=1/')
trap 'stop_sshd; rm -rf "$TMPDIR_TEST"' EXIT
check "sshd starts with htkp as its forced command" start_sshd sshd

# The handshakes are not what is measured here: curve25519 instead of the
# default sntrup761 saves the clients 60 ms of CPU each.
nice -n 5 /usr/bin/python3 tests/load/driver.py \
	--client "${client/ssh -tt/ssh -tt -o KexAlgorithms=curve25519-sha256}" \
	--sessions "$sessions" --seconds "$seconds" --counts "$TMPDIR_TEST/counts.json" \
	--replace "'$HTKP_IMPORT' -o '$db' '$TMPDIR_TEST/new.json'" \
	--sshd-pid "$(cat "$dir/sshd.pid")" ${LOAD_ARGS:-} || FAILED=1

finish
