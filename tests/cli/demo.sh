#!/bin/sh
# demo.sh: demo --letters N adds N letters, the same ones for the same seed; no
# progress line when stderr is not a terminal.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
expect_status 0 berkas demo --letters 40 --seed 7
expect_eq "$(cat "$T/out")" "40 surat contoh ditambahkan" "demo-1.1"
[ ! -s "$T/err" ] || fail "demo-1.2: stderr not empty: $(cat "$T/err")"
expect_eq "$(case_count)" "40" "demo-1.3"
berkas export surat_masuk >"$T/a.csv" || fail "export a"

BERKAS_DB="$T/second.db"
berkas init >/dev/null || fail "init second"
expect_status 0 berkas demo --letters 40 --seed 7
berkas export surat_masuk >"$T/b.csv" || fail "export b"
cmp -s "$T/a.csv" "$T/b.csv" || fail "demo-2.1: same seed gave different letters"
expect_status 2 berkas demo --letters lots
expect_contains "$T/err" "berkas: --letters: bukan bilangan yang sah: 'lots'"
echo ok
