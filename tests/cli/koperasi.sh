#!/bin/sh
# koperasi.sh: the cooperative registry on the command line: koperasi add (same
# rules as the form: every problem one line, exit 1, nothing written), show (all
# fields, serving office, history), list (table, csv, search, filter, sort),
# export -> import into a fresh database -> export gives the same bytes, import
# --map/--update, demo --koperasi, usage.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
export COLUMNS=100
# kop_count: cooperatives in the current database (rows of `export koperasi`).
kop_count() {
	berkas export koperasi -o "$T/count.csv" >/dev/null || fail "export for count"
	echo $(( $(wc -l <"$T/count.csv") - 1 ))
}

# koperasi-1: add prints the new id; values are stored in their normal form.
expect_status 0 berkas koperasi add nama='KSP Kopdit Swasti Sari' nik='5371.0102.0304.0001' \
	no_badan_hukum=26/BH/XIV/1989 tanggal_badan_hukum=12-06-1989 kabkota='Kota Kupang' \
	kecamatan=Oebobo kelurahan=Oebobo wilayah_keanggotaan=Provinsi bentuk='Primer Provinsi' \
	jenis='Simpan Pinjam' kelompok=Kopdit tahun_rat='2023 2024' rat_terakhir=15-02-2025 \
	anggota_pria=1.250 anggota_wanita=1310 pengurus='Yohanes Sason;  Maria Goreti ' \
	telepon='(0380) 821234' email=info@swastisari.id
grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' "$T/out" ||
	fail "koperasi-1.1: not an id: $(cat "$T/out")"
id1=$(cat "$T/out")
[ ! -s "$T/err" ] || fail "koperasi-1.2: stderr: $(cat "$T/err")"
expect_status 0 berkas koperasi add nama='KUD Sinar Harapan' kabkota=Ende \
	no_badan_hukum=112/BH/XIV.8/1990 wilayah_keanggotaan=kabkota grade=a status='Tidak aktif'
expect_status 0 berkas koperasi add nama='Koperasi Nelayan Bahari' kabkota=53.05 \
	bentuk='Sekunder Nasional' rat_terakhir=01-03-2026
expect_eq "$(kop_count)" "3" "koperasi-1.3"

# koperasi-2: show by NIK (as typed, with dots), by id and by badan hukum number.
expect_status 0 berkas koperasi show 5371.0102.0304.0001
cat >"$T/want" <<EOF
KSP Kopdit Swasti Sari
ID                              : $id1
Dicatat                         : 02-03-2026 09:00 oleh Markus Dethan A.Md. (arsiparis)

Isian
  NIK koperasi                  : 5371010203040001
  Nama koperasi                 : KSP Kopdit Swasti Sari
  Nomor badan hukum             : 26/BH/XIV/1989
  Tanggal badan hukum           : 12-06-1989
  Nomor perubahan AD terakhir   : -
  Tanggal perubahan AD terakhir : -
  Alamat                        : -
  Kelurahan/desa                : Oebobo
  Kecamatan                     : Oebobo
  Kabupaten/kota                : Kota Kupang
  Wilayah keanggotaan           : Provinsi
  Bentuk koperasi               : Primer Provinsi
  Jenis koperasi                : Simpan Pinjam
  Kelompok koperasi             : Koperasi Simpan Pinjam
  Sektor usaha                  : -
  Skala usaha                   : -
  Pengurus                      : Yohanes Sason; Maria Goreti
  Pengawas                      : -
  Anggota pria                  : 1250
  Anggota wanita                : 1310
  Tahun RAT                     : 2023;2024;2025
  RAT terakhir                  : 15-02-2025
  Status NIK                    : -
  Nomor sertifikat NIK          : -
  Tanggal sertifikat NIK        : -
  Sertifikat berlaku sampai     : -
  Grade                         : -
  Status                        : Aktif
  Telepon                       : (0380) 821234
  Email                         : info@swastisari.id

Sertifikat NIK
  Kantor yang melayani          : Dinas provinsi

Berkas
  (belum ada)

Riwayat
  02-03-2026 09:00  Markus Dethan A.Md. (arsiparis): dibuat
EOF
diff "$T/want" "$T/out" >"$T/diff" || { cat "$T/diff"; fail "koperasi-2.1: show"; }
expect_status 0 berkas koperasi show "$id1"
diff "$T/want" "$T/out" >/dev/null || fail "koperasi-2.2: show by id differs"
# a kab/kota cooperative belongs to the kab/kota Dinas, a cross-province one to the Ministry
expect_status 0 berkas koperasi show 112/BH/XIV.8/1990
expect_contains "$T/out" "Kantor yang melayani          : Dinas kabupaten/kota"
expect_contains "$T/out" "  Wilayah keanggotaan koperasi ini hanya satu kabupaten/kota: permohonan"
expect_contains "$T/out" "  sertifikat NIK dilayani Dinas yang membidangi koperasi di Kabupaten Ende,"
expect_contains "$T/out" "Grade                         : A (RAT setiap tahun dalam 3 tahun terakhir)"
expect_contains "$T/out" "Status                        : Tidak aktif"
expect_status 1 berkas koperasi show 5371010203049999
expect_eq "$(cat "$T/err")" "berkas: koperasi tidak ditemukan: 5371010203049999" "koperasi-2.3"

# koperasi-3: validation: each problem one line naming the field, exit 1, nothing written.
try() {
	try_want=$1; shift
	expect_status 1 berkas koperasi add "$@"
	expect_eq "$(cat "$T/err")" "$try_want" "stderr of koperasi add $*"
	[ ! -s "$T/out" ] || fail "stdout not empty: $(cat "$T/out")"
}
try "berkas: nik: '5371-0102-0304' bukan NIK koperasi (harus 16 angka)" \
	nama='KSU Maju' nik=5371-0102-0304
try "berkas: nik: '53710102030400019' bukan NIK koperasi (harus 16 angka)" \
	nama='KSU Maju' nik=53710102030400019
try "berkas: kabkota: 'Lombok Timur' tidak ada dalam daftar wilayah" \
	nama='KSU Maju' kabkota='Lombok Timur'
try "berkas: kabkota: 'Bali' bukan kabupaten/kota di Nusa Tenggara Timur" \
	nama='KSU Maju' kabkota=Bali
try "berkas: kabkota: 'Kupang' cocok dengan lebih dari satu isi daftar wilayah; tulis kodenya" \
	nama='KSU Maju' kabkota=Kupang
try "berkas: wilayah_keanggotaan: 'desa' bukan pilihan (kabkota, provinsi, nasional)" \
	nama='KSU Maju' wilayah_keanggotaan=desa
try "berkas: nama: wajib diisi" nama= kabkota=Ende
try "berkas: nik: NIK 5371010203040001 sudah dipakai oleh KSP Kopdit Swasti Sari" \
	nama='KSP Lain' nik=5371010203040001
try "berkas: rat_terakhir: tanggal 03-03-2026 belum tiba" nama='KSU Maju' rat_terakhir=03-03-2026
try "berkas: warna: isian tidak dikenal untuk koperasi" nama='KSU Maju' warna=merah
# several problems come together, one per line, in field order
expect_status 1 berkas koperasi add nama='KSU Maju' nik=123 kabkota=Jakarta \
	wilayah_keanggotaan=dunia email=bukan-email
cat >"$T/want" <<'EOF'
berkas: nik: '123' bukan NIK koperasi (harus 16 angka)
berkas: kabkota: 'Jakarta' tidak ada dalam daftar wilayah
berkas: wilayah_keanggotaan: 'dunia' bukan pilihan (kabkota, provinsi, nasional)
berkas: email: 'bukan-email' bukan alamat email
EOF
diff "$T/want" "$T/err" >"$T/diff" || { cat "$T/diff"; fail "koperasi-3.1"; }
expect_eq "$(kop_count)" "3" "koperasi-3.2 nothing written by any of the refused adds"
expect_status 2 berkas koperasi add nama
expect_contains "$T/err" "berkas: isian harus berbentuk kunci=nilai: 'nama'"
expect_status 2 berkas koperasi add nama=A NAMA=B
expect_contains "$T/err" "berkas: isian NAMA diberikan lebih dari sekali"

# koperasi-4: list as a table (fits $COLUMNS), as CSV, with search, filter and sort.
expect_status 0 berkas koperasi list
cat >"$T/want" <<'EOF'
NIK              NAMA                     BADAN HUKUM  KAB/KOTA         GRADE RAT        STATUS
-                Koperasi Nelayan Bahari  -            Kab. Alor        -     01-03-2026 Aktif
5371010203040001 KSP Kopdit Swasti Sari   26/BH/XIV/1~ Kota Kupang      -     15-02-2025 Aktif
-                KUD Sinar Harapan        112/BH/XIV.~ Kab. Ende        A     -          Tidak aktif
EOF
diff "$T/want" "$T/out" >"$T/diff" || { cat "$T/diff"; fail "koperasi-4.1: table"; }
expect_status 0 berkas koperasi list --format csv --sort rat
expect_eq "$(csv_sql "$T/out" "select group_concat(nama || '/' || kabkota || '/' || status || '/' || rat_terakhir, '|') from t")" \
	"Koperasi Nelayan Bahari/53.05/aktif/01-03-2026|KSP Kopdit Swasti Sari/53.71/aktif/15-02-2025|KUD Sinar Harapan/53.08/tidak_aktif/" "koperasi-4.2"
expect_eq "$(csv_sql "$T/out" "select id from t where nik = '5371010203040001'")" "$id1" "koperasi-4.3"
expect_status 0 berkas koperasi list --format csv --search oeb
expect_eq "$(csv_sql "$T/out" "select group_concat(nama) from t")" "KSP Kopdit Swasti Sari" "koperasi-4.4 search kelurahan prefix"
expect_status 0 berkas koperasi list --format csv --search 537101
expect_eq "$(csv_sql "$T/out" "select group_concat(nama) from t")" "KSP Kopdit Swasti Sari" "koperasi-4.5 search NIK prefix"
expect_status 0 berkas koperasi list --format csv --filter kabkota=Ende
expect_eq "$(csv_sql "$T/out" "select group_concat(nama) from t")" "KUD Sinar Harapan" "koperasi-4.6 filter kabkota by name"
expect_status 0 berkas koperasi list --format csv --filter wilayah=Provinsi
expect_eq "$(csv_sql "$T/out" "select group_concat(nama) from t")" "KSP Kopdit Swasti Sari" "koperasi-4.7"
expect_status 0 berkas koperasi list --format csv --filter status=tidak_aktif
expect_eq "$(csv_sql "$T/out" "select group_concat(nama) from t")" "KUD Sinar Harapan" "koperasi-4.8"
expect_status 0 berkas koperasi list --format csv --filter kopdit
expect_eq "$(csv_sql "$T/out" "select group_concat(nama) from t")" "KSP Kopdit Swasti Sari" "koperasi-4.9 text filter"
expect_status 0 berkas koperasi list --limit 1
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" "2" "koperasi-4.10 header and one row"
expect_eq "$(cat "$T/err")" "(1 dari 3 koperasi; --limit 0 untuk semua)" "koperasi-4.11"
expect_status 1 berkas koperasi list --filter warna=merah
expect_contains "$T/err" "berkas: batasi: kunci 'warna' tidak dikenal"
expect_status 2 berkas koperasi list --sort umur
expect_contains "$T/err" "berkas: --sort: nilai tidak dikenal 'umur' (nama, rat, diubah)"

# koperasi-5: export -> import into a fresh database -> export gives identical
# bytes, for the default CSV, for ';' with a BOM, and raw (no formula guard).
# Demo cooperatives plus cells with quotes, commas, ';', formula starts, UTF-8.
expect_status 0 berkas koperasi add nama='=HYPERLINK("http://x")' alamat='Jl. "Bajawa", No. 7; RT 2' \
	kabkota=Ngada telepon='+62 384 21234' pengawas='-Yosef Ngadha;@Maria Ṡari' \
	no_badan_hukum='-12/BH/2001'
expect_status 0 berkas demo --koperasi 200 --seed 5
expect_eq "$(cat "$T/out")" "200 koperasi contoh ditambahkan" "koperasi-5.0"
expect_eq "$(kop_count)" "204" "koperasi-5.1"
main=$BERKAS_DB
for variant in "" "--delimiter ; --bom" "--raw"; do
	export BERKAS_DB="$main"
	# shellcheck disable=SC2086
	expect_status 0 berkas export koperasi $variant -o "$T/e1.csv"
	expect_eq "$(cat "$T/out")" "204 koperasi diekspor ke $T/e1.csv" "koperasi-5.2 [$variant]"
	new_db "fresh$$"
	expect_status 0 berkas import koperasi "$T/e1.csv"
	expect_eq "$(cat "$T/out")" "204 koperasi diimpor" "koperasi-5.3 [$variant]"
	# shellcheck disable=SC2086
	berkas export koperasi $variant >"$T/e2.csv" || fail "export e2 [$variant]"
	cmp "$T/e1.csv" "$T/e2.csv" || fail "koperasi-5.4: export after import differs [$variant]"
	rm -f "$BERKAS_DB" "$BERKAS_DB-wal" "$BERKAS_DB-shm"
done
export BERKAS_DB="$main"
expect_eq "$(head -c 3 "$T/e1.csv" | od -An -c | tr -d ' \n')" '"ni' "koperasi-5.5 no BOM by default"
berkas export koperasi --delimiter ';' --bom >"$T/e3.csv"
expect_eq "$(head -c 3 "$T/e3.csv" | od -An -tx1 | tr -d ' \n')" "efbbbf" "koperasi-5.6 BOM"
expect_eq "$(csv_sql "$T/e3.csv" "select alamat || '|' || telepon from t where kabkota = '53.09' and alamat like '%Bajawa%'" ';')" \
	"Jl. \"Bajawa\", No. 7; RT 2|'+62 384 21234" "koperasi-5.7 formula guard"

# koperasi-6: import with a header mapping, duplicates skipped or updated.
printf 'Nama Kop;Nomor badan hukum;Kabupaten/kota;Catatan;grade\r\nKUD Sinar Harapan;112/BH/XIV.8/1990;Kab. Ende;x;B\r\nKoperasi Baru;9/BH/2020;Sikka;y;\r\n' >"$T/m.csv"
expect_status 1 berkas import koperasi "$T/m.csv"
cat >"$T/want" <<EOF
berkas: $T/m.csv:1: Nama Kop: kolom 'Nama Kop' tidak dikenal; petakan dengan 'Nama Kop=kunci' atau abaikan dengan 'Nama Kop=-'
berkas: $T/m.csv:1: Catatan: kolom 'Catatan' tidak dikenal; petakan dengan 'Catatan=kunci' atau abaikan dengan 'Catatan=-'
berkas: $T/m.csv:1: nama: kolom nama tidak ada (wajib, kecuali untuk pembaruan)
berkas: $T/m.csv: baris judul salah; tidak ada yang diimpor
EOF
diff "$T/want" "$T/err" >"$T/diff" || { cat "$T/diff"; fail "koperasi-6.1"; }
expect_status 0 berkas import koperasi "$T/m.csv" --map 'Nama Kop=nama,Catatan=-'
expect_eq "$(cat "$T/out")" "1 koperasi diimpor, 1 sudah ada dan dilewati (--update untuk memperbarui)" "koperasi-6.2"
expect_status 0 berkas import koperasi "$T/m.csv" --map 'Nama Kop=nama,Catatan=-' --update
expect_eq "$(cat "$T/out")" "0 koperasi diimpor, 1 diperbarui, 1 tidak berubah" "koperasi-6.3"
expect_status 0 berkas koperasi show 112/BH/XIV.8/1990
expect_contains "$T/out" "Diubah                          : 02-03-2026 09:00 oleh Markus Dethan A.Md. (arsiparis) (versi 2)"
expect_contains "$T/out" "(arsiparis): diubah Grade: 'A (RAT setiap tahun dalam 3 tahun terakhir)' -> 'B (RAT 2 kali dalam 3 tahun terakhir)'"
expect_contains "$T/out" "Kabupaten/kota                : Kabupaten Ende"
# a bad row is reported as FILE:LINE: KOLOM: 'VALUE': REASON; a short row without a column
printf 'nik,nama\n123,A\n,\n5371010203040002,B,C\n' >"$T/bad.csv"
expect_status 1 berkas import koperasi "$T/bad.csv"
cat >"$T/want" <<EOF
berkas: $T/bad.csv:2: nik: '123': '123' bukan NIK koperasi (harus 16 angka)
berkas: $T/bad.csv:3: nama: '': wajib diisi
berkas: $T/bad.csv:4: baris memuat 3 kolom, baris judul 2
berkas: $T/bad.csv: 3 baris salah; tidak ada yang diimpor
EOF
diff "$T/want" "$T/err" >"$T/diff" || { cat "$T/diff"; fail "koperasi-6.4"; }
expect_status 1 berkas import koperasi "$T/none.csv"
expect_contains "$T/err" "berkas: $T/none.csv: tidak dapat dibaca:"

# koperasi-7: demo takes --letters and --koperasi together; usage.
expect_status 0 berkas demo --letters 3 --koperasi 2 --seed 9
expect_eq "$(cat "$T/out")" "3 surat contoh ditambahkan
2 koperasi contoh ditambahkan" "koperasi-7.1"
[ ! -s "$T/err" ] || fail "koperasi-7.2: stderr not empty: $(cat "$T/err")"
expect_status 2 berkas demo --koperasi banyak
expect_contains "$T/err" "berkas: --koperasi: bukan bilangan yang sah: 'banyak'"
for sub in "import" "export" "koperasi" "demo"; do
	expect_status 0 berkas $sub --help
	expect_contains "$T/out" "Pemakaian: berkas $sub"
done
expect_status 0 berkas --help
expect_contains "$T/out" "  import     impor daftar koperasi dari CSV"
expect_contains "$T/out" "  koperasi   daftar koperasi: list, show, add"
expect_status 0 berkas koperasi list --help
expect_contains "$T/out" "Pemakaian: berkas koperasi list"
expect_status 2 berkas koperasi
expect_contains "$T/err" "berkas: tindakan belum diberikan (list, show, add)"
expect_status 2 berkas koperasi hapus
expect_contains "$T/err" "berkas: tindakan tidak dikenal: hapus (list, show, add)"
expect_status 2 berkas import surat_masuk x.csv
expect_contains "$T/err" "berkas: tidak dapat mengimpor 'surat_masuk' (hanya koperasi)"
expect_status 2 berkas import koperasi
expect_contains "$T/err" "berkas: BERKAS.csv belum diberikan"
expect_status 2 berkas import koperasi "$T/m.csv" --delimiter '|'
expect_contains "$T/err" "berkas: --delimiter: harus ',' atau ';'"
expect_status 2 berkas export koperasi --from 01-01-2026
expect_contains "$T/err" "berkas: --from dan --to tidak berlaku untuk koperasi"
# the kinds' export is unchanged
expect_status 0 berkas export surat_masuk
expect_contains "$T/out" '"nomor_agenda","tanggal_diterima"'
echo ok
