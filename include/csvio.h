/* csvio.h: CSV reading and writing through libcsv (RFC 4180, UTF-8). */
#ifndef BERKAS_CSVIO_H
#define BERKAS_CSVIO_H

#include <stdio.h>
#include "app.h"

struct csv_opts {
	char delim;  /* ',' or ';' */
	int  bom;    /* write a UTF-8 BOM first */
	int  raw;    /* 0: cells starting with = + - @ get a leading apostrophe */
};

struct csvw {
	FILE           *fp;
	struct csv_opts opts;
	int             first;  /* no field yet on this record */
};
void csvw_init(struct csvw *w, FILE *fp, const struct csv_opts *o); /* writes BOM if asked */
void csvw_field(struct csvw *w, const char *s);                    /* NULL writes empty */
void csvw_end(struct csvw *w);                                     /* "\r\n" */

/* Reads a CSV file record by record. fn gets the 1-based line where the record
 * starts, its fields and count; returns non-zero to stop. A BOM is skipped;
 * malformed quoting is an error "file:line: ...". */
int csv_read_file(const char *path, char delim,
		  int (*fn)(long line, char **fields, size_t n, void *ctx), void *ctx,
		  char **cause);

/* Writes the cases of a kind (received in [from, to], ISO or NULL) as CSV: a
 * header row of field keys in kind order, then one row per case, dates as
 * DD-MM-YYYY. For surat_masuk this is the Buku Agenda Surat Masuk. */
int csv_export_kind(struct app *a, const char *kind, const char *from, const char *to,
		    FILE *fp, const struct csv_opts *o, long *rows, char **cause);

#endif
