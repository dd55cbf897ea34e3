#!/bin/sh
# dispose.sh: a disposition chain through the CLI: kadis -> sekretaris and
# kabid_kelembagaan; sekretaris forwards to kasubag_umum; follow-ups close the
# letter; each person's inbox (list --view saya) follows along.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
add_letter "Kementerian Koperasi dan UKM" "Permintaan data koperasi aktif" penting=P >/dev/null

# inbox LOGIN: the numbers in LOGIN's "Untuk saya" view, comma-separated.
inbox() {
	ib_user=$BERKAS_USER; BERKAS_USER=$1
	berkas list --view saya --format csv >"$T/inbox.csv" || fail "list --view saya as $1"
	BERKAS_USER=$ib_user
	csv_sql "$T/inbox.csv" "select coalesce(group_concat(nomor), '-') from t"
}
as() { BERKAS_USER=$1; }

expect_eq "$(inbox kadis)" "1" "dispose-1.1"
expect_eq "$(inbox sekretaris)" "-" "dispose-1.2"

# dispose-2: bad dispositions are refused with a message naming the problem.
as kadis
expect_status 1 berkas dispose 1 --to gudang,sekretaris
expect_eq "$(cat "$T/err")" "berkas: --to: jabatan tidak dikenal: gudang" "dispose-2.1"
expect_status 1 berkas dispose 1 --to sekretaris --instruction "bakar saja"
expect_eq "$(cat "$T/err")" "berkas: --instruction: instruksi tidak dikenal 'bakar saja' (pilihan: untuk diketahui; untuk ditindaklanjuti; tanggapan dan saran; proses lebih lanjut; koordinasikan; siapkan jawaban; arsipkan)" "dispose-2.2"
expect_status 1 berkas dispose 1 --to sekretaris --deadline 30-02-2026
expect_eq "$(cat "$T/err")" "berkas: --deadline: tanggal tidak valid '30-02-2026' (DD-MM-YYYY)" "dispose-2.3"
as sekretaris
expect_status 1 berkas dispose 1 --to kadis
expect_eq "$(cat "$T/err")" "berkas: --to: kadis tidak berada di bawah sekretaris" "dispose-2.4"
as kadis
expect_status 0 berkas show 1
expect_contains "$T/out" "(belum ada)"

# dispose-3: the Kepala Dinas disposes to two positions.
expect_status 0 berkas dispose 1 --to sekretaris,kabid_kelembagaan \
	--instruction "Untuk ditindaklanjuti" --instruction koordinasikan --note "Mohon segera"
expect_eq "$(cat "$T/out")" "Disposisi dikirim ke 2 jabatan" "dispose-3.1"
expect_eq "$(inbox kadis)" "-" "dispose-3.2"
expect_eq "$(inbox sekretaris)" "1" "dispose-3.3"
expect_eq "$(inbox kabidkel)" "1" "dispose-3.4"
expect_status 0 berkas show 1
expect_contains "$T/out" "  Kepala Dinas -> Sekretaris [baru]"
expect_contains "$T/out" "  Kepala Dinas -> Kepala Bidang Kelembagaan dan Pengawasan [baru]"
expect_contains "$T/out" "      Instruksi: untuk ditindaklanjuti; koordinasikan"
expect_contains "$T/out" "      Catatan: Mohon segera"
expect_contains "$T/out" "      Batas waktu: 09-03-2026"
expect_contains "$T/out" "      Dikirim: 02-03-2026 09:00, Drs. Yohanes Laka Mone (kadis)"

# dispose-4: the Sekretaris reads, then forwards to the Kasubag Umum.
as sekretaris
expect_status 0 berkas read 1
expect_eq "$(cat "$T/out")" "Disposisi ditandai dibaca" "dispose-4.1"
expect_status 0 berkas show 1
expect_contains "$T/out" "  Kepala Dinas -> Sekretaris [dibaca]"
expect_status 0 berkas dispose 1 --to kasubag_umum --instruction "siapkan jawaban" --deadline 06-03-2026
expect_eq "$(cat "$T/out")" "Disposisi diteruskan ke 1 jabatan" "dispose-4.2"
expect_status 0 berkas show 1
expect_contains "$T/out" "  Kepala Dinas -> Sekretaris [diteruskan]"
expect_contains "$T/out" "    Sekretaris -> Kepala Sub Bagian Kepegawaian dan Umum [baru]"
expect_contains "$T/out" "        Batas waktu: 06-03-2026"
expect_eq "$(inbox sekretaris)" "-" "dispose-4.3"
expect_eq "$(inbox kasubag)" "1" "dispose-4.4"

# dispose-5: someone without a disposition cannot report follow-up.
as stafkel
expect_status 1 berkas followup 1 --note "Sudah"
expect_eq "$(cat "$T/err")" "berkas: tidak ada disposisi terbuka untuk Pelaksana Bidang Kelembagaan dan Pengawasan pada berkas 1" "dispose-5.1"

# dispose-6: follow-ups; the letter is done when every top disposition is.
as kasubag
expect_status 0 berkas followup 1 --note "Data dikirim lewat surat 500/77"
expect_eq "$(cat "$T/out")" "Tindak lanjut dicatat" "dispose-6.1"
expect_eq "$(inbox kasubag)" "-" "dispose-6.2"
expect_status 0 berkas show 1
expect_contains "$T/out" "  Kepala Dinas -> Sekretaris [selesai]"
expect_contains "$T/out" "    Sekretaris -> Kepala Sub Bagian Kepegawaian dan Umum [selesai]"
expect_contains "$T/out" "Status      : terbuka"
as kabidkel
expect_status 0 berkas followup 1 --note "Sudah dibahas dengan JFPK"
expect_eq "$(cat "$T/out")" "Tindak lanjut dicatat
Berkas 1 selesai" "dispose-6.3"
expect_status 0 berkas show 1
expect_contains "$T/out" "Status      : selesai"
expect_contains "$T/out" "Tindak lanjut: Sudah dibahas dengan JFPK"
expect_status 0 berkas list --filter status=selesai --format csv
expect_eq "$(csv_sql "$T/out" "select nomor || ' ' || status from t")" "1 selesai" "dispose-6.4"
expect_eq "$(inbox kabidkel)" "-" "dispose-6.5"

# dispose-7: a finished letter takes no more dispositions.
as kadis
expect_status 1 berkas dispose 1 --to sekretaris
expect_eq "$(cat "$T/err")" "berkas: berkas 1 sudah selesai" "dispose-7.1"
echo ok
