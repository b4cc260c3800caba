#!/bin/bash
# A new database renamed into place by htkp-import while a kiosk runs:
# the kiosk keeps working and shows the new data from its next key on.
. tests/lib.sh

db="$TMPDIR_TEST/live.db"
"$HTKP_IMPORT" -o "$db" db/seed/sample.json >/dev/null
kiosk 80x24 --db "$db"
keys 3
expect 'Case Law Database: 46 cases' "the kiosk reads the first database"
keys 5
expect 'Results 1-' "a list of the first database"

"$HTKP_IMPORT" -o "$db" tests/data/unicode.json >/dev/null
check "htkp-import replaced the file under the running kiosk" test $? -eq 0
keys Down
expect 'The database was updated' "the next key notices the new database"
expect 'Results 1-2 of 2' "the list shows the new data"
keys Enter
expect 'Case Law (UNI|ESC)-' "a record of the new database opens"
keys Escape
wait_for 'Results 1-2 of 2' >/dev/null
keys Escape
expect 'Case Law Database: 2 cases' "the database screen counts the new data"
check "the kiosk is still running" test -n "$(kiosk_pid)"

finish
