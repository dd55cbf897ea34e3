#!/bin/sh
# kantor_kas: a clerk registers a cash-office permit (Izin Pembukaan Kantor Kas)
# through the TUI: the kind chooser, the cooperative picked from the registry.
# While its five requirements are missing the service clock stands (inbox
# "berhenti", case screen "Jam layanan: berhenti sejak ..."), and "Tahap
# selesai" is refused naming them. A week later the requirements are ticked in
# the requirements screen: the waiting step completes, the clock runs and the
# deadline has moved on by the working days it stood.
. "$(dirname "$0")/../lib.sh"

NIK=5371010203040001

# case_deadline: the Batas waktu date (DD-MM-YYYY) of the case screen.
case_deadline() {
	tui_line "Batas waktu" | sed -n 's/^.*: *\([0-9][0-9]-[0-9][0-9]-[0-9]\{4\}\).*$/\1/p'
}
# dmy_key DD-MM-YYYY: YYYYMMDD, for comparing dates.
dmy_key() { echo "$1" | awk -F- '{ print $3 $2 $1 }'; }

flow() { # cols rows
	new_db "kas-$1x$2"
	berkas koperasi add nama='KSP Kopdit Swasti Sari' nik=$NIK kabkota='Kota Kupang' \
		wilayah_keanggotaan=provinsi jenis='Simpan Pinjam' >/dev/null || fail "koperasi add"
	berkas koperasi add nama='KUD Sinar Harapan' kabkota=Ende >/dev/null || fail "koperasi add 2"

	# 1. Register through the kind chooser; the cooperative from the registry.
	tui_start "$1" "$2" BERKAS_NOW=2026-03-02T09:00
	tui_wait "F10 Keluar"
	tui_key F2
	tui_wait "pilih jenis"
	tui_expect "Surat Masuk"
	tui_type "kantor"
	tui_wait_gone "Surat Masuk"
	tui_keys Enter
	tui_wait "Izin Pembukaan Kantor Kas: isian baru"
	tui_goto_field "Koperasi"
	tui_keys Enter
	tui_wait "Ketik nama atau NIK"
	tui_expect "KUD Sinar Harapan"
	tui_type "swasti"
	tui_wait_gone "KUD Sinar Harapan"
	tui_expect "$NIK  KSP Kopdit Swasti Sari"
	tui_keys Enter
	tui_wait_gone "Ketik nama atau NIK"
	tui_expect_re "Koperasi \* +$NIK +KSP Kopdit Swasti Sari"
	tui_goto_field "Pemohon"
	tui_type "Yohanes Sason"
	tui_key F2
	tui_wait "Tersimpan: nomor registrasi 0001/KAS/2026"
	tui_expect_re "0001/KAS/2026 .*KAS .*berhenti"

	# 2. The case screen: clock stopped, requirements missing, step refused.
	tui_keys Enter
	tui_wait "Jam layanan"
	tui_expect_re "Koperasi +: KSP Kopdit Swasti Sari \(NIK $NIK"
	tui_expect_re "Jam layanan +: berhenti sejak 02-03-2026 \(menunggu pemohon\)"
	tui_expect_re "Persyaratan +: 0 dari 5 wajib lengkap"
	before=$(case_deadline)
	[ -n "$before" ] || { tui_screen; fail "no deadline on the case screen"; }
	tui_keys t
	tui_wait "Tahap 1"
	tui_keys y
	tui_wait "persyaratan belum lengkap"
	tui_keys q q
	tui_wait_exit

	# 3. A week later the applicant completes the requirements.
	tui_stop
	tui_start "$1" "$2" BERKAS_NOW=2026-03-09T10:00
	tui_wait "0001/KAS/2026"
	tui_keys Enter
	tui_wait "Jam layanan"
	tui_expect_re "Jam layanan +: berhenti sejak 02-03-2026 \(menunggu pemohon\), 5 hari"
	tui_keys s
	tui_wait "0 dari 5 persyaratan wajib lengkap"
	tui_expect "[ ] Izin operasional pembukaan kantor cabang (wajib)"
	tui_keys Space
	tui_wait "Catatan (boleh kosong"
	tui_type "salinan dilegalisir"
	tui_keys Enter
	tui_wait "1 dari 5 persyaratan wajib lengkap"
	tui_expect "[x] Izin operasional pembukaan kantor cabang (wajib)"
	tui_expect "Catatan: salinan dilegalisir"
	tui_expect "dicentang oleh Markus Dethan A.Md., 09-03-2026 10:00"
	for n in 2 3 4 5; do # the cursor moves on after each tick
		tui_keys Space
		tui_wait "Catatan (boleh kosong"
		tui_keys Enter
		tui_wait "$n dari 5 persyaratan wajib lengkap"
	done
	tui_expect "Persyaratan lengkap: tahap 1 selesai, jam layanan berjalan lagi"
	tui_keys q
	tui_wait "Jam layanan"
	tui_expect_re "Jam layanan +: berjalan \(sempat berhenti 5 hari kerja\)"
	tui_expect_re "Persyaratan +: 5 dari 5 wajib lengkap"
	tui_expect_re "Status +: terbuka, tahap 2"
	after=$(case_deadline)
	[ -n "$after" ] || { tui_screen; fail "no deadline after the requirements"; }
	[ "$(dmy_key "$after")" -gt "$(dmy_key "$before")" ] ||
		fail "deadline did not move on: $before -> $after"
	tui_keys q
	tui_wait "F10 Keluar"
	tui_expect_re "0001/KAS/2026 .*KAS .*$after"
	tui_expect_not "berhenti"
	tui_keys q
	tui_wait_exit

	# what the screens said is what is stored
	berkas show 0001/KAS/2026 >"$T/show" || fail "show"
	expect_contains "$T/show" "$after"
	expect_contains "$T/show" "salinan dilegalisir"
}

tui_run_sizes flow
echo ok
