#!/bin/sh
# koperasi_view: the cooperative screen lists its cases of every kind (Tab selects, Enter
# opens the case screen) and its history; `e` edits it, and a save over a change someone
# else made meanwhile is reported and asked about, never written silently (80x24).
. "$(dirname "$0")/../lib.sh"

NIK=5307010000000001
NAMA="KSP Kopdit Pintu Air"

new_db kopview
berkas koperasi add nama="$NAMA" nik=$NIK kabkota=Alor wilayah_keanggotaan=provinsi \
	>/dev/null || fail "koperasi add"
berkas add penerimaan_rat koperasi=$NIK pemohon="Maria Lado" tahun_buku=2025 \
	tanggal_rat=20-02-2026 >/dev/null || fail "add penerimaan_rat"
berkas add sertifikat_nik koperasi=$NIK pemohon="Yohanes Sason" >"$T/nik" ||
	fail "add sertifikat_nik"
NUM=$(cat "$T/nik")
cat >"$T/alamat.csv" <<EOF
nik,nama,alamat
$NIK,$NAMA,Jl. Soekarno-Hatta No. 5 Kalabahi
EOF

tui_start 80 24 BERKAS_USER=arsiparis
tui_wait "F10 Keluar"
tui_keys K
tui_wait "Koperasi | 1/1"
tui_keys Enter
tui_wait "Koperasi — $NAMA"
tui_keys G
tui_wait "Berkas (2)"
tui_expect "RAT 0001/RAT/2026"
tui_expect "NIK $NUM"
tui_expect "dari berkas Penerimaan Buku RAT"    # the RAT case wrote its date back
tui_expect "RAT terakhir: - -> 20-02-2026"
# Tab walks the cases; Enter opens the selected one
tui_keys Tab Tab
tui_keys Enter
tui_wait "Sertifikat NIK Koperasi No. $NUM"
tui_keys q
tui_wait "Koperasi — $NAMA"
tui_keys Tab Enter
tui_wait "Penerimaan Buku RAT No. 0001/RAT/2026"
tui_keys q
tui_wait "Koperasi — $NAMA"

# edit: someone else changes the cooperative before the save
tui_keys e
tui_wait "Ubah koperasi: $NAMA"
tui_goto_field "Telepon"
tui_type "0386 21234"
berkas import koperasi "$T/alamat.csv" --update >/dev/null 2>&1 || fail "import --update"
tui_key F2
tui_wait "Muat versi terbaru (isian Anda dibuang)? (y/t)"
tui_expect "diubah oleh arsiparis"
tui_keys t
tui_wait "Tekan F2 lagi"
berkas koperasi show $NIK >"$T/show" || fail "koperasi show"
expect_not_contains "$T/show" "0386 21234"     # nothing written yet
tui_key F2
tui_wait "Perubahan tersimpan: koperasi $NAMA"
tui_keys G
tui_wait "Telepon: - -> 0386 21234"
tui_keys q q q
tui_wait_exit
berkas koperasi show $NIK >"$T/show" || fail "koperasi show"
expect_contains "$T/show" "0386 21234"
echo ok
