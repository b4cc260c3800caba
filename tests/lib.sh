# shellcheck shell=bash
# Helpers for the end-to-end tests: run the real kiosk in a private tmux
# server, type keys into it and read its screen back. Source this file.
# Every check prints a TAP line; the script's exit status says whether any
# check failed.

export LANG=C.UTF-8 LC_ALL=C.UTF-8
HTKP=${HTKP:-./htkp}
HTKP_IMPORT=${HTKP_IMPORT:-./htkp-import}
FAILED=0
TMUX_SOCKET="htkp-test-$$-0"
STARTS=0
TMPDIR_TEST=$(mktemp -d)
trap 'tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT

ok() { echo "ok - $*"; }
not_ok() {
	echo "not ok - $*"
	FAILED=1
}
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
finish() { exit "$FAILED"; }

t() { tmux -u -L "$TMUX_SOCKET" "$@"; }

# start COLSxLINES COMMAND: runs COMMAND in a fresh window of that size,
# then leaves a marker line when it exits, so tests can see the prompt.
start() {
	size=$1
	shift
	t kill-server 2>/dev/null
	# A new server each time: a dying one may still hold the old socket.
	STARTS=$((STARTS + 1))
	TMUX_SOCKET="htkp-test-$$-$STARTS"
	t -f /dev/null new-session -d -s k -x "${size%x*}" -y "${size#*x}" \
		"$*; echo \"[exited \$?]\"; sleep 600"   # keeps the pane for reading
	t set-option -t k window-size manual >/dev/null
	t set-option -t k status off >/dev/null
	t resize-window -t k -x "${size%x*}" -y "${size#*x}" >/dev/null
}
# kiosk COLSxLINES [ARGS...]: starts htkp on the sample database.
kiosk() {
	size=$1
	shift
	start "$size" "$HTKP" -c config/htkp.ini "$@"
	wait_for 'Human Trafficking Knowledge Portal' >/dev/null
}

# with KEY=VALUE...: a copy of config/htkp.ini with those keys changed.
with() {
	local f
	f="$TMPDIR_TEST/cfg-$RANDOM.ini"
	cp config/htkp.ini "$f"
	for kv in "$@"; do
		sed -i "s|^${kv%%=*} = .*|${kv%%=*} = ${kv#*=}|" "$f"
	done
	echo "$f"
}
keys() { t send-keys -t k "$@"; }
screen() { t capture-pane -p -t k; }
# screen_line N: the Nth line (0-based) of the screen.
screen_line() { screen | sed -n "$(($1 + 1))p"; }
resize() { t resize-window -t k -x "$1" -y "$2"; }
# kiosk_pid: the pid of the program started in the window.
kiosk_pid() { pgrep -P "$(t list-panes -t k -F '#{pane_pid}')" | head -1; }

# poll SECONDS COMMAND...: runs COMMAND every 50 ms until it succeeds
# (status 0) or SECONDS have passed (status 1). Clock and pause are bash
# builtins: with several tests at once on a busy machine, every process
# forked per round is time taken from the programs under test.
exec {POLL_FD}<> <(:)
poll() {
	local end=$((${EPOCHREALTIME/[.,]/} + $1 * 1000000))
	shift
	while :; do
		"$@" && return 0
		[ "${EPOCHREALTIME/[.,]/}" -lt "$end" ] || return 1
		read -r -t 0.05 -u "$POLL_FD"
	done
}
# screen_has REGEX: some line of the screen matches the extended regular
# expression (matched in bash, line by line, as grep -E would).
screen_has() {
	local line
	while IFS= read -r line; do
		[[ $line =~ $1 ]] && return 0
	done <<<"$(screen)"
	return 1
}
screen_lacks_now() { ! screen_has "$1"; }
# wait_for REGEX [SECONDS]: waits until the screen matches; prints the
# screen and fails if it does not within the time (default 5 s).
wait_for() {
	poll "${2:-5}" screen_has "$1" && return 0
	screen | sed 's/^/# /'
	return 1
}
# wait_gone REGEX: waits until the screen no longer matches.
wait_gone() {
	poll "${2:-5}" screen_lacks_now "$1" && return 0
	screen | sed 's/^/# /'
	return 1
}
# expect REGEX DESCRIPTION: one check that the screen shows REGEX.
expect() { check "$2" wait_for "$1"; }
# no_line_longer_than N: no screen line is wider than N columns (wc -L
# counts display columns: a double-width character is two).
no_line_longer_than() { test "$(screen | wc -L)" -le "$1"; }
