#!/bin/sh
# koperasi_import: `i` in the registry imports a CSV with a progress box: with one bad row
# all-or-nothing imports nothing and reports the row; skipping bad rows imports the good
# ones and writes the bad one to a file; a second file with update on changes a
# cooperative. The report re-wraps on resize (132x43, then 80x24).
. "$(dirname "$0")/../lib.sh"

kop_rows() { berkas koperasi list --format csv --limit 0 | tail -n +2 | wc -l | tr -d ' '; }

cat >"$T/kop.csv" <<'EOF'
nik,nama,kabkota,jenis,tanggal_badan_hukum,rat_terakhir
5311010000000001,KSP Sehati Ende,Ende,Simpan Pinjam,10-05-2015,20-02-2026
5310010000000002,KUD Maju Bersama,Sikka,Produsen,01-01-2010,15-01-2025
531101000000003,Koperasi NIK Pendek,Ende,Jasa,01-01-2020,
5371010000000004,KPRI Guru Kota Kupang,Kota Kupang,Konsumen,03-03-2019,
EOF
cat >"$T/ubah.csv" <<'EOF'
nik,nama,kabkota
5310010000000002,KUD Maju Bersama,Kabupaten Flores Timur
EOF

# run_import PATH SKIP(y/t) UPDATE(y/t): answers the prompts of `i`
run_import() {
	tui_keys i
	tui_wait "Impor CSV dari:"
	tui_type "$1"
	tui_keys Enter
	tui_wait "Lewati baris salah"
	tui_keys "$2"
	if [ "$2" = y ]; then
		tui_wait "Baris salah ditulis ke:"
		tui_expect "$T/kop-salah.csv"     # offered next to the file
		tui_keys Enter
	fi
	tui_wait "Perbarui koperasi yang sudah ada"
	tui_keys "$3"
	tui_wait "Hasil impor koperasi"
}

new_db kopimp
tui_start 132 43 BERKAS_USER=arsiparis
tmux -L "$TMUX_SOCK" pipe-pane -t t -o "cat >>'$T/pty.log'"
tui_wait "F10 Keluar"
tui_keys K
tui_wait "Registri masih kosong"

# all or nothing: the bad row is reported, nothing is written
run_import "$T/kop.csv" t t
tui_expect "Impor gagal"
tui_expect "1 baris salah"
tui_expect "Registri tidak berubah"
tui_expect "Baris data dibaca     : 4"
tui_expect "baris 4, kolom nik, '531101000000003'"
tui_expect "bukan NIK koperasi (harus 16 angka)"
# the progress box was drawn while it ran
grep -qF "Impor koperasi" "$T/pty.log" || fail "no progress box was drawn"
grep -qF "baris dibaca" "$T/pty.log" || fail "the progress box shows no row count"
expect_eq "$(kop_rows)" 0 "cooperatives after the refused import"
tui_keys q
tui_wait "Registri masih kosong"

# good rows in, the bad one to the file beside it
run_import "$T/kop.csv" y t
tui_expect "Impor selesai: 3 koperasi baru"
tui_expect "Baris salah           : 1"
tui_expect "Baris salah ditulis ke: $T/kop-salah.csv"
tui_expect "baris 4, kolom nik"
[ -f "$T/kop-salah.csv" ] || fail "bad rows file not written"
expect_eq "$(csv_col "$T/kop-salah.csv" 1 nama)" "Koperasi NIK Pendek" "bad row written"
expect_eq "$(csv_col "$T/kop-salah.csv" 1 baris)" "4" "line of the bad row"
expect_eq "$(kop_rows)" 3 "cooperatives after skipping the bad row"
# the report wraps again at 80x24 and keeps its content
tui_resize 80 24
tui_wait "Impor selesai: 3 koperasi baru"
tui_expect "baris 4, kolom nik"
tui_keys q
tui_wait "Koperasi | 3/3"
tui_expect "KPRI Guru Kota Kupang"
row=$(tui_line "KUD Maju Bersama")
printf '%s\n' "$row" | grep -qF "Sikka" || fail "KUD row lacks its kab/kota: $row"

# update on: the same NIK changes the cooperative
run_import "$T/ubah.csv" t y
tui_expect "Diperbarui            : 1"
tui_keys q
tui_wait "Koperasi | 3/3"
row=$(tui_line "KUD Maju Bersama")
printf '%s\n' "$row" | grep -qF "Flores Timur" || fail "KUD row not updated: $row"
tui_keys q
tui_wait "F10 Keluar"
tui_keys q
tui_wait_exit
berkas koperasi show 5310010000000002 >"$T/show" || fail "koperasi show failed"
expect_contains "$T/show" "Kabupaten Flores Timur"
expect_contains "$T/show" "diubah"
echo ok
