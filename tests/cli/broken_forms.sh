#!/bin/sh
# broken_forms.sh: a typo in a kind file stops every command with a message that
# names the file, the section and the key; check lists every problem.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
add_letter "Bappeda Provinsi NTT" "Undangan rapat" >/dev/null

# broken-forms-1: the shipped files pass check.
expect_status 0 berkas check
expect_eq "$(cat "$T/out")" "ok" "broken-forms-1"

# broken-forms-2: a copy of forms/ and data/ with a typo'd kind file.
mkdir -p "$T/share"
cp -R "$top/forms" "$top/data" "$T/share/"
cat >"$T/share/forms/surat_keluar.ini" <<'INI'
[kind]
title = Surat Keluar

[numbering]
format = {n}

[field.perihal]
label = Perihal
tpye = text
required = yes
INI
export BERKAS_SHAREDIR="$T/share"
expect_status 1 berkas check
expect_contains "$T/err" "berkas: $T/share/forms/surat_keluar.ini: [field.perihal] tpye: kunci tidak dikenal (maksudnya 'type'?)"
expect_status 1 berkas add surat_masuk asal_surat=X nomor_surat=1 tanggal_surat=27-02-2026 perihal=Y
expect_contains "$T/err" "berkas: $T/share/forms/surat_keluar.ini: [field.perihal] tpye: kunci tidak dikenal (maksudnya 'type'?)"
[ ! -s "$T/out" ] || fail "broken-forms-2: stdout not empty"
expect_status 1 berkas list

# broken-forms-3: once fixed, nothing was written meanwhile.
rm "$T/share/forms/surat_keluar.ini"
expect_status 0 berkas check
expect_eq "$(case_count)" "1" "broken-forms-3"

# broken-forms-4: check also reads data/pegawai.csv against data/jabatan.csv.
printf 'budi,Budi,,gudang,kasir\n' >>"$T/share/data/pegawai.csv"
expect_status 1 berkas check
expect_contains "$T/err" "berkas: $T/share/data/pegawai.csv:16: jabatan tidak dikenal 'gudang'"
expect_contains "$T/err" "berkas: $T/share/data/pegawai.csv:16: peran tidak dikenal 'kasir'"
echo ok
