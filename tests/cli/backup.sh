#!/bin/sh
# backup.sh: backup FILE writes a database that show and list read, unaffected by
# later changes to the original.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
add_letter "Bappeda Provinsi NTT" "Undangan rapat koordinasi" >/dev/null
add_letter "Biro Organisasi" "Laporan kinerja" >/dev/null
BERKAS_USER=kadis
berkas dispose 2 --to sekretaris --note "Pelajari" >/dev/null || fail "dispose"
BERKAS_USER=arsiparis

expect_status 0 berkas backup "$T/copy.db"
expect_eq "$(cat "$T/out")" "Cadangan ditulis ke $T/copy.db" "backup-1.1"
add_letter "Inspektorat" "Setelah cadangan" >/dev/null

expect_status 0 berkas --db "$T/copy.db" show 2
expect_contains "$T/out" "Biro Organisasi"
expect_contains "$T/out" "  Kepala Dinas -> Sekretaris [baru]"
expect_contains "$T/out" "Catatan: Pelajari"
BERKAS_DB="$T/copy.db"
expect_eq "$(case_count)" "2" "backup-1.2 copy has the two letters"
expect_status 1 berkas show 3
BERKAS_DB="$T/berkas.db"
expect_eq "$(case_count)" "3" "backup-1.3 original has three"

# backup-2: not onto the database itself; a folder that cannot be written.
expect_status 1 berkas backup "$BERKAS_DB"
expect_contains "$T/err" "berkas: backup: tujuan sama dengan basis data"
expect_status 1 berkas backup "$T/no/such/dir/x.db"
echo ok
