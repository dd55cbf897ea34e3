#!/bin/sh
# run.sh: runs the unit (cmocka), CLI and tmux screen tests; prints one summary line.
# Usage: tests/run.sh [unit|cli|tui]...   Environment: BUILD, VALGRIND=1, SAN=1.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
export BERKAS_BIN="$top/$BUILD/berkas"
export BERKAS_SHAREDIR="$top"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export VALGRIND=${VALGRIND:-0}
layers=${*:-unit cli tui}
pass=0; fail=0; failed=""
log="$top/$BUILD/test-logs"; rm -rf "$log"; mkdir -p "$log"

vg=""
if [ "$VALGRIND" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
fi

record() { # name status logfile
	if [ "$2" = 0 ]; then pass=$((pass + 1)); echo "ok   $1"
	else fail=$((fail + 1)); failed="$failed $1"; echo "FAIL $1 (log: $3)"; tail -n 20 "$3" | sed 's/^/     | /'; fi
}

for layer in $layers; do
	case $layer in
	unit)
		for t in "$top/$BUILD"/tests/test_*; do
			[ -x "$t" ] || continue
			n=unit/$(basename "$t"); l="$log/$(basename "$t").log"
			(cd "$top" && $vg "$t") >"$l" 2>&1; record "$n" $? "$l"
		done ;;
	cli|tui)
		for t in "$top"/tests/$layer/*.sh; do
			[ -f "$t" ] || continue
			n=$layer/$(basename "$t" .sh); l="$log/$layer-$(basename "$t" .sh).log"
			(cd "$top" && sh "$t") >"$l" 2>&1; record "$n" $? "$l"
		done ;;
	*) echo "run.sh: unknown layer $layer" >&2; exit 2 ;;
	esac
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
