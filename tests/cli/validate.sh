#!/bin/sh
# validate.sh: add checks every field through the kind (same rules as the TUI
# form): each problem one line naming the field, exit 1, nothing written.
. "$(dirname "$0")/../lib.sh"

# The kinds shipped in forms/, as the program names them (sorted, ", ").
known_kinds() {
	(cd "$BERKAS_SHAREDIR/forms" && LC_ALL=C ls -- *.ini) | sed 's/\.ini$//' | paste -sd, - |
		sed 's/,/, /g'
}

berkas init >/dev/null || fail "init"
add_letter "Bappeda Provinsi NTT" "Undangan rapat" >/dev/null
expect_eq "$(case_count)" "1" "validate-0"

# try EXPECTED-STDERR field=value...: add must fail with exactly that stderr.
try() {
	try_want=$1; shift
	expect_status 1 berkas add surat_masuk "$@"
	expect_eq "$(cat "$T/err")" "$try_want" "stderr of add $*"
	[ ! -s "$T/out" ] || fail "stdout not empty: $(cat "$T/out")"
	expect_eq "$(case_count)" "1" "nothing written after add $*"
}

# validate-1: an empty required field.
try "berkas: perihal: wajib diisi" \
	asal_surat=Bappeda nomor_surat=1/2026 tanggal_surat=27-02-2026 perihal=
# validate-2: no such date.
try "berkas: tanggal_surat: tanggal tidak valid '31-02-2026' (format DD-MM-YYYY)" \
	asal_surat=Bappeda nomor_surat=1/2026 tanggal_surat=31-02-2026 perihal=Rapat
# validate-3: a 10,000-character perihal.
long=$(awk 'BEGIN { while (n++ < 10000) printf "x" }')
try "berkas: perihal: terlalu panjang (10000 karakter, maksimal 500)" \
	asal_surat=Bappeda nomor_surat=1/2026 tanggal_surat=27-02-2026 perihal="$long"
# validate-4: an escape sequence in asal_surat is refused, and never echoed raw.
esc=$(printf '\033[31mMerah')
try "berkas: asal_surat: mengandung karakter kendali" \
	asal_surat="$esc" nomor_surat=1/2026 tanggal_surat=27-02-2026 perihal=Rapat
# validate-5: a classification code that is not in data/klasifikasi.csv.
try "berkas: kode_klasifikasi: kode '999.9' tidak ada dalam daftar klasifikasi" \
	asal_surat=Bappeda nomor_surat=1/2026 tanggal_surat=27-02-2026 perihal=Rapat \
	kode_klasifikasi=999.9
# validate-6: an unknown field.
try "berkas: warna: isian tidak dikenal untuk jenis surat_masuk" \
	asal_surat=Bappeda nomor_surat=1/2026 tanggal_surat=27-02-2026 perihal=Rapat warna=merah
# validate-7: several problems come together, one per line.
expect_status 1 berkas add surat_masuk asal_surat= nomor_surat=1 tanggal_surat=1-1-26 perihal=
expect_contains "$T/err" "berkas: asal_surat: wajib diisi"
expect_contains "$T/err" "berkas: perihal: wajib diisi"
expect_contains "$T/err" "berkas: tanggal_surat: tanggal tidak valid '1-1-26'"
expect_eq "$(wc -l <"$T/err" | tr -d ' ')" "3" "validate-7 line count"
expect_eq "$(case_count)" "1" "validate-7 nothing written"
# validate-8: a choice value that is not offered.
try "berkas: sifat: 'Umum' bukan pilihan (Biasa, Terbatas, Rahasia, Sangat Rahasia)" \
	asal_surat=Bappeda nomor_surat=1/2026 tanggal_surat=27-02-2026 perihal=Rapat sifat=Umum
# validate-9: an unknown kind names the known ones.
expect_status 1 berkas add surat_hilang perihal=x
expect_eq "$(cat "$T/err")" "berkas: jenis tidak dikenal: surat_hilang (jenis yang dikenal: $(known_kinds))" "validate-9"
echo ok
