#!/bin/sh
# case_links: at 80x24 the inbox key bar shows F7 Koperasi as well as F10 Keluar.
# In the case screen of a NIK request, Enter on the highlighted line opens what it
# shows: the cooperative line opens the cooperative, and after Tab the linked
# letter opens; where no such line is on screen Enter scrolls, as before.
. "$(dirname "$0")/../lib.sh"

NIK=5371010203040001
new_db links
berkas koperasi add nama="KSP Kopdit Swasti Sari" nik=$NIK kabkota='Kota Kupang' \
	wilayah_keanggotaan=provinsi >/dev/null || fail "koperasi add"
add_letter "KSP Kopdit Swasti Sari" "Permohonan sertifikat NIK koperasi" >/dev/null
berkas add sertifikat_nik koperasi=$NIK pemohon="Yohanes Sason" surat_masuk=1 >/dev/null ||
	fail "add sertifikat_nik"

# status: the status line of the screen
status() { tui_screen | sed -n "$(( $(tui_screen | wc -l) - 1 ))p"; }

tui_start 80 24
tui_wait "F10 Keluar"
tui_expect "F7 Koperasi"                 # not cut off at 80 columns any more
tui_key F7
tui_wait "Registri Koperasi"
tui_keys q
tui_wait_gone "Registri Koperasi"

tui_keys /
tui_wait "Cari:"
tui_type "Yohanes"
tui_keys Enter
tui_wait "cari: Yohanes"
tui_keys Enter
tui_wait "Sertifikat NIK Koperasi No. 0001/NIK/2026"
tui_expect "Tab/Enter: buka"
tui_expect "SM 1/2026: Permohonan sertifikat NIK koperasi"

# the cooperative line is selected first: Enter opens the cooperative
tui_keys Enter
tui_wait "Koperasi — KSP Kopdit Swasti Sari"
tui_keys q
tui_wait "Sertifikat NIK Koperasi No. 0001/NIK/2026"

# Tab: the linked letter; Enter opens it (and its own screen links back)
tui_keys Tab Enter
tui_wait "Surat Masuk No. 1 — Permohonan sertifikat NIK koperasi"
tui_expect "0001/NIK/2026: Permohonan pencetakan Sertifikat"
tui_keys q
tui_wait "Sertifikat NIK Koperasi No. 0001/NIK/2026"

# at the end of the text no such line is on screen: Enter scrolls a line
tui_keys G
tui_wait "Riwayat"
at_end=$(status)
tui_keys k
tui_wait_gone "$at_end"
tui_keys Enter
tui_wait "$at_end"
tui_expect "Sertifikat NIK Koperasi No. 0001/NIK/2026"
tui_expect_not "Koperasi — KSP"

tui_keys q q
tui_wait_exit
echo ok
