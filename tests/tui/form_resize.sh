#!/bin/sh
# form_resize: resizing the terminal in the middle of the form keeps every typed
# value (including the field being typed in) and saving stores them.
. "$(dirname "$0")/../lib.sh"

ASAL="Kantor Wilayah Kemenkumham NTT"
NOMOR="W21-UM.01.01-88"
PERIHAL="Permohonan data koperasi – Sumba Timur"

other_size() { [ "$1" = 80 ] && echo "132 43" || echo "80 24"; }

resize_form() { # cols rows
	new_db "resize-$1x$2"
	tui_start "$1" "$2" BERKAS_USER=arsiparis
	tui_wait "F10 Keluar"
	tui_keys a
	tui_wait "pilih jenis"
	tui_keys Enter                   # the kind chooser: Surat Masuk first
	tui_wait "Nomor surat"
	tui_goto_field "Asal surat";    tui_type "$ASAL"
	tui_goto_field "Nomor surat";   tui_type "$NOMOR"
	tui_goto_field "Tanggal surat"; tui_type "27-02-2026"
	tui_goto_field "Perihal";       tui_type "Permohonan data koperasi"
	# resize while still typing in Perihal, then come back
	tui_resize $(other_size "$1")
	tui_wait "Nomor surat"
	for v in "$ASAL" "$NOMOR" "27-02-2026" "Permohonan data koperasi"; do
		tui_wait "$v"
	done
	tui_resize "$1" "$2"
	tui_wait "Nomor surat"
	for v in "$ASAL" "$NOMOR" "27-02-2026" "Permohonan data koperasi"; do
		tui_wait "$v"
	done
	# go on typing into the same field after the resize
	tui_goto_field "Perihal"
	tui_key End
	tui_type " – Sumba Timur"
	tui_wait "$PERIHAL"
	tui_resize 80 24; tui_resize "$1" "$2"
	tui_wait "$PERIHAL"
	tui_key F2
	tui_wait "Tersimpan: nomor agenda 1"
	tui_keys q
	tui_wait_exit
	berkas export surat_masuk --raw -o "$T/exp.csv" || fail "export failed"
	expect_eq "$(csv_col "$T/exp.csv" 1 asal_surat)" "$ASAL" asal_surat
	expect_eq "$(csv_col "$T/exp.csv" 1 nomor_surat)" "$NOMOR" nomor_surat
	expect_eq "$(csv_col "$T/exp.csv" 1 perihal)" "$PERIHAL" perihal
	case $(csv_col "$T/exp.csv" 1 tanggal_surat) in
	27-02-2026|2026-02-27) ;; *) fail "tanggal_surat stored as '$(csv_col "$T/exp.csv" 1 tanggal_surat)'" ;;
	esac
}

tui_run_sizes resize_form
echo ok
