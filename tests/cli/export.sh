#!/bin/sh
# export.sh: export surat_masuk (Buku Agenda) with a date range, ';' delimiter,
# BOM and formula neutralisation; the header is the kind's field keys.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
add_letter "Bappeda Provinsi NTT" "Undangan rapat" tanggal_diterima=10-02-2026 >/dev/null
add_letter "=HYPERLINK(\"http://x\")" "@SUM(A1:A9)" tanggal_diterima=20-02-2026 \
	lampiran="-1 berkas" >/dev/null
add_letter "Biro Organisasi; Setda" "Laporan, triwulan I" tanggal_diterima=02-03-2026 \
	penting=P kode_klasifikasi=000.1.5 >/dev/null
header="nomor_agenda,tanggal_diterima,asal_surat,nomor_surat,tanggal_surat,perihal,isi_ringkas,lampiran,sifat,urgensi,kode_klasifikasi,indeks,penting,unit_pengolah,keterangan"
cols="select group_concat(name, ',') from pragma_table_info('t')"

# export-1: everything to stdout, comma-separated, header = field keys.
expect_status 0 berkas export surat_masuk
expect_eq "$(csv_sql "$T/out" "$cols")" "$header" "export-1.1"
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "3" "export-1.2"
expect_eq "$(csv_sql "$T/out" "select nomor_agenda, tanggal_diterima, asal_surat, perihal, penting, kode_klasifikasi from t where nomor_agenda = '3'")" \
	"3|02-03-2026|Biro Organisasi; Setda|Laporan, triwulan I|P|000.1.5" "export-1.3"
# Records end in CRLF (RFC 4180).
[ "$(head -n 1 "$T/out" | od -An -c | tr -d ' \n' | tail -c 4)" = '\r\n' ] || fail "export-1.4: no CRLF"

# export-2: cells a spreadsheet would run as formulas get a leading apostrophe.
expect_eq "$(csv_sql "$T/out" "select asal_surat || '|' || perihal || '|' || lampiran from t where nomor_agenda = '2'")" \
	"'=HYPERLINK(\"http://x\")|'@SUM(A1:A9)|'-1 berkas" "export-2.1"
expect_status 0 berkas export surat_masuk --raw
expect_eq "$(csv_sql "$T/out" "select asal_surat || '|' || perihal || '|' || lampiran from t where nomor_agenda = '2'")" \
	"=HYPERLINK(\"http://x\")|@SUM(A1:A9)|-1 berkas" "export-2.2"

# export-3: --from/--to select by date received (inclusive).
expect_status 0 berkas export surat_masuk --from 15-02-2026 --to 02-03-2026
expect_eq "$(csv_sql "$T/out" "select group_concat(nomor_agenda) from t")" "2,3" "export-3.1"
expect_status 0 berkas export surat_masuk --to 20-02-2026
expect_eq "$(csv_sql "$T/out" "select group_concat(nomor_agenda) from t")" "1,2" "export-3.2"
expect_status 0 berkas export surat_masuk --from 01-04-2026
expect_eq "$(csv_sql "$T/out" "$cols")" "$header" "export-3.3 header even when empty"
expect_eq "$(csv_sql "$T/out" "select count(*) from t")" "0" "export-3.4"

# export-4: ';' and a BOM, to a file (Excel with Indonesian settings).
expect_status 0 berkas export surat_masuk --delimiter ';' --bom -o "$T/agenda.csv"
expect_eq "$(cat "$T/out")" "3 baris diekspor ke $T/agenda.csv" "export-4.1"
expect_eq "$(head -c 3 "$T/agenda.csv" | od -An -tx1 | tr -d ' \n')" "efbbbf" "export-4.2 BOM"
head -n 1 "$T/agenda.csv" | grep -q '"nomor_agenda";"tanggal_diterima";' || fail "export-4.3: no ';' header"
expect_eq "$(csv_sql "$T/agenda.csv" "$cols" ';')" "$header" "export-4.4"
expect_eq "$(csv_sql "$T/agenda.csv" "select asal_surat from t where nomor_agenda = '3'" ';')" \
	"Biro Organisasi; Setda" "export-4.5"
# Without --bom there is none.
expect_status 0 berkas export surat_masuk --delimiter ';'
expect_eq "$(head -c 1 "$T/out")" '"' "export-4.6"

# export-5: bad dates and kinds.
expect_status 1 berkas export surat_masuk --from 31-02-2026
expect_eq "$(cat "$T/err")" "berkas: --from: tanggal tidak valid '31-02-2026' (DD-MM-YYYY)" "export-5.1"
expect_status 1 berkas export surat_masuk --to 2026-03-01
expect_eq "$(cat "$T/err")" "berkas: --to: tanggal tidak valid '2026-03-01' (DD-MM-YYYY)" "export-5.2"
expect_status 1 berkas export surat_masuk --from 10-03-2026 --to 01-03-2026
expect_eq "$(cat "$T/err")" "berkas: --from: tanggal 10-03-2026 sesudah --to 01-03-2026" "export-5.3"
expect_status 1 berkas export surat_hilang
expect_eq "$(cat "$T/err")" "berkas: jenis tidak dikenal: surat_hilang" "export-5.4"
echo ok
