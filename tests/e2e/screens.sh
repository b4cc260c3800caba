#!/bin/bash
# [display] screens as a list of directories (the Debian package's
# /etc/htkp/screens:/usr/share/htkp/screens): a site's own file in the
# first directory replaces the shipped one, every other screen still comes
# from the second, and a file that is there but cannot be read is said on
# the status line instead of being silently replaced by the shipped text.
. tests/lib.sh

site="$TMPDIR_TEST/site"
mkdir -p "$site"
printf 'About this kiosk: run by the Ministry of Examples.\n' >"$site/about.txt"
cfg=$(with "screens=$site:$PWD/screens")

kiosk 80x24 -c "$cfg"
keys 7
expect 'run by the Ministry of Examples' "About comes from the site's directory"
keys H
wait_for 'Welcome' >/dev/null
keys 1
expect 'Welcome to the UNODC' "Welcome, not in the site's directory, comes from the shipped one"
keys H
wait_for 'Welcome' >/dev/null
keys 6
expect 'Keys' "Help falls back to the shipped help.txt too"

# A directory where about.txt should be: there, but not readable as text.
rm "$site/about.txt"
mkdir "$site/about.txt"
kiosk 80x24 -c "$cfg"
keys 7
expect "Cannot read $site/about.txt" "an unreadable site file is an error, not the shipped text"

# Neither directory holds the file: the message names the last one tried.
rm -r "$site/about.txt"
cfg=$(with "screens=$site:$TMPDIR_TEST/none")
kiosk 80x24 -c "$cfg"
keys 7
expect "Cannot read $TMPDIR_TEST/none/about.txt" "a file in no directory names the last path tried"

finish
