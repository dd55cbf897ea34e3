/* csvio.c: CSV writing and streaming reading with libcsv, and the export of a kind's cases. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "util.h"

/* --- writer --- */

void csvw_init(struct csvw *w, FILE *fp, const struct csv_opts *o)
{
	w->fp = fp;
	if (o != NULL) {
		w->opts = *o;
	} else {
		w->opts.delim = ',';
		w->opts.bom = 0;
		w->opts.raw = 0;
	}
	if (w->opts.delim == '\0')
		w->opts.delim = ',';
	w->first = 1;
	if (w->opts.bom)
		fputs("\xef\xbb\xbf", fp);
}

void csvw_field(struct csvw *w, const char *s)
{
	if (!w->first)
		fputc(w->opts.delim, w->fp);
	w->first = 0;
	if (s == NULL)
		s = "";
	if (!w->opts.raw && s[0] != '\0' && strchr("=+-@", s[0]) != NULL) {
		/* A spreadsheet would run this as a formula: make it text. */
		char *t = xasprintf("'%s", s);
		csv_fwrite(w->fp, t, strlen(t));
		free(t);
		return;
	}
	csv_fwrite(w->fp, s, strlen(s));
}

void csvw_end(struct csvw *w)
{
	fputs("\r\n", w->fp);
	w->first = 1;
}

/* --- reader --- */

/*
 * The reader keeps the fields of the record being parsed back to back in one
 * buffer (each with its NUL) that is reused for every record: no allocation
 * per field or per record once the buffers have grown to the longest record.
 */
struct rd {
	char    *text;     /* fields of the current record, back to back */
	size_t   used, tcap;
	size_t  *off;      /* offset of each field in text */
	size_t  *len;      /* and its length */
	char   **field;    /* pointers handed to fn, made at the end of the record */
	size_t   n, cap;
	long     line;      /* line being fed to the parser */
	long     rec_line;  /* line where the current record started */
	int      in_record; /* rec_line is set for a record not yet ended */
	int      stopped;   /* fn asked to stop */
	int    (*fn)(struct csv_record *r, void *ctx);
	void    *ctx;
};

static void rd_field(void *s, size_t len, void *data)
{
	struct rd *r = data;
	if (r->stopped)
		return;
	if (s == NULL)
		len = 0;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->off = xreallocarray(r->off, r->cap, sizeof *r->off);
		r->len = xreallocarray(r->len, r->cap, sizeof *r->len);
		r->field = xreallocarray(r->field, r->cap, sizeof *r->field);
	}
	if (r->tcap - r->used < len + 1) {
		size_t want = r->used + len + 1;
		size_t cap = r->tcap ? r->tcap : 4096;
		while (cap < want)
			cap *= 2;
		r->text = xreallocarray(r->text, cap, 1);
		r->tcap = cap;
	}
	if (len > 0)
		memcpy(r->text + r->used, s, len);
	r->text[r->used + len] = '\0';
	r->off[r->n] = r->used;
	r->len[r->n] = len;
	r->n++;
	r->used += len + 1;
}

static void rd_record(int c, void *data)
{
	struct rd *r = data;
	(void)c;
	long line = r->in_record ? r->rec_line : r->line;
	r->in_record = 0;
	if (!r->stopped) {
		for (size_t i = 0; i < r->n; i++)
			r->field[i] = r->text + r->off[i];
		struct csv_record rec = { line, r->n, r->field, r->len, r->text, r->used };
		if (r->fn(&rec, r->ctx) != 0)
			r->stopped = 1;
	}
	r->n = 0;
	r->used = 0;
}

static void rd_free(struct rd *r)
{
	free(r->text);
	free(r->off);
	free(r->len);
	free(r->field);
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* A space libcsv drops around an unquoted field (space and tab, unless one is
 * the delimiter). */
static int rd_space(char c, char delim)
{
	return (c == ' ' || c == '\t') && c != delim;
}

/*
 * Splits a whole record on one line without libcsv, when that gives what
 * libcsv would: the line [s, s + n) ends with "\n" or "\r\n", has no other
 * CR or LF and no quote, and libcsv is between records. Fields are cut at
 * the delimiter and lose the spaces and tabs around them, as libcsv's do.
 * Returns 0, or -1 (nothing done) when the line needs libcsv.
 */
static int rd_simple_line(struct rd *r, const char *s, size_t n, char delim)
{
	size_t end = n - 1; /* the LF */
	if (end > 0 && s[end - 1] == '\r')
		end--;
	if (memchr(s, '"', end) != NULL || memchr(s, '\r', end) != NULL)
		return -1;
	size_t pos = 0;
	for (;;) {
		const char *d = memchr(s + pos, delim, end - pos);
		size_t stop = d != NULL ? (size_t)(d - s) : end;
		size_t a = pos, b = stop;
		while (a < b && rd_space(s[a], delim))
			a++;
		while (b > a && rd_space(s[b - 1], delim))
			b--;
		rd_field((void *)(s + a), b - a, r);
		if (d == NULL)
			break;
		pos = stop + 1;
	}
	rd_record(0, r);
	return 0;
}

static char *rd_error(const char *path, long line, int code)
{
	const char *why = code == CSV_EPARSE ? _("tanda kutip tidak benar") : _("CSV tidak dapat dibaca");
	return xasprintf("%s:%ld: %s (%s)", path, line, why, csv_strerror(code));
}

/*
 * Feeds the parser one line at a time so the callbacks know the line number.
 * Returns 0 on success or when fn stopped the reading; -1 with *cause on error.
 */
int csv_read_each(const char *path, char delim, int (*fn)(struct csv_record *r, void *ctx),
		  void *ctx, char **cause)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		if (cause)
			*cause = xasprintf(_("%s: tidak dapat dibuka: %s"), path, strerror(errno));
		return -1;
	}
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fclose(f);
		if (cause)
			*cause = xasprintf(_("%s: memori tidak cukup"), path);
		return -1;
	}
	char p_delim = delim ? delim : ',';
	csv_set_delim(&p, (unsigned char)p_delim);
	int idle = p.pstate; /* between records */

	struct rd r;
	memset(&r, 0, sizeof r);
	r.line = 1;
	r.fn = fn;
	r.ctx = ctx;

	char chunk[65536];
	size_t keep = 0;   /* bytes of an unfinished line at the start of chunk */
	int first = 1, rc = 0, eof = 0;
	while (!eof && !r.stopped) {
		size_t got = fread(chunk + keep, 1, sizeof chunk - keep, f);
		if (got == 0) {
			if (ferror(f)) {
				if (cause)
					*cause = xasprintf(_("%s: gagal dibaca: %s"), path, strerror(errno));
				rc = -1;
				goto out;
			}
			eof = 1;
		}
		size_t len = keep + got;
		size_t pos = 0;
		if (first) {
			if (len < 3 && !eof) {
				keep = len;
				continue;
			}
			if (len >= 3 && memcmp(chunk, "\xef\xbb\xbf", 3) == 0)
				pos = 3;
			first = 0;
		}
		while (pos < len && !r.stopped) {
			char *nl = memchr(chunk + pos, '\n', len - pos);
			size_t end;
			if (nl != NULL) {
				end = (size_t)(nl - chunk) + 1;
			} else if (eof || (pos == 0 && len == sizeof chunk)) {
				/* Last line, or a line longer than the chunk: feed what we have. */
				end = len;
			} else {
				break;
			}
			if (!r.in_record && !blank(chunk + pos, end - pos)) {
				r.in_record = 1;
				r.rec_line = r.line;
				/* most lines are whole records without quotes: when libcsv
				 * is between records (in the state csv_init left it in),
				 * they are split here, several times faster */
				if (nl != NULL && p.pstate == idle &&
				    rd_simple_line(&r, chunk + pos, end - pos, p_delim) == 0) {
					r.line++;
					pos = end;
					continue;
				}
			}
			size_t n = csv_parse(&p, chunk + pos, end - pos, rd_field, rd_record, &r);
			if (n != end - pos) {
				if (cause)
					*cause = rd_error(path, r.line, csv_error(&p));
				rc = -1;
				goto out;
			}
			if (nl != NULL)
				r.line++;
			pos = end;
		}
		keep = len - pos;
		if (keep > 0 && pos > 0)
			memmove(chunk, chunk + pos, keep);
	}
	if (!r.stopped && csv_fini(&p, rd_field, rd_record, &r) != 0) {
		if (cause)
			*cause = rd_error(path, r.in_record ? r.rec_line : r.line, csv_error(&p));
		rc = -1;
	}
out:
	rd_free(&r);
	csv_free(&p);
	fclose(f);
	return rc;
}

/* csv_read_file's callback and context, carried through csv_read_each. */
struct rd_plain {
	int  (*fn)(long line, char **fields, size_t n, void *ctx);
	void  *ctx;
};

static int rd_plain_record(struct csv_record *r, void *ctx)
{
	struct rd_plain *pl = ctx;
	return pl->fn(r->line, r->field, r->n, pl->ctx);
}

int csv_read_file(const char *path, char delim,
		  int (*fn)(long line, char **fields, size_t n, void *ctx), void *ctx,
		  char **cause)
{
	struct rd_plain pl = { fn, ctx };
	return csv_read_each(path, delim, rd_plain_record, &pl, cause);
}

/* --- export --- */

struct exp {
	const struct kind *k;
	struct csvw       *w;
	long               rows;
};

static int exp_case(const struct case_rec *c, void *data)
{
	struct exp *e = data;
	for (size_t i = 0; i < e->k->n_fields; i++) {
		const struct kfield *f = &e->k->fields[i];
		const char *stored = values_get(&c->fields, f->key);
		if (stored == NULL && f->auto_number)
			stored = c->number_text;
		if (stored == NULL) {
			csvw_field(e->w, "");
			continue;
		}
		char *shown = kind_display(f, stored);
		csvw_field(e->w, shown);
		free(shown);
	}
	csvw_end(e->w);
	e->rows++;
	return 0;
}

int csv_export_kind(struct app *a, const char *kind, const char *from, const char *to,
		    FILE *fp, const struct csv_opts *o, long *rows, char **cause)
{
	const struct kind *k = kindset_find(&a->kinds, kind);
	if (k == NULL) {
		if (cause)
			*cause = xasprintf(_("jenis berkas tidak dikenal: '%s'"), kind);
		return -1;
	}
	struct csvw w;
	csvw_init(&w, fp, o);
	for (size_t i = 0; i < k->n_fields; i++)
		csvw_field(&w, k->fields[i].key);
	csvw_end(&w);

	struct exp e = { k, &w, 0 };
	char *why = NULL;
	int rc = store_case_each(a->st, kind, from, to, exp_case, &e, &why);
	if (rows)
		*rows = e.rows;
	if (rc != 0) {
		if (cause)
			*cause = why ? why : xstrdup(_("ekspor gagal"));
		else
			free(why);
		return -1;
	}
	free(why);
	if (fflush(fp) != 0 || ferror(fp)) {
		if (cause)
			*cause = xasprintf(_("gagal menulis CSV: %s"), strerror(errno));
		return -1;
	}
	return 0;
}
