#!/bin/sh
# broken_config.sh: a bad config.ini stops commands with a message naming the key;
# a good one changes the instructions offered for dispositions.
. "$(dirname "$0")/../lib.sh"

berkas init >/dev/null || fail "init"
add_letter "Bappeda Provinsi NTT" "Undangan rapat" >/dev/null
cfg="$XDG_CONFIG_HOME/berkas/config.ini"
mkdir -p "$(dirname "$cfg")"

# broken-config-1: a bad zona in the default config file.
printf '[kantor]\nzona = EST\n' >"$cfg"
expect_status 1 berkas check
expect_eq "$(cat "$T/err")" "berkas: $cfg: [kantor] zona: nilai 'EST' tidak dikenal (WIB, WITA, WIT)" "broken-config-1.1"
expect_status 1 berkas list
expect_contains "$T/err" "berkas: $cfg: [kantor] zona: nilai 'EST' tidak dikenal (WIB, WITA, WIT)"
expect_status 1 berkas show 1

# broken-config-2: --config FILE; an unknown key is named too.
printf '[kantor]\nzona = WIT\n[cetak]\nprinter = lp\n' >"$T/other.ini"
expect_status 1 berkas --config "$T/other.ini" check
expect_eq "$(cat "$T/err")" "berkas: $T/other.ini: [cetak] printer: kunci tidak dikenal" "broken-config-2.1"
expect_status 1 berkas --config "$T/missing.ini" check
expect_contains "$T/err" "berkas: $T/missing.ini: tidak dapat dibaca"

# broken-config-3: a good config: own instruction list; WIT shows 10:00 for 09:00 WITA.
printf '[kantor]\nzona = WIT\n[disposisi]\ninstruksi = "hadiri;arsipkan"\n' >"$cfg"
expect_status 0 berkas check
BERKAS_USER=kadis
expect_status 1 berkas dispose 1 --to sekretaris --instruction "untuk diketahui"
expect_eq "$(cat "$T/err")" "berkas: --instruction: instruksi tidak dikenal 'untuk diketahui' (pilihan: hadiri; arsipkan)" "broken-config-3.1"
expect_status 0 berkas dispose 1 --to sekretaris --instruction hadiri
expect_status 0 berkas show 1
expect_contains "$T/out" "Instruksi: hadiri"
echo ok
