#!/bin/sh
# user.sh: user list shows the people loaded by init; user add needs admin.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"

# user-1: the people from data/pegawai.csv; the creator (arsiparis) is admin.
expect_status 0 berkas user list
head -n 1 "$T/out" | grep -q '^LOGIN *NAMA *NIP *JABATAN *PERAN$' || fail "user-1.1: header"
grep -q '^kadis  *Drs\. Yohanes Laka Mone  *196805121994031007  *kadis  *$' "$T/out" ||
	fail "user-1.2: no kadis row: $(cat "$T/out")"
grep -q '^arsiparis  *Markus Dethan A\.Md\.  *199002142015031002  *arsiparis  *pencatat,admin$' "$T/out" ||
	fail "user-1.3: arsiparis is not admin: $(cat "$T/out")"
expect_eq "$(sed 1d "$T/out" | wc -l | tr -d ' ')" "14" "user-1.4"

# user-2: only an admin adds people.
BERKAS_USER=kadis
expect_status 1 berkas user add budi --name "Budi Santoso" --jabatan staf_ukm
expect_eq "$(cat "$T/err")" "berkas: user add: hanya admin yang boleh menambah pengguna ('kadis' bukan admin)" "user-2.1"
BERKAS_USER=arsiparis
expect_status 1 berkas user add budi --name "Budi Santoso" --jabatan gudang --roles pencatat,kasir
expect_contains "$T/err" "berkas: --jabatan: jabatan tidak dikenal: gudang"
expect_contains "$T/err" "berkas: --roles: peran tidak dikenal 'kasir' (admin, pencatat)"
expect_status 2 berkas user add budi --name "Budi Santoso"
expect_contains "$T/err" "berkas: user add memerlukan --name dan --jabatan"

# user-3: added, listed, and recognised as a user with an inbox.
expect_status 0 berkas user add budi --name "Budi Santoso" --jabatan staf_ukm --nip 199901012024011001 --roles pencatat
expect_eq "$(cat "$T/out")" "Pengguna budi disimpan" "user-3.1"
expect_status 0 berkas user list
grep -q '^budi  *Budi Santoso  *199901012024011001  *staf_ukm  *pencatat$' "$T/out" ||
	fail "user-3.2: no budi row: $(cat "$T/out")"
BERKAS_USER=budi
expect_status 0 berkas list --view saya
echo ok
