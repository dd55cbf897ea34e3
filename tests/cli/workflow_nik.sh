#!/bin/sh
# workflow_nik.sh: a Sertifikat NIK request for a registry cooperative from its
# incoming letter to the end: dispose -> dispose -> the Pelaksana waits (clock
# stopped) until the requirements are ticked -> step done -> the Kabid does not
# approve (return with reason) -> done again ... -> finished; the certificate
# is written to the cooperative and seen in `koperasi show`. Also the serving
# office rule (refuse / forward) and the step and req usage.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
export COLUMNS=140
nik=5371010203040001

expect_status 0 berkas koperasi add nama='KSP Kopdit Swasti Sari' nik=$nik kabkota='Kota Kupang' \
	wilayah_keanggotaan=provinsi tanggal_badan_hukum=12-06-1989
expect_status 0 berkas koperasi add nama='KUD Sinar Ende' nik=5308010203040002 kabkota=Ende \
	wilayah_keanggotaan=kabkota
expect_status 0 berkas add surat_masuk asal_surat='KSP Kopdit Swasti Sari' nomor_surat=12/KSP/2026 \
	tanggal_surat=27-02-2026 perihal='Permohonan sertifikat NIK'
expect_eq "$(cat "$T/out")" "1" "letter number"

# wf-nik-1: the request names its letter and cooperative; unknown ones are refused.
expect_status 1 berkas add sertifikat_nik koperasi=5371999999999999 pemohon=Ani
expect_contains "$T/err" "berkas: koperasi: tidak ada koperasi dengan NIK/id '5371999999999999' di registri"
expect_status 1 berkas add sertifikat_nik koperasi=$nik pemohon=Ani surat_masuk=77
expect_contains "$T/err" "berkas: surat_masuk: tidak ada surat masuk dengan nomor agenda '77'"
expect_status 0 berkas add sertifikat_nik koperasi=$nik pemohon=Ani surat_masuk=1
expect_eq "$(cat "$T/out")" "0001/NIK/2026" "request number"
n=0001/NIK/2026
expect_status 0 berkas list
expect_contains "$T/out" "Permohonan sertifikat NIK [0001/NIK/2026]"
expect_contains "$T/out" "[SM 1/2026]"
expect_status 0 berkas show 1 --kind surat_masuk
expect_contains "$T/out" "Berkas terkait"
expect_contains "$T/out" "permohonan 0001/NIK/2026: Permohonan pencetakan Sertifikat"
expect_status 0 berkas show $n
expect_contains "$T/out" "surat masuk SM 1/2026: Permohonan sertifikat NIK [terbuka]"

# wf-nik-2: serving office: a kab/kota cooperative's request is refused unless forwarded.
expect_status 1 berkas add sertifikat_nik koperasi=5308010203040002 pemohon=Budi
expect_contains "$T/err" "Kabupaten Ende, bukan Dinas Provinsi"
expect_contains "$T/err" "Isi 'Diteruskan ke' (diteruskan_ke) dan 'Nomor surat penerusan' (surat_penerusan)"
expect_status 1 berkas add sertifikat_nik koperasi=$nik pemohon=Ani diteruskan_ke=kabkota
expect_contains "$T/err" "berkas: diteruskan_ke: koperasi ini dilayani Dinas provinsi (kantor ini)"
expect_status 0 berkas add sertifikat_nik koperasi=5308010203040002 pemohon=Budi \
	diteruskan_ke=kabkota surat_penerusan=500/DK/III/2026
expect_status 0 berkas show 0002/NIK/2026
expect_contains "$T/out" "Status      : selesai"
expect_contains "$T/out" "Diteruskan  : ke Dinas kabupaten/kota"
expect_contains "$T/out" "diteruskan ke Dinas kabupaten/kota Kabupaten Ende, surat 500/DK/III/2026"

# wf-nik-3: Kepala Dinas -> Kabid -> Pelaksana; step 3 waits on the cooperative.
BERKAS_USER=kadis expect_status 0 berkas dispose $n --to kabid_pemberdayaan
BERKAS_USER=kabidpkop expect_status 0 berkas dispose $n --to staf_pemberdayaan
expect_status 0 berkas show $n
expect_contains "$T/out" "tahap 3: Pelaksana Bidang Pemberdayaan"
expect_contains "$T/out" "Jam layanan : berhenti sejak 02-03-2026 (menunggu pemohon)"
expect_contains "$T/out" "✗ Surat permohonan pencetakan Sertifikat NIK"
expect_contains "$T/out" "Koperasi    : KSP Kopdit Swasti Sari ($nik)"
BERKAS_USER=stafpkop expect_status 1 berkas step $n done
expect_contains "$T/err" "berkas: persyaratan belum lengkap: Surat permohonan pencetakan Sertifikat NIK; Formulir profil"
BERKAS_USER=stafkel expect_status 1 berkas step $n done
expect_contains "$T/err" "tahap 3 dikerjakan oleh jabatan 'staf_pemberdayaan'"

# wf-nik-4: the checklist.
expect_status 0 berkas req $n
expect_contains "$T/out" "✗ surat_permohonan"
expect_contains "$T/out" "Belum lengkap: 2 persyaratan wajib"
BERKAS_USER=stafpkop expect_status 0 berkas req $n surat_permohonan --note 'asli, bermeterai'
expect_contains "$T/out" "✓ surat_permohonan"
expect_contains "$T/out" "asli, bermeterai; Dominikus Lake (stafpkop), 02-03-2026 09:00"
expect_status 1 berkas req $n ktp
expect_contains "$T/err" "berkas: persyaratan 'ktp' tidak dikenal (surat_permohonan, formulir_profil)"
export BERKAS_NOW=2026-03-05T10:00
BERKAS_USER=stafpkop expect_status 0 berkas req $n formulir_profil
expect_contains "$T/out" "Persyaratan wajib lengkap"
BERKAS_USER=stafpkop expect_status 0 berkas step $n done
expect_contains "$T/out" "Tahap 3 selesai"
expect_contains "$T/out" "Tahap sekarang: 4 (Kepala Bidang Pemberdayaan dan Pengembangan Koperasi)"
expect_status 0 berkas show $n
expect_contains "$T/out" "Jam layanan : berjalan; sudah berhenti 3 hari kerja"
expect_contains "$T/out" "Batas waktu : 10-03-2026 (tepat waktu)"
BERKAS_USER=kabidpkop expect_status 0 berkas list --view saya
expect_contains "$T/out" "$n"

# wf-nik-5: not approved: back to step 3 with the reason; the clock stops again.
BERKAS_USER=kabidpkop expect_status 2 berkas step $n return
expect_contains "$T/err" "berkas: --reason belum diberikan"
BERKAS_USER=kabidpkop expect_status 1 berkas step $n return --reason '  '
expect_contains "$T/err" "berkas: alasan: wajib diisi"
BERKAS_USER=kabidpkop expect_status 0 berkas step $n return --reason 'Formulir belum ditandatangani ketua'
expect_contains "$T/out" "Tahap 4 tidak disetujui; dikembalikan ke tahap 3"
expect_contains "$T/out" "Jam layanan berhenti sejak 05-03-2026"
expect_status 0 berkas show $n
expect_contains "$T/out" "dikembalikan dari tahap 4 ke tahap 3: Formulir belum ditandatangani ketua"
BERKAS_USER=stafpkop expect_status 0 berkas req $n formulir_profil --off --note 'tanpa tanda tangan'
expect_contains "$T/out" "✗ formulir_profil"
export BERKAS_NOW=2026-03-06T10:00
BERKAS_USER=stafpkop expect_status 0 berkas req $n formulir_profil --note 'sudah ditandatangani'
BERKAS_USER=stafpkop expect_status 0 berkas step $n done
expect_status 0 berkas show $n
expect_contains "$T/out" "sudah berhenti 4 hari kerja"

# wf-nik-6: on to the end; the certificate goes to the registry.
BERKAS_USER=kabidpkop expect_status 0 berkas step $n done
BERKAS_USER=stafpkop expect_status 0 berkas step $n done
expect_contains "$T/out" "Tahap sekarang: 6"
export BERKAS_NOW=2026-03-16T10:00
expect_status 1 berkas set $n tanggal_terbit=20-03-2026
expect_contains "$T/err" "berkas: tanggal_terbit: registri koperasi: tanggal 20-03-2026 belum tiba"
BERKAS_USER=kabidpkop expect_status 0 berkas set $n nomor_sertifikat=NIK-5371-2026-0001 \
	tanggal_terbit=13-03-2026 berlaku_sampai=13-03-2031
BERKAS_USER=kabidpkop expect_status 0 berkas step $n done
BERKAS_USER=kadis expect_status 0 berkas step $n done
BERKAS_USER=stafpkop expect_status 0 berkas step $n done
expect_contains "$T/out" "Berkas 0001/NIK/2026 selesai"
BERKAS_USER=stafpkop expect_status 1 berkas step $n done
expect_contains "$T/err" "berkas: berkas sudah selesai"
expect_status 0 berkas koperasi show $nik
expect_contains "$T/out" "NIK-5371-2026-0001"
expect_contains "$T/out" "13-03-2031"
expect_contains "$T/out" "Sudah Bersertifikat"
expect_contains "$T/out" "Sertifikat NIK Koperasi 0001/NIK/2026: Permohonan pencetakan Sertifikat Nomor Induk Koperasi [selesai]"
expect_contains "$T/out" "dari berkas Sertifikat NIK Koperasi 0001/NIK/2026"

# wf-nik-7: usage.
expect_status 2 berkas step $n
expect_contains "$T/err" "berkas: TINDAKAN belum diberikan (done atau return)"
expect_status 2 berkas step $n lompat
expect_contains "$T/err" "berkas: tindakan tidak dikenal 'lompat' (done, return)"
expect_status 2 berkas req $n --off
expect_contains "$T/err" "berkas: --note dan --off memerlukan KUNCI persyaratan"
expect_status 0 berkas step --help
expect_contains "$T/out" "Pemakaian: berkas step"
expect_status 0 berkas req --help
expect_contains "$T/out" "Pemakaian: berkas req"
echo ok
