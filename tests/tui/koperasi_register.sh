#!/bin/sh
# koperasi_register: the registry from the inbox (K, F7): a cooperative entered through the
# form is refused with a 15-digit NIK (message at the field, nothing stored), saved once
# fixed, listed, found by search and limit, and opened (80x24); a short pass of the same
# at 132x43 and with TERM=linux (function keys only).
. "$(dirname "$0")/../lib.sh"

NAMA="KSP Kopdit Sehati Ende"
NIK="5311010000000001"

# near LABEL TEXT: TEXT is on the line of the field LABEL or the line below it.
near() {
	tui_screen | awk -v l="$1" 'index($0, l) == 2 { print; getline; print; exit }' >"$T/near"
	grep -qF -- "$2" "$T/near" || { tui_screen; fail "'$2' not beside/below field '$1'"; }
}
kop_rows() { berkas koperasi list --format csv --limit 0 | tail -n +2 | wc -l | tr -d ' '; }

register() { # cols rows
	new_db "kop-$1x$2-${TUI_TERM:-xterm}"
	berkas koperasi add nama="KUD Maju Bersama" kabkota=Sikka jenis=Produsen >/dev/null ||
		fail "koperasi add failed"
	tui_start "$1" "$2" BERKAS_USER=arsiparis
	tui_wait "F10 Keluar"
	tui_keys K
	tui_wait "Registri Koperasi"
	tui_wait "Koperasi | 1/1"
	tui_expect "KUD Maju Bersama"
	tui_key F2
	tui_wait "Koperasi baru"
	tui_goto_field "NIK koperasi";        tui_type "531101000000001"   # 15 digits
	tui_goto_field "Nama koperasi";       tui_type "$NAMA"
	tui_goto_field "Tanggal badan hukum"; tui_type "10-05-2015"
	# Kabupaten/kota through the picker, filtered by name
	tui_goto_field "Kabupaten/kota"
	tui_keys Enter
	tui_wait "Cari:"
	tui_type "Ende"
	tui_wait "Kabupaten Ende"
	tui_keys Enter
	tui_wait_gone "Cari:"
	tui_goto_field "Kabupaten/kota"
	tui_cursor_line | grep -qF "53.08" || { tui_screen; fail "picked kab/kota code not in the field"; }
	tui_expect "Kabupaten Ende"          # the name beside the code
	tui_goto_field "Jenis koperasi"
	tui_keys Enter
	tui_wait "Cari:"
	tui_type "Simpan"
	tui_keys Enter
	tui_wait_gone "Cari:"
	tui_goto_field "RAT terakhir";        tui_type "20-02-2026"
	tui_key F2
	tui_wait "1 isian perlu diperbaiki"
	near "NIK koperasi" "bukan NIK koperasi (harus 16"
	tui_expect "$NAMA"                   # the input is kept
	expect_eq "$(kop_rows)" 1 "cooperatives after the refused save"
	# fixed: saved, back in the list
	tui_goto_field "NIK koperasi"
	tui_keys C-u
	tui_type "$NIK"
	tui_key F2
	tui_wait "Tersimpan: koperasi $NAMA"
	tui_expect "$NIK"
	row=$(tui_line "$NIK")
	printf '%s\n' "$row" | grep -qF "Ende" || fail "row lacks the kab/kota: $row"
	printf '%s\n' "$row" | grep -qF "20-02-2026" || fail "row lacks the last RAT: $row"
	if [ "$1" -ge 100 ]; then   # the Status column needs the room
		printf '%s\n' "$row" | grep -qF "Aktif" || fail "row lacks the status: $row"
	fi
	tui_keys g
	tui_wait "Koperasi | 2/2"
	# search narrows to it
	tui_keys /
	tui_type "Sehati"
	tui_keys Enter
	tui_wait "cari: Sehati"
	tui_expect "Koperasi | 1/2"
	tui_expect "$NAMA"
	tui_expect_not "KUD Maju Bersama"
	# a limit on kab/kota by name, with the search cleared
	tui_keys / C-u Enter
	tui_wait_gone "cari:"
	tui_keys l
	tui_type "kabkota=Sikka"
	tui_keys Enter
	tui_wait "batasi: kabkota=Sikka"
	tui_expect "KUD Maju Bersama"
	tui_expect_not "$NAMA"
	tui_keys l C-u Enter
	tui_wait "Koperasi | 2/2"
	# open it: its data through koperasi_display, its (empty) cases, its history
	tui_keys /
	tui_type "$NIK"
	tui_keys Enter
	tui_wait "Koperasi | 1/2"
	tui_keys Enter
	tui_wait "Koperasi — $NAMA"
	tui_expect "Kabupaten Ende"
	tui_expect "10-05-2015"
	tui_expect "Simpan Pinjam"
	tui_keys G
	tui_wait "Riwayat"
	tui_expect "Kantor yang melayani"
	tui_expect "dibuat"
	tui_expect "Markus Dethan"           # arsiparis, by name
	tui_expect "Berkas (0)"
	tui_keys q
	tui_wait "Registri Koperasi"
	tui_keys q
	tui_wait "F10 Keluar"
	tui_expect_not "Registri Koperasi"
	tui_keys q
	tui_wait_exit

	# stored as typed, in stored form
	expect_eq "$(kop_rows)" 2 "cooperatives after the save"
	berkas koperasi list --format csv --search "$NIK" >"$T/k.csv" || fail "koperasi list failed"
	expect_eq "$(csv_col "$T/k.csv" 1 nama)" "$NAMA" nama
	expect_eq "$(csv_col "$T/k.csv" 1 kabkota)" "53.08" kabkota
	expect_eq "$(csv_col "$T/k.csv" 1 rat_terakhir)" "20-02-2026" rat_terakhir
	berkas koperasi show "$NIK" >"$T/show" || fail "koperasi show failed"
	expect_contains "$T/show" "Simpan Pinjam"
	expect_contains "$T/show" "10-05-2015"
}

# quick COLS ROWS: the same path in short at another size or terminal: open
# with the function keys, type, resize (from 132x43: the values stay), save a
# valid cooperative, see its row, leave.
quick() {
	new_db "kopq-$1x$2-${TUI_TERM:-xterm}"
	tui_start "$1" "$2" BERKAS_USER=umum
	tui_wait "F10 Keluar"
	tui_key F7
	tui_wait "Registri masih kosong"
	tui_key F2
	tui_wait "Koperasi baru"
	tui_type "$NIK"
	tui_key Tab
	tui_type "$NAMA"
	if [ "$1" -ge 100 ]; then   # a resize rebuilds the form with what was typed
		tui_resize 100 30
		tui_wait "$NAMA"
		tui_expect "$NIK"
		tui_cursor_line | grep -qF "Nama koperasi" || { tui_screen; fail "cursor left the field on resize"; }
		tui_resize "$1" "$2"
	fi
	tui_key F2
	tui_wait "Tersimpan: koperasi $NAMA"
	row=$(tui_line "$NIK")
	printf '%s\n' "$row" | grep -qF "$NAMA" || fail "row lacks the name: $row"
	if [ "$1" -ge 100 ]; then
		tui_expect "Status"
		printf '%s\n' "$row" | grep -qF "Aktif" || fail "row lacks the status: $row"
	fi
	tui_keys g
	tui_wait "Koperasi | 1/1"
	tui_key F10
	tui_wait "F10 Keluar"
	tui_key F10
	tui_wait_exit
	expect_eq "$(kop_rows)" 1 "cooperatives after the quick save"
}

TUI_SIZES=80x24; tui_run_sizes register
TUI_SIZES=132x43; tui_run_sizes quick
TUI_TERM=linux; TUI_SIZES=80x24; tui_run_sizes quick
echo ok
