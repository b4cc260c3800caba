#!/bin/sh
# embed-sql.sh: print a C header that holds an SQL file as one string, so
# htkp-import carries its schema instead of reading it at run time.
#   usage: scripts/embed-sql.sh [FILE [NAME]] > build/schema_sql.h
# defaults: FILE db/schema.sql, NAME schema_sql. One literal per SQL line;
# backslashes, quotes, CRs, tabs and '?' (no trigraphs under -std=c11) are
# escaped.
set -eu

file=${1:-db/schema.sql}
name=${2:-schema_sql}

if [ ! -r "$file" ]; then
	echo "embed-sql.sh: cannot read $file" >&2
	exit 1
fi

printf '/* Generated from %s by scripts/embed-sql.sh: do not edit. */\n' "$file"
printf 'static const char %s[] =\n' "$name"
tab=$(printf '\t')
cr=$(printf '\r')
sed -e 's/\\/\\\\/g' \
    -e 's/"/\\"/g' \
    -e 's/?/\\?/g' \
    -e "s/$cr/\\\\r/g" \
    -e "s/$tab/\\\\t/g" \
    -e "s/^/$tab\"/" \
    -e 's/$/\\n"/' \
    "$file"
printf '\t"";\n'
