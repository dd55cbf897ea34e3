#!/bin/sh
# print.sh: print writes the lembar disposisi plus kartu kendali (P) or lembar
# pengantar (B) to a file or through [cetak] perintah.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
add_letter "Bappeda Provinsi NTT" "Undangan rapat koordinasi" penting=P >/dev/null
add_letter "Biro Umum" "Pemberitahuan libur" penting=B >/dev/null

# print-1: a Penting letter: disposisi + kartu kendali (three copies).
expect_status 0 berkas print 1 -o "$T/p1.txt"
expect_eq "$(cat "$T/out")" "Disimpan ke $T/p1.txt" "print-1.1"
expect_contains "$T/p1.txt" "LEMBAR DISPOSISI"
expect_contains "$T/p1.txt" "KARTU KENDALI"
expect_contains "$T/p1.txt" "Undangan rapat koordinasi"
expect_not_contains "$T/p1.txt" "LEMBAR PENGANTAR"
expect_eq "$(grep -c "KARTU KENDALI" "$T/p1.txt")" "3" "print-1.2 three copies"

# print-2: a Biasa letter gets the lembar pengantar instead.
expect_status 0 berkas print 2 -o "$T/p2.txt"
expect_contains "$T/p2.txt" "LEMBAR DISPOSISI"
expect_contains "$T/p2.txt" "LEMBAR PENGANTAR"
expect_not_contains "$T/p2.txt" "KARTU KENDALI"

# print-3: one sheet; -o - is stdout.
expect_status 0 berkas print 1 --sheet disposisi -o -
expect_contains "$T/out" "LEMBAR DISPOSISI"
expect_not_contains "$T/out" "KARTU KENDALI"
expect_status 0 berkas print 1 --sheet kartu -o -
expect_not_contains "$T/out" "LEMBAR DISPOSISI"
expect_contains "$T/out" "KARTU KENDALI"

# print-4: without -o the text goes to [cetak] perintah.
mkdir -p "$XDG_CONFIG_HOME/berkas"
printf '[cetak]\nperintah = "cat > %s/printed.txt"\n' "$T" >"$XDG_CONFIG_HOME/berkas/config.ini"
expect_status 0 berkas print 1
expect_eq "$(cat "$T/out")" "Dikirim ke pencetak (cat > $T/printed.txt)" "print-4.1"
expect_contains "$T/printed.txt" "LEMBAR DISPOSISI"

# print-5: unknown case.
expect_status 1 berkas print 9 -o "$T/p9.txt"
expect_eq "$(cat "$T/err")" "berkas: berkas tidak ditemukan: 9" "print-5.1"
[ ! -e "$T/p9.txt" ] || fail "print-5.2: file written for a missing case"
echo ok
