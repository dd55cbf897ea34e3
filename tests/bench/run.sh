#!/bin/sh
# run.sh: times berkas on a large demo database and compares it with the sqlite3
# CLI running equivalent queries on the same file. See tests/bench/README.md.
# Usage: tests/bench/run.sh [BIN]   (make bench passes build/berkas)
# Environment: BENCH_LETTERS (default 1000000), BENCH_SEED (1), BENCH_RUNS (7),
#   BENCH_NOW (2026-03-02T09:00), BENCH_COMMON / BENCH_RARE (search words),
#   BENCH_REBUILD=1 (rebuild the cached database), BENCH_NO_HYPERFINE=1.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/bench
BIN=${1:-$top/build/berkas}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "bench: no binary at $BIN (run make first)" >&2; exit 2; }
for t in sqlite3 tmux; do
	command -v $t >/dev/null || { echo "bench: $t is needed (apt-get install $t)" >&2; exit 2; }
done
N=${BENCH_LETTERS:-1000000}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-7}
NOW=${BENCH_NOW:-2026-03-02T09:00}
T_SCREEN=100  # ms, first inbox screen
T_SEARCH=50   # ms, list --search
T_RSS=32      # MB, max resident set size

export LANG=C.UTF-8 LC_ALL=C.UTF-8
export BERKAS_SHAREDIR="$top" BERKAS_NOW="$NOW"
work=$(mktemp -d /tmp/berkas-bench.XXXXXX)
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
SOCK=berkas-bench-$$
partial=""
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$work"
	[ -z "$partial" ] || rm -f "$partial" "$partial-wal" "$partial-shm"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

have() { command -v "$1" >/dev/null 2>&1; }
say() { echo "bench: $*" >&2; }
# Measure a private copy: `make` elsewhere may relink the binary meanwhile.
cp "$BIN" "$work/berkas" || exit 1
BIN=$work/berkas
now_ns() { date +%s%N; }
TIME=/usr/bin/time
[ -x $TIME ] || TIME=""
[ -n "$TIME" ] || echo "bench: /usr/bin/time missing (apt-get install time): no RSS figures" >&2
HF=""
if [ "${BENCH_NO_HYPERFINE:-0}" != 1 ] && have hyperfine; then HF=hyperfine; fi

# ---- the database, built once per (letters, seed, date) ----------------------
cache=$here/.cache
mkdir -p "$cache"
day=$(printf '%s' "$NOW" | cut -c1-10)
DB=$cache/demo-n$N-s$SEED-$day.db
if [ "${BENCH_REBUILD:-0}" = 1 ]; then rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.words"; fi
# A cached database this binary cannot use (the schema changed during
# development) is rebuilt. One whose schema merely differs from what this binary
# creates (e.g. other indexes) is rebuilt when small, else used with a warning.
if [ -f "$DB" ]; then
	stale=""
	for v in semua saya; do
		BERKAS_DB=$DB BERKAS_USER=kadis "$BIN" list --view $v --limit 1 >/dev/null 2>&1 || stale=unusable
	done
	if [ -z "$stale" ]; then
		BERKAS_DB=$work/fresh.db BERKAS_USER=arsiparis "$BIN" init >/dev/null 2>&1
		sqlite3 "$work/fresh.db" .schema >"$work/schema.fresh" 2>/dev/null
		sqlite3 -readonly "$DB" .schema >"$work/schema.cached" 2>/dev/null
		cmp -s "$work/schema.fresh" "$work/schema.cached" || stale=different
	fi
	if [ "$stale" = unusable ] || { [ "$stale" = different ] && [ "$N" -le 100000 ]; }; then
		echo "bench: the cached database's schema is $stale from this binary's; rebuilding it" >&2
		rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.words"
	elif [ "$stale" = different ]; then
		echo "bench: WARNING: the cached database's schema differs from what this binary creates" >&2
		diff "$work/schema.cached" "$work/schema.fresh" | grep '^[<>]' | cut -c1-110 | head -n 8 >&2
		echo "bench: figures may not reflect this binary's indexes; BENCH_REBUILD=1 rebuilds (about 20 min for 1M)" >&2
	fi
fi
if [ ! -f "$DB" ]; then
	tmp=$cache/build-$$.db
	partial=$tmp
	rm -f "$tmp" "$tmp-wal" "$tmp-shm"
	echo "bench: building $DB ($N letters, seed $SEED); this is done once" >&2
	s=$(now_ns)
	BERKAS_DB=$tmp BERKAS_USER=arsiparis "$BIN" init >/dev/null &&
	BERKAS_DB=$tmp BERKAS_USER=arsiparis "$BIN" demo --letters "$N" --seed "$SEED" >&2 || {
		rm -f "$tmp" "$tmp-wal" "$tmp-shm"; echo "bench: building the demo database failed" >&2; exit 1; }
	sqlite3 "$tmp" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
	mv "$tmp" "$DB"; rm -f "$tmp-wal" "$tmp-shm"; partial=""
	echo "bench: built in $(( ($(now_ns) - s) / 1000000000 )) s, $(du -m "$DB" | cut -f1) MB" >&2
fi
export BERKAS_DB="$DB"

# ---- the schema, for the sqlite3 reference queries ----------------------------
q() { sqlite3 -readonly "$DB" "$1"; }
FTS=$(q "SELECT name FROM sqlite_schema WHERE type='table' AND sql LIKE '%USING fts5%' ORDER BY name LIMIT 1;")
CASES=$(q "SELECT name FROM sqlite_schema WHERE type='table' AND name IN ('cases','kasus','berkas','case_') LIMIT 1;")
[ -n "$CASES" ] || CASES=cases
# the table the FTS index is built over (content=...), for the reference join
FTS_CONTENT=""
if [ -n "$FTS" ]; then
	FTS_CONTENT=$(q "SELECT sql FROM sqlite_schema WHERE name='$FTS';" |
		sed -n "s/.*content[[:space:]]*=[[:space:]]*'\{0,1\}\([A-Za-z_][A-Za-z0-9_]*\).*/\1/p")
	FTS_ROWID=$(q "SELECT sql FROM sqlite_schema WHERE name='$FTS';" |
		sed -n "s/.*content_rowid[[:space:]]*=[[:space:]]*'\{0,1\}\([A-Za-z_][A-Za-z0-9_]*\).*/\1/p")
fi
[ -n "${FTS_ROWID:-}" ] || FTS_ROWID=rowid
TOTAL=$(q "SELECT count(*) FROM $CASES;")

# ---- search words: the most and a least frequent word in the index ------------
words=$DB.words
if [ ! -s "$words" ] && [ -n "$FTS" ]; then
	sqlite3 -readonly "$DB" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, '$FTS', row);
		SELECT term, doc FROM temp.v WHERE term GLOB '[a-z][a-z][a-z][a-z]*' AND term NOT GLOB '*[0-9]*'
		ORDER BY doc DESC LIMIT 1;
		SELECT term, doc FROM temp.v WHERE term GLOB '[a-z][a-z][a-z][a-z]*' AND term NOT GLOB '*[0-9]*'
		ORDER BY doc ASC, term LIMIT 1;" >"$words" 2>/dev/null || rm -f "$words"
fi
COMMON=${BENCH_COMMON:-$(sed -n '1s/|.*//p' "$words" 2>/dev/null)}
RARE=${BENCH_RARE:-$(sed -n '2s/|.*//p' "$words" 2>/dev/null)}
[ -n "$COMMON" ] || COMMON=koperasi
[ -n "$RARE" ] || RARE=zzzzz

# ---- timing ---------------------------------------------------------------------
# median_ms CMD...: median wall time in ms over $RUNS runs after one warm-up,
# output discarded; hyperfine when present, else a shell loop.
median_ms() {
	if [ -n "$HF" ]; then
		cmd=""
		for a in "$@"; do cmd="$cmd '$a'"; done
		if $HF -N --style none --warmup 1 --runs "$RUNS" --export-csv "$work/hf.csv" \
			-- "$cmd" >/dev/null 2>"$work/hf.err"; then
			awk -F, 'NR == 2 { printf "%.1f\n", $4 * 1000 }' "$work/hf.csv"
			return
		fi
	fi
	"$@" >/dev/null 2>&1
	mm_i=0; : >"$work/t"
	while [ $mm_i -lt "$RUNS" ]; do
		mm_s=$(now_ns); "$@" >/dev/null 2>&1; mm_e=$(now_ns)
		echo $(( (mm_e - mm_s) / 1000 )) >>"$work/t"; mm_i=$((mm_i + 1))
	done
	med_file "$work/t"
}
# med_file FILE: median of the microsecond numbers in FILE, printed in ms.
med_file() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1000 }'
}
# rss_mb CMD...: max resident set size of one run, in MB.
rss_mb() {
	[ -n "$TIME" ] || { echo "-"; return; }
	$TIME -f %M -o "$work/rss" "$@" >/dev/null 2>&1
	awk '/^[0-9]+$/ { printf "%.1f\n", $1 / 1024 }' "$work/rss"
}

# ---- first inbox screen -----------------------------------------------------------
# The TUI runs in a private tmux server at 80x24. With BERKAS_BENCH_EXIT_AFTER_DRAW=1
# berkas leaves right after its first full draw, so a loop inside the pane times
# whole runs (start to first screen, plus endwin and exit). Without the hook, the
# first screen is timed by polling the pane until the status line shows
# ("tmux polling": a few ms coarser).
STATUS_RE='(Untuk saya|Belum didisposisi|Terlambat|Semua) \| [0-9]+/[0-9]+'
tm() { tmux -L "$SOCK" "$@"; }
cat >"$work/pane.sh" <<'EOF'
#!/bin/sh
# pane.sh OUT RUNS CMD...: runs CMD RUNS times on this terminal, wall µs per run to OUT.
out=$1; runs=$2; shift 2
: >"$out"; i=0
while [ $i -lt "$runs" ]; do
	s=$(date +%s%N); "$@"; rc=$?; e=$(date +%s%N)
	[ $rc = 0 ] || { echo "rc=$rc" >>"$out"; break; }
	echo $(( (e - s) / 1000 )) >>"$out"; i=$((i + 1))
done
echo pane-done >>"$out.done"
EOF
tm -f /dev/null new-session -d -s b -x 80 -y 24 "sleep 100000" || { echo "bench: tmux failed" >&2; exit 1; }
tm set-option -g status off >/dev/null 2>&1
tm set-option -g remain-on-exit on >/dev/null 2>&1

# pane_run CMD: runs the shell command line CMD in the pane (replacing what ran there).
pane_run() { tm respawn-pane -k -t b "$1"; }
# wait_file FILE SECONDS: 0 once FILE exists.
wait_file() {
	wf_n=0; while [ $wf_n -lt $(( $2 * 20 )) ]; do [ -e "$1" ] && return 0; sleep 0.05; wf_n=$((wf_n + 1)); done
	return 1
}
envs() { echo "env TERM=xterm-256color BERKAS_USER=$1 BERKAS_DB='$DB' BERKAS_NOW='$NOW' BERKAS_SHAREDIR='$top' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' LANG=C.UTF-8 LC_ALL=C.UTF-8"; }

# shown: 0 once the pane shows the inbox status line.
shown() { tm capture-pane -p -t b | grep -Eq "$STATUS_RE"; }
dead() { [ "$(tm display-message -p -t b '#{pane_dead}')" = 1 ]; }

# Does the binary have the exit-after-draw hook? Without it the TUI waits for
# keys after its first screen.
HOOK=0
rm -f "$work/probe" "$work/probe.done"
pane_run "sh '$work/pane.sh' '$work/probe' 1 $(envs kadis) BERKAS_BENCH_EXIT_AFTER_DRAW=1 '$BIN'"
i=0; seen=0
while [ $i -lt 600 ] && [ ! -e "$work/probe.done" ]; do
	if [ $seen = 0 ] && shown; then seen=$i; fi
	[ $seen -gt 0 ] && [ $((i - seen)) -gt 40 ] && break   # still on screen after 2 s
	sleep 0.05; i=$((i + 1))
done
if [ -e "$work/probe.done" ] && grep -q '^[0-9]' "$work/probe"; then HOOK=1
else tm send-keys -t b q; sleep 0.3; fi
METHOD="tmux polling"
[ $HOOK = 1 ] && METHOD="exit-after-draw hook"

# screen_ms LOGIN: median ms from start to the first inbox screen.
screen_ms() {
	if [ $HOOK = 1 ]; then
		rm -f "$work/s" "$work/s.done"
		pane_run "sh '$work/pane.sh' '$work/s' $((RUNS + 1)) $(envs "$1") BERKAS_BENCH_EXIT_AFTER_DRAW=1 '$BIN'"
		wait_file "$work/s.done" 600 || { echo "-"; return; }
		grep -q rc= "$work/s" && { echo "-"; return; }
		sed -i 1d "$work/s"          # the first run is the warm-up
		med_file "$work/s"
		return
	fi
	: >"$work/s"; sm_i=0
	while [ $sm_i -le "$RUNS" ]; do
		rm -f "$work/go"
		pane_run "clear; sleep 0.2; touch '$work/go'; exec $(envs "$1") '$BIN'"
		wait_file "$work/go" 5 || { echo "-"; return; }
		sm_s=$(now_ns); sm_ok=0; sm_j=0
		while [ $sm_j -lt 20000 ]; do
			if shown; then sm_ok=1; break; fi
			sm_j=$((sm_j + 1))
			[ $((sm_j % 200)) = 0 ] && dead && break
		done
		sm_e=$(now_ns)
		[ $sm_ok = 1 ] || { say "first screen as $1 never showed"; tm capture-pane -p -t b >&2; echo "-"; return; }
		[ $sm_i -gt 0 ] && echo $(( (sm_e - sm_s) / 1000 )) >>"$work/s"   # run 0 is the warm-up
		tm send-keys -t b q; sm_i=$((sm_i + 1)); sleep 0.2
	done
	med_file "$work/s"
}
# screen_rss LOGIN: max RSS (MB) of a TUI run to its first screen.
screen_rss() {
	[ -n "$TIME" ] || { echo "-"; return; }
	rm -f "$work/rss" "$work/r" "$work/r.done"
	if [ $HOOK = 1 ]; then
		pane_run "sh '$work/pane.sh' '$work/r' 1 $TIME -f %M -o '$work/rss' $(envs "$1") BERKAS_BENCH_EXIT_AFTER_DRAW=1 '$BIN'"
		wait_file "$work/r.done" 120 || { echo "-"; return; }
	else
		pane_run "$TIME -f %M -o '$work/rss' $(envs "$1") '$BIN'"
		sr_j=0; while [ $sr_j -lt 600 ] && ! shown && ! dead; do sleep 0.1; sr_j=$((sr_j + 1)); done
		sleep 0.3; tm send-keys -t b q
		wait_file "$work/rss" 10 || { echo "-"; return; }
		sleep 0.2
	fi
	awk '/^[0-9]+$/ { printf "%.1f\n", $1 / 1024 }' "$work/rss"
}

# ---- the measurements ----------------------------------------------------------------
REF_LIST="SELECT * FROM $CASES ORDER BY rowid DESC LIMIT 50;"
fts_ref() { # word
	if [ -z "$FTS" ]; then echo ""; return; fi
	if [ -n "$FTS_CONTENT" ]; then
		echo "SELECT c.* FROM $FTS f JOIN $FTS_CONTENT c ON c.$FTS_ROWID = f.rowid WHERE $FTS MATCH '$1' ORDER BY f.rowid DESC LIMIT 50;"
	else
		echo "SELECT * FROM $FTS WHERE $FTS MATCH '$1' ORDER BY rowid DESC LIMIT 50;"
	fi
}
REF_COMMON=$(fts_ref "$COMMON")
REF_RARE=$(fts_ref "$RARE")
hits() { [ -n "$FTS" ] && q "SELECT count(*) FROM $FTS WHERE $FTS MATCH '$1';" || echo "?"; }

echo "bench: $TOTAL cases in $(basename "$DB") ($(du -m "$DB" | cut -f1) MB), $RUNS runs each," \
	"median; timer: ${HF:-shell loop}; first screen: $METHOD"
echo "bench: search words: common '$COMMON' ($(hits "$COMMON") hits), rare '$RARE' ($(hits "$RARE") hits)"
[ $HOOK = 1 ] || echo "bench: note: BERKAS_BENCH_EXIT_AFTER_DRAW is not supported by this binary; first-screen times come from polling tmux"

results=$work/results
: >"$results"
# row NAME MS REF_MS TARGET_MS RSS REF_RSS
row() { echo "$1|$2|$3|$4|$5|$6" >>"$results"; }

say "timing the first screen"
s1=$(screen_ms kadis);      r1=$(screen_rss kadis)
s2=$(screen_ms arsiparis);  r2=$(screen_rss arsiparis)
ref_l=$(median_ms sqlite3 -readonly "$DB" "$REF_LIST"); ref_lr=$(rss_mb sqlite3 -readonly "$DB" "$REF_LIST")
row "first screen: kadis, Untuk saya" "$s1" "$ref_l" $T_SCREEN "$r1" "$ref_lr"
row "first screen: arsiparis, Semua" "$s2" "$ref_l" $T_SCREEN "$r2" "$ref_lr"

say "timing list and search"
export BERKAS_USER=arsiparis
l1=$(median_ms "$BIN" list --limit 50); lr1=$(rss_mb "$BIN" list --limit 50)
row "list --limit 50" "$l1" "$ref_l" - "$lr1" "$ref_lr"
export BERKAS_USER=kadis
l2=$(median_ms "$BIN" list --view saya --limit 50); lr2=$(rss_mb "$BIN" list --view saya --limit 50)
export BERKAS_USER=arsiparis
row "list --view saya --limit 50 (kadis)" "$l2" "$ref_l" - "$lr2" "$ref_lr"
# the TUI's `l` limit on a common value (no target: shown for information)
f=$(median_ms "$BIN" list --filter penting=P --limit 50); fr=$(rss_mb "$BIN" list --filter penting=P --limit 50)
row "list --filter penting=P --limit 50" "$f" "$ref_l" - "$fr" "$ref_lr"
for w in "$COMMON" "$RARE"; do
	ref=$(fts_ref "$w")
	m=$(median_ms "$BIN" list --search "$w" --limit 50); mr=$(rss_mb "$BIN" list --search "$w" --limit 50)
	if [ -n "$ref" ]; then
		rm_=$(median_ms sqlite3 -readonly "$DB" "$ref"); rr=$(rss_mb sqlite3 -readonly "$DB" "$ref")
	else rm_=-; rr=-; fi
	kindw=rare; [ "$w" = "$COMMON" ] && kindw=common
	row "list --search $w --limit 50 ($kindw)" "$m" "$rm_" $T_SEARCH "$mr" "$rr"
done

# ---- the table ------------------------------------------------------------------------
echo
awk -F'|' -v trss=$T_RSS '
function verdict(v, t) { if (v == "-" || v == "") return "n/a"; return (v + 0 < t + 0) ? "PASS" : "FAIL" }
function ratio(a, b) { if (a == "-" || b == "-" || a == "" || b == "" || b + 0 == 0) return "-"; return sprintf("%.1fx", a / b) }
BEGIN {
	printf "%-42s %9s %9s %7s %8s %6s   %8s %8s %6s\n", "measure", "ms", "sqlite3", "ratio", "target", "time", "RSS MB", "sqlite3", "RSS"
}
{
	tv = ($4 == "-") ? "-" : verdict($2, $4)
	rv = verdict($5, trss)
	if (tv == "FAIL" || rv == "FAIL" || tv == "n/a" && $4 != "-") bad++
	printf "%-42s %9s %9s %7s %8s %6s   %8s %8s %6s\n", $1, $2, $3, ratio($2, $3), ($4 == "-") ? "-" : "<" $4, tv, $5, $6, rv
}
END {
	printf "\ntargets: first screen < 100 ms, search < 50 ms, max RSS < %d MB; ratio = berkas / sqlite3 CLI on an equivalent query\n", trss
	if (bad) { printf "bench: %d measure(s) missed a target\n", bad; exit 1 }
	print "bench: all targets met"
}' "$results"
