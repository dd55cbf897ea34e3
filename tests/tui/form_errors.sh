#!/bin/sh
# form_errors: an empty required field and an impossible date (31-02-2026) show
# messages beside the fields and nothing is written; Esc asks before dropping input.
. "$(dirname "$0")/../lib.sh"

# near LABEL TEXT: TEXT is on the line of the field LABEL or the line below it.
near() {
	tui_screen | awk -v l="$1" 'index($0, l) == 2 || index($0, l) == 1 { print; getline; print; exit }' >"$T/near"
	grep -qF -- "$2" "$T/near" || { tui_screen; fail "'$2' not beside/below field '$1'"; }
}
count() { berkas list --view semua --format csv | tail -n +2 | wc -l | tr -d ' '; }

bad_form() { # cols rows
	new_db "err-$1x$2-${TUI_TERM:-xterm}"
	berkas add surat_masuk asal_surat="Bappelitbangda" nomor_surat="050/1/2026" \
		tanggal_surat=02-02-2026 perihal="Surat yang sudah ada" >/dev/null || fail "add failed"
	before=$(count)
	expect_eq "$before" 1 "letters before"
	tui_start "$1" "$2" BERKAS_USER=arsiparis
	tui_wait "F10 Keluar"
	tui_keys a
	tui_wait "pilih jenis"
	tui_keys Enter                   # the kind chooser: Surat Masuk first
	tui_wait "Nomor surat"
	tui_goto_field "Asal surat";    tui_type "Inspektorat Daerah"
	tui_goto_field "Nomor surat";   tui_type "700/12/ITDA"
	tui_goto_field "Tanggal surat"; tui_type "31-02-2026"
	# Perihal left empty
	tui_key F2
	tui_wait "perlu diperbaiki"
	tui_expect "2 isian perlu diperbaiki"
	tui_expect "wajib diisi"
	tui_expect "tanggal tidak valid '31-02-2026'"
	# each message sits beside or just below its field
	near "Perihal" "wajib diisi"
	near "Tanggal surat" "tanggal tidak valid"
	tui_expect "Inspektorat Daerah"       # still in the form with the input kept
	tui_expect_not "Tersimpan"
	expect_eq "$(count)" "$before" "letters after a refused save"
	# fixing only the date still refuses (perihal empty)
	tui_goto_field "Tanggal surat"
	tui_keys C-u                          # clears the field
	tui_type "27-02-2026"
	tui_key F2
	tui_wait "1 isian perlu diperbaiki"
	tui_expect "wajib diisi"
	expect_eq "$(count)" "$before" "letters after a second refused save"
	# Esc asks, t keeps the form, y drops it
	tui_keys Escape
	tui_wait "Batalkan isian? (y/t)"
	tui_keys t
	tui_wait_gone "Batalkan isian?"
	tui_expect "Inspektorat Daerah"
	tui_keys Escape
	tui_wait "Batalkan isian? (y/t)"
	tui_keys y
	tui_wait "Semua |"
	tui_expect "Surat yang sudah ada"
	tui_expect_not "Inspektorat Daerah"
	tui_keys q
	tui_wait_exit
	expect_eq "$(count)" "$before" "letters after cancelling"
}

tui_run_sizes bad_form
TUI_TERM=linux; TUI_SIZES=80x24; tui_run_sizes bad_form
echo ok
