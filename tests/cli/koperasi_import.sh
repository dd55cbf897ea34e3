#!/bin/sh
# koperasi_import.sh: importing a 100,000-row registry CSV with exactly 3 bad
# rows (lines 17, 50002 and 99871): by default refused with exactly those 3
# rows reported and nothing imported; with --skip-bad 99,997 imported and the 3
# written out with their reasons; importing it again without --update changes
# nothing and says so.
# Under SAN=1 (ASan+UBSan build, several times slower: 100,000 rows took 70 s)
# the file has 20,000 rows (bad lines 17, 10002 and 19871), and under VALGRIND=1
# 3,000 rows (bad lines 17, 1502 and 2871), so that the test stays under a minute.
. "$(dirname "$0")/../lib.sh"

if [ "${VALGRIND:-0}" = 1 ]; then
	N=3000; L2=1502; L3=2871; GOOD=2997
elif [ "${SAN:-0}" = 1 ]; then
	N=20000; L2=10002; L3=19871; GOOD=19997
else
	N=100000; L2=50002; L3=99871; GOOD=99997
fi
csv=$T/koperasi.csv

# gen_registry N L1 L2 L3 > FILE: a registry CSV of N rows (header on line 1,
# row i on line i + 1) with realistic NTT cooperatives, valid for the form's
# rules except line L1 (a 10-digit NIK), line L2 (a kab/kota outside NTT) and
# line L3 (an unknown wilayah keanggotaan); 0 = no such line. Also used by
# tests/bench/koperasi_import.sh.
gen_registry() {
	awk -v n="$1" -v l1="$2" -v l2="$3" -v l3="$4" 'BEGIN {
	split("53.01 53.02 53.03 53.04 53.05 53.06 53.07 53.08 53.09 53.10 53.11 53.12 53.13 53.14 53.15 53.16 53.17 53.18 53.19 53.20 53.21 53.71", kab, " ")
	split("Kupang|Soe|Kefamenanu|Atambua|Kalabahi|Larantuka|Maumere|Ende|Bajawa|Ruteng|Waingapu|Waikabubak|Lewoleba|Baa|Labuan Bajo|Mbay|Waibakul|Tambolaka|Borong|Seba|Betun|Oebobo", place, "|")
	split("Kupang Tengah|Kota Soe|Insana|Atambua Barat|Teluk Mutiara|Wulanggitang|Alok Timur|Ende Selatan|Golewa|Langke Rembong|Kambera|Loli|Nubatukan|Lobalain|Komodo|Aesesa|Katikutana|Kodi|Lamba Leda|Sabu Barat|Malaka Tengah|Kelapa Lima", kec, "|")
	split("KSP Kopdit|KUD|KPRI|Koperasi Serba Usaha|Koperasi Wanita|Koperasi Produsen|Koperasi Nelayan|Koperasi Peternakan", pre, "|")
	split("KSP|KUD|KPRI|KSU|Koperasi Wanita|Koperasi Lainnya|Koperasi Nelayan|Koperasi Peternakan", kel, "|")
	split("Simpan Pinjam|Produsen|Konsumen|Jasa|Konsumen|Produsen|Produsen|Produsen", jen, "|")
	split("Jasa Keuangan|Pertanian|Perdagangan Besar dan Eceran|Perdagangan Besar dan Eceran|Perdagangan Besar dan Eceran|Industri Pengolahan|Perikanan|Peternakan", sek, "|")
	split("Sehati|Swasti Sari|Pintu Air|Bahtera|Obor Mas|Sinar Harapan|Bina Usaha|Mekar Sari|Serviam|Tunas Jaya|Flobamora|Nusa Bunga", kata, "|")
	split("Yohanes|Maria|Agustinus|Katarina|Fransiskus|Yosefina|Petrus|Theresia|Antonius|Margaretha|Stefanus|Elisabeth", dep, "|")
	split("Manafe|Fanggidae|Ndun|Lado|Wangge|Parera|Kewa|Riwu|Haning|Foeh|Bessie|Tallo", bel, "|")
	split("Soekarno|Ahmad Yani|El Tari|Diponegoro|Timor Raya|Frans Seda", jl, "|")
	split("I II III IV V VI VII VIII IX X XI XII", rom, " ")
	split("Mikro|Kecil|Menengah", ska, "|")
	print "nik,Nama koperasi,no_badan_hukum,tanggal_badan_hukum,alamat,kelurahan,kecamatan,kabkota,wilayah_keanggotaan,bentuk,jenis,kelompok,sektor_usaha,skala,pengurus,pengawas,anggota_pria,anggota_wanita,tahun_rat,rat_terakhir,status_nik,grade,status,telepon,email"
	for (i = 1; i <= n; i++) {
		line = i + 1
		k = (i * 7) % 22 + 1
		t = i % 8 + 1
		by = 1975 + (i * 13) % 45
		bm = i % 12 + 1
		bd = i % 28 + 1
		nik = sprintf("53%s%02d%010d", substr(kab[k], 4, 2), i % 30 + 1, i)
		if (line == l1) nik = "5307021234"
		kk = kab[k]
		if (line == l2) kk = "Nusa Tenggara Barat"
		w = (i % 10 == 0) ? "provinsi" : "kabkota"
		if (line == l3) w = "kecamatan"
		bentuk = (w == "provinsi") ? "Primer Provinsi" : "Primer Kabupaten/Kota"
		pr = 20 + (i * 37) % 2400
		wn = 15 + (i * 53) % 2600
		if (pr >= 1000) pr = sprintf("%d.%03d", int(pr / 1000), pr % 1000)
		ry = 2023 + i % 3
		yrs = (ry == 2025) ? "2023;2024;2025" : (ry == 2024 ? "2022;2024" : "2023")
		g = (ry == 2025) ? "B" : (ry == 2024 ? "C2" : "D")   # grade_rat.csv in 2026
		printf "%s,%s %s %s %d,%d/BH/XIV.%d/%s/%d,%02d-%02d-%d,Jl. %s No. %d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s %s; %s %s; %s %s,%s %s; %s %s,%s,%d,%s,%02d-%02d-%d,Sudah Bersertifikat,%s,aktif,0812-%04d-%04d,kop%d@gmail.com\n",
			nik, pre[t], kata[i % 12 + 1], place[k], i,
			i, k, rom[bm], by, bd, bm, by,
			jl[i % 6 + 1], i % 200 + 1, kec[k], kec[k], kk, w, bentuk, jen[t], kel[t], sek[t], ska[i % 3 + 1],
			dep[i % 12 + 1], bel[(i * 5) % 12 + 1], dep[(i + 3) % 12 + 1], bel[(i * 7) % 12 + 1], dep[(i + 6) % 12 + 1], bel[(i + 1) % 12 + 1],
			dep[(i + 9) % 12 + 1], bel[(i * 11) % 12 + 1], dep[(i + 2) % 12 + 1], bel[(i + 4) % 12 + 1],
			pr, wn, yrs, bd, bm, ry, g, (i * 7919) % 10000, i % 10000, i
	}
	}'
}

berkas init >/dev/null || fail "init"
gen_registry $N 17 $L2 $L3 >"$csv" || fail "generating the CSV"
expect_eq "$(wc -l <"$csv" | tr -d ' ')" "$((N + 1))" "import-0 lines in the file"
# kop_count: cooperatives in the database (rows of `export koperasi`).
kop_count() {
	berkas export koperasi -o "$T/count.csv" >/dev/null || fail "export for count"
	echo $(( $(wc -l <"$T/count.csv") - 1 ))
}

# import-1: all-or-nothing: refused, exactly the 3 bad rows reported, nothing imported.
start=$(date +%s)
expect_status 1 berkas import koperasi "$csv"
echo "import-1: refused in $(( $(date +%s) - start )) s"
[ ! -s "$T/out" ] || fail "import-1.0: stdout not empty: $(cat "$T/out")"
expect_eq "$(grep -c "^berkas: $csv:[0-9]*: " "$T/err")" "3" "import-1.1 three rows reported"
expect_eq "$(sed -n 1p "$T/err")" \
	"berkas: $csv:17: nik: '5307021234': '5307021234' bukan NIK koperasi (harus 16 angka)" "import-1.2"
expect_eq "$(sed -n 2p "$T/err")" \
	"berkas: $csv:$L2: kabkota: 'Nusa Tenggara Barat': 'Nusa Tenggara Barat' bukan kabupaten/kota di Nusa Tenggara Timur" "import-1.3"
expect_eq "$(sed -n 3p "$T/err")" \
	"berkas: $csv:$L3: wilayah_keanggotaan: 'kecamatan': 'kecamatan' bukan pilihan (kabkota, provinsi, nasional)" "import-1.4"
expect_eq "$(sed -n 4p "$T/err")" "berkas: $csv: 3 baris salah; tidak ada yang diimpor" "import-1.5"
expect_eq "$(wc -l <"$T/err" | tr -d ' ')" "4" "import-1.6 nothing else on stderr"
expect_eq "$(kop_count)" "0" "import-1.7 nothing imported"

# import-2: --skip-bad imports the good rows and writes the bad ones with line and reason.
start=$(date +%s)
expect_status 0 berkas import koperasi "$csv" --skip-bad "$T/bad.csv"
echo "import-2: $GOOD rows imported in $(( $(date +%s) - start )) s"
expect_eq "$(cat "$T/out")" "$GOOD koperasi diimpor, 3 ditolak (ditulis ke $T/bad.csv)" "import-2.1"
[ ! -s "$T/err" ] || fail "import-2.2: stderr not empty: $(cat "$T/err")"
expect_eq "$(kop_count)" "$GOOD" "import-2.3"
cp "$T/count.csv" "$T/after-import.csv"
expect_eq "$(csv_sql "$T/bad.csv" "select count(*) from t")" "3" "import-2.4"
expect_eq "$(csv_sql "$T/bad.csv" "select group_concat(baris, ' ') from t")" "17 $L2 $L3" "import-2.5"
expect_eq "$(csv_sql "$T/bad.csv" "select alasan from t where baris = '17'")" \
	"nik: '5307021234' bukan NIK koperasi (harus 16 angka)" "import-2.6"
expect_eq "$(csv_sql "$T/bad.csv" "select kabkota || '|' || alasan from t where baris = '$L2'")" \
	"Nusa Tenggara Barat|kabkota: 'Nusa Tenggara Barat' bukan kabupaten/kota di Nusa Tenggara Timur" "import-2.7"
# a cooperative from the file (row 1000, line 1001), as stored and shown
expect_status 0 berkas koperasi show 5305110000001000
expect_contains "$T/out" "Nama koperasi                 : KSP Kopdit Obor Mas Kalabahi 1000"
expect_contains "$T/out" "Kabupaten/kota                : Kabupaten Alor"
expect_contains "$T/out" "Wilayah keanggotaan           : Provinsi"
expect_contains "$T/out" "Kantor yang melayani          : Dinas provinsi"
expect_contains "$T/out" "Anggota pria                  : 1020"
expect_contains "$T/out" "Tahun RAT                     : 2022;2024"
expect_contains "$T/out" "RAT terakhir                  : 21-05-2024"
expect_contains "$T/out" "Grade                         : C2 ("
expect_contains "$T/out" "Telepon                       : 0812-9000-1000"
expect_contains "$T/out" "arsiparis): diimpor (impor koperasi.csv)"

# import-3: the same file again without --update: every good row is already
# there; nothing changes, and the summary says so.
expect_status 0 berkas import koperasi "$csv" --skip-bad "$T/bad2.csv"
expect_eq "$(cat "$T/out")" \
	"0 koperasi diimpor, $GOOD sudah ada dan dilewati (--update untuk memperbarui), 3 ditolak (ditulis ke $T/bad2.csv)" "import-3.1"
expect_eq "$(kop_count)" "$GOOD" "import-3.2"
cmp -s "$T/count.csv" "$T/after-import.csv" || fail "import-3.3: the registry changed"
expect_status 0 berkas koperasi show 5305110000001000
expect_eq "$(grep -c "^  [0-9].*: " "$T/out")" "1" "import-3.4 one event (no update)"
echo ok
