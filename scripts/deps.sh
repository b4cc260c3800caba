#!/bin/sh
# Makes sure the Debian packages htkp needs are installed, so that `make run`
# and `make check` work as the first command on a fresh machine. As root it
# installs what is missing; otherwise it prints the apt-get line and fails.
# Usage: scripts/deps.sh build|test|fuzz|bench|deb
set -eu

build="gcc make pkg-config libncurses-dev libsqlite3-dev libunistring-dev libinih-dev libseccomp-dev gettext"
test="$build libcmocka-dev tmux python3 python3-pyte python3-jsonschema strace mandoc procps valgrind openssh-server openssh-client mosh lynx w3m"

fuzz="$test clang libclang-rt-14-dev"
# make bench: the tests' packages, and for bench/cluster.sh front-ends in
# network namespaces behind HAProxy, publishing with rsync.
bench="$test haproxy rsync iproute2"
# make deb, test-deb, test-cluster: building and checking the package,
# a bookworm chroot to install it in, and the cluster as make bench has it.
deb="$bench debhelper dpkg-dev fakeroot lintian git debootstrap"

case "${1:-}" in
build) want=$build ;;
test) want=$test ;;
fuzz) want=$fuzz ;;
bench) want=$bench ;;
deb) want=$deb ;;
*) echo "usage: $0 build|test|fuzz|bench|deb" >&2; exit 2 ;;
esac

missing=
for pkg in $want; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $pkg" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "htkp needs these Debian packages; as root, install them with:" >&2
	echo "  apt-get install$missing" >&2
	exit 1
fi
echo "Installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine often has no package lists yet.
if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
	apt-get update -q
fi
apt-get install -y -q --no-install-recommends $missing ||
	{ apt-get update -q && apt-get install -y -q --no-install-recommends $missing; }
