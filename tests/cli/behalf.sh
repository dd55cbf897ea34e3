#!/bin/sh
# behalf.sh: a pencatat records an official's paper disposition (--on-behalf);
# show names both the clerk and the official.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
add_letter "Bank NTT" "Sosialisasi kredit usaha rakyat" >/dev/null

# behalf-1: only pencatat/admin may record for someone else.
BERKAS_USER=stafkel
expect_status 1 berkas dispose 1 --on-behalf kadis --to sekretaris
expect_eq "$(cat "$T/err")" "berkas: --on-behalf: hanya untuk pengguna berperan pencatat atau admin ('stafkel' tidak)" "behalf-1.1"
BERKAS_USER=umum
expect_status 1 berkas dispose 1 --on-behalf siapa --to sekretaris
expect_eq "$(cat "$T/err")" "berkas: --on-behalf: pengguna tidak dikenal: siapa" "behalf-1.2"
expect_status 1 berkas dispose 1 --from kadis --to sekretaris
expect_contains "$T/err" "berkas: --from: kadis bukan jabatan Anda (pengadministrasi_umum)"

# behalf-2: umum (pencatat) records the Kepala Dinas' disposition; --from
# defaults to the official's position.
expect_status 0 berkas dispose 1 --on-behalf kadis --to sekretaris --instruction "untuk diketahui"
expect_eq "$(cat "$T/out")" "Disposisi dikirim ke 1 jabatan" "behalf-2.1"
expect_status 0 berkas show 1
expect_contains "$T/out" "  Kepala Dinas -> Sekretaris [baru]"
expect_contains "$T/out" "Dikirim: 02-03-2026 09:00, Elisabeth Manu (umum) atas nama Drs. Yohanes Laka Mone (kadis)"
grep -q "Elisabeth Manu (umum) atas nama Drs. Yohanes Laka Mone (kadis): disposisi" "$T/out" ||
	fail "behalf-2.2: no history line naming both: $(cat "$T/out")"

# behalf-3: the recipient still sees it in the inbox; the clerk records the
# Sekretaris' follow-up written on paper.
BERKAS_USER=sekretaris
berkas list --view saya --format csv >"$T/inbox.csv" || fail "inbox"
BERKAS_USER=umum
expect_eq "$(csv_sql "$T/inbox.csv" "select group_concat(nomor) from t")" "1" "behalf-3.1"
expect_status 0 berkas followup 1 --on-behalf sekretaris --note "Dihadiri staf"
expect_contains "$T/out" "Tindak lanjut dicatat"
expect_contains "$T/out" "Berkas 1 selesai"
expect_status 0 berkas show 1
expect_contains "$T/out" "Elisabeth Manu (umum) atas nama Maria Goreti Seran S.E. (sekretaris): tindak lanjut"
echo ok
