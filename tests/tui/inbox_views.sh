#!/bin/sh
# inbox_views: views 1-4 and Tab, search (/ and F4) and limit (l), sort (o),
# the status line counts, opening a case, and quitting with q.
. "$(dirname "$0")/../lib.sh"

P1="Laporan keuangan triwulan"
P2="Undangan sosialisasi koperasi"
P3="Pendataan koperasi aktif"
P4="Permintaan data statistik"
P5="Klarifikasi pengaduan masyarakat"
# what of each subject fits the Perihal column at 80 columns
K1="Laporan keuangan"; K2="Undangan sosial"; K3="Pendataan kopera"
K4="Permintaan data"; K5="Klarifikasi peng"

# shows K...: each given subject is on screen, the others are not.
shows() {
	tui_screen >"$T/screen"
	for p in "$K1" "$K2" "$K3" "$K4" "$K5"; do
		want=0
		for q in "$@"; do [ "$q" = "$p" ] && want=1; done
		if [ $want = 1 ]; then expect_contains "$T/screen" "$p"
		else expect_not_contains "$T/screen" "$p"; fi
	done
}
# status TEXT: the status line (the line with the view name and " | ") has TEXT.
status() {
	tui_screen | grep -E "(Untuk saya|Belum didisposisi|Terlambat|Semua) \|" >"$T/status" ||
		{ tui_screen; fail "no status line"; }
	expect_contains "$T/status" "$1"
}

setup() {
	BERKAS_NOW=2026-02-02T09:00 berkas add surat_masuk asal_surat="Dinas Kominfo" \
		nomor_surat="555/10/2026" tanggal_surat=30-01-2026 perihal="$P1" >/dev/null || fail add1
	berkas add surat_masuk asal_surat="Bank NTT" nomor_surat="B.12/2026" \
		tanggal_surat=26-02-2026 perihal="$P2" >/dev/null || fail add2
	berkas add surat_masuk asal_surat="Kementerian Koperasi dan UKM" nomor_surat="B-40/KUKM/2026" \
		tanggal_surat=25-02-2026 perihal="$P3" >/dev/null || fail add3
	berkas add surat_masuk asal_surat="BPS Provinsi NTT" nomor_surat="53000.101/2026" \
		tanggal_surat=24-02-2026 perihal="$P4" >/dev/null || fail add4
	berkas add surat_masuk asal_surat="Ombudsman NTT" nomor_surat="B/15/2026" urgensi=Segera \
		tanggal_surat=27-02-2026 perihal="$P5" >/dev/null || fail add5
	BERKAS_USER=kadis berkas dispose 2 --to sekretaris --note "Hadiri" >/dev/null || fail dispose2
	BERKAS_USER=kadis berkas dispose 4 --to kabid_ukm --note "Siapkan data" >/dev/null || fail dispose4
}

views() { # cols rows
	new_db "views-$1x$2"
	setup
	# Sekretaris: default view is Untuk saya
	tui_start "$1" "$2" BERKAS_USER=sekretaris
	tui_wait "F1 Bantuan"
	tui_wait "Untuk saya |"
	tui_wait "$K2"
	status "1/1"; status "urut: diterima"; shows "$K2"
	tui_keys 2; tui_wait "Belum didisposisi |"
	tui_wait "$K3"; status "3/3"; shows "$K1" "$K3" "$K5"
	tui_keys 3; tui_wait "Terlambat |"
	tui_wait_gone "$K3"; status "1/1"; shows "$K1"
	tui_screen >"$T/screen"
	grep -F "$K1" "$T/screen" | grep -q '!' || { cat "$T/screen"; fail "overdue row lacks '!'"; }
	tui_keys 4; tui_wait "Semua |"
	tui_wait "$K4"; status "5/5"; shows "$K1" "$K2" "$K3" "$K4" "$K5"
	tui_keys 1; tui_wait "Untuk saya |"
	tui_wait_gone "$K4"; status "1/1"; shows "$K2"
	tui_keys Tab; tui_wait "Belum didisposisi |"
	tui_keys Tab; tui_wait "Terlambat |"
	tui_keys Tab; tui_wait "Semua |"
	tui_keys Tab; tui_wait "Untuk saya |"
	# Enter opens the case; q comes back to the inbox
	tui_keys Enter
	tui_wait "Nomor surat"
	tui_expect "$P2"; tui_expect "Bank NTT"; tui_expect_re "Nomor agenda *: *2"
	tui_keys q
	tui_wait "Untuk saya |"
	tui_keys q
	tui_wait_exit
	tui_stop

	# Pencatat: default view Semua; search, limit, sort
	tui_start "$1" "$2" BERKAS_USER=arsiparis
	tui_wait "Semua |"
	tui_wait "$K1"; status "5/5"
	tui_keys /
	tui_wait "Cari:"
	tui_type "koperasi"; tui_keys Enter
	tui_wait "cari: koperasi"
	tui_wait_gone "$K1"
	status "2/5"; shows "$K2" "$K3"
	tui_key F4
	tui_wait "Cari:"
	tui_key End; tui_keys C-u                 # clear the prompt whatever it shows
	tui_type "statistik"; tui_keys Enter
	tui_wait "cari: statistik"
	tui_wait_gone "$K2"
	status "1/5"; shows "$K4"
	tui_keys /; tui_wait "Cari:"; tui_keys C-u Enter   # empty clears
	tui_wait "$K1"
	status "5/5"; shows "$K1" "$K2" "$K3" "$K4" "$K5"
	tui_expect_not "cari: statistik"
	tui_keys l
	tui_wait "Batasi:"
	tui_type "urgensi=Segera"; tui_keys Enter
	tui_wait "batasi: urgensi=Segera"
	tui_wait_gone "$K1"
	status "1/5"; shows "$K5"
	tui_keys l; tui_wait "Batasi:"; tui_keys C-u Enter
	tui_wait "$K1"; status "5/5"
	tui_keys o
	tui_wait "urut: nomor"
	status "5/5"
	tui_keys q
	tui_wait_exit
}

tui_run_sizes views
echo ok
