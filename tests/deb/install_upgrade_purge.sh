#!/bin/bash
# The Debian package as an admin meets it, in a fresh Debian 12 (bookworm,
# debootstrap minbase) under build/deb-test/: apt installs build/deb's
# .deb with its dependencies; the htkp login is closed until a key is
# given; with one, a login over ssh (sshd of the chroot, on loopback, with
# the package's /etc/ssh/sshd_config.d/htkp.conf) shows the home menu.
# Then a higher version, built from a copy of the tree with one case more
# and a marked About screen, is installed while that session is open: the
# session's next key shows the new data, a new login sees the new About,
# the admin's own database and htkp.ini edits survive. remove, then purge:
# the account, /var/lib/htkp, /etc/htkp and the sshd block are gone.
# Run by make test-deb (after make deb). The debootstrapped system is kept
# in build/deb-test/base (with apt's downloads) so that reruns are fast.
. tests/lib.sh

work=$PWD/build/deb-test
base=$work/base
root=$work/root
mkdir -p "$work"   # a fresh clone has no build/deb-test yet
deb=$(ls build/deb/htkp_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { not_ok "no build/deb/htkp_*.deb: run make deb"; finish; }
export DEBIAN_FRONTEND=noninteractive

# in_root CMD...: runs CMD inside the chroot with a plain environment.
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

# logged LOG CMD...: CMD's output goes to LOG (the check's line does not).
logged() { local log=$1; shift; "$@" >>"$log" 2>&1; }

# Processes whose root is the chroot (sshd and its sessions, started
# here): stopped by pid, then the mounts undone, innermost first.
chroot_pids() {
	local p
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && echo "${p#/proc/}"
	done
}
cleanup() {
	t kill-server 2>/dev/null
	local pids
	pids=$(chroot_pids)
	[ -n "$pids" ] && kill $pids 2>/dev/null && sleep 0.5
	pids=$(chroot_pids)
	[ -n "$pids" ] && kill -9 $pids 2>/dev/null
	for m in dev/pts dev proc; do
		mountpoint -q "$root/$m" && { umount "$root/$m" || umount -l "$root/$m"; }
	done
	rm -rf "$TMPDIR_TEST"
}
trap 'st=$?; cleanup; exit $st' EXIT
trap 'exit 143' TERM INT HUP

# The host's own Debian mirror (deb822 or one-line sources).
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
	sed -n -e 's|^URIs: *\(http[^ ]*/debian\)/*$|\1|p' \
	    -e 's|^deb  *\(\[[^]]*\]  *\)\{0,1\}\(http[^ ]*/debian\)/* bookworm .*|\2|p' | head -1)
mirror=${mirror:-http://deb.debian.org/debian}

if [ ! -e "$base/.ready" ]; then
	echo "# debootstrap bookworm minbase from $mirror into $base (once)"
	rm -rf "$base" "$base.tmp"
	debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" >"$work/debootstrap.log" 2>&1 ||
		{ tail -5 "$work/debootstrap.log" | sed 's/^/# /'; not_ok "debootstrap"; finish; }
	# No service starts inside the chroot on its own: the test starts sshd.
	printf '#!/bin/sh\nexit 101\n' >"$base.tmp/usr/sbin/policy-rc.d"
	chmod 755 "$base.tmp/usr/sbin/policy-rc.d"
	# Keep what apt downloads, for the next run.
	rm -f "$base.tmp/etc/apt/apt.conf.d/docker-clean"
	mv "$base.tmp" "$base"
	touch "$base/.ready"
fi
rm -rf "$root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"

# --- install -----------------------------------------------------------
cp "$deb" "$root/tmp/"
{ ls "$root"/var/lib/apt/lists/*_Packages >/dev/null 2>&1 || in_root apt-get update -q; } >"$work/apt.log" 2>&1
check "apt installs the package and its dependencies" \
	logged "$work/apt.log" in_root apt-get install -y -q "/tmp/${deb##*/}" ||
	tail -20 "$work/apt.log" | sed 's/^/# /'
# Next time apt finds these in the cache.
cp -n "$root"/var/cache/apt/archives/*.deb "$base/var/cache/apt/archives/" 2>/dev/null
cp -rn "$root"/var/lib/apt/lists/. "$base/var/lib/apt/lists/" 2>/dev/null

check "htkp and htkp-import are in /usr/bin" test -x "$root/usr/bin/htkp" -a -x "$root/usr/bin/htkp-import"
check "the man pages are installed" test -e "$root/usr/share/man/man1/htkp.1.gz" \
	-a -e "$root/usr/share/man/man5/htkp.ini.5.gz"
check "htkp.ini and the sshd block are conffiles" \
	bash -c "in_root() { chroot '$root' \"\$@\"; }; in_root dpkg-query -W -f='\${Conffiles}' htkp |
		grep -q /etc/htkp/htkp.ini && in_root dpkg-query -W -f='\${Conffiles}' htkp |
		grep -q /etc/ssh/sshd_config.d/htkp.conf"
check "an htkp system account with a shell for ForceCommand" \
	bash -c "chroot '$root' getent passwd htkp | grep -q ':/var/lib/htkp:/bin/sh\$'"
check "the sample database is in /var/lib/htkp, root's, mode 644" \
	test "$(stat -c '%U %a' "$root/var/lib/htkp/htkp.db")" = "root 644"
check "the htkp account reads the database" \
	in_root setpriv --reuid=htkp --regid=htkp --init-groups htkp query cases trafficking >/dev/null 2>&1
check "the htkp account cannot write the database" \
	bash -c "! chroot '$root' setpriv --reuid=htkp --regid=htkp --init-groups sh -c ': >>/var/lib/htkp/htkp.db' 2>/dev/null"
check "htkp without -c reads /etc/htkp/htkp.ini" \
	bash -c "chroot '$root' htkp --print-config >/dev/null && chroot '$root' htkp query cases trafficking >/dev/null 2>&1"

# --- sshd of the chroot, its own sshd_config and the package's block ----
mkdir -p "$root/run/sshd"
ssh-keygen -q -t ed25519 -N '' -f "$TMPDIR_TEST/id"
for _ in 1 2 3 4 5 6 7 8; do
	port=$((20000 + (RANDOM * 32768 + RANDOM + $$) % 40000))
	rm -f "$root/run/sshd-test.pid"
	in_root /usr/sbin/sshd -o "Port=$port" -o ListenAddress=127.0.0.1 \
		-o PidFile=/run/sshd-test.pid -E /tmp/sshd.log &&
		poll 5 test -s "$root/run/sshd-test.pid" && break
	port=
done
check "sshd starts in the chroot" test -n "$port"
ssh_htkp="ssh -tt -i $TMPDIR_TEST/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes -p $port htkp@127.0.0.1"
check "installed, the htkp login is closed: no key, no password" \
	bash -c "! timeout 20 $ssh_htkp </dev/null >/dev/null 2>&1"

cp "$TMPDIR_TEST/id.pub" "$root/etc/htkp/authorized_keys"
start 80x24 "$ssh_htkp"
expect '1  Welcome' "with a key in /etc/htkp/authorized_keys, the login is the kiosk's home menu"
expect 'Case Law Database +46 cases' "the home menu counts the sample's cases"
keys 3
expect 'Case Law Database: 46 cases' "a key answers"

# --- a higher version, built from a changed copy of the tree ------------
v1=$(dpkg-deb -f "$deb" Version)
v2="$v1+upgradetest1"
tree=$work/v2-tree
rm -rf "$tree"
mkdir -p "$tree"
git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$tree"
{
	printf 'htkp (%s) unstable; urgency=medium\n\n  * Test build: one case more.\n\n' "$v2"
	# The maintainer's own trailer: another name would make it an NMU.
	printf '%s  %s\n\n' "$(sed -n 's/^\( -- .*>\)  .*/\1/p;T;q' debian/changelog)" "$(date -R)"
	cat debian/changelog
} >"$tree/debian/changelog.new" && mv "$tree/debian/changelog.new" "$tree/debian/changelog"
printf '\nUpgrade test build %s\n' "$v2" >>"$tree/screens/about.txt"
/usr/bin/python3 - "$tree/db/seed/sample.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = dict(d["cases"][0])
c.update(id="UPG-2026-001", title="Upgraded while open v. The Package")
d["cases"].append(c)
json.dump(d, open(sys.argv[1], "w"))
PY
rm -f "$work/v2.log"
check "the higher version builds" logged "$work/v2.log" scripts/build-deb.sh "$work/v2" "$tree" ||
	tail -20 "$work/v2.log" | sed 's/^/# /'
deb2=$(ls "$work"/v2/htkp_"$v2"_amd64.deb 2>/dev/null)

# The admin's own edit of a conffile, kept across the upgrade.
sed -i 's/^idle_timeout = .*/idle_timeout = 900/' "$root/etc/htkp/htkp.ini"
cp "$deb2" "$root/tmp/"
check "apt upgrades to $v2 with the session open" \
	logged "$work/apt.log" in_root apt-get install -y -q -o Dpkg::Options::=--force-confold "/tmp/${deb2##*/}"
check "dpkg has $v2" test "$(chroot "$root" dpkg-query -W -f='${Version}' htkp)" = "$v2"
check "the installed kiosk says $v2" test "$(chroot "$root" htkp --version)" = "htkp $v2"
check "the admin's htkp.ini edit is kept" grep -q '^idle_timeout = 900$' "$root/etc/htkp/htkp.ini"
keys Down
expect 'The database was updated' "the open session's next key sees the new sample"
keys H
expect 'Case Law Database +47 cases' "the open session keeps working, on the new data"

start 80x24 "$ssh_htkp"
expect 'Case Law Database +47 cases' "a new login sees the new version's data"
keys 7
wait_for 'About' >/dev/null
keys End
expect "Upgrade test build ${v2//+/\\+}" "a new login sees the new version's About screen"

# The admin's own data in /var/lib/htkp/htkp.db is never replaced.
cp tests/data/unicode.json "$root/tmp/own.json"
in_root htkp-import -o /var/lib/htkp/htkp.db /tmp/own.json >/dev/null
in_root /var/lib/dpkg/info/htkp.postinst configure "$v1" >/dev/null
check "configuring again keeps the admin's database" \
	test "$(chroot "$root" htkp query cases 2>&1 | sed -n 's/^Results .* of //p')" = 2

# --- remove, then purge --------------------------------------------------
t kill-server 2>/dev/null
kill "$(cat "$root/run/sshd-test.pid")" 2>/dev/null
check "apt removes the package" logged "$work/apt.log" in_root apt-get remove -y -q htkp
check "removed: the programs are gone" test ! -e "$root/usr/bin/htkp" -a ! -e "$root/usr/bin/htkp-import"
check "removed: the configuration and the account stay until purge" \
	bash -c "test -e '$root/etc/htkp/htkp.ini' && chroot '$root' getent passwd htkp >/dev/null"
check "apt purges the package" logged "$work/apt.log" in_root apt-get purge -y -q htkp
check "purged: no htkp account or group" \
	bash -c "! chroot '$root' getent passwd htkp && ! chroot '$root' getent group htkp"
check "purged: /var/lib/htkp is gone" test ! -e "$root/var/lib/htkp"
check "purged: /etc/htkp (htkp.ini, the keys) is gone" test ! -e "$root/etc/htkp"
check "purged: the sshd block is gone" test ! -e "$root/etc/ssh/sshd_config.d/htkp.conf"
check "purged: sshd's configuration still reads" in_root /usr/sbin/sshd -t

cleanup
check "nothing left running in the chroot" test -z "$(chroot_pids)"
check "nothing left mounted in the chroot" bash -c "! grep -q ' $root/' /proc/mounts"
finish
