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

# ---- more tmux helpers (screen tests) ----------------------------------------
# Sizes the screen tests run at; override with TUI_SIZES="80x24".
TUI_SIZES=${TUI_SIZES:-"80x24 132x43"}
# tui_stop: ends the private tmux server; the next tui_start gets a fresh one.
tui_stop() { tmux -L "$TMUX_SOCK" kill-server 2>/dev/null; sleep 0.1; }
# tui_key NAME...: like tui_keys, but sends function keys, BTab, Home and End
# the way the pane's terminal ($TUI_TERM) encodes them (tmux itself always sends
# xterm sequences, which TERM=linux programs do not understand).
tui_key() {
	for k in "$@"; do
		cap=""
		case $k in
		F[0-9]|F1[0-2]) cap=kf${k#F} ;;
		BTab) cap=kcbt ;;
		Home) cap=khome ;;
		End) cap=kend ;;
		esac
		seq=""
		[ -n "$cap" ] && seq=$(tput -T "${TUI_TERM:-xterm-256color}" "$cap" 2>/dev/null)
		if [ -n "$seq" ]; then tmux -L "$TMUX_SOCK" send-keys -t t -l "$seq"
		else tmux -L "$TMUX_SOCK" send-keys -t t "$k"; fi
		sleep 0.15
	done
}
# tui_cursor_line: the screen line the cursor is on.
tui_cursor_line() {
	cy=$(tmux -L "$TMUX_SOCK" display-message -p -t t '#{cursor_y}')
	tui_screen | sed -n "$((cy + 1))p"
}
# tui_line TEXT: prints the first screen line containing TEXT (empty if none).
tui_line() { tui_screen | grep -F -m 1 -- "$1"; }
# tui_goto_field LABEL [KEY]: presses KEY (default Tab) until the cursor is on
# the line of the form field labelled LABEL; fails after 40 presses.
tui_goto_field() {
	n=0
	while [ $n -lt 40 ]; do
		tui_cursor_line | grep -qF -- "$1" && return 0
		tui_key "${2:-Tab}"; n=$((n + 1))
	done
	echo "--- screen:"; tui_screen; fail "cursor never reached field '$1'"
}
# tui_wait_exit [SECONDS]: waits for the program to end; fails unless it exited 0.
tui_wait_exit() {
	tui_wait "berkas-exit=" "${1:-5}"
	tui_expect "berkas-exit=0"
}
# tui_changed_lines CMD...: runs CMD (e.g. tui_keys Space) and prints the
# screen lines that differ from before it.
tui_changed_lines() {
	tui_screen >"$T/before"
	"$@"
	tui_screen >"$T/after"
	diff "$T/before" "$T/after" | sed -n 's/^> //p'
}
# tui_toggle_item TEXT [KEY]: in a checklist whose Space toggles the selected
# item, finds the item whose line contains TEXT (probing with Space, which
# changes that line, and moving with KEY, default Down) and leaves it ticked.
tui_toggle_item() {
	n=0
	while [ $n -lt 40 ]; do
		ch=$(tui_changed_lines tui_keys Space)
		if printf '%s\n' "$ch" | grep -qF -- "$1"; then return 0; fi
		tui_keys Space "${2:-Down}"; n=$((n + 1))
	done
	echo "--- screen:"; tui_screen; fail "no checklist item '$1'"
}
# csv_col FILE ROW NAME: the value of column NAME (by header) in data row ROW
# (1 = first row after the header) of a simple CSV file (RFC 4180 quotes ok).
csv_col() {
	awk -v row="$2" -v name="$3" '
	function parse(line,   i, c, f, q, n) {
		n = 0; f = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (q) { if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { f = f c; i++ } else q = 0 } else f = f c }
			else if (c == "\"") q = 1
			else if (c == "," || c == ";") { fld[++n] = f; f = "" }
			else f = f c
		}
		fld[++n] = f; return n
	}
	{ sub(/\r$/, ""); sub(/^\357\273\277/, "") }
	NR == 1 { m = parse($0); for (j = 1; j <= m; j++) if (fld[j] == name) col = j; next }
	NR == row + 1 { parse($0); if (col) print fld[col]; exit }' "$1"
}
# new_db NAME: points BERKAS_DB at a fresh database $T/NAME.db made by `berkas init`.
new_db() {
	export BERKAS_DB="$T/$1.db"
	berkas init >"$T/init.out" 2>&1 || { cat "$T/init.out"; fail "berkas init failed"; }
}
# tui_run_sizes FN: calls FN COLS ROWS for each size in $TUI_SIZES, with a fresh
# tmux server each time.
tui_run_sizes() {
	for sz in $TUI_SIZES; do
		echo "== $1 at $sz (TERM=${TUI_TERM:-xterm-256color})"
		tui_stop
		"$1" "${sz%x*}" "${sz#*x}"
	done
	tui_stop
}

# ---- CLI helpers ---------------------------------------------------------------
# add_letter ASAL PERIHAL [field=value...]: `berkas add surat_masuk` with the
# other required fields filled in; prints the new number; fails the test on error.
add_letter() {
	al_asal=$1; al_perihal=$2; shift 2
	berkas add surat_masuk asal_surat="$al_asal" nomor_surat="005/123/2026" \
		tanggal_surat=27-02-2026 perihal="$al_perihal" "$@" 2>"$T/add.err" ||
		{ cat "$T/add.err"; fail "add_letter '$al_perihal' failed"; }
}
# csv_sql FILE SQL [DELIM]: loads a CSV file (header row = column names, BOM
# skipped) into table t of an in-memory SQLite and prints the result of SQL,
# fields separated by '|'. A real CSV parser, for checking exported files.
csv_sql() {
	sqlite3 -cmd ".mode csv" -cmd ".separator '${3:-,}'" -cmd ".import '$1' t" \
		-cmd ".mode list" :memory: "$2"
}
# case_count: number of cases `berkas list --limit 0 --format csv` shows.
case_count() {
	berkas list --limit 0 --format csv >"$T/count.csv" || fail "list failed"
	csv_sql "$T/count.csv" "select count(*) from t"
}
# tui_expect_re ERE: fails unless a screen line matches the extended regex.
tui_expect_re() {
	tui_screen >"$T/screen"
	grep -Eq -- "$1" "$T/screen" || { echo "--- screen:"; cat "$T/screen"; fail "no screen line matches /$1/"; }
}
