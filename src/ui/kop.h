/* kop.h: the cooperative registry screens (list, cooperative, form, import) and what they share. */
#ifndef BERKAS_UI_KOP_H
#define BERKAS_UI_KOP_H

#include "koperasi.h"
#include "ui.h"

/* The registry's reference lists and grade rules (data/), loaded once and
 * shared by the registry screens: each screen that holds it calls get when it
 * opens and put when it closes; the last put frees it. get returns NULL
 * (after ui_error naming the problem) when data/ cannot be read. */
const struct kop_ref *kopui_ref_get(void);
void kopui_ref_put(const struct kop_ref *r);

/* A stored value of field f for a screen: koperasi_display, and "Kabupaten X"
 * shortened to "Kab. X" when brief is 1, to "X" when 2. "" for none. Caller frees. */
char *kopui_value(const struct kop_ref *r, enum kop_fid f, const char *stored, int brief);
/* ISO date as DD-MM-YYYY into out ("" when absent). */
void kopui_dmy(const char *iso, char out[11]);
/* The codes of a KT_CHOICE field (wilayah_keanggotaan, status), NULL-terminated. */
const char *const *kopui_choices(enum kop_fid f);

/* Screens. koperasi_list_new is declared in ui.h (the inbox opens it). */
struct screen *kopview_new(const char *koperasi_id);
/* The form for a new cooperative (id NULL) or to change the cooperative id.
 * NULL (after ui_error) when it cannot open. */
struct screen *kopform_new(const char *koperasi_id);
/* Asks for a CSV path and the options, runs the import with a progress bar
 * and pushes the result screen. */
void kopimport_run(void);

#endif
