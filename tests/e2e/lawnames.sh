#!/bin/bash
# A law's short name or id finds the law and, in Case Law, the cases that
# applied it: the ids and titles of the laws a case applied are searched
# with the case.
. tests/lib.sh

kiosk 80x24
keys 4
wait_for 'Legislation: 33 laws' >/dev/null
keys /
keys -l 'TVPA'
keys Enter
expect '^ Results 1-1 of 1' "Legislation: the acronym in a law's id (USA-2000-TVPA) finds the law"
expect 'Victims of Trafficking and Violence Protection' "... the Trafficking Victims Protection Act"
keys H
wait_for '1  Welcome' >/dev/null
keys 3
wait_for 'Case Law Database: 46 cases' >/dev/null
keys /
keys -l 'TVPA'
keys Enter
expect '^ Results 1-2 of 2' "Case Law: the acronym finds the cases that applied the law"
expect 'United States v\. Sabhnani' "... Sabhnani"
expect 'United States v\. Dann' "... and Dann"
keys /
keys -l '"Trafficking Victims Protection Act"'
keys Enter
expect '^ Results 1-2 of 2' "a law's title finds the cases that applied it"
# The law's title comes first in the defendants' charges (each names its
# statute), before the list of laws applied: the portal's order.
expect '^    Defendants: .*Trafficking Victims' \
	"the snippet names where it matched: the defendants' charges"

ids=$("$HTKP" query cases TVPA 2>/dev/null | cut -f1 | sort | tr '\n' ' ')
check "htkp query: the acronym finds the cases" test "$ids" = "USA-2010-001 USA-2011-001 "
finish
