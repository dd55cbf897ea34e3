#!/bin/sh
# dispose_flow: the Kepala Dinas disposes a new letter to two positions, the
# Sekretaris forwards hers to the Kasubag, the Kasubag and the Kabid report
# follow-up; each inbox ("Untuk saya") gains and loses the letter on the way and
# the letter ends "selesai".
. "$(dirname "$0")/../lib.sh"

PERIHAL="Rapat evaluasi koperasi – Ende"
NOTE="Mohon dihadiri, laporkan hasilnya"

# in_inbox LOGIN: 0 if the letter is in LOGIN's "Untuk saya" (CLI).
in_inbox() {
	BERKAS_USER=$1 berkas list --view saya --format csv >"$T/saya" || fail "list --view saya as $1"
	grep -qF "$PERIHAL" "$T/saya"
}
# tui_as LOGIN COLS ROWS: opens the TUI as LOGIN and waits for the inbox.
tui_as() {
	tui_stop
	tui_start "$2" "$3" BERKAS_USER="$1"
	tui_wait "F10 Keluar"
	tui_wait "Untuk saya |"
}
# case_status: the Status line of `berkas show 1`.
case_status() { berkas show 1 | sed -n 's/^Status *: *//p' | sed 's/[ ,(].*//'; }
quit() { tui_keys q; tui_wait_exit; }

flow() { # cols rows
	new_db "flow-$1x$2"
	berkas add surat_masuk asal_surat="Dinas Koperasi Kab. Ende" nomor_surat="500/77/DK/2026" \
		tanggal_surat=20-02-2026 perihal="$PERIHAL" >"$T/out" || fail "add failed"
	expect_eq "$(cat "$T/out")" 1 "new number"

	# 1. Kepala Dinas: the new letter waits in his inbox; he disposes it.
	tui_as kadis "$1" "$2"
	tui_wait "Rapat evaluasi"
	tui_expect "1/1"
	tui_keys d
	tui_wait "Kepada"
	tui_expect_re "Dari: *Kepala Dinas"
	tui_toggle_item "Sekretaris"
	tui_toggle_item "Kepala Bidang Kelembagaan"
	tui_keys Tab                       # Instruksi
	instr=$(tui_changed_lines tui_keys Space | grep -F '[' | head -n 1 |
		sed 's/^.*\][[:space:]]*//; s/[[:space:]]*$//')
	[ -n "$instr" ] || { tui_screen; fail "no instruction ticked"; }
	tui_keys Tab                       # Catatan
	tui_type "$NOTE"
	tui_key F2
	tui_wait "Disposisi dikirim ke 2 jabatan"
	tui_wait_gone "Rapat evaluasi"     # gone from the kadis' Untuk saya
	tui_keys g                         # the message stays until the next key
	tui_wait "Untuk saya | 0/0"
	quit
	berkas show 1 >"$T/show"
	expect_contains "$T/show" "$NOTE"
	expect_contains "$T/show" "$instr"
	in_inbox kadis && fail "still in the kadis' inbox after disposing"
	in_inbox sekretaris || fail "not in the sekretaris' inbox"
	in_inbox kabidkel || fail "not in the kabid kelembagaan's inbox"
	in_inbox kasubag && fail "in the kasubag's inbox before forwarding"
	in_inbox kabidukm && fail "in the kabid ukm's inbox, who was not addressed"

	# 2. Kabid kelembagaan sees it too.
	tui_as kabidkel "$1" "$2"
	tui_wait "Rapat evaluasi"
	quit

	# 3. Sekretaris: sees it, opens it, forwards to the Kasubag Umum.
	tui_as sekretaris "$1" "$2"
	tui_wait "Rapat evaluasi"
	tui_keys Enter
	tui_wait "Disposisi"
	tui_expect_re "Kepala Dinas.*Sekretaris"
	tui_keys d
	tui_wait "Kepada"
	tui_expect_re "Dari: *Sekretaris"
	tui_toggle_item "Kepala Sub Bagian Kepegawaian"
	tui_key F2
	tui_wait "Disposisi dikirim ke 1 jabatan"
	tui_keys q                         # back to the inbox, if still on the case
	tui_wait "Untuk saya |"
	tui_wait_gone "Rapat evaluasi"
	quit
	in_inbox sekretaris && fail "still in the sekretaris' inbox after forwarding"
	in_inbox kasubag || fail "not in the kasubag's inbox after forwarding"
	berkas show 1 >"$T/show"
	expect_contains "$T/show" "diteruskan"

	# 4. Kasubag reports follow-up from the case screen.
	tui_as kasubag "$1" "$2"
	tui_wait "Rapat evaluasi"
	tui_keys Enter
	tui_wait "Disposisi"
	tui_keys f
	tui_wait "Tindak lanjut:"
	tui_type "Sudah dihadiri, notulen terlampir"
	tui_keys Enter
	tui_wait "Tindak lanjut dicatat"
	tui_keys q
	tui_wait "Untuk saya |"
	tui_wait_gone "Rapat evaluasi"
	quit
	in_inbox kasubag && fail "still in the kasubag's inbox after follow-up"
	expect_eq "$(case_status)" terbuka "status while the kabid has not reported"

	# 5. Kabid reports follow-up: the letter is done.
	tui_as kabidkel "$1" "$2"
	tui_wait "Rapat evaluasi"
	tui_keys Enter
	tui_wait "Disposisi"
	tui_keys f
	tui_wait "Tindak lanjut:"
	tui_type "Kelembagaan sudah ditindaklanjuti"
	tui_keys Enter
	tui_wait "Tindak lanjut dicatat"
	tui_keys g                         # the top of the case screen
	tui_expect_re "Status *: *selesai"
	tui_keys q
	tui_wait "Untuk saya |"
	tui_wait_gone "Rapat evaluasi"
	quit
	berkas show 1 >"$T/show"
	expect_contains "$T/show" "selesai"
	expect_contains "$T/show" "Sudah dihadiri, notulen terlampir"
	expect_contains "$T/show" "Kelembagaan sudah ditindaklanjuti"
	expect_eq "$(case_status)" selesai "status after both follow-ups"
	for u in kadis sekretaris kabidkel kasubag kabidukm arsiparis; do
		in_inbox $u && fail "done letter still in $u's Untuk saya"
	done
	# 'Semua' still lists it, as selesai
	tui_as kadis "$1" "$2"
	tui_keys 4
	tui_wait "Semua |"
	tui_wait "Rapat evaluasi"
	quit
}

tui_run_sizes flow
echo ok
