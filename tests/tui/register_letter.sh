#!/bin/sh
# register_letter: the pencatat registers a letter through the form; the stored
# values are exactly what was typed (80x24, 132x43; register_letter_linux.sh: TERM=linux).
. "$(dirname "$0")/../lib.sh"

ASAL="Biro Organisasi Setda Provinsi NTT"
NOMOR="005/123/BO/2026"
TGL="25-02-2026"
PERIHAL="Undangan Rapat Koordinasi – Kupang"

register() { # cols rows
	new_db "reg-$1x$2-${TUI_TERM:-xterm}"
	tui_start "$1" "$2" BERKAS_USER=arsiparis
	tui_wait "F10 Keluar"
	tui_wait "Semua |"               # the pencatat's default view
	tui_keys a
	tui_wait "pilih jenis"
	tui_keys Enter                   # the kind chooser: Surat Masuk first
	tui_wait "Nomor surat"
	tui_goto_field "Asal surat";    tui_type "$ASAL"
	tui_goto_field "Nomor surat";   tui_type "$NOMOR"
	tui_goto_field "Tanggal surat"; tui_type "$TGL"
	tui_goto_field "Perihal";       tui_type "$PERIHAL"
	# kode_klasifikasi through the picker: filter by label, Enter chooses
	tui_goto_field "Kode klasifikasi"
	tui_keys Enter
	tui_wait "Rapat Pimpinan"
	tui_type "Notula"
	tui_wait "Rapat Pimpinan"
	tui_keys Enter
	tui_wait_gone "Telekomunikasi"
	tui_goto_field "Kode klasifikasi"
	tui_cursor_line | grep -qF "000.1.5" || { tui_screen; fail "picked code not in the field"; }
	# Penting through its picker
	tui_goto_field "Penting/Biasa"
	tui_keys Enter
	tui_wait "Penting"
	tui_type "Penting"
	tui_keys Enter
	tui_goto_field "Penting/Biasa"
	tui_cursor_line | grep -q "Penting/Biasa.*P" || { tui_screen; fail "Penting not set"; }
	# the typed values are on screen before saving
	tui_expect "$ASAL"; tui_expect "$NOMOR"; tui_expect "$TGL"; tui_expect "$PERIHAL"
	tui_key F2
	tui_wait "Tersimpan: nomor agenda 1"
	tui_expect "Undangan Rapat"
	row=$(tui_line "Undangan Rapat")
	printf '%s\n' "$row" | grep -q "^[ >*!]*1 " || fail "row does not start with number 1: $row"
	printf '%s\n' "$row" | grep -qF "02-03-2026" || fail "row lacks the received date: $row"
	tui_keys g                       # the message stays until the next key
	tui_wait "Semua | 1/1"
	tui_keys q
	tui_wait_exit

	# stored values, exactly as typed
	berkas list --format csv >"$T/list.csv" || fail "list failed"
	expect_contains "$T/list.csv" "$PERIHAL"
	expect_contains "$T/list.csv" "$ASAL"
	expect_eq "$(wc -l <"$T/list.csv" | tr -d ' ')" 2 "list: header + one row"
	berkas show 1 >"$T/show" || fail "show 1 failed"
	for v in "$ASAL" "$NOMOR" "$TGL" "$PERIHAL" "000.1.5" "02-03-2026"; do
		expect_contains "$T/show" "$v"
	done
	berkas export surat_masuk --raw -o "$T/exp.csv" || fail "export failed"
	expect_eq "$(csv_col "$T/exp.csv" 1 asal_surat)" "$ASAL" asal_surat
	expect_eq "$(csv_col "$T/exp.csv" 1 nomor_surat)" "$NOMOR" nomor_surat
	expect_eq "$(csv_col "$T/exp.csv" 1 perihal)" "$PERIHAL" perihal
	expect_eq "$(csv_col "$T/exp.csv" 1 kode_klasifikasi)" "000.1.5" kode_klasifikasi
	expect_eq "$(csv_col "$T/exp.csv" 1 penting)" "P" penting
	expect_eq "$(csv_col "$T/exp.csv" 1 nomor_agenda)" "1" nomor_agenda
	case $(csv_col "$T/exp.csv" 1 tanggal_surat) in
	"$TGL"|2026-02-25) ;; *) fail "tanggal_surat stored as '$(csv_col "$T/exp.csv" 1 tanggal_surat)'" ;;
	esac
}

# register_letter_linux.sh sources this file with TUI_LINUX_PASS=1.
if [ "${TUI_LINUX_PASS:-0}" = 1 ]; then
	TUI_TERM=linux; TUI_SIZES=80x24
fi
tui_run_sizes register
echo ok
