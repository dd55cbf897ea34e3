#!/bin/sh
# demo_layanan.sh: demo --layanan N adds service cases of every cooperative
# service kind in every state: waiting on the applicant (clock stopped), sent
# back with a reason, overdue, finished with the certificate or RAT written to
# the cooperative, forwarded to the kab/kota office, brought by an incoming
# letter; the same seed gives the same office.
. "$(dirname "$0")/../lib.sh"

export COLUMNS=160
uuid='[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}'
# ids KIND [LIST OPTIONS]: the case ids of a kind, as the list gives them.
ids() { k=$1; shift; berkas list --kind "$k" --limit 0 --format csv "$@" | grep -o "$uuid"; }
kinds="sertifikat_nik penerimaan_rat registrasi_ods legalitas_koperasi pendirian_koperasi izin_usp kantor_kas"

berkas init >/dev/null || fail "init"

# demo-layanan-1: the service cases need cooperatives; bad counts are usage errors.
expect_status 1 berkas demo --layanan 5
expect_contains "$T/err" "berkas: registri koperasi kosong"
expect_eq "$(berkas list --limit 0 --format csv | grep -c "$uuid")" "0" "demo-layanan-1: nothing added"
expect_status 2 berkas demo --layanan banyak
expect_contains "$T/err" "berkas: --layanan: bukan bilangan yang sah"

# demo-layanan-2: one run makes cooperatives, letters and cases; no progress
# line when stderr is not a terminal.
expect_status 0 berkas demo --koperasi 80 --letters 20 --layanan 40 --seed 3
expect_contains "$T/out" "80 koperasi contoh ditambahkan"
expect_contains "$T/out" "20 surat contoh ditambahkan"
expect_contains "$T/out" "40 berkas layanan contoh ditambahkan ("
[ ! -s "$T/err" ] || fail "demo-layanan-2: stderr not empty: $(cat "$T/err")"
brought=$(sed -n 's/.*(\([0-9]*\) dibawa surat masuk).*/\1/p' "$T/out")
[ "${brought:-0}" -gt 0 ] || fail "demo-layanan-2: no case came with a letter: $(cat "$T/out")"
expect_eq "$(ids surat_masuk | wc -l | tr -d ' ')" "$((20 + brought))" "demo-layanan-2: letters"
total=0
for k in $kinds; do
	c=$(ids "$k" | wc -l | tr -d ' ')
	[ "$c" -gt 0 ] || fail "demo-layanan-2: no case of kind $k"
	total=$((total + c))
done
expect_eq "$total" "40" "demo-layanan-2: service cases"

# demo-layanan-3: some wait on the applicant: "berhenti" in the list, the clock
# stopped in show, and one of them has only part of its requirements ticked.
berkas list --limit 0 >"$T/list"
expect_contains "$T/list" "berhenti"
paused=0 partly=0
for k in $kinds; do
	for id in $(ids "$k" --filter status=terbuka); do
		berkas show "$id" >"$T/show" || fail "show $id"
		grep -q "^Jam layanan : berhenti sejak .* (menunggu pemohon)" "$T/show" || continue
		paused=$((paused + 1))
		grep -q "✗ " "$T/show" && grep -q "✓ " "$T/show" && partly=1
	done
done
expect_eq "$paused" "$(grep -c berhenti "$T/list")" "demo-layanan-3: paused cases"
[ "$partly" = 1 ] || fail "demo-layanan-3: no waiting case has some requirements ticked"

# demo-layanan-4: overdue service cases are in the Terlambat view.
berkas list --view terlambat --limit 0 --format csv >"$T/late"
grep -q '"sertifikat_nik"\|"kantor_kas"' "$T/late" || fail "demo-layanan-4: no overdue service case: $(cat "$T/late")"

# demo-layanan-5: a finished NIK request: its certificate is in the registry,
# whose history names the case; another was forwarded to the kab/kota office.
cert="" fwd=""
for id in $(ids sertifikat_nik --filter status=selesai); do
	berkas show "$id" >"$T/show" || fail "show $id"
	if grep -q "^Diteruskan  : ke Dinas kabupaten/kota" "$T/show"; then
		fwd=$id
		continue
	fi
	no=$(sed -n 's/^  Nomor sertifikat NIK *: \(.\+\)$/\1/p' "$T/show")
	[ -n "$no" ] && [ -z "$cert" ] || continue
	cert=$no
	nik=$(sed -n 's/^Koperasi    : .* (\([0-9a-f-]*\))$/\1/p' "$T/show")
	num=$(sed -n 's/^Sertifikat NIK Koperasi //p' "$T/show")
	expect_status 0 berkas koperasi show "$nik"
	expect_contains "$T/out" "Nomor sertifikat NIK          : $cert"
	expect_contains "$T/out" "dari berkas Sertifikat NIK Koperasi $num"
	expect_contains "$T/out" "Sertifikat NIK Koperasi $num: "
done
[ -n "$cert" ] || fail "demo-layanan-5: no finished NIK request with a certificate"
[ -n "$fwd" ] || fail "demo-layanan-5: no NIK request forwarded to the kab/kota office"
expect_status 0 berkas show "$fwd"
expect_contains "$T/out" "diteruskan ke Dinas kabupaten/kota"

# demo-layanan-6: a RAT book received: the RAT date is the cooperative's last
# RAT now, and its history names the case.
id=$(ids penerimaan_rat | head -n 1)
berkas show "$id" >"$T/show" || fail "show $id"
rat=$(sed -n 's/^  Tanggal RAT *: //p' "$T/show")
nik=$(sed -n 's/^Koperasi    : .* (\([0-9a-f-]*\))$/\1/p' "$T/show")
num=$(sed -n 's/^Penerimaan Buku RAT //p' "$T/show")
expect_status 0 berkas koperasi show "$nik"
expect_contains "$T/out" "RAT terakhir                  : $rat"
expect_contains "$T/out" "dari berkas Penerimaan Buku RAT $num"

# demo-layanan-7: a case sent back ("tidak disetujui") shows why.
reason=""
for k in $kinds; do
	for id in $(ids "$k"); do
		berkas show "$id" >"$T/show" || fail "show $id"
		reason=$(sed -n 's/.*dikembalikan dari tahap [0-9]* ke tahap [0-9]*: \(.\+\)$/\1/p' "$T/show" | head -n 1)
		[ -n "$reason" ] && break 2
	done
done
[ -n "$reason" ] || fail "demo-layanan-7: no case was sent back with a reason"

# demo-layanan-8: a request brought by a letter names it, and the letter the request.
row=$(grep -m 1 '\[SM [0-9]*/[0-9]*\]' "$T/list")
[ -n "$row" ] || fail "demo-layanan-8: no [SM ..] link in the list"
set -- $(echo "$row" | sed 's/^[!* ]*\([^ ]*\) .*\[SM \([0-9]*\)\/\([0-9]*\)\].*/\1 \2 \3/')
letter=$(berkas list --kind surat_masuk --limit 0 --format csv --filter "tahun=$3" |
	grep "^\"$2\"," | grep -o "$uuid")
expect_status 0 berkas show "$letter"
expect_contains "$T/out" "Berkas terkait"
expect_contains "$T/out" " $1: "
grep -q "Tindak lanjut: .*$1" "$T/out" || fail "demo-layanan-8: the letter's follow-up does not name $1"

# demo-layanan-9: the same seed on the same day gives the same office (but
# new record ids, which a request for a cooperative without NIK names).
snap() {
	berkas list --limit 0
	for k in surat_masuk $kinds koperasi; do berkas export "$k" || fail "export $k"; done
}
snap >"$T/a.raw"
sed "s/$uuid/ID/g" "$T/a.raw" >"$T/a.txt"
BERKAS_DB="$T/second.db"
berkas init >/dev/null || fail "init second"
expect_status 0 berkas demo --koperasi 80 --letters 20 --layanan 40 --seed 3
snap >"$T/b.raw"
sed "s/$uuid/ID/g" "$T/b.raw" >"$T/b.txt"
cmp -s "$T/a.txt" "$T/b.txt" || { diff "$T/a.txt" "$T/b.txt" | head -n 20; fail "demo-layanan-9: same seed gave a different office"; }
BERKAS_DB="$T/third.db"
berkas init >/dev/null || fail "init third"
expect_status 0 berkas demo --koperasi 80 --letters 20 --layanan 40 --seed 4
snap >"$T/c.raw"
sed "s/$uuid/ID/g" "$T/c.raw" >"$T/c.txt"
! cmp -s "$T/a.txt" "$T/c.txt" || fail "demo-layanan-9: another seed gave the same office"
echo ok
