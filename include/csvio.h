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
 * starts, its fields and count; returns non-zero to stop. The fields may be
 * changed in place (str_trim) but are only valid until fn returns: the reader
 * reuses its memory. A BOM is skipped; blank lines give no record; malformed
 * quoting is an error "file:line: ...". */
int csv_read_file(const char *path, char delim,
		  int (*fn)(long line, char **fields, size_t n, void *ctx), void *ctx,
		  char **cause);

/* One record as csv_read_each hands it over; everything in it is the reader's
 * and valid only until the callback returns. */
struct csv_record {
	long    line;   /* 1-based line where the record starts */
	size_t  n;      /* fields */
	char  **field;  /* field[i]: NUL-terminated, may be changed in place */
	size_t *len;    /* strlen of each field as read */
	char   *text;   /* the fields back to back, each with its NUL: field[0] == text */
	size_t  size;   /* bytes of text, the NULs included */
};

/* The same reading as csv_read_file, for callers that keep records or need
 * lengths: a record is copied whole with one memcpy of text (the field at
 * offset field[i] - text in the copy). Returns as csv_read_file does. */
int csv_read_each(const char *path, char delim, int (*fn)(struct csv_record *r, void *ctx),
		  void *ctx, char **cause);

/* Writes the cases of a kind (received in [from, to], ISO or NULL) as CSV: a
 * header row of field keys in kind order, then one row per case, dates as
 * DD-MM-YYYY. For surat_masuk this is the Buku Agenda Surat Masuk. */
int csv_export_kind(struct app *a, const char *kind, const char *from, const char *to,
		    FILE *fp, const struct csv_opts *o, long *rows, char **cause);

#endif
