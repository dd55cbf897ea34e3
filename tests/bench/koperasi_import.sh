#!/bin/sh
# koperasi_import.sh: times `berkas import koperasi` of a generated registry CSV
# against `sqlite3 .import` of the same file, in one run, and prints the ratio
# (issue 3 target: berkas <= 2x sqlite3). Not part of `make check`.
# Usage: tests/bench/koperasi_import.sh [BIN]   (default build/berkas)
# Environment: BENCH_ROWS (100000), BENCH_RUNS (5), BENCH_NOW (2026-03-02T09:00,
#   the program clock). See tests/bench/README.md.
# The CSV is made by gen_registry of tests/cli/koperasi_import.sh (realistic NTT
# cooperatives, valid for the form's rules) without its 3 bad rows; each run
# imports into a new database made by `berkas init` (not timed) and a new
# sqlite3 file. Both write to the same folder ($TMPDIR or /tmp). The two run as
# pairs, one right after the other (which goes first alternates), so that both
# of a pair see the same load; the verdict is on the median of the pairs'
# ratios.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${1:-$top/build/berkas}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "bench: no binary at $BIN (run make first)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 2; }
ROWS=${BENCH_ROWS:-100000}
RUNS=${BENCH_RUNS:-5}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export BERKAS_SHAREDIR="$top" BERKAS_NOW="${BENCH_NOW:-2026-03-02T09:00}" BERKAS_USER=arsiparis
work=$(mktemp -d "${TMPDIR:-/tmp}/berkas-bench-kop.XXXXXX")
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
# measure a private copy: `make` elsewhere may relink the binary meanwhile
cp "$BIN" "$work/berkas" || exit 1
BIN=$work/berkas

# the generator, taken from the CLI test so that both use the same file
sed -n '/^gen_registry() {$/,/^}$/p' "$top/tests/cli/koperasi_import.sh" >"$work/gen.sh"
grep -q '^gen_registry' "$work/gen.sh" || { echo "bench: gen_registry not found in tests/cli/koperasi_import.sh" >&2; exit 2; }
. "$work/gen.sh"
csv=$work/koperasi.csv
gen_registry "$ROWS" 0 0 0 >"$csv" || exit 1
echo "bench: $ROWS rows, $(( $(wc -c <"$csv") / 1024 / 1024 )) MB CSV, $RUNS pairs, median; $(nproc 2>/dev/null || echo ?) CPUs, load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo ?)"

now_ns() { date +%s%N; }
TIME=/usr/bin/time
[ -x $TIME ] || { TIME=""; echo "bench: /usr/bin/time missing (apt-get install time): no CPU figures" >&2; }
# cpu CMD...: runs CMD, appending its user+sys CPU ms to $work/cpu.$tag (tag set by the caller).
cpu() {
	if [ -n "$TIME" ]; then
		$TIME -f '%U %S' -o "$work/t" "$@" || return 1
		awk '{ printf "%.0f\n", ($1 + $2) * 1000000 }' "$work/t" >>"$work/cpu.$tag"
	else
		"$@"
	fi
}
# med FILE: median of the microsecond numbers in FILE, in ms.
med() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f\n", m / 1000 }'
}

: >"$work/b"; : >"$work/s"; : >"$work/cpu.b"; : >"$work/cpu.s"; : >"$work/r"
# run_berkas I / run_sqlite I: one timed import each, wall microseconds appended
run_berkas() {
	db=$work/b$1.db
	BERKAS_DB=$db "$BIN" init >/dev/null || exit 1
	s=$(now_ns)
	tag=b
	cpu env BERKAS_DB="$db" "$BIN" import koperasi "$csv" >"$work/out" 2>"$work/err" || {
		cat "$work/err" >&2; echo "bench: berkas import failed" >&2; exit 1; }
	e=$(now_ns)
	echo $(( (e - s) / 1000 )) >>"$work/b"
	grep -qx "$ROWS koperasi diimpor" "$work/out" || { echo "bench: unexpected: $(cat "$work/out")" >&2; exit 1; }
	rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
}
run_sqlite() {
	# sqlite3 .import of the same file into a new table of a new file
	sdb=$work/s$1.db
	s=$(now_ns)
	tag=s
	cpu sqlite3 "$sdb" ".mode csv" ".import '$csv' koperasi" || { echo "bench: sqlite3 .import failed" >&2; exit 1; }
	e=$(now_ns)
	echo $(( (e - s) / 1000 )) >>"$work/s"
	n=$(sqlite3 "$sdb" "SELECT count(*) FROM koperasi;")
	[ "$n" = "$ROWS" ] || { echo "bench: sqlite3 imported $n rows" >&2; exit 1; }
	rm -f "$sdb"
}
i=0
while [ "$i" -lt "$RUNS" ]; do
	if [ $((i % 2)) = 0 ]; then
		run_berkas "$i"; run_sqlite "$i"
	else
		run_sqlite "$i"; run_berkas "$i"
	fi
	# this pair's ratio, in millionths (med reads microseconds)
	echo "$(tail -n 1 "$work/b") $(tail -n 1 "$work/s")" | awk '{ printf "%.0f\n", $1 * 1000000 / $2 }' >>"$work/r"
	i=$((i + 1))
done
b=$(med "$work/b"); s=$(med "$work/s"); r=$(med "$work/r")
runs() { awk '{ printf "%s%.0f", (NR > 1 ? " " : ""), $1 / 1000 }' "$1"; }
cb=-; cs=-
if [ -n "$TIME" ]; then cb=$(med "$work/cpu.b"); cs=$(med "$work/cpu.s"); fi
printf '%-26s %12s %12s   %s\n' "measure" "wall ms" "CPU ms" "wall ms of each run"
printf '%-26s %12s %12s   %s\n' "berkas import koperasi" "$b" "$cb" "$(runs "$work/b")"
printf '%-26s %12s %12s   %s\n' "sqlite3 .import" "$s" "$cs" "$(runs "$work/s")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?) (berkas reads and writes in two threads; a busy machine slows it more)"
[ "$cb" != - ] && awk -v b="$cb" -v s="$cs" 'BEGIN { printf "CPU ratio berkas / sqlite3: %.2fx\n", b / s }'
echo "wall ratio of each pair: $(awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 / 1000000 }' "$work/r")"
awk -v r="$r" 'BEGIN { r = r / 1000; printf "wall ratio berkas / sqlite3 (median of the pairs): %.2fx (target <= 2x): %s\n", r, r <= 2 ? "PASS" : "FAIL"; exit r <= 2 ? 0 : 1 }'
