# lib.sh: helpers for CLI and tmux screen tests. Source it: . tests/lib.sh
# Each test gets a private folder $T (removed at exit) and database $T/berkas.db.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BERKAS_BIN=${BERKAS_BIN:-$top/build/berkas}
export BERKAS_SHAREDIR=${BERKAS_SHAREDIR:-$top}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
T=$(mktemp -d /tmp/berkas-test.XXXXXX)
export BERKAS_DB="$T/berkas.db"
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export BERKAS_NOW=${BERKAS_NOW:-2026-03-02T09:00}
export BERKAS_USER=${BERKAS_USER:-arsiparis}
TMUX_SOCK="berkas-test-$$"
cleanup() { tmux -L "$TMUX_SOCK" kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

VG=""
[ "${VALGRIND:-0}" = 1 ] && VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"

fail() { echo "FAIL: $*" >&2; exit 1; }
# berkas ARGS...: runs the binary (under valgrind when VALGRIND=1).
berkas() { $VG "$BERKAS_BIN" "$@"; }
# expect_status N cmd...: runs cmd, fails unless it exits N. Output in $T/out, $T/err.
expect_status() {
	want=$1; shift
	"$@" >"$T/out" 2>"$T/err"; got=$?
	[ "$got" = "$want" ] || { echo "--- stdout"; cat "$T/out"; echo "--- stderr"; cat "$T/err"; fail "'$*' exited $got, expected $want"; }
}
expect_contains() { # file text
	grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "expected '$2' in $1"; }
}
expect_not_contains() {
	! grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "did not expect '$2' in $1"; }
}
expect_eq() { [ "$1" = "$2" ] || fail "expected '$2', got '$1'${3:+ ($3)}"; }

# ---- tmux: drive the real binary at a fixed size -----------------------------
# tui_start COLS ROWS [ENV=VAL...] : starts berkas in a private tmux server.
tui_start() {
	cols=$1; rows=$2; shift 2
	tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
		"env TERM=${TUI_TERM:-xterm-256color} $* $BERKAS_BIN; echo berkas-exit=\$?; sleep 30"
	tmux -L "$TMUX_SOCK" set-option -g status off 2>/dev/null
}
tui_keys() { tmux -L "$TMUX_SOCK" send-keys -t t "$@"; sleep 0.15; }
tui_type() { tmux -L "$TMUX_SOCK" send-keys -t t -l "$1"; sleep 0.15; }
tui_screen() { tmux -L "$TMUX_SOCK" capture-pane -p -t t; }
tui_resize() { tmux -L "$TMUX_SOCK" resize-window -t t -x "$1" -y "$2"; sleep 0.3; }
# tui_wait TEXT [SECONDS]: waits until TEXT is on screen, else fails showing it.
tui_wait() {
	i=0; lim=$(( ${2:-5} * 10 ))
	while [ $i -lt $lim ]; do
		tui_screen | grep -qF -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "--- screen:"; tui_screen; fail "timed out waiting for '$1'"
}
tui_wait_gone() {
	i=0; lim=$(( ${2:-5} * 10 ))
	while [ $i -lt $lim ]; do
		tui_screen | grep -qF -- "$1" || return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "--- screen:"; tui_screen; fail "'$1' still on screen"
}
tui_expect() { tui_screen >"$T/screen"; expect_contains "$T/screen" "$1"; }
tui_expect_not() { tui_screen >"$T/screen"; expect_not_contains "$T/screen" "$1"; }
