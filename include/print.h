/* print.h: text sheets for paper: lembar disposisi, kartu kendali, lembar pengantar. */
#ifndef BERKAS_PRINT_H
#define BERKAS_PRINT_H

#include "app.h"

enum sheet { SHEET_DISPOSISI, SHEET_KARTU_KENDALI, SHEET_PENGANTAR };

/* The sheet for a case as plain text (80 columns, UTF-8), caller frees.
 * SHEET_KARTU_KENDALI gives three copies (putih, hijau, merah) separated by
 * form feeds. NULL with *cause when the case is missing. */
char *print_sheet(struct app *a, const char *case_id, enum sheet which, char **cause);
/* The sheets a letter gets: disposisi always, plus kartu kendali (P) or
 * lembar pengantar (B), concatenated with form feeds. */
char *print_letter(struct app *a, const char *case_id, char **cause);
/* Sends text to cfg.print_command through a pipe, or writes it to path when
 * path != NULL. */
int   print_output(struct app *a, const char *text, const char *path, char **cause);

#endif
