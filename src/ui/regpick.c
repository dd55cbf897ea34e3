/* regpick.c: modal picker over the cooperative registry, searched as you type (a page at a time). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "koperasi.h"
#include "ui.h"
#include "util.h"

#define REGPICK_FILTER_MAX 64 /* characters of the search */
#define REGPICK_PAGE       50 /* rows read at a time */

struct regpick {
	char           *title;
	wchar_t         filter[REGPICK_FILTER_MAX + 1];
	size_t          flen;
	struct kop_row *rows;   /* rows read so far for the search, in name order */
	size_t          n;
	int             more;   /* a further page may follow */
	size_t          cur;    /* selected row */
	size_t          top;    /* first row on screen */
	char           *err;    /* the search failed: why; owned */
	int             list_h; /* rows of the list at the last draw */
	void          (*done)(void *ctx, const char *value, const char *name);
	void           *ctx;
};

/* The search text (UTF-8), or NULL when empty. Caller frees. */
static char *regpick_search(const struct regpick *rp)
{
	if (rp->flen == 0)
		return NULL;
	char buf[REGPICK_FILTER_MAX * MB_LEN_MAX + 1];
	size_t n = wcstombs(buf, rp->filter, sizeof buf);
	if (n == (size_t)-1)
		return NULL;
	char *s = xstrdup(buf);
	if (*str_trim(s) == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Reads the next page after the rows held (from the start when none). */
static void regpick_fetch(struct regpick *rp)
{
	struct kop_query q;
	memset(&q, 0, sizeof q);
	char *search = regpick_search(rp);
	q.search = search;
	q.sort = KSORT_NAMA;
	struct kop_row *page = NULL;
	size_t got = 0;
	char *cause = NULL;
	const struct kop_row *from = rp->n > 0 ? &rp->rows[rp->n - 1] : NULL;
	if (store_koperasi_page(ui_app()->st, &q, from, 0, REGPICK_PAGE, &page, &got, &cause) < 0) {
		free(rp->err);
		rp->err = xstrdup(cause ? cause : _("pencarian gagal"));
		free(cause);
		rp->more = 0;
		free(search);
		return;
	}
	free(search);
	if (got > 0) {
		rp->rows = xreallocarray(rp->rows, rp->n + got, sizeof *rp->rows);
		memcpy(rp->rows + rp->n, page, got * sizeof *page);
		rp->n += got;
	}
	free(page); /* the rows' strings now belong to rp->rows */
	rp->more = got == REGPICK_PAGE;
}

/* The search changed: reads the first page again. */
static void regpick_requery(struct regpick *rp)
{
	kop_rows_free(rp->rows, rp->n);
	rp->rows = NULL;
	rp->n = 0;
	rp->cur = rp->top = 0;
	free(rp->err);
	rp->err = NULL;
	regpick_fetch(rp);
}

static void regpick_geometry(int *y, int *x, int *h, int *w)
{
	*w = COLS - 8 > 90 ? 90 : COLS - 8;
	if (*w < 40)
		*w = COLS;
	*h = LINES - 4;
	if (*h > 16)
		*h = 16;
	if (*h < 7)
		*h = LINES < 7 ? LINES : 7;
	*y = (LINES - *h) / 2;
	*x = (COLS - *w) / 2;
}

static void regpick_draw(struct screen *s)
{
	struct regpick *rp = s->state;
	int y, x, h, w;
	regpick_geometry(&y, &x, &h, &w);
	ui_box(y, x, h, w, rp->title);
	int iw = w - 4, ix = x + 2;

	char fb[REGPICK_FILTER_MAX * MB_LEN_MAX + 1];
	if (wcstombs(fb, rp->filter, sizeof fb) == (size_t)-1)
		fb[0] = '\0';
	const char *lab = _("Cari: ");
	int lw = str_width(lab);
	ui_put_attr(y + 1, ix, iw, lab, A_BOLD, CP_NORMAL);
	char *ff = str_fit(fb, iw - lw - 1);
	ui_put(y + 1, ix + lw, iw - lw, ff);
	int cx = ix + lw + str_width(ff);
	free(ff);

	int list_y = y + 2;
	int list_h = h - 4;
	if (list_h < 1)
		list_h = 1;
	rp->list_h = list_h;
	if (rp->cur < rp->top)
		rp->top = rp->cur;
	if (rp->cur >= rp->top + (size_t)list_h)
		rp->top = rp->cur - (size_t)list_h + 1;
	if (rp->err != NULL) {
		ui_put_attr(list_y, ix, iw, rp->err, A_NORMAL, CP_ERROR);
	} else if (rp->n == 0) {
		ui_put_attr(list_y, ix, iw, _("(tidak ada koperasi yang cocok)"), A_DIM, CP_NORMAL);
	}
	int nikw = KOPERASI_NIK_DIGITS;
	for (int r = 0; r < list_h && rp->err == NULL; r++) {
		size_t i = rp->top + (size_t)r;
		if (i >= rp->n)
			break;
		const struct kop_row *k = &rp->rows[i];
		const char *nik = k->nik && *k->nik ? k->nik : _("(tanpa NIK)");
		char *fn = str_fit(nik, nikw);
		char *line = xasprintf("%s%*s  %s", fn, nikw - str_width(fn), "",
				       k->nama ? k->nama : "");
		int sel = i == rp->cur;
		if (sel)
			ui_fill(list_y + r, x + 1, w - 2, A_NORMAL, CP_SELECT);
		ui_put_attr(list_y + r, ix, iw, line, A_NORMAL, sel ? CP_SELECT : CP_NORMAL);
		free(line);
		free(fn);
	}
	if (rp->top > 0)
		ui_put_attr(list_y, x + w - 2, 1, "^", A_BOLD, CP_NORMAL);
	if (rp->top + (size_t)list_h < rp->n || rp->more)
		ui_put_attr(list_y + list_h - 1, x + w - 2, 1, "v", A_BOLD, CP_NORMAL);
	ui_put_attr(y + h - 2, ix, iw, _("Ketik nama atau NIK  Enter pilih  Esc batal"), A_DIM,
		    CP_NORMAL);
	ui_cursor(y + 1, cx);
}

/* Moves the selection, reading further pages as it goes past the end. */
static void regpick_move(struct regpick *rp, long by)
{
	long c = (long)rp->cur + by;
	while (c >= (long)rp->n && rp->more) {
		size_t before = rp->n;
		regpick_fetch(rp);
		if (rp->n == before)
			break;
	}
	if (c >= (long)rp->n)
		c = (long)rp->n - 1;
	if (c < 0)
		c = 0;
	rp->cur = (size_t)c;
}

static int regpick_choose(struct regpick *rp)
{
	if (rp->n == 0 || rp->err != NULL)
		return H_DONE;
	const struct kop_row *k = &rp->rows[rp->cur];
	rp->done(rp->ctx, k->nik && *k->nik ? k->nik : k->id, k->nama);
	return H_POP;
}

static void regpick_edit(struct regpick *rp, int del, wchar_t c)
{
	if (del) {
		if (rp->flen == 0)
			return;
		rp->filter[--rp->flen] = L'\0';
	} else {
		if (rp->flen >= REGPICK_FILTER_MAX)
			return;
		rp->filter[rp->flen++] = c;
		rp->filter[rp->flen] = L'\0';
	}
	regpick_requery(rp);
}

static int regpick_key(struct screen *s, int is_key, wint_t ch)
{
	struct regpick *rp = s->state;
	long page = rp->list_h > 1 ? rp->list_h - 1 : 1;
	if (is_key) {
		switch (ch) {
		case KEY_UP:        regpick_move(rp, -1); return H_DONE;
		case KEY_DOWN:      regpick_move(rp, 1); return H_DONE;
		case KEY_PPAGE:     regpick_move(rp, -page); return H_DONE;
		case KEY_NPAGE:     regpick_move(rp, page); return H_DONE;
		case KEY_HOME:      rp->cur = 0; return H_DONE;
		case KEY_ENTER:     return regpick_choose(rp);
		case KEY_BACKSPACE: regpick_edit(rp, 1, 0); return H_DONE;
		case KEY_F(10):
			rp->done(rp->ctx, NULL, NULL);
			return H_POP;
		default:
			return H_DONE; /* a modal keeps other keys */
		}
	}
	switch (ch) {
	case 27:
		rp->done(rp->ctx, NULL, NULL);
		return H_POP;
	case '\r': case '\n':
		return regpick_choose(rp);
	case 127: case 8:
		regpick_edit(rp, 1, 0);
		return H_DONE;
	case 21: /* Ctrl-U */
		rp->flen = 0;
		rp->filter[0] = L'\0';
		regpick_requery(rp);
		return H_DONE;
	case 14: /* Ctrl-N */
		regpick_move(rp, 1);
		return H_DONE;
	case 16: /* Ctrl-P */
		regpick_move(rp, -1);
		return H_DONE;
	default:
		break;
	}
	if (ch >= 32 && ch != 127 && iswprint(ch))
		regpick_edit(rp, 0, (wchar_t)ch);
	return H_DONE;
}

static void regpick_free(struct screen *s)
{
	struct regpick *rp = s->state;
	kop_rows_free(rp->rows, rp->n);
	free(rp->err);
	free(rp->title);
	free(rp);
}

static const struct screen_ops regpick_ops = {
	.name   = "picker",
	.draw   = regpick_draw,
	.key    = regpick_key,
	.resize = NULL, /* geometry is computed at every draw */
	.resume = NULL,
	.free   = regpick_free,
	.fkeys  = N_("Enter Pilih  Esc Batal"),
};

/* See ui.h. initial (may be NULL) starts the search, e.g. the NIK already in
 * the field. */
struct screen *regpick_new(const char *title, const char *initial,
			   void (*done)(void *ctx, const char *value, const char *name), void *ctx)
{
	struct regpick *rp = xcalloc(1, sizeof *rp);
	rp->title = xstrdup(title ? title : _("Koperasi"));
	rp->done = done;
	rp->ctx = ctx;
	if (initial != NULL && *initial != '\0') {
		char *safe = str_sanitize(initial, 1);
		size_t n = mbstowcs(rp->filter, safe, REGPICK_FILTER_MAX);
		if (n == (size_t)-1)
			n = 0;
		rp->flen = n;
		rp->filter[n] = L'\0';
		free(safe);
	}
	regpick_fetch(rp);
	if (rp->n == 0 && rp->flen > 0 && rp->err == NULL) {
		/* e.g. an id in the field: start from the whole list instead */
		rp->flen = 0;
		rp->filter[0] = L'\0';
		regpick_requery(rp);
	}
	return ui_screen_new(&regpick_ops, rp, 1);
}
