#!/bin/sh
# usage.sh: bad usage exits 2 with the problem and the usage on stderr; --help
# and --version exit 0 on stdout.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"

# usage-1: global options.
expect_status 0 berkas --version
expect_eq "$(cat "$T/out")" "berkas 0.1.0" "usage-1.1"
expect_status 0 berkas --help
expect_contains "$T/out" "Pemakaian: berkas [--db BERKAS] [--config BERKAS]"
for cmd in init add list show dispose read followup print export demo backup user check; do
	grep -q "^  $cmd " "$T/out" || fail "usage-1.2: --help does not list $cmd"
done
expect_status 2 berkas --frobnicate
expect_contains "$T/err" "berkas: opsi tidak dikenal: --frobnicate"
expect_contains "$T/err" "Pemakaian: berkas"
expect_status 2 berkas --db
expect_contains "$T/err" "berkas: opsi --db memerlukan nilai"
expect_status 2 berkas terbang
expect_contains "$T/err" "berkas: subperintah tidak dikenal: terbang"

# usage-2: every subcommand has --help on stdout.
for cmd in init add list show dispose read followup print export demo backup user check; do
	expect_status 0 berkas "$cmd" --help
	expect_contains "$T/out" "Pemakaian: berkas $cmd"
done

# usage-3: subcommand usage errors exit 2.
expect_status 2 berkas add surat_masuk perihal
expect_contains "$T/err" "berkas: isian harus berbentuk kunci=nilai: 'perihal'"
expect_contains "$T/err" "Pemakaian: berkas add"
expect_status 2 berkas add
expect_contains "$T/err" "berkas: JENIS belum diberikan"
expect_status 2 berkas list --view kemarin
expect_contains "$T/err" "berkas: --view: nilai tidak dikenal 'kemarin'"
expect_status 2 berkas list --limit banyak
expect_contains "$T/err" "berkas: --limit: bukan bilangan: 'banyak'"
expect_status 2 berkas list --bogus
expect_contains "$T/err" "berkas: opsi tidak dikenal: --bogus"
expect_status 2 berkas list --kind
expect_contains "$T/err" "berkas: opsi --kind memerlukan nilai"
expect_status 2 berkas show
expect_status 2 berkas dispose 1
expect_contains "$T/err" "berkas: --to belum diberikan"
expect_status 2 berkas followup 1
expect_contains "$T/err" "berkas: --note belum diberikan"
expect_status 2 berkas export surat_masuk --delimiter '|'
expect_contains "$T/err" "berkas: --delimiter: harus ',' atau ';'"
expect_status 2 berkas demo
expect_contains "$T/err" "berkas: --letters belum diberikan"
expect_status 2 berkas print 1 --sheet amplop
expect_status 2 berkas user hapus x
expect_status 2 berkas backup

# usage-4: no database yet is an error (1), not a usage problem.
expect_status 1 berkas --db "$T/none.db" list
expect_contains "$T/err" "berkas: basis data tidak ada: $T/none.db"
echo ok
