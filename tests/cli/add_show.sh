#!/bin/sh
# add_show.sh: init makes the database, add prints office numbers 1, 2 (restarting
# at 1 in a new year), show prints fields, steps and history.
. "$(dirname "$0")/../lib.sh"

# add-show-1: init creates the database once, then says it exists.
expect_status 0 berkas init
expect_eq "$(cat "$T/out")" "Basis data dibuat: $BERKAS_DB" "add-show-1.1"
[ -s "$BERKAS_DB" ] || fail "add-show-1.2: no database file"
expect_status 0 berkas init
expect_eq "$(cat "$T/out")" "Basis data sudah ada: $BERKAS_DB" "add-show-1.3"
# --db FILE creates the folders leading to it.
expect_status 0 berkas --db "$T/sub/dir/x.db" init
expect_eq "$(cat "$T/out")" "Basis data dibuat: $T/sub/dir/x.db" "add-show-1.4"

# add-show-2: numbers 1 and 2 on stdout, nothing else.
expect_status 0 berkas add surat_masuk asal_surat="Bappeda Provinsi NTT" \
	nomor_surat=005/12/Bappeda/2026 tanggal_surat=27-02-2026 \
	perihal="Undangan rapat koordinasi perencanaan" urgensi=Segera penting=P \
	kode_klasifikasi=000.1.5 "keterangan=a=b dan c=d"
expect_eq "$(cat "$T/out")" "1" "add-show-2.1"
expect_eq "$(add_letter "Biro Organisasi" "Laporan kinerja triwulan I")" "2" "add-show-2.2"

# add-show-3: show by number: header, fields (DD-MM-YYYY), deadline from urgency
# (Segera = 2 working days after Monday 02-03-2026), steps and history.
expect_status 0 berkas show 1
expect_contains "$T/out" "Surat Masuk 1"
expect_contains "$T/out" "Status      : terbuka (tahap 2: Kepala Dinas)"
expect_contains "$T/out" "Batas waktu : 04-03-2026 (tepat waktu)"
expect_contains "$T/out" "  Asal surat       : Bappeda Provinsi NTT"
expect_contains "$T/out" "  Tanggal diterima : 02-03-2026"
expect_contains "$T/out" "  Tanggal surat    : 27-02-2026"
expect_contains "$T/out" "  Urgensi          : Segera"
expect_contains "$T/out" "  Keterangan       : a=b dan c=d"
expect_contains "$T/out" "  Kode klasifikasi : 000.1.5"
expect_contains "$T/out" "Tahapan"
expect_contains "$T/out" "  1. Pengadministrasi umum / Pencatat"
expect_contains "$T/out" "  2. Kepala Dinas"
expect_contains "$T/out" "(belum ada)"
expect_contains "$T/out" "02-03-2026 09:00  Markus Dethan A.Md. (arsiparis): dibuat"
id=$(sed -n 's/^ID *: //p' "$T/out")
[ ${#id} = 36 ] || fail "add-show-3.1: no id in show output: '$id'"

# add-show-4: show by id gives the same case; an unknown number is an error.
expect_status 0 berkas show "$id"
expect_contains "$T/out" "Surat Masuk 1"
expect_status 1 berkas show 99
expect_eq "$(cat "$T/err")" "berkas: berkas tidak ditemukan: 99" "add-show-4.1"

# add-show-4b: the step clock counts working time: from Monday 09:00 to Tuesday
# 10:00 is 7 h + 2.5 h = 1 working day (07:30-16:00) and 1 hour.
BERKAS_NOW=2026-03-03T10:00
expect_status 0 berkas show 1
expect_eq "$(grep -A1 '^  2\. Kepala Dinas$' "$T/out" | tail -n 1)" \
	"     mutu baku 10 menit | waktu 1 hari kerja 1 jam, melampaui mutu baku | berjalan" "add-show-4b.1"
expect_eq "$(grep -A1 '^  3\. Sekretaris$' "$T/out" | tail -n 1)" \
	"     mutu baku 10 menit | waktu - | belum" "add-show-4b.2"

# add-show-5: a new year restarts at 1; "1" then means this year's letter, and
# the older one is still found by id.
BERKAS_NOW=2027-01-04T08:00
expect_eq "$(add_letter "Sekretariat Daerah" "Surat edaran awal tahun")" "1" "add-show-5.1"
expect_eq "$(add_letter "Inspektorat" "Jadwal pemeriksaan")" "2" "add-show-5.2"
expect_status 0 berkas show 1
expect_contains "$T/out" "  Tanggal diterima : 04-01-2027"
expect_contains "$T/out" "Sekretariat Daerah"
expect_status 0 berkas show "$id"
expect_contains "$T/out" "Bappeda Provinsi NTT"
BERKAS_NOW=2026-03-02T09:00
expect_status 0 berkas show 1
expect_contains "$T/out" "Bappeda Provinsi NTT"
echo ok
