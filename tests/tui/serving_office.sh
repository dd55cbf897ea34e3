#!/bin/sh
# serving_office: a NIK certificate request for a cooperative whose members
# live in one kabupaten is not this (provincial) office's to serve. The form
# says so as soon as the cooperative is picked from the registry; saving it
# anyway puts the store's refusal beside the Koperasi field and writes
# nothing; with "Diteruskan ke" and the forwarding letter filled it is saved as
# forwarded and closed, which the case screen shows.
. "$(dirname "$0")/../lib.sh"

new_db serving
berkas koperasi add nama='KUD Sinar Harapan' nik=5308010203040002 kabkota=Ende \
	wilayah_keanggotaan=kabkota >/dev/null || fail "koperasi add"

tui_start 80 24
tui_wait "F10 Keluar"
tui_keys a
tui_wait "pilih jenis"
tui_type "sertifikat"
tui_keys Enter
tui_wait "Sertifikat NIK Koperasi: isian baru"
tui_goto_field "Koperasi"
tui_key F4
tui_wait "Ketik nama atau NIK"
tui_type "5308"                        # the start of a NIK finds it too
tui_wait "5308010203040002  KUD Sinar Harapan"
tui_keys Enter
tui_wait_gone "Ketik nama atau NIK"
# under the field, at once: who serves it and what to fill
tui_expect "hanya satu kabupaten/kota"
tui_expect "Kabupaten Ende"
tui_goto_field "Pemohon"
tui_type "Ketua KUD"
tui_key F2
tui_wait "1 isian perlu diperbaiki"
tui_expect_not "Tersimpan"
tui_goto_field "Koperasi" BTab
tui_expect_re "^ Koperasi: Wilayah keanggotaan koperasi ini hanya satu"
expect_eq "$(case_count)" 0 "cases after the refused save"

tui_goto_field "Diteruskan ke"
tui_type "kabkota"
tui_goto_field "Nomor surat penerusan"
tui_type "500.2/31/DKUKMP/2026"
tui_key F2
tui_wait "Tersimpan: nomor registrasi 0001/NIK/2026"
tui_keys Enter
tui_wait "Sertifikat NIK Koperasi No. 0001/NIK/2026"
tui_expect_re "Status +: selesai"
tui_expect_re "Diteruskan +: kabkota"
tui_keys q q
tui_wait_exit
berkas show 0001/NIK/2026 >"$T/show" || fail "show"
expect_contains "$T/show" "500.2/31/DKUKMP/2026"
echo ok
