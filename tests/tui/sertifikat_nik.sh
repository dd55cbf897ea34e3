#!/bin/sh
# sertifikat_nik: the issue's end-to-end scenario, a NIK certificate request
# (SOP 37) brought by an incoming letter, at 80x24. The registry clerk adds the
# cooperative through the registry's form (kab/kota and wilayah keanggotaan from
# their pickers), then registers the request through the kind chooser, the
# cooperative picked from the registry and the letter linked, and sees its
# number. The Kepala Dinas and the Kabid dispose it (CLI); the Pelaksana, in the
# TUI, is refused "Tahap selesai" while the requirements are missing, ticks them
# in the requirements screen and marks the step done; the Kabid sends it back
# once ("Tidak disetujui", with a reason that the history shows); the Pelaksana
# records the certificate through the edit form; the registry clerk finishes
# the remaining steps and the certificate shows on the cooperative.
. "$(dirname "$0")/../lib.sh"

NIK=5371010203040001
REASON="Formulir profil belum ditandatangani ketua"

# tui_as LOGIN: opens the TUI as LOGIN at 80x24 and waits for the inbox.
tui_as() {
	tui_stop
	tui_start 80 24 BERKAS_USER="$1"
	tui_wait "F10 Keluar"
}
# open_request: from the inbox, shows only certificate requests (J) and opens
# the first one.
open_request() {
	tui_keys 4 J
	tui_wait "Tampilkan jenis"
	tui_type "sertifikat"
	tui_keys Enter
	tui_wait "jenis: Sertifikat NIK Koperasi"
	tui_wait "0001/NIK/2026"
	tui_keys Enter
	tui_wait "Sertifikat NIK Koperasi No. 0001/NIK/2026"
}
# step_done N: "t", confirms, and waits for step N to be reported done.
step_done() {
	tui_keys t
	tui_wait "Tahap $1 ("
	tui_keys y
	tui_wait "Tahap $1 selesai"
}
quit() { tui_keys q q; tui_wait_exit; }

# pick TEXT: in an open picker ("Cari:"), types TEXT, waits for it to leave
# one entry and takes it.
pick() {
	tui_wait "Cari:"
	tui_type "$1"
	tui_wait " 1/"
	tui_keys Enter
	tui_wait_gone "Cari:"
}

new_db nik
add_letter "KSP Kopdit Swasti Sari" "Permohonan sertifikat NIK koperasi" >/dev/null

# 1. The registry clerk adds the cooperative from the registry (K, a).
tui_as arsiparis
tui_keys K
tui_wait "Registri Koperasi"
tui_wait "Registri masih kosong"
tui_keys a
tui_wait "Koperasi baru"
tui_goto_field "NIK koperasi";  tui_type "$NIK"
tui_goto_field "Nama koperasi"; tui_type "KSP Kopdit Swasti Sari"
tui_goto_field "Kabupaten/kota"
tui_keys Enter
pick "Kota Kupang"
tui_goto_field "Wilayah keanggotaan"
tui_keys Enter
pick "provinsi"
tui_expect_re "Kabupaten/kota +53\.71 +Kota Kupang"
tui_expect_re "Wilayah keanggotaan +provinsi +Provinsi"
tui_key F2
tui_wait "Tersimpan: koperasi KSP Kopdit Swasti Sari"
tui_expect_re "$NIK +KSP Kopdit Swasti Sari +Kota Kupang"
tui_keys q
tui_wait "F10 Keluar"
tui_expect_not "Registri Koperasi"

# 2. ... and registers the request: kind chooser, the cooperative from the
#    registry picker, the letter that brought it; the number is shown.
tui_keys a
tui_wait "pilih jenis"
tui_type "sertifikat"
tui_wait_gone "Surat Masuk"
tui_keys Enter
tui_wait "Sertifikat NIK Koperasi: isian baru"
tui_goto_field "Koperasi"
tui_keys Enter
tui_wait "Ketik nama atau NIK"
tui_type "swasti"
tui_wait "$NIK  KSP Kopdit Swasti Sari"
tui_keys Enter
tui_wait_gone "Ketik nama atau NIK"
tui_expect_re "Koperasi \* +$NIK +KSP Kopdit Swasti Sari"
tui_expect_not "hanya satu kabupaten/kota"   # this office serves it
tui_goto_field "Pemohon";                  tui_type "Yohanes Sason"
tui_goto_field "Nomor agenda surat masuk"; tui_type "1"
tui_key F2
tui_wait "Tersimpan: nomor registrasi 0001/NIK/2026"
# The letter's row shows the request it brought (cut to the column at 80
# columns), the request's row its letter.
tui_expect_re "^ +1 .*Permoh.*\[(NIK )?0001/NIK"
tui_expect_re "0001/NIK/2026 .*\[SM 1/2026\] +NIK"

# The Kepala Dinas and the Kabid dispose it while the clerk's inbox is open;
# refreshed, the request waits on its requirements: the clock stands.
BERKAS_USER=kadis berkas dispose 0001/NIK/2026 --to kabid_pemberdayaan >/dev/null ||
	fail "kadis dispose"
BERKAS_USER=kabidpkop berkas dispose 0001/NIK/2026 --to staf_pemberdayaan >/dev/null ||
	fail "kabid dispose"
tui_key F5
tui_wait "berhenti"
tui_expect_re "0001/NIK/2026 .*\[SM 1/2026\] +NIK +berhenti"
quit

# stored as entered
berkas koperasi list --format csv --search $NIK >"$T/k.csv" || fail "koperasi list"
expect_eq "$(csv_col "$T/k.csv" 1 nama)" "KSP Kopdit Swasti Sari" nama
expect_eq "$(csv_col "$T/k.csv" 1 kabkota)" "53.71" kabkota
berkas koperasi show $NIK >"$T/kop" || fail "koperasi show"
grep -Eq "^ *Wilayah keanggotaan +: Provinsi$" "$T/kop" ||
	{ cat "$T/kop"; fail "wilayah keanggotaan not stored as provinsi"; }
berkas show 0001/NIK/2026 >"$T/show" || fail "show"
expect_contains "$T/show" "Yohanes Sason"
expect_contains "$T/show" "$NIK"

# 3. The Pelaksana: refused while the requirements are missing; ticks them;
#    the step is done; the linked letter opens from the case.
tui_as stafpkop
tui_wait "0001/NIK/2026"
tui_keys Enter
tui_wait "Jam layanan"
tui_expect_re "Status +: terbuka, tahap 3"
tui_expect_re "Jam layanan +: berhenti sejak 02-03-2026"
tui_expect_re "Persyaratan +: 0 dari 2 wajib lengkap"
tui_expect "SM 1/2026: Permohonan sertifikat NIK koperasi"
tui_keys t
tui_wait "Tahap 3 ("
tui_keys y
tui_wait "persyaratan belum lengkap: Surat permohonan pencetakan Sertifikat NIK"
tui_keys s
tui_wait "0 dari 2 persyaratan wajib lengkap"
tui_keys Space
tui_wait "Catatan (boleh kosong"
tui_keys Enter
tui_wait "1 dari 2 persyaratan wajib lengkap"
tui_keys Space
tui_wait "Catatan (boleh kosong"
tui_type "diterima lewat surat"
tui_keys Enter
tui_wait "2 dari 2 persyaratan wajib lengkap"
tui_keys q
tui_wait "Jam layanan"
step_done 3
tui_expect_re "Status +: terbuka, tahap 4"
tui_expect_re "Jam layanan +: berjalan"
tui_keys o
tui_wait "Surat Masuk No. 1"
tui_keys q
tui_wait "Sertifikat NIK Koperasi No. 0001/NIK/2026"
quit

# 4. The Kabid does not approve: the reason is required and goes to the history.
tui_as kabidpkop
open_request
tui_expect "x Tidak disetujui"
tui_keys x
tui_wait "Tidak disetujui, alasan:"
tui_keys Enter
tui_wait "Alasan wajib diisi"
tui_expect_re "Status +: terbuka, tahap 4"
tui_keys x
tui_wait "Tidak disetujui, alasan:"
tui_type "$REASON"
tui_keys Enter
tui_wait "Tidak disetujui: tahap 4 dikembalikan ke tahap 3"
tui_expect_re "Status +: terbuka, tahap 3"
tui_keys G
tui_wait "tidak disetujui pada tahap 4,"
tui_expect "dikembalikan ke tahap 3: Formulir profil belum"
tui_expect "ditandatangani ketua"
quit
berkas show 0001/NIK/2026 >"$T/show" || fail "show"
expect_contains "$T/show" "$REASON"

# 5. The Pelaksana completes it again and records the certificate.
tui_as stafpkop
tui_wait "0001/NIK/2026"
tui_keys Enter
tui_wait "Jam layanan"
step_done 3
tui_keys e
tui_wait "Sertifikat NIK Koperasi no. 0001/NIK/2026: ubah"
tui_keys NPage                        # near the end of the form
tui_goto_field "Nomor sertifikat NIK" BTab
tui_type "5371010203040001/SERT/2026"
tui_goto_field "Tanggal terbit sertifikat"
tui_type "27-02-2026"
tui_goto_field "Sertifikat berlaku sampai"
tui_type "27-02-2031"
tui_key F2
tui_wait "Perubahan tersimpan"
tui_wait "5371010203040001/SERT/2026"
quit

# 6. The registry clerk finishes the remaining steps (4-8); the cooperative
#    screen shows the certificate.
tui_as arsiparis
open_request
for n in 4 5 6 7; do step_done $n; done
tui_keys t
tui_wait "Tahap 8 ("
tui_keys y
tui_wait "Tahap 8 selesai; berkas selesai"
tui_expect_re "Status +: selesai"
tui_keys K
tui_wait "Koperasi — KSP Kopdit Swasti Sari"
tui_keys NPage
tui_wait "5371010203040001/SERT/2026"
tui_expect "27-02-2031"
tui_keys q q q
tui_wait_exit

berkas koperasi show $NIK >"$T/kop" || fail "koperasi show"
expect_contains "$T/kop" "5371010203040001/SERT/2026"
expect_contains "$T/kop" "27-02-2031"
berkas show 0001/NIK/2026 >"$T/show" || fail "show"
expect_contains "$T/show" "selesai"
echo ok
