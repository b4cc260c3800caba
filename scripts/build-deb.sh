#!/bin/sh
# Builds the Debian package from debian/ in a copy of the tree (dh's clean
# step runs `make clean`, which would empty this tree's build/), then
# checks it with lintian --pedantic: any tag not overridden in
# debian/htkp.lintian-overrides or debian/source/lintian-overrides fails.
# Usage: scripts/build-deb.sh OUTDIR [TREE]
#   TREE: the tree to package (default: this one); tests/deb builds a
#   changed copy to upgrade to.
set -eu
out=$1
tree=${2:-$(cd "$(dirname "$0")/.." && pwd)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$(dpkg-parsechangelog -l "$tree/debian/changelog" -S Version)
src="$out/src/htkp-$version"

# The tracked files and the new ones not yet committed; nothing built.
rm -rf "$out/src"
mkdir -p "$src"
if [ "$(git -C "$tree" rev-parse --show-toplevel 2>/dev/null)" = "$tree" ]; then
	(cd "$tree" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$src")
else
	(cd "$tree" && tar -c --exclude=./build --exclude=./htkp --exclude=./htkp-import \
		--exclude=./db/htkp.db . | tar -x -C "$src")
fi
rm -f "$out"/htkp_* "$out"/htkp-dbgsym_*

(cd "$src" && dpkg-buildpackage -us -uc >"$out/build.log" 2>&1) || {
	tail -40 "$out/build.log" >&2
	echo "build-deb: dpkg-buildpackage failed (log: $out/build.log)" >&2
	exit 1
}
mv "$out"/src/htkp_* "$out"/src/htkp-dbgsym_* "$out"/ 2>/dev/null || true
changes=$(ls "$out"/htkp_*.changes)
echo "build-deb: $(ls "$out"/htkp_*.deb)"
lintian --pedantic --fail-on error,warning,info,pedantic --display-info \
	--info "$changes" || {
	echo "build-deb: lintian found the tags above" >&2
	exit 1
}
echo "build-deb: lintian --pedantic: clean"
