#!/bin/sh
# list.sh: list views, search, filter, sort, limit and the table/CSV formats.
. "$(dirname "$0")/../lib.sh"

# The kinds shipped in forms/, as the program names them (sorted, ", ").
known_kinds() {
	(cd "$BERKAS_SHAREDIR/forms" && LC_ALL=C ls -- *.ini) | sed 's/\.ini$//' | paste -sd, - |
		sed 's/,/, /g'
}

berkas init >/dev/null || fail "init"
add_letter "Bappeda Provinsi NTT" "Undangan rapat koordinasi" >/dev/null
add_letter "Biro Organisasi" "Laporan kinerja triwulan" sifat=Rahasia urgensi="Sangat Segera" >/dev/null
add_letter "Koperasi Sehati Kupang" "Permohonan pembinaan koperasi" >/dev/null
add_letter "Dinas Kominfo" 'Rapat "RAT", tahunan' >/dev/null

# list-1: the table has the spec's columns and fits $COLUMNS.
export COLUMNS=80
expect_status 0 berkas list
head -n 1 "$T/out" | grep -q '^NO *DITERIMA *ASAL *PERIHAL *SIFAT/URG *POSISI *BATAS$' ||
	fail "list-1.1: header is '$(head -n 1 "$T/out")'"
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" "5" "list-1.2 header + 4 rows"
expect_eq "$(awk 'length($0) == 80' "$T/out" | wc -l | tr -d ' ')" "4" "list-1.3 rows of 80 columns"
expect_contains "$T/out" "Bappeda P~"
expect_contains "$T/out" " 2 02-03-2026 Biro Orga~ Laporan kinerja ~ R/SS"
expect_contains "$T/out" "03-03-2026"
COLUMNS=140
expect_status 0 berkas list
expect_contains "$T/out" "Koperasi Sehati Kupang"
awk 'length($0) > 140 { exit 1 }' "$T/out" || fail "list-1.4: a line is wider than 140"
# Not a terminal and no $COLUMNS: 100 columns.
unset COLUMNS
expect_status 0 berkas list
expect_eq "$(awk 'length($0) == 100' "$T/out" | wc -l | tr -d ' ')" "4" "list-1.5 rows of 100 columns"

export COLUMNS=100

# list-2: full-text search, read back through a CSV parser.
expect_status 0 berkas list --search pembinaan --format csv
expect_eq "$(csv_sql "$T/out" "select nomor, asal, perihal, sifat, urgensi, status from t")" \
	"3|Koperasi Sehati Kupang|Permohonan pembinaan koperasi|Biasa|Biasa|terbuka" "list-2.1"
expect_status 0 berkas list --search kinerja --format csv
expect_eq "$(csv_sql "$T/out" "select nomor || ' ' || tanggal_diterima || ' ' || batas_waktu from t")" \
	"2 02-03-2026 03-03-2026" "list-2.2"
# Quotes and commas survive the CSV round trip.
expect_status 0 berkas list --search tahunan --format csv
expect_eq "$(csv_sql "$T/out" "select perihal from t")" 'Rapat "RAT", tahunan' "list-2.3"
expect_status 0 berkas list --search zzzzzz --format csv
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "0" "list-2.4"

# list-3: --filter on a field; --kind.
expect_status 0 berkas list --filter sifat=Rahasia --format csv
expect_eq "$(csv_sql "$T/out" "select group_concat(nomor) from t")" "2" "list-3.1"
expect_status 0 berkas list --kind surat_masuk --format csv
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "4" "list-3.2"
expect_status 1 berkas list --kind surat_hilang
expect_eq "$(cat "$T/err")" "berkas: jenis tidak dikenal: surat_hilang (jenis yang dikenal: $(known_kinds))" "list-3.3"

# list-4: sort by party (A-Z) and by number.
expect_status 0 berkas list --sort asal --format csv
expect_eq "$(csv_sql "$T/out" "select group_concat(nomor) from t")" "1,2,4,3" "list-4.1"

# list-5: --limit pages; 0 means all.
expect_status 0 berkas list --limit 2
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" "3" "list-5.1 header + 2 rows"
expect_eq "$(cat "$T/err")" "(2 dari 4 berkas; --limit 0 untuk semua)" "list-5.2"
expect_status 0 berkas list --limit 0 --format csv
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "4" "list-5.3"

# list-6: views. New letters wait for the Kepala Dinas; nothing is disposed yet.
BERKAS_USER=kadis
expect_status 0 berkas list --view saya --format csv
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "4" "list-6.1 kadis"
BERKAS_USER=sekretaris
expect_status 0 berkas list --view saya --format csv
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "0" "list-6.2 sekretaris"
BERKAS_USER=tamu
expect_status 1 berkas list --view saya
expect_eq "$(cat "$T/err")" "berkas: --view saya: pengguna 'tamu' tidak terdaftar" "list-6.3"
BERKAS_USER=arsiparis
expect_status 0 berkas list --view belum --format csv
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "4" "list-6.4"
expect_status 0 berkas list --view terlambat --format csv
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "0" "list-6.5"

# list-7: a week later letter 2 (Sangat Segera, due 03-03) is overdue, the others
# (Biasa, due 09-03) are due today: marks '!' and '*'.
BERKAS_NOW=2026-03-09T10:00
expect_status 0 berkas list --view terlambat --format csv
expect_eq "$(csv_sql "$T/out" "select group_concat(nomor) from t")" "2" "list-7.1"
COLUMNS=100
expect_status 0 berkas list --sort nomor
grep -q '^!2 ' "$T/out" || fail "list-7.2: no '!2' row: $(cat "$T/out")"
grep -q '^\*1 ' "$T/out" || fail "list-7.3: no '*1' row: $(cat "$T/out")"

# list-8: control characters that reached the database some other way (an old
# import, a hand edit) are never printed raw by list or show.
sqlite3 "$BERKAS_DB" "UPDATE cases SET party = 'Biro' || char(27) || '[31mMerah',
	fields = json_set(fields, '$.asal_surat', 'Biro' || char(27) || '[31mMerah' || char(7))
	WHERE number = 2" || fail "list-8: sqlite3 update"
expect_status 0 berkas list --sort nomor
expect_contains "$T/out" "Biro?[31mMerah"
expect_status 0 berkas show 2
expect_contains "$T/out" "  Asal surat       : Biro?[31mMerah?"
expect_status 0 berkas list --search kinerja --format csv
expect_eq "$(csv_sql "$T/out" "select asal from t")" "$(printf 'Biro\033[31mMerah')" "list-8.1 CSV keeps the data"
for f in list show; do
	[ $f = list ] && berkas list >"$T/out" || berkas show 2 >"$T/out"
	! grep -q "$(printf '\033')" "$T/out" || fail "list-8.2: ESC in $f output"
	! grep -q "$(printf '\007')" "$T/out" || fail "list-8.3: BEL in $f output"
done
echo ok
