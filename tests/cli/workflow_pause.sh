#!/bin/sh
# workflow_pause.sh: a kantor_kas request waits at step 1 with its service
# clock stopped while requirements are missing: `show` says so, it is never in
# the overdue view and its BATAS reads "berhenti"; ticking the last required
# item completes step 1, the clock runs again and the deadline has moved on by
# the working days it stood.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
export COLUMNS=140 BERKAS_USER=stafkel
nik=5371010203040001
expect_status 0 berkas koperasi add nama='KSP Kopdit Swasti Sari' nik=$nik kabkota='Kota Kupang' \
	wilayah_keanggotaan=provinsi

# wf-pause-1: registered on Monday 02-03-2026: 30 working days -> 21-04-2026
# (Nyepi, Idulfitri with its cuti bersama and Good Friday are holidays), but
# the clock stands.
expect_status 0 berkas add kantor_kas koperasi=$nik pemohon='Yohanes Sason'
n=$(cat "$T/out")
expect_eq "$n" "0001/KAS/2026" "number"
expect_status 0 berkas show $n
expect_contains "$T/out" "tahap 1: Pelaksana Bidang Kelembagaan dan Pengawasan"
expect_contains "$T/out" "Batas waktu : 21-04-2026 (bergeser selama jam layanan berhenti)"
expect_contains "$T/out" "Jam layanan : berhenti sejak 02-03-2026 (menunggu pemohon)"
expect_contains "$T/out" "✗ Izin operasional pembukaan kantor cabang"
expect_contains "$T/out" "jam layanan berhenti (tahap 1)"

# wf-pause-2: weeks after the deadline it is still not late.
export BERKAS_NOW=2026-05-04T09:00
expect_status 0 berkas list --view terlambat
expect_not_contains "$T/out" "$n"
expect_status 0 berkas list
expect_contains "$T/out" "berhenti"
expect_not_contains "$T/out" "!$n"
expect_status 0 berkas list --format csv
expect_contains "$T/out" '"KSP Kopdit Swasti Sari","","berhenti"'
# the step cannot be done by hand while it waits
expect_status 1 berkas step $n done
expect_contains "$T/err" "berkas: persyaratan belum lengkap: Izin operasional pembukaan kantor cabang;"

# wf-pause-3: four of five ticked: still waiting; the fifth: step 1 is done.
for r in izin_operasional_cabang cabang_aktif_6_bulan anggota_kantor_kas_20 calon_kepala_kantor_kas; do
	expect_status 0 berkas req $n $r
done
expect_contains "$T/out" "Belum lengkap: 1 persyaratan wajib"
expect_contains "$T/out" "Jam layanan berhenti sejak 02-03-2026"
expect_status 0 berkas req $n salinan_izin_oss --note 'dari OSS'
expect_contains "$T/out" "Persyaratan wajib lengkap"
expect_contains "$T/out" "Tahap sekarang: 2"
expect_not_contains "$T/out" "Jam layanan berhenti"
# stood 02-03 .. 04-05: 38 working days; 21-04 + 38 working days = 23-06-2026
# (Labour Day, Ascension, Iduladha, Pancasila, 1 Muharam and cuti bersama)
expect_status 0 berkas show $n
expect_contains "$T/out" "Jam layanan : berjalan; sudah berhenti 38 hari kerja"
expect_contains "$T/out" "Batas waktu : 23-06-2026 (tepat waktu)"
expect_contains "$T/out" "jam layanan berjalan (tahap 2)"
expect_contains "$T/out" "tahap 1 selesai"

# wf-pause-4: running again, it does get late.
export BERKAS_NOW=2026-06-24T09:00
expect_status 0 berkas list --view terlambat
expect_contains "$T/out" "!$n"
echo ok
