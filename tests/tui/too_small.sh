#!/bin/sh
# too_small: below 80x24 the screen says so; growing the terminal brings the
# inbox back, also in the middle of the form.
. "$(dirname "$0")/../lib.sh"

small() { # cols rows: the size to return to
	new_db "small-$1x$2-${TUI_TERM:-xterm}"
	berkas add surat_masuk asal_surat="Dinas PMD" nomor_surat="140/9/2026" \
		tanggal_surat=02-02-2026 perihal="Data desa wisata" >/dev/null || fail "add failed"
	tui_start 60 20 BERKAS_USER=arsiparis
	tui_wait "Terminal terlalu kecil (minimal 80x24)"
	tui_expect_not "F10 Keluar"
	tui_resize "$1" "$2"
	tui_wait "F10 Keluar"
	tui_wait "Data desa wisata"
	tui_expect_not "Terminal terlalu kecil"
	# one column or one row short is too small as well
	tui_resize 79 24
	tui_wait "Terminal terlalu kecil"
	tui_resize 80 23
	tui_wait "Terminal terlalu kecil"
	tui_resize "$1" "$2"
	tui_wait "Data desa wisata"
	# in the form: shrink, grow, the typed text is still there
	tui_keys a
	tui_wait "pilih jenis"
	tui_keys Enter                   # the kind chooser: Surat Masuk first
	tui_wait "Nomor surat"
	tui_goto_field "Asal surat"; tui_type "Kecamatan Alak"
	tui_resize 60 20
	tui_wait "Terminal terlalu kecil"
	tui_resize "$1" "$2"
	tui_wait "Kecamatan Alak"
	tui_keys Escape
	tui_wait "Batalkan isian?"
	tui_keys y
	tui_wait "Data desa wisata"
	# keys pressed while too small do nothing harmful; q still quits from the inbox
	tui_resize 60 20
	tui_wait "Terminal terlalu kecil"
	tui_keys a
	tui_resize "$1" "$2"
	tui_wait "F10 Keluar"
	tui_expect "F2 Baru"                 # still the inbox: 'a' was ignored
	tui_expect_not "Nomor surat"
	tui_keys q
	tui_wait_exit
}

tui_run_sizes small
TUI_TERM=linux; TUI_SIZES=80x24; tui_run_sizes small
echo ok
